import { Typography } from 'antd';

/** Placeholder until this screen is built on the shell. */
export default function LineLookupPage() {
  return <Typography.Title level={3}>LineLookupPage</Typography.Title>;
}
