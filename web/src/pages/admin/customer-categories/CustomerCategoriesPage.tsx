/** Placeholder until the screen is built. */
export default function CustomerCategoriesPage() {
  return null;
}
