import { Typography } from 'antd';

/** Placeholder until this screen is built on the shell. */
export default function OrderPage() {
  return <Typography.Title level={3}>OrderPage</Typography.Title>;
}
