import { Typography } from 'antd';

/** Placeholder until this screen is built on the shell. */
export default function PortInPage() {
  return <Typography.Title level={3}>PortInPage</Typography.Title>;
}
