import { Empty } from 'antd';

/**
 * A table's empty state: antd's own placeholder text is its disabled grey (1.6:1 on white, an axe colour-contrast
 * failure); an `Empty` description is the darker description grey of the console's theme.
 */
export function tableEmpty(text: string) {
  return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={text} />;
}
