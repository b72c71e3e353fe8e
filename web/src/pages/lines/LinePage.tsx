import { Typography } from 'antd';

/** Placeholder until this screen is built on the shell. */
export default function LinePage() {
  return <Typography.Title level={3}>LinePage</Typography.Title>;
}
