import { Button, Card, DatePicker, Form, Input, Select, Space, Table, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { ErrorAlert } from '../../components/PageState';
import { useLanguage } from '../../i18n/language';
import { common } from '../../i18n/messages';
import {
  fill,
  orderMessages as m,
  orderStatusLabels,
  orderTypeLabels,
  type OrderStatus,
  type OrderType,
} from './messages';
import { useOrders, type OrderListItem, type OrderSearch } from './order-queries';
import { StatusTag } from './StatusTag';

/** The filters as the URL keeps them (so a search can be bookmarked, shared and gone back to). */
interface Filters {
  status?: OrderStatus;
  type?: OrderType;
  msisdn?: string;
  customer?: string;
  operatorId?: string;
  outletCode?: string;
  /** Days, YYYY-MM-DD, both included. */
  from?: string;
  to?: string;
}
const textFilters = ['msisdn', 'customer', 'operatorId', 'outletCode'] as const;
const DEFAULT_PAGE_SIZE = 20;

interface FilterForm {
  status?: OrderStatus;
  type?: OrderType;
  msisdn?: string;
  customer?: string;
  operatorId?: string;
  outletCode?: string;
  dates?: [Dayjs | null, Dayjs | null] | null;
}

/**
 * Orders (UI-1): filters by status, business, number, customer, operator, outlet and date range, all kept in
 * the URL; the API pages and counts (X-Total-Count); a row opens the order.
 */
export default function OrdersPage() {
  const { t } = useLanguage();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const filters = filtersOf(params);
  const page = Math.max(1, Number(params.get('page') ?? 1) || 1);
  const pageSize = Math.min(
    200,
    Math.max(1, Number(params.get('size') ?? DEFAULT_PAGE_SIZE) || DEFAULT_PAGE_SIZE),
  );
  const orders = useOrders(searchOf(filters, page, pageSize));

  const apply = (next: Filters, nextPage = 1, nextSize = pageSize) => {
    const p = new URLSearchParams();
    for (const [key, value] of Object.entries(next)) if (value) p.set(key, String(value));
    if (nextPage > 1) p.set('page', String(nextPage));
    if (nextSize !== DEFAULT_PAGE_SIZE) p.set('size', String(nextSize));
    setParams(p);
  };

  const onFinish = (v: FilterForm) => {
    const [from, to] = v.dates ?? [];
    apply({
      status: v.status,
      type: v.type,
      ...Object.fromEntries(textFilters.map((k) => [k, v[k]?.trim() || undefined])),
      from: from?.format('YYYY-MM-DD'),
      to: to?.format('YYYY-MM-DD'),
    });
  };

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t(m.ordersTitle)}
      </Typography.Title>
      <Card title={t(m.filters)} size="small">
        <Form<FilterForm>
          key={params.toString()}
          layout="inline"
          initialValues={{
            ...filters,
            dates: filters.from || filters.to ? [day(filters.from), day(filters.to)] : null,
          }}
          onFinish={onFinish}
          style={{ rowGap: 12 }}
        >
          <Form.Item name="status" label={t(m.status)}>
            <Select
              allowClear
              style={{ width: 180 }}
              options={Object.entries(orderStatusLabels).map(([value, label]) => ({
                value,
                label: t(label),
              }))}
            />
          </Form.Item>
          <Form.Item name="type" label={t(m.type)}>
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              style={{ width: 200 }}
              options={Object.entries(orderTypeLabels).map(([value, label]) => ({ value, label: t(label) }))}
            />
          </Form.Item>
          <Form.Item
            name="msisdn"
            label={t(m.msisdn)}
            rules={[{ pattern: /^\s*1\d{10}\s*$/, message: t(m.msisdnRule) }]}
          >
            <Input allowClear style={{ width: 150 }} inputMode="numeric" />
          </Form.Item>
          <Form.Item
            name="customer"
            label={t(m.customer)}
            rules={[{ min: 2, whitespace: true, message: t(m.customerRule) }]}
          >
            <Input allowClear style={{ width: 200 }} placeholder={t(m.customerHelp)} />
          </Form.Item>
          <Form.Item name="operatorId" label={t(m.operator)}>
            <Input allowClear style={{ width: 130 }} />
          </Form.Item>
          <Form.Item name="outletCode" label={t(m.outlet)}>
            <Input allowClear style={{ width: 150 }} />
          </Form.Item>
          <Form.Item name="dates" label={t(m.dateRange)}>
            <DatePicker.RangePicker allowEmpty={[true, true]} />
          </Form.Item>
          <Form.Item>
            <Space>
              <Button type="primary" htmlType="submit">
                {t(common.search)}
              </Button>
              <Button onClick={() => apply({})}>{t(common.reset)}</Button>
            </Space>
          </Form.Item>
        </Form>
      </Card>
      <ErrorAlert error={orders.error} />
      <Table<OrderListItem>
        rowKey="id"
        loading={orders.isFetching}
        dataSource={orders.data?.items ?? []}
        locale={{ emptyText: orders.isPending ? t(common.loading) : t(m.noOrders) }}
        onRow={(order) => ({
          onClick: () => void navigate(`/orders/${encodeURIComponent(order.id)}`),
          style: { cursor: 'pointer' },
        })}
        pagination={{
          current: page,
          pageSize,
          total: orders.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (n) => fill(t(m.totalOrders), { n }),
          onChange: (nextPage, nextSize) => apply(filters, nextSize !== pageSize ? 1 : nextPage, nextSize),
        }}
        columns={[
          {
            title: t(m.orderId),
            dataIndex: 'id',
            render: (id: string) => (
              <Link to={`/orders/${encodeURIComponent(id)}`} onClick={(e) => e.stopPropagation()}>
                {id}
              </Link>
            ),
          },
          { title: t(m.type), dataIndex: 'type', render: (type: OrderType) => t(orderTypeLabels[type]) },
          {
            title: t(m.status),
            dataIndex: 'status',
            render: (_: unknown, order) => <StatusTag status={order.status} label={order.statusLabel} />,
          },
          { title: t(m.msisdn), key: 'msisdn', render: (_: unknown, order) => summaryText(order, 'msisdn') },
          {
            title: t(m.customer),
            key: 'customer',
            render: (_: unknown, order) => summaryText(order, 'customerName'),
          },
          { title: t(m.operator), dataIndex: 'operatorId' },
          { title: t(m.outlet), dataIndex: 'outletCode', render: (code: string | null) => code ?? '—' },
          {
            title: t(m.createdAt),
            dataIndex: 'createdAt',
            render: (at: string | null) => (at ? dayjs(at).format('YYYY-MM-DD HH:mm') : '—'),
          },
        ]}
      />
    </Space>
  );
}

