/** Placeholder until the screen is built. */
export default function NotificationsPage() {
  return null;
}
