/** Placeholder until the screen is built. */
export default function GrabPoolPage() {
  return null;
}
