/** Placeholder until the screen is built. */
export default function LocksPage() {
  return null;
}
