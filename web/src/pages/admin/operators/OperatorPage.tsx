/** Placeholder until the screen is built. */
export default function OperatorPage() {
  return null;
}
