/** Placeholder until the screen is built. */
export default function MemberBatchPage() {
  return null;
}
