import { Space, Tag } from 'antd';
import dayjs from 'dayjs';
import { Link } from 'react-router-dom';
import { useLanguage } from '../../i18n/language';
import { fill } from '../../i18n/fill';
import { labelFor } from '../../i18n/messages';
import { priorityLabels } from '../work-orders/messages';
import type { WorkOrderListItem } from '../work-orders/work-order-queries';
import { staffMessages as m } from './messages';

/** Solid tags with white text: each colour gives at least 4.5:1 (WCAG AA), which antd's light presets do not. */
const priorityColour: Record<string, string> = { P1: '#a8071a', P2: '#ad4e00', P3: '#0958d9', P4: '#595959' };
const LATE = '#a8071a';
const ON_TIME = '#237804';
const GOLD = '#874d00';
const noWrap = { whiteSpace: 'nowrap' } as const;

export const minuteTime = (iso: string | null | undefined) =>
  iso ? dayjs(iso).format('YYYY-MM-DD HH:mm') : '—';

export function When({ iso }: { iso: string | null | undefined }) {
  return <span style={noWrap}>{minuteTime(iso)}</span>;
}

/** The work order's ID as a link to its page, with its green-channel mark. */
export function WorkOrderLink({ row }: { row: WorkOrderListItem }) {
  const { t } = useLanguage();
  return (
    <Space size={4} wrap>
      <Link to={`/work-orders/${encodeURIComponent(row.id)}`}>
        <code>{row.id}</code>
      </Link>
      {row.kind === 'greenChannel' ? <Tag color={ON_TIME}>{t(m.greenChannel)}</Tag> : null}
    </Space>
  );
}

/** REQ: WO-6 — P1 is the most urgent; the code stays, the word beside it is translated. */
export function PriorityTag({ priority }: { priority: string }) {
  const { t } = useLanguage();
  return (
    <Tag color={priorityColour[priority]}>
      {priority} {t(labelFor(priorityLabels, priority))}
    </Tag>
  );
}

/** The customer as the list shows them (the number masked), marked VIP (CUST-1). Their name is never translated. */
export function CustomerCell({ row }: { row: WorkOrderListItem }) {
  const { t } = useLanguage();
  return (
    <Space size={4} wrap>
      <span>{row.customer.name}</span>
      <span>{row.customer.msisdn}</span>
      {row.vip ? <Tag color={GOLD}>{t(m.vip)}</Tag> : null}
    </Space>
  );
}

/** REQ: WO-6 — the response and resolution due times, and whether (and by how much) the work order is late. */
export function DueCell({ row }: { row: WorkOrderListItem }) {
  const { t } = useLanguage();
  return (
    <div style={noWrap}>
      <div>
        {t(m.responseDue)} <When iso={row.responseDueAt} />
      </div>
      <div>
        {t(m.resolutionDue)} <When iso={row.resolutionDueAt} />
      </div>
      {row.late ? (
        <Tag color={LATE} data-testid="late-mark">
          {row.lateByMinutes === null
            ? t(m.lateNoMinutes)
            : fill(t(m.late), { minutes: String(row.lateByMinutes) })}
        </Tag>
      ) : (
        <Tag color={ON_TIME}>{t(m.onTime)}</Tag>
      )}
    </div>
  );
}
