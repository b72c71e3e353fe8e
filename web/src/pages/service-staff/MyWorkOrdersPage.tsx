/** Placeholder until the screen is built. */
export default function MyWorkOrdersPage() {
  return null;
}
