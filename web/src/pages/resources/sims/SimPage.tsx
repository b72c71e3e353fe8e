/** Placeholder until the screen is built. */
export default function SimPage() {
  return null;
}
