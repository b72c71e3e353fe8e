import { Card, Descriptions, Empty, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { useLanguage } from '../../i18n/language';
import { featureLabels, labelOf, lineMessages as m, serviceChangeLabels } from './messages';
import { orderHref } from './OrderResult';
import type { LineSummary } from './useLineSummary';
import { StrongLink, readableLabels } from './StrongLink';

const yuan = (fen: number) => `¥${(fen / 100).toFixed(2)}`;
const when = (iso: string | null | undefined) => (iso ? dayjs(iso).format('YYYY-MM-DD HH:mm') : '—');

/** Who owns the line (masked by the API), its state, product, features, balance and pre-cancellation grace. */
export function LineSummaryCard({ line }: { line: LineSummary }) {
  const { t } = useLanguage();
  const features =
    line.internationalRoaming && !line.features.includes('internationalRoaming')
      ? ['internationalRoaming', ...line.features]
      : line.features;
  const items = [
    {
      key: 'owner',
      label: t(m.owner),
      children: <span data-testid="line-owner">{line.owner?.name ?? '—'}</span>,
    },
    {
      key: 'state',
      label: t(m.state),
      children: <Tag data-testid="line-state">{t(line.statusLabel)}</Tag>,
    },
    {
      key: 'product',
      label: t(m.product),
      children: line.product.name ? `${line.product.name} (${line.product.code})` : line.product.code,
    },
    {
      key: 'features',
      label: t(m.features),
      children:
        features.length === 0
          ? t(m.noFeatures)
          : features.map((f) => <Tag key={f}>{t(labelOf(featureLabels, f))}</Tag>),
    },
    { key: 'balance', label: t(m.balance), children: yuan(line.balanceFen) },
    { key: 'opened', label: t(m.openedAt), children: when(line.openedAt) },
    ...(line.grace ? [{ key: 'grace', label: t(m.graceUntil), children: when(line.grace.endsAt) }] : []),
  ];
  return (
    <Card size="small">
      <Descriptions column={{ xs: 1, md: 2 }} items={items} styles={readableLabels} />
    </Card>
  );
}

/** The line's orders still running, each a link to its order page. */
export function OpenOrdersTable({ orders }: { orders: LineSummary['openOrders'] }) {
  const { t } = useLanguage();
  if (orders.length === 0)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t(m.noOpenOrders)} />;
  return (
    <Table
      size="small"
      rowKey="id"
      pagination={false}
      dataSource={orders}
      columns={[
        {
          title: t(m.orderId),
          dataIndex: 'id',
          render: (id: string) => <StrongLink to={orderHref(id)}>{id}</StrongLink>,
        },
        {
          title: t(m.orderType),
          dataIndex: 'type',
          render: (type: string) => t(labelOf(serviceChangeLabels, type)),
        },
        {
          title: t(m.orderStatus),
          key: 'status',
          render: (_: unknown, order) => <Tag>{t(order.statusLabel)}</Tag>,
        },
        { title: t(m.createdAt), dataIndex: 'createdAt', render: (iso: string | null) => when(iso) },
      ]}
    />
  );
}
