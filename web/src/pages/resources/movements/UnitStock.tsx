import { useQuery } from '@tanstack/react-query';
import { Card, Space, Statistic, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { api, unwrap } from '../../../api-client/client';
import type { paths } from '../../../api-client/schema';
import { QueryState } from '../../../components/PageState';
import { fill } from '../../../i18n/fill';
import { useLanguage } from '../../../i18n/language';
import { resourceTypeLabels } from '../labels';
import { StateTag } from '../StateTag';
import { TableEmpty } from '../../../components/TableEmpty';
import { movementMessages as m } from './messages';
import type { Unit } from './movement-queries';
import { unitName } from './unit-name';

type Level =
  paths['/api/v1/stock-levels']['get']['responses'][200]['content']['application/json']['items'][number];

/** REQ: RES-2, RES-3 — what the chosen unit holds now: the totals, and how many in each state (live counts). */
export function UnitStock({ unit }: { unit: Unit }) {
  const { t } = useLanguage();
  const unitCode = unit.code ?? 'central';
  const levels = useQuery({
    queryKey: ['stock-levels', unitCode],
    queryFn: () => unwrap(api.GET('/api/v1/stock-levels', { params: { query: { unitCode } } })),
  });
  const columns: ColumnsType<Level> = [
    { title: t(m.resourceType), dataIndex: 'resourceType', render: (v: string) => t(resourceTypeLabels[v]!) },
    {
      title: t(m.state),
      dataIndex: 'state',
      render: (s: string, row) => <StateTag code={s} label={row.stateLabel} />,
    },
    { title: t(m.count), dataIndex: 'count' },
  ];
  return (
    <Card
      title={<h2 style={{ fontSize: 16, margin: 0 }}>{fill(t(m.unitStock), { unit: unitName(t, unit) })}</h2>}
    >
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Space size="large" wrap>
          <Statistic title={t(m.numbersHeld)} value={unit.held.numbers} />
          <Statistic title={t(m.simsHeld)} value={unit.held.sims} />
        </Space>
        <QueryState query={levels}>
          {(data) => (
            <Table<Level>
              rowKey={(l) => `${l.resourceType}-${l.state}`}
              size="small"
              columns={columns}
              dataSource={data.items}
              pagination={false}
              data-testid="unit-stock-levels"
              locale={{ emptyText: <TableEmpty text={t(m.noStock)} /> }}
            />
          )}
        </QueryState>
      </Space>
    </Card>
  );
}
