import { Empty } from 'antd';

/**
 * What an empty table says, in the description grey of the theme: antd's own placeholder text is the disabled
 * grey, too faint to read (UI-1, axe colour contrast).
 */
export function EmptyTable({ text }: { text: string }) {
  return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={text} />;
}
