import { Empty, Typography } from 'antd';

/**
 * What an empty table says, in the description grey of the console's theme: antd's own placeholder text is its
 * disabled grey (about 1.6:1 on white, under WCAG AA's 4.5:1 — an axe colour-contrast failure; UI-1). With
 * `textOnly` it is the text alone in the secondary grey, without the empty-box picture.
 */
export function TableEmpty({ text, textOnly = false }: { text: string; textOnly?: boolean }) {
  if (textOnly) return <Typography.Text type="secondary">{text}</Typography.Text>;
  return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={text} />;
}
