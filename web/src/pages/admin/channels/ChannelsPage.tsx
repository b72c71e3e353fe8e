/** Placeholder until the screen is built. */
export default function ChannelsPage() {
  return null;
}
