/** Placeholder until the screen is built. */
export default function NumberPage() {
  return null;
}
