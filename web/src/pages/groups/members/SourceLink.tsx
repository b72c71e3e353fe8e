import { Typography } from 'antd';
import { Link } from 'react-router-dom';

/**
 * What added or changed a member (GRP-6): a member batch or an order, as a link to its page. Long IDs are cut
 * short on screen; the whole ID is the link's title.
 */
export function SourceLink({ source }: { source: string }) {
  const href = source.startsWith('MemberBatch:')
    ? `/member-batches/${encodeURIComponent(source)}`
    : `/orders/${encodeURIComponent(source)}`;
  return (
    <Link to={href} title={source}>
      <Typography.Text code ellipsis style={{ maxWidth: 220, color: 'inherit' }}>
        {source}
      </Typography.Text>
    </Link>
  );
}
