import { Typography } from 'antd';

/** Placeholder until this screen is built on the shell. */
export default function OpenAccountPage() {
  return <Typography.Title level={3}>OpenAccountPage</Typography.Title>;
}
