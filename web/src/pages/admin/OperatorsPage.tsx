import { Typography } from 'antd';

/** Placeholder until this screen is built on the shell. */
export default function OperatorsPage() {
  return <Typography.Title level={3}>OperatorsPage</Typography.Title>;
}
