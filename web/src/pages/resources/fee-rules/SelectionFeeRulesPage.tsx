/** Placeholder until the screen is built. */
export default function SelectionFeeRulesPage() {
  return null;
}
