/** Placeholder until the screen is built. */
export default function ApprovalsPage() {
  return null;
}
