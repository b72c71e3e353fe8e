import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Form, Input, Select, Space, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link } from 'react-router-dom';
import { api } from '../../../api-client/client';
import { unwrapPage } from '../../../api-client/paging';
import type { paths } from '../../../api-client/schema';
import { PageHeading } from '../../../components/PageHeading';
import { QueryState } from '../../../components/PageState';
import { usePaging } from '../../../components/usePaging';
import { useLanguage } from '../../../i18n/language';
import { simStateLabels } from '../labels';
import { StateTag } from '../StateTag';
import { TableEmpty } from '../../../components/TableEmpty';
import { UnitSelect, unitCell } from '../UnitSelect';
import { simMessages as m } from './messages';

type Query = NonNullable<paths['/api/v1/sims']['get']['parameters']['query']>;
type Row = paths['/api/v1/sims']['get']['responses'][200]['content']['application/json']['items'][number];

const states = Object.keys(simStateLabels) as NonNullable<Query['state']>[];

/**
 * REQ: RES-3, RES-5 — every SIM card in stock for administrators, searched by ICCID prefix, state and holding
 * unit (kept in the URL), with its IMSI, state, bound number and holder; paged on the server.
 */
export default function SimsPage() {
  const { t } = useLanguage();
  const { params, offset, pageSize, setFilter, pagination } = usePaging(20);
  const prefix = params.get('prefix') ?? undefined;
  const rawState = params.get('state');
  const state = states.find((s) => s === rawState);
  const unitCode = params.get('unitCode') ?? undefined;

  const sims = useQuery({
    queryKey: ['sims', { prefix, state, unitCode, offset, pageSize }],
    queryFn: () =>
      unwrapPage(
        api.GET('/api/v1/sims', { params: { query: { prefix, state, unitCode, offset, limit: pageSize } } }),
      ),
    placeholderData: keepPreviousData,
  });

  const columns: ColumnsType<Row> = [
    {
      title: t(m.iccid),
      dataIndex: 'iccid',
      render: (v: string) => (
        <Link to={`/admin/sims/${v}`}>
          <code>{v}</code>
        </Link>
      ),
    },
    { title: t(m.imsi), dataIndex: 'imsi', render: (v: string) => <code>{v}</code> },
    {
      title: t(m.state),
      dataIndex: 'state',
      render: (s: string, row) => <StateTag code={s} label={row.stateLabel} />,
    },
    {
      title: t(m.msisdn),
      dataIndex: 'msisdn',
      render: (v: string | null) =>
        v ? (
          <Link to={`/admin/numbers/${v}`}>
            <code>{v}</code>
          </Link>
        ) : (
          '—'
        ),
    },
    { title: t(m.unit), key: 'unit', render: (_: unknown, row) => unitCell(t, row) },
  ];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <PageHeading title={t(m.listTitle)} intro={t(m.listIntro)} />
      <Form layout="inline" role="search" aria-label={t(m.listTitle)}>
        <Form.Item label={t(m.prefix)} htmlFor="sims-prefix">
          <Input.Search
            id="sims-prefix"
            allowClear
            inputMode="numeric"
            maxLength={20}
            defaultValue={prefix}
            style={{ width: 240 }}
            onSearch={(v) => setFilter('prefix', v.replace(/\D/g, ''))}
          />
        </Form.Item>
        <Form.Item label={t(m.state)} htmlFor="sims-state">
          <Select
            id="sims-state"
            style={{ minWidth: 130 }}
            value={state ?? ''}
            options={[
              { value: '', label: t(m.any) },
              ...states.map((s) => ({ value: s, label: t(simStateLabels[s]!) })),
            ]}
            onChange={(v: string) => setFilter('state', v)}
          />
        </Form.Item>
        <Form.Item label={t(m.unit)} htmlFor="sims-unit">
          <UnitSelect id="sims-unit" value={unitCode} onChange={(v) => setFilter('unitCode', v)} />
        </Form.Item>
      </Form>
      <QueryState query={sims}>
        {(data) => (
          <Table<Row>
            rowKey="iccid"
            size="middle"
            columns={columns}
            dataSource={data.items}
            loading={sims.isFetching}
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: <TableEmpty text={t(m.empty)} /> }}
            pagination={pagination(data.total, t(m.total))}
          />
        )}
      </QueryState>
    </Space>
  );
}
