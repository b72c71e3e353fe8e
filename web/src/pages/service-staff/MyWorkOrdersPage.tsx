import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Radio, Space, Spin, Typography } from 'antd';
import { api, unwrap } from '../../api-client/client';
import { unwrapPage } from '../../api-client/paging';
import { useSession } from '../../app/session';
import { PageHeading } from '../../components/PageHeading';
import { usePaging } from '../../components/usePaging';
import { useLanguage } from '../../i18n/language';
import { When } from '../work-orders/list/cells';
import { workOrderColumns, type WorkOrderColumn } from '../work-orders/list/columns';
import { WorkOrderTable } from '../work-orders/list/WorkOrderTable';
import { staffMessages as m } from './messages';

/** What each view lists: the work in hand, or what is done. */
const views = {
  open: { status: 'dispatched,inService', sort: 'sla' },
  done: { status: 'completed,closed', sort: 'newest' },
} as const;
type View = keyof typeof views;

/** An appointment is read from the work order itself (the list does not carry it); cached beside its page. */
const APPOINTMENT_STALE_MS = 30_000;

/**
 * My work orders (我的工单, REQ: WO-4…WO-6, UI-1): what the signed-in service staff member holds — the open ones
 * (dispatched, in service) by service level, the late first, or switched to the completed and closed ones —
 * with the appointment, the due times and what is late; each opens its work order. Paged on the server; the
 * view and the page are kept in the URL.
 */
export default function MyWorkOrdersPage() {
  const { t } = useLanguage();
  const session = useSession();
  const me = session?.operator.id ?? '';
  const { params, offset, pageSize, setFilter, pagination } = usePaging(20);
  const view: View = params.get('view') === 'done' ? 'done' : 'open';

  const query = useQuery({
    queryKey: ['work-orders', 'mine', { me, view, offset, pageSize }],
    queryFn: () =>
      unwrapPage(
        api.GET('/api/v1/work-orders', {
          params: { query: { assigneeId: me, ...views[view], offset, limit: pageSize } },
        }),
      ),
    placeholderData: keepPreviousData,
    enabled: me !== '',
  });

  const c = workOrderColumns(t);
  const columns: WorkOrderColumn[] = [
    c.id(),
    c.title(),
    c.priority(),
    c.status(),
    c.customer(),
    {
      title: t(m.appointment),
      key: 'appointment',
      render: (_: unknown, row) => <AppointmentCell id={row.id} />,
    },
    c.dueTimes(m.due),
  ];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <PageHeading title={t(m.myTitle)} intro={t(m.myIntro)} />
      <Radio.Group
        aria-label={t(m.show)}
        optionType="button"
        buttonStyle="solid"
        value={view}
        onChange={(e) => setFilter('view', e.target.value === 'done' ? 'done' : undefined)}
        options={[
          { value: 'open', label: t(m.showOpen) },
          { value: 'done', label: t(m.showDone) },
        ]}
      />
      <WorkOrderTable
        query={query}
        columns={columns}
        emptyText={t(view === 'open' ? m.myEmptyOpen : m.myEmptyDone)}
        pagination={pagination}
        loading={query.isFetching}
      />
    </Space>
  );
}

/** REQ: WO-5 — the time booked with the customer, or that none is booked yet. */
function AppointmentCell({ id }: { id: string }) {
  const { t } = useLanguage();
  const workOrder = useQuery({
    queryKey: ['work-order', id],
    queryFn: () => unwrap(api.GET('/api/v1/work-orders/{id}', { params: { path: { id } } })),
    staleTime: APPOINTMENT_STALE_MS,
  });
  if (workOrder.isPending) return <Spin size="small" />;
  const at = workOrder.data?.appointment?.at;
  return at ? (
    <When iso={at} />
  ) : (
    <Typography.Text type="secondary">{workOrder.data ? t(m.noAppointment) : '—'}</Typography.Text>
  );
}
