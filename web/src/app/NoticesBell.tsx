import { BellOutlined } from '@ant-design/icons';
import { Badge } from 'antd';
import { Link } from 'react-router-dom';
import { useLanguage } from '../i18n/language';
import { fill } from '../i18n/fill';
import { useUnreadNoticeCount } from '../pages/notifications/notification-queries';
import { shellMessages as m } from './messages';

/**
 * REQ: WO-6, UI-1 — the notices bell in the banner for the dispatcher desk: the number of unread notices (SLA
 * breaches escalated by the work-order workflow) on a badge, asked for every 10 s and when the window regains
 * focus; its accessible name says the number; it opens the notices.
 */
export function NoticesBell() {
  const { t } = useLanguage();
  const unread = useUnreadNoticeCount(true);
  const count = unread.data;
  const label =
    count === undefined
      ? t(m.noticesUnknown)
      : fill(t(count === 1 ? m.unreadNotice : m.unreadNotices), { n: String(count) });
  return (
    <Link
      to="/notifications"
      aria-label={label}
      title={label}
      className="notices-bell"
      data-testid="notices-bell"
    >
      <Badge count={count ?? 0} size="small" overflowCount={99} offset={[4, -2]}>
        <BellOutlined aria-hidden style={{ fontSize: 18, color: 'rgba(255, 255, 255, 0.92)' }} />
      </Badge>
    </Link>
  );
}
