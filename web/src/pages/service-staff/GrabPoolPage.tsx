import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { App, Button, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { api } from '../../api-client/client';
import { unwrapPage } from '../../api-client/paging';
import { PageHeading } from '../../components/PageHeading';
import { ErrorAlert } from '../../components/PageState';
import { usePaging } from '../../components/usePaging';
import { useLanguage } from '../../i18n/language';
import { fill } from '../../i18n/fill';
import { workOrderColumns, type WorkOrderColumn } from '../work-orders/list/columns';
import { WorkOrderTable } from '../work-orders/list/WorkOrderTable';
import { GrabLostAlert } from './GrabLostAlert';
import { useGrab, type LostGrab } from './grab';
import { staffMessages as m } from './messages';

/** REQ: WO-4 — the pool changes as colleagues grab: it is read again every 10 s by itself. */
const POOL_REFRESH_MS = 10_000;

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
  const [lost, setLost] = useState<LostGrab | null>(null);
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

  const c = workOrderColumns(t);
  const columns: WorkOrderColumn[] = [
    c.id(),
    c.title(),
    c.category(),
    c.priority(),
    c.customer(),
    c.outlet(),
    c.dueTimes(m.due),
    c.created(),
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
      <PageHeading title={t(m.poolTitle)} intro={t(m.poolIntro)} />
      {lost ? (
        <GrabLostAlert
          lost={lost}
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
      <WorkOrderTable query={pool} columns={columns} emptyText={t(m.poolEmpty)} pagination={pagination} />
    </Space>
  );
}
