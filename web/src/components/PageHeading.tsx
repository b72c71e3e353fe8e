import { Typography } from 'antd';

/**
 * A screen's heading and the sentence under it that says what the screen is for (UI-1), in one of three looks:
 * - `list` (the default): a list's page title (level 1) with its intro close under it;
 * - `form`: a form's title (level 3), its intro a paragraph above the fields;
 * - `report`: a title (level 3) and its intro as two items of the page's own vertical `Space`, spaced by it.
 */
export function PageHeading({
  title,
  intro,
  variant = 'list',
}: {
  title: string;
  intro?: string;
  variant?: 'list' | 'form' | 'report';
}) {
  if (variant === 'report') {
    return (
      <>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {title}
        </Typography.Title>
        {intro ? <Typography.Paragraph style={{ margin: 0 }}>{intro}</Typography.Paragraph> : null}
      </>
    );
  }
  if (variant === 'form') {
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
