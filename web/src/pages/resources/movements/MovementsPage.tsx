/** Placeholder until the screen is built. */
export default function MovementsPage() {
  return null;
}
