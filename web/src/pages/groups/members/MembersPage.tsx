/** Placeholder until the screen is built. */
export default function MembersPage() {
  return null;
}
