/** Placeholder until the screen is built. */
export default function SimsPage() {
  return null;
}
