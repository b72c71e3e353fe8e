import { Typography } from 'antd';

/**
 * A screen's heading and the sentence under it that says what the screen is for (UI-1): a list's page title
 * (level 1), or a form's (level 3, its intro a paragraph above the fields).
 */
export function PageHeading({ title, intro, level = 1 }: { title: string; intro?: string; level?: 1 | 3 }) {
  if (level === 3) {
    return (
      <div>
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          {title}
        </Typography.Title>
        {intro ? <Typography.Paragraph type="secondary">{intro}</Typography.Paragraph> : null}
      </div>
    );
  }
  return (
    <div>
      <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
        {title}
      </Typography.Title>
      {intro ? <Typography.Text type="secondary">{intro}</Typography.Text> : null}
    </div>
  );
}
