/** Placeholder until the screen is built. */
export default function GroupsPage() {
  return null;
}
