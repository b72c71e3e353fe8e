import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { TableEmpty } from '../../../components/TableEmpty';
import { AutoComplete, Button, DatePicker, Descriptions, Form, Input, Select, Space, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { useSearchParams } from 'react-router-dom';
import { api, unwrap } from '../../../api-client/client';
import type { Page } from '../../../api-client/paging';
import type { paths } from '../../../api-client/schema';
import { PageHeading } from '../../../components/PageHeading';
import { QueryState } from '../../../components/PageState';
import { usePaging } from '../../../components/usePaging';
import { fill } from '../../../i18n/fill';
import { useLanguage } from '../../../i18n/language';
import { labelFor } from '../../../i18n/messages';
import { actionLabels, auditMessages as m, outcomeLabels } from './messages';

type Entry = paths['/api/v1/audit']['get']['responses'][200]['content']['application/json'][number];

/** The filters, as kept in the URL (`?operator=admin01&route=/api/v1/dispatch-rules&from=…`). */
const TEXT_FILTERS = ['operator', 'route', 'target', 'outlet'] as const;
const OUTCOMES = ['success', 'refused', 'error'] as const;

interface FilterForm {
  operator?: string;
  route?: string;
  target?: string;
  outlet?: string;
  outcome?: string;
  from?: Dayjs | null;
  to?: Dayjs | null;
}

const when = (iso: string) => dayjs(iso).format('YYYY-MM-DD HH:mm:ss');

/**
 * REQ: ORD-4 — the audit log (审计日志) for administrators: every state-changing request with its operator,
 * channel and outlet, filtered by operator, action (route), target, outlet, outcome and time (all kept in the
 * URL), paged on the server (X-Total-Count); each entry's details open under it. The log holds no request body,
 * so no secret can show here.
 */
export default function AuditPage() {
  const { t } = useLanguage();
  const { params, offset, pageSize, pagination } = usePaging(20);
  const [, setParams] = useSearchParams();
  const [form] = Form.useForm<FilterForm>();
  const filters = {
    operatorId: params.get('operator') ?? undefined,
    route: params.get('route') ?? undefined,
    target: params.get('target') ?? undefined,
    outletCode: params.get('outlet') ?? undefined,
    outcome: OUTCOMES.find((o) => o === params.get('outcome')),
    from: validTime(params.get('from')),
    to: validTime(params.get('to')),
  };

  // The form shows what the URL says (a shared link, the browser's back button).
  useEffect(() => {
    form.setFieldsValue({
      operator: filters.operatorId ?? '',
      route: filters.route ?? '',
      target: filters.target ?? '',
      outlet: filters.outletCode ?? '',
      outcome: filters.outcome ?? '',
      from: filters.from ? dayjs(filters.from) : null,
      to: filters.to ? dayjs(filters.to) : null,
    });
  }, [form, params]);

  const query = useQuery({
    queryKey: ['audit', filters, offset, pageSize],
    queryFn: () =>
      auditPage(
        api.GET('/api/v1/audit', {
          params: {
            query: { ...filters, offset, limit: pageSize },
          },
        }),
      ),
    placeholderData: keepPreviousData,
  });

  const apply = (values: FilterForm) =>
    setParams((current) => {
      const next = new URLSearchParams(current);
      for (const name of TEXT_FILTERS) {
        const value = values[name]?.trim();
        if (value) next.set(name, value);
        else next.delete(name);
      }
      if (values.outcome) next.set('outcome', values.outcome);
      else next.delete('outcome');
      for (const name of ['from', 'to'] as const) {
        const value = values[name];
        if (value) next.set(name, value.toISOString());
        else next.delete(name);
      }
      next.delete('page');
      return next;
    });

  /** One more filter from an entry's own value (its operator, its route), the others as they are. */
  const only = (name: (typeof TEXT_FILTERS)[number], value: string) =>
    setParams((current) => {
      const next = new URLSearchParams(current);
      next.set(name, value);
      next.delete('page');
      return next;
    });

  // The routes with a name, offered as the action typed (the filter is the exact route pattern).
  const routeOptions = [...new Set(Object.keys(actionLabels).map((key) => key.split(' ')[1] ?? key))].map(
    (route) => ({
      value: route,
      label: `${route} · ${Object.entries(actionLabels)
        .filter(([key]) => key.endsWith(` ${route}`))
        .map(([, label]) => t(label))
        .join(' / ')}`,
    }),
  );

  const actionOf = (e: Entry) => {
    const label = actionLabels[`${e.method} ${e.route}`];
    return label ? t(label) : `${e.method} ${e.route}`;
  };

  const columns: ColumnsType<Entry> = [
    {
      title: t(m.at),
      dataIndex: 'at',
      render: (iso: string) => <span style={{ whiteSpace: 'nowrap' }}>{when(iso)}</span>,
    },
    {
      title: t(m.operator),
      dataIndex: 'operatorId',
      render: (id: string | null) =>
        id ? (
          <Button
            type="link"
            size="small"
            style={{ padding: 0 }}
            aria-label={fill(t(m.filterBy), { value: id })}
            onClick={() => only('operator', id)}
          >
            <code>{id}</code>
          </Button>
        ) : (
          '—'
        ),
    },
    {
      title: t(m.action),
      key: 'action',
      render: (_: unknown, e) => (
        <Space orientation="vertical" size={0}>
          <span>{actionOf(e)}</span>
          <span>
            <code>{e.method}</code>{' '}
            <Button
              type="link"
              size="small"
              style={{ padding: 0, height: 'auto' }}
              aria-label={fill(t(m.filterBy), { value: e.route })}
              onClick={() => only('route', e.route)}
            >
              <code>{e.route}</code>
            </Button>
          </span>
        </Space>
      ),
    },
    { title: t(m.target), dataIndex: 'target', render: (v: string | null) => (v ? <code>{v}</code> : '—') },
    {
      title: t(m.outcome),
      key: 'outcome',
      render: (_: unknown, e) => (
        <Space size={4} wrap>
          <Tag color={e.outcome === 'success' ? '#237804' : e.outcome === 'refused' ? '#874d00' : '#a8071a'}>
            {t(labelFor(outcomeLabels, e.outcome))}
          </Tag>
          {e.errorCode ? <code>{e.errorCode}</code> : null}
        </Space>
      ),
    },
  ];

  const details = (e: Entry) => (
    <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }} bordered>
      <Descriptions.Item label={t(m.requestId)}>
        <code>{e.requestId}</code>
      </Descriptions.Item>
      <Descriptions.Item label={t(m.at)}>{when(e.at)}</Descriptions.Item>
      <Descriptions.Item label={t(m.operator)}>{e.operatorId ?? '—'}</Descriptions.Item>
      <Descriptions.Item label={t(m.channel)}>{e.channelCode ?? '—'}</Descriptions.Item>
      <Descriptions.Item label={t(m.outlet)}>{e.outletCode ?? '—'}</Descriptions.Item>
      <Descriptions.Item label={t(m.method)}>{e.method}</Descriptions.Item>
      <Descriptions.Item label={t(m.route)}>
        <code>{e.route}</code>
      </Descriptions.Item>
      <Descriptions.Item label={t(m.target)}>{e.target ?? '—'}</Descriptions.Item>
      <Descriptions.Item label={t(m.status)}>{e.statusCode}</Descriptions.Item>
      <Descriptions.Item label={t(m.outcome)}>{t(labelFor(outcomeLabels, e.outcome))}</Descriptions.Item>
      <Descriptions.Item label={t(m.errorCode)}>{e.errorCode ?? '—'}</Descriptions.Item>
    </Descriptions>
  );

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <PageHeading title={t(m.title)} intro={t(m.intro)} />
      <Form<FilterForm>
        name="auditFilter"
        form={form}
        layout="inline"
        role="search"
        aria-label={t(m.title)}
        onFinish={apply}
      >
        <Form.Item name="operator" label={t(m.operator)}>
          <Input style={{ width: 140 }} maxLength={64} autoComplete="off" />
        </Form.Item>
        <Form.Item name="route" label={t(m.action)} tooltip={t(m.actionHelp)}>
          <AutoComplete
            style={{ width: 320 }}
            maxLength={200}
            options={routeOptions}
            filterOption={(input, option) => (option?.value ?? '').includes(input.trim())}
          />
        </Form.Item>
        <Form.Item name="target" label={t(m.target)}>
          <Input style={{ width: 180 }} maxLength={200} autoComplete="off" />
        </Form.Item>
        <Form.Item name="outlet" label={t(m.outlet)}>
          <Input style={{ width: 140 }} maxLength={64} autoComplete="off" />
        </Form.Item>
        <Form.Item name="outcome" label={t(m.outcome)}>
          <Select
            style={{ minWidth: 110 }}
            options={[
              { value: '', label: t(m.any) },
              ...OUTCOMES.map((o) => ({ value: o, label: t(labelFor(outcomeLabels, o)) })),
            ]}
          />
        </Form.Item>
        <Form.Item name="from" label={t(m.from)}>
          <DatePicker showTime />
        </Form.Item>
        <Form.Item
          name="to"
          label={t(m.to)}
          dependencies={['from']}
          rules={[
            ({ getFieldValue }) => ({
              validator: (_: unknown, value: Dayjs | null | undefined) => {
                const from = getFieldValue('from') as Dayjs | null | undefined;
                return value && from && !value.isAfter(from)
                  ? Promise.reject(new Error(t(m.toBeforeFrom)))
                  : Promise.resolve();
              },
            }),
          ]}
        >
          <DatePicker showTime />
        </Form.Item>
        <Form.Item>
          <Space>
            <Button type="primary" htmlType="submit">
              {t(m.search)}
            </Button>
            <Button onClick={() => apply({})}>{t(m.reset)}</Button>
          </Space>
        </Form.Item>
      </Form>
      <QueryState query={query}>
        {(data) => (
          <Table<Entry>
            rowKey="requestId"
            size="middle"
            columns={columns}
            dataSource={data.items}
            loading={query.isFetching}
            locale={{ emptyText: <TableEmpty text={t(m.empty)} /> }}
            expandable={{ expandedRowRender: details }}
            pagination={pagination(data.total, t(m.total))}
          />
        )}
      </QueryState>
    </Space>
  );
}

function validTime(raw: string | null): string | undefined {
  return raw && dayjs(raw).isValid() ? dayjs(raw).toISOString() : undefined;
}

/** The audit API answers a plain array with the total in X-Total-Count. */
async function auditPage(
  call: Promise<{ data?: Entry[]; error?: unknown; response: Response }>,
): Promise<Page<Entry>> {
  const answer = await call;
  const items = await unwrap(Promise.resolve(answer));
  const header = answer.response.headers.get('x-total-count');
  return { items, total: header === null ? items.length : Number(header) };
}
