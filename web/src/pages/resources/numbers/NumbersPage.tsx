import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Form, Input, Select, Space, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { Link } from 'react-router-dom';
import { api } from '../../../api-client/client';
import { unwrapPage } from '../../../api-client/paging';
import type { paths } from '../../../api-client/schema';
import { PageHeading } from '../../../components/PageHeading';
import { QueryState } from '../../../components/PageState';
import { usePaging } from '../../../components/usePaging';
import { useLanguage } from '../../../i18n/language';
import { numberStateLabels, yuan } from '../labels';
import { StateTag } from '../StateTag';
import { TableEmpty } from '../../../components/TableEmpty';
import { UnitSelect, unitCell } from '../UnitSelect';
import { numberMessages as m } from './messages';
import { OpenNumber } from './OpenNumber';

type Query = NonNullable<paths['/api/v1/numbers']['get']['parameters']['query']>;
type Row = paths['/api/v1/numbers']['get']['responses'][200]['content']['application/json']['items'][number];

const states = Object.keys(numberStateLabels) as NonNullable<Query['state']>[];

/**
 * REQ: RES-3, RES-4, RES-5 — every number in stock for administrators, searched by first digits, state and
 * holding unit (kept in the URL), with its state, selection fee, holder and reservation; paged on the server.
 */
export default function NumbersPage() {
  const { t } = useLanguage();
  const { params, offset, pageSize, setFilter, pagination } = usePaging(20);
  const prefix = params.get('prefix') ?? undefined;
  const rawState = params.get('state');
  const state = states.find((s) => s === rawState);
  const unitCode = params.get('unitCode') ?? undefined;

  const numbers = useQuery({
    queryKey: ['numbers', { prefix, state, unitCode, offset, pageSize }],
    queryFn: () =>
      unwrapPage(
        api.GET('/api/v1/numbers', {
          params: { query: { prefix, state, unitCode, offset, limit: pageSize } },
        }),
      ),
    placeholderData: keepPreviousData,
  });

  const columns: ColumnsType<Row> = [
    {
      title: t(m.msisdn),
      dataIndex: 'msisdn',
      render: (v: string) => (
        <Link to={`/admin/numbers/${v}`}>
          <code>{v}</code>
        </Link>
      ),
    },
    {
      title: t(m.state),
      dataIndex: 'state',
      render: (s: string, row) => <StateTag code={s} label={row.stateLabel} />,
    },
    { title: t(m.fee), dataIndex: 'selectionFeeFen', render: (f: number) => yuan(f) },
    { title: t(m.unit), key: 'unit', render: (_: unknown, row) => unitCell(t, row) },
    // The owner's name, masked by the API as staff read it out: not translated.
    { title: t(m.owner), dataIndex: 'holder', render: (v: string | null) => v ?? '—' },
    {
      title: t(m.reservedUntil),
      dataIndex: 'reservedUntil',
      render: (v: string | null) => (v ? dayjs(v).format('YYYY-MM-DD HH:mm') : '—'),
    },
  ];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <PageHeading title={t(m.listTitle)} intro={t(m.listIntro)} />
      <Form layout="inline" role="search" aria-label={t(m.listTitle)}>
        <Form.Item label={t(m.prefix)} htmlFor="numbers-prefix">
          <Input.Search
            id="numbers-prefix"
            allowClear
            inputMode="numeric"
            maxLength={11}
            defaultValue={prefix}
            style={{ width: 200 }}
            onSearch={(v) => setFilter('prefix', v.replace(/\D/g, ''))}
          />
        </Form.Item>
        <Form.Item label={t(m.state)} htmlFor="numbers-state">
          <Select
            id="numbers-state"
            style={{ minWidth: 150 }}
            value={state ?? ''}
            options={[
              { value: '', label: t(m.any) },
              ...states.map((s) => ({ value: s, label: t(numberStateLabels[s]!) })),
            ]}
            onChange={(v: string) => setFilter('state', v)}
          />
        </Form.Item>
        <Form.Item label={t(m.unit)} htmlFor="numbers-unit">
          <UnitSelect id="numbers-unit" value={unitCode} onChange={(v) => setFilter('unitCode', v)} />
        </Form.Item>
      </Form>
      <OpenNumber />
      <QueryState query={numbers}>
        {(data) => (
          <Table<Row>
            rowKey="msisdn"
            size="middle"
            columns={columns}
            dataSource={data.items}
            loading={numbers.isFetching}
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: <TableEmpty text={t(m.empty)} /> }}
            pagination={pagination(data.total, t(m.total))}
          />
        )}
      </QueryState>
    </Space>
  );
}
