/** Placeholder until the screen is built. */
export default function DispatchRulesPage() {
  return null;
}
