/** Placeholder until the screen is built. */
export default function PartnerBlacklistPage() {
  return null;
}
