import { Space } from 'antd';
import type { ColumnType } from 'antd/es/table';
import type { Bilingual } from '../../../i18n/messages';
import { labelFor } from '../../../i18n/messages';
import { categoryLabels } from '../messages';
import type { WorkOrderListItem } from '../work-order-queries';
import {
  CustomerCell,
  DueTimesCell,
  GreenChannelTag,
  PriorityTag,
  VipTag,
  When,
  WorkOrderLink,
  noWrap,
} from './cells';
import { listMessages as m } from './messages';

export type WorkOrderColumn = ColumnType<WorkOrderListItem>;
type Translate = (text: Bilingual) => string;

/**
 * The columns a list of work orders shares (the dispatch board, the grab pool, my work orders: UI-1, WO-6). Each
 * takes the language's `t`; the marks (green channel, VIP) go where the screen shows them.
 */
export const workOrderColumns = (t: Translate) => ({
  /** The ID as a link to the work order, with its green-channel mark unless the title carries it. */
  id: (opts: { greenMark?: boolean } = {}): WorkOrderColumn => ({
    title: t(m.id),
    dataIndex: 'id',
    render: (_: string, row) => <WorkOrderLink row={row} greenMark={opts.greenMark ?? true} />,
  }),
  /** The title is the customer's or the hotline's own words: never translated. */
  title: (opts: { greenMark?: boolean } = {}): WorkOrderColumn => ({
    title: t(m.workTitle),
    dataIndex: 'title',
    render: opts.greenMark
      ? (title: string, row) => (
          <Space size={4} wrap>
            <span>{title}</span>
            {row.kind === 'greenChannel' ? <GreenChannelTag /> : null}
          </Space>
        )
      : undefined,
  }),
  category: (): WorkOrderColumn => ({
    title: t(m.category),
    dataIndex: 'category',
    render: (c: string) => <span style={noWrap}>{t(labelFor(categoryLabels, c))}</span>,
  }),
  /** REQ: WO-6 — the priority, with the VIP mark beside it where the customer column does not carry it. */
  priority: (opts: { vipMark?: boolean } = {}): WorkOrderColumn => ({
    title: t(m.priority),
    dataIndex: 'priority',
    render: opts.vipMark
      ? (p: string, row) => (
          <Space size={4} wrap>
            <PriorityTag priority={p} />
            {row.vip ? <VipTag /> : null}
          </Space>
        )
      : (p: string) => <PriorityTag priority={p} />,
  }),
  /** The status as the API labels it. */
  status: (): WorkOrderColumn => ({
    title: t(m.status),
    dataIndex: 'status',
    render: (_: string, row) => <span style={noWrap}>{t(row.statusLabel)}</span>,
  }),
  /** CUST-1 — the customer, marked VIP unless the priority column carries it. */
  customer: (opts: { vipMark?: boolean } = {}): WorkOrderColumn => ({
    title: t(m.customer),
    key: 'customer',
    render: (_: unknown, row) => <CustomerCell row={row} vipMark={opts.vipMark ?? true} />,
  }),
  outlet: (): WorkOrderColumn => ({
    title: t(m.outlet),
    dataIndex: 'outletCode',
    render: (o: string | null) => <code>{o ?? '—'}</code>,
  }),
  /** REQ: WO-6 — the due times and lateness as the service staff read them (the board counts down instead). */
  dueTimes: (title: Bilingual): WorkOrderColumn => ({
    title: t(title),
    key: 'due',
    render: (_: unknown, row) => <DueTimesCell row={row} />,
  }),
  created: (opts: { short?: boolean } = {}): WorkOrderColumn => ({
    title: t(m.createdAt),
    dataIndex: 'createdAt',
    render: (iso: string) => <When iso={iso} short={opts.short} />,
  }),
});
