/** Placeholder until the screen is built. */
export default function OutletStatsPage() {
  return null;
}
