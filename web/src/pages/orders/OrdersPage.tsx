import { Typography } from 'antd';

/** Placeholder until this screen is built on the shell. */
export default function OrdersPage() {
  return <Typography.Title level={3}>OrdersPage</Typography.Title>;
}