function filtersOf(params: URLSearchParams): Filters {
  const get = (key: string) => params.get(key)?.trim() || undefined;
  const status = get('status');
  const type = get('type');
  return {
    status: status && status in orderStatusLabels ? (status as OrderStatus) : undefined,
    type: type && type in orderTypeLabels ? (type as OrderType) : undefined,
    msisdn: get('msisdn'),
    customer: get('customer'),
    operatorId: get('operatorId'),
    outletCode: get('outletCode'),
    from: get('from'),
    to: get('to'),
  };
}

/** The API's query: the filters given (a date is a whole business day, as the API reads it) and the page. */
function searchOf(filters: Filters, page: number, pageSize: number): OrderSearch {
  const search: OrderSearch = { offset: (page - 1) * pageSize, limit: pageSize };
  if (filters.status) search.status = filters.status;
  if (filters.type) search.type = filters.type;
  for (const key of textFilters) if (filters[key]) search[key] = filters[key];
  if (day(filters.from)) search.from = filters.from;
  if (day(filters.to)) search.to = filters.to;
  return search;
}

function day(text: string | undefined): Dayjs | null {
  const d = text && /^\d{4}-\d{2}-\d{2}$/.test(text) ? dayjs(text) : null;
  return d?.isValid() ? d : null;
}

/** A text field of the order's summary when its business has it (e.g. the number, the customer's name). */
function summaryText(order: OrderListItem, field: 'msisdn' | 'customerName'): string {
  const value = (order.summary as Record<string, unknown>)[field];
  return typeof value === 'string' ? value : '—';
}
