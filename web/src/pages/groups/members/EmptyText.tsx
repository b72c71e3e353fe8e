import { Typography } from 'antd';

/**
 * An empty table's text in the secondary grey: antd's own placeholder grey (colorTextDisabled) gives about 1.6:1,
 * under WCAG AA's 4.5:1 (UI-1, axe colour contrast).
 */
export function EmptyText({ text }: { text: string }) {
  return <Typography.Text type="secondary">{text}</Typography.Text>;
}
