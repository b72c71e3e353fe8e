/** Placeholder until the screen is built. */
export default function NumbersPage() {
  return null;
}
