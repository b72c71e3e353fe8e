/** Placeholder until the screen is built. */
export default function GroupProductOrderPage() {
  return null;
}
