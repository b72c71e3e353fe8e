import { Typography } from 'antd';

/** Placeholder until this screen is built on the shell. */
export default function WorkOrdersPage() {
  return <Typography.Title level={3}>WorkOrdersPage</Typography.Title>;
}
