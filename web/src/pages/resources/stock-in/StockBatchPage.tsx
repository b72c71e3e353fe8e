/** Placeholder until the screen is built. */
export default function StockBatchPage() {
  return null;
}
