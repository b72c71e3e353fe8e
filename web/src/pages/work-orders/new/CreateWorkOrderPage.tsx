/** Placeholder until the screen is built. */
export default function CreateWorkOrderPage() {
  return null;
}
