/** Placeholder until the screen is built. */
export default function StockBatchesPage() {
  return null;
}
