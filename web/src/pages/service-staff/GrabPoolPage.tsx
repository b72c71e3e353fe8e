import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { api } from '../../api-client/client';
import { unwrapPage } from '../../api-client/paging';
import { ErrorAlert, QueryState } from '../../components/PageState';
import { usePaging } from '../../components/usePaging';
import { useLanguage } from '../../i18n/language';
import { fill } from '../../i18n/fill';
import { labelFor } from '../../i18n/messages';
import { categoryLabels } from '../work-orders/messages';
import type { WorkOrderListItem } from '../work-orders/work-order-queries';
import { CustomerCell, DueCell, PriorityTag, When, WorkOrderLink } from './cells';
import { useGrab, winnerOf, type GrabOutcome } from './grab';
import { staffMessages as m } from './messages';

/** REQ: WO-4 — the pool changes as colleagues grab: it is read again every 10 s by itself. */
const POOL_REFRESH_MS = 10_000;

type Lost = Extract<GrabOutcome, { outcome: 'lost' }>;

/**
 * One page of the work orders the signed-in staff member may grab now (accepted or at an outlet, nobody
 * assigned, at their outlet or at none), most urgent first, with the total the API counted.
 */
function fetchPool(offset: number, limit: number) {
  return unwrapPage(api.GET('/api/v1/work-orders/grab-pool', { params: { query: { offset, limit } } }));
}

/**
 * The grab pool (抢单池, REQ: WO-4, UI-1): accepted work orders nobody holds yet, most urgent first, refreshed by
 * itself. Grabbing one opens it; one somebody else got first says who, and the pool is read again.
 */
export default function GrabPoolPage() {
  const { t } = useLanguage();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { offset, pageSize, pagination } = usePaging(20);
  const [lost, setLost] = useState<Lost | null>(null);
  const grab = useGrab();

  const pool = useQuery({
    queryKey: ['grab-pool', { offset, pageSize }],
    queryFn: () => fetchPool(offset, pageSize),
    placeholderData: keepPreviousData,
    refetchInterval: POOL_REFRESH_MS,
  });

  const onGrab = (id: string) => {
    setLost(null);
    grab.mutate(id, {
      onSuccess: (result) => {
        if (result.outcome === 'won') {
          void message.success(fill(t(m.grabbed), { id }));
          void navigate(`/work-orders/${encodeURIComponent(id)}`, { state: { grabbed: true } });
        } else {
          setLost(result);
          void pool.refetch();
        }
      },
    });
  };

  const columns: ColumnsType<WorkOrderListItem> = [
    { title: t(m.id), dataIndex: 'id', render: (_: string, row) => <WorkOrderLink row={row} /> },
    // The title is the customer's or the hotline's own words: never translated.
    { title: t(m.workTitle), dataIndex: 'title' },
    {
      title: t(m.category),
      dataIndex: 'category',
      render: (c: string) => t(labelFor(categoryLabels, c)),
    },
    { title: t(m.priority), dataIndex: 'priority', render: (p: string) => <PriorityTag priority={p} /> },
    { title: t(m.customer), key: 'customer', render: (_: unknown, row) => <CustomerCell row={row} /> },
    { title: t(m.outlet), dataIndex: 'outletCode', render: (o: string | null) => <code>{o ?? '—'}</code> },
    { title: t(m.due), key: 'due', render: (_: unknown, row) => <DueCell row={row} /> },
    { title: t(m.createdAt), dataIndex: 'createdAt', render: (iso: string) => <When iso={iso} /> },
    {
      title: t(m.actions),
      key: 'grab',
      render: (_: unknown, row) => (
        <Button
          type="primary"
          loading={grab.isPending && grab.variables === row.id}
          disabled={grab.isPending && grab.variables !== row.id}
          onClick={() => onGrab(row.id)}
        >
          {t(m.grab)}
        </Button>
      ),
    },
  ];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <div>
        <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
          {t(m.poolTitle)}
        </Typography.Title>
        <Typography.Text type="secondary">{t(m.poolIntro)}</Typography.Text>
      </div>
      {lost ? (
        <Alert
          type="warning"
          showIcon
          role="alert"
          data-testid="grab-lost"
          title={
            lost.winner
              ? fill(t(m.grabLost), { id: lost.id, winner: winnerOf(lost) })
              : fill(t(m.grabLostUnknown), { id: lost.id })
          }
          description={t(m.grabLostNext)}
          closable={{ 'aria-label': t(m.close), onClose: () => setLost(null) }}
        />
      ) : null}
      <ErrorAlert error={grab.error} />
      <Space>
        <Typography.Text type="secondary">
          {pool.dataUpdatedAt
            ? fill(t(m.refreshedAt), { time: dayjs(pool.dataUpdatedAt).format('HH:mm:ss') })
            : null}
        </Typography.Text>
        <Button size="small" onClick={() => void pool.refetch()} loading={pool.isFetching}>
          {t(m.refresh)}
        </Button>
      </Space>
      <QueryState query={pool}>
        {(data) => (
          <Table<WorkOrderListItem>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={data.items}
            locale={{ emptyText: t(m.poolEmpty) }}
            pagination={{
              ...pagination(data.total),
              showTotal: (total: number) => fill(t(m.total), { total: String(total) }),
            }}
          />
        )}
      </QueryState>
    </Space>
  );
}
