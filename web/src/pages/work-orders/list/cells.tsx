import { Space, Tag } from 'antd';
import dayjs from 'dayjs';
import { Link } from 'react-router-dom';
import { fill } from '../../../i18n/fill';
import { useLanguage } from '../../../i18n/language';
import { labelFor } from '../../../i18n/messages';
import { countdownText, type DueState } from '../desk/due';
import { boardMessages, dueMessages } from '../desk/messages';
import { priorityLabels } from '../messages';
import type { WorkOrderListItem } from '../work-order-queries';
import { listMessages as m } from './messages';

/** Solid tags with white text: each colour gives at least 4.5:1 (WCAG AA), which antd's light presets do not. */
const priorityColour: Record<string, string> = { P1: '#a8071a', P2: '#ad4e00', P3: '#0958d9', P4: '#595959' };
export const LATE = '#a8071a';
export const RISK = '#874d00';
export const ON_TIME = '#237804';
const GOLD = '#874d00';
export const noWrap = { whiteSpace: 'nowrap' } as const;

export const minuteTime = (iso: string | null | undefined) =>
  iso ? dayjs(iso).format('YYYY-MM-DD HH:mm') : '—';

/** A time to the minute, with the year (`full`) or without it (the board's short form). */
export function When({ iso, short = false }: { iso: string | null | undefined; short?: boolean }) {
  return <span style={noWrap}>{short && iso ? dayjs(iso).format('MM-DD HH:mm') : minuteTime(iso)}</span>;
}

export function GreenChannelTag() {
  const { t } = useLanguage();
  return <Tag color={ON_TIME}>{t(m.greenChannel)}</Tag>;
}

export function VipTag() {
  const { t } = useLanguage();
  return <Tag color={GOLD}>{t(m.vip)}</Tag>;
}

/** The work order's ID as a link to its page, with its green-channel mark unless `greenMark` is false. */
export function WorkOrderLink({ row, greenMark = true }: { row: WorkOrderListItem; greenMark?: boolean }) {
  const link = (
    <Link to={`/work-orders/${encodeURIComponent(row.id)}`}>
      <code>{row.id}</code>
    </Link>
  );
  if (!greenMark) return link;
  return (
    <Space size={4} wrap>
      {link}
      {row.kind === 'greenChannel' ? <GreenChannelTag /> : null}
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
export function CustomerCell({ row, vipMark = true }: { row: WorkOrderListItem; vipMark?: boolean }) {
  if (!vipMark) {
    return (
      <span style={noWrap}>
        {row.customer.name} {row.customer.msisdn}
      </span>
    );
  }
  return (
    <Space size={4} wrap>
      <span>{row.customer.name}</span>
      <span>{row.customer.msisdn}</span>
      {row.vip ? <VipTag /> : null}
    </Space>
  );
}

/** REQ: WO-6 — the response and resolution due times, and whether (and by how much) the work order is late. */
export function DueTimesCell({ row }: { row: WorkOrderListItem }) {
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
          {/* Under a minute late reads "late", not "late by 0 min". */}
          {!row.lateByMinutes ? t(m.lateNoMinutes) : fill(t(m.late), { minutes: String(row.lateByMinutes) })}
        </Tag>
      ) : (
        <Tag color={ON_TIME}>{t(m.onTime)}</Tag>
      )}
    </div>
  );
}

/** A work order's due time counting down, with the words that say it is about to breach or late (WO-6). */
export function DueCountdownCell({ state, late }: { state: DueState; late: boolean }) {
  const { t } = useLanguage();
  if (state.leftMs === null || state.target === null) {
    return late ? <Tag color={LATE}>{t(dueMessages.wasLate)}</Tag> : <span>—</span>;
  }
  const tag =
    state.level === 'overdue' ? (
      <Tag color={LATE}>{t(dueMessages.overdue)}</Tag>
    ) : state.level === 'atRisk' ? (
      <Tag color={RISK}>{t(dueMessages.atRisk)}</Tag>
    ) : late ? (
      <Tag color={LATE}>{t(dueMessages.wasLate)}</Tag>
    ) : null;
  return (
    <div style={noWrap} data-testid="due">
      <div>
        {t(state.target === 'response' ? boardMessages.respond : boardMessages.resolve)}{' '}
        <strong style={state.level === 'overdue' ? { color: LATE } : undefined}>
          {countdownText(state.leftMs, t)}
        </strong>
      </div>
      <div>
        {tag}
        <small>{state.dueAt ? dayjs(state.dueAt).format('MM-DD HH:mm') : ''}</small>
      </div>
    </div>
  );
}
