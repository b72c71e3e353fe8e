/** Placeholder until the screen is built. */
export default function GroupPage() {
  return null;
}
