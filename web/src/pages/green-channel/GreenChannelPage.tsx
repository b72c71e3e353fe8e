/** Placeholder until the screen is built. */
export default function GreenChannelPage() {
  return null;
}
