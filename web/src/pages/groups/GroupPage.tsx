import { Alert, Button, Card, Descriptions, Empty, List, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { hasPermission, useSession } from '../../app/session';
import { PageHeading } from '../../components/PageHeading';
import { QueryState } from '../../components/PageState';
import { fill } from '../../i18n/fill';
import { useLanguage } from '../../i18n/language';
import { labelFor } from '../../i18n/messages';
import { GroupOrderProgress, isGroupProductOrder } from '../orders/GroupOrderSummary';
import { useOrder } from '../orders/order-queries';
import { yuan } from '../orders/messages';
import {
  runningOrderOf,
  useGroup,
  useGroupProducts,
  type GroupView,
  type OrderableProduct,
  type ProductList,
  type Subscription,
} from './group-queries';
import { groupMessages as m, subscriptionStatusLabels } from './messages';
import { TermsText } from './TermsText';
import { TableEmpty } from '../../components/TableEmpty';

const when = (iso: string | null | undefined) => (iso ? dayjs(iso).format('YYYY-MM-DD HH:mm') : '—');

/**
 * A group customer (集团客户, REQ: GRP-1…GRP-5, GRP-9): its contracts (expired ones flagged), paying accounts,
 * the products it has that the operator may see — status, terms in force, a change kept for the next cycle,
 * members, the order working on it (awaiting approval, waiting for BBOSS since …, overdue; GRP-4) — and the
 * products the operator may order, with open, change and business cancellation. Products the operator lacks
 * the permission for are not shown; the hint says to ask an administrator (GRP-1).
 */
export default function GroupPage() {
  const { groupCode = '' } = useParams();
  const { t } = useLanguage();
  const group = useGroup(groupCode);
  const products = useGroupProducts(groupCode);
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Link to="/groups">{t(m.backToGroups)}</Link>
      <QueryState query={group}>
        {(g) => (
          <>
            <PageHeading title={`${g.name} · ${g.groupCode}`} intro={t(m.groupIntro)} />
            <Descriptions size="small" column={1}>
              <Descriptions.Item label={t(m.customerManager)}>
                <span>
                  {g.customerManager.name} <code>{g.customerManager.id}</code>
                </span>
              </Descriptions.Item>
            </Descriptions>
            <ContractsAndAccounts group={g} />
            <Subscriptions group={g} products={products.data} />
            <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t(m.orderable)}</h2>}>
              <QueryState query={products}>
                {(list) => <OrderableProducts group={g} list={list} />}
              </QueryState>
            </Card>
          </>
        )}
      </QueryState>
    </Space>
  );
}

function ContractsAndAccounts({ group }: { group: GroupView }) {
  const { t } = useLanguage();
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t(m.contracts)}</h2>}>
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={group.contracts}
          locale={{ emptyText: <TableEmpty text={t(m.noSubscriptions)} textOnly /> }}
          columns={[
            { title: t(m.contractId), dataIndex: 'id', render: (id: string) => <code>{id}</code> },
            { title: t(m.contractName), dataIndex: 'name' },
            { title: t(m.endsAt), dataIndex: 'endsAt', render: (at: string) => when(at) },
            {
              title: t(m.status),
              dataIndex: 'expired',
              render: (expired: boolean) =>
                expired ? (
                  <Tag color="#a8071a">{t(m.expired)}</Tag>
                ) : (
                  <Tag color="#237804">{t(m.inForce)}</Tag>
                ),
            },
          ]}
        />
      </Card>
      <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t(m.payingAccounts)}</h2>}>
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={group.payingAccounts}
          columns={[
            { title: t(m.accountId), dataIndex: 'id', render: (id: string) => <code>{id}</code> },
            { title: t(m.accountName), dataIndex: 'name' },
          ]}
        />
      </Card>
    </Space>
  );
}

/** The products the group has, as far as the operator may see them (GRP-1). */
function Subscriptions({ group, products }: { group: GroupView; products: ProductList | undefined }) {
  const { t } = useLanguage();
  const specOf = (code: string) => products?.items.find((p) => p.code === code);
  return (
    <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t(m.subscriptions)}</h2>}>
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        {group.hiddenSubscriptionCount > 0 ? (
          <Alert
            type="warning"
            showIcon
            data-testid="hidden-subscriptions"
            title={fill(t(m.hiddenSubscriptions), { n: String(group.hiddenSubscriptionCount) })}
          />
        ) : null}
        {group.subscriptions.length === 0 ? (
          <Empty description={t(m.noSubscriptions)} />
        ) : (
          group.subscriptions.map((s) => (
            <SubscriptionCard
              key={s.id}
              groupCode={group.groupCode}
              subscription={s}
              product={specOf(s.productCode)}
            />
          ))
        )}
      </Space>
    </Card>
  );
}

function SubscriptionCard({
  groupCode,
  subscription: s,
  product,
}: {
  groupCode: string;
  subscription: Subscription;
  product: OrderableProduct | undefined;
}) {
  const { t } = useLanguage();
  const running = runningOrderOf(s);
  const live = s.status !== 'cancelled';
  return (
    <Card
      type="inner"
      data-testid={`subscription-${s.productCode}`}
      title={
        <Space wrap>
          <span>{product?.name ?? s.productCode}</span>
          <code>{s.productCode}</code>
          <Tag color={s.status === 'active' ? '#237804' : s.status === 'cancelled' ? '#595959' : '#0958d9'}>
            <span data-testid="subscription-status">{t(labelFor(subscriptionStatusLabels, s.status))}</span>
          </Tag>
        </Space>
      }
      extra={
        live ? (
          <Link to={`/groups/${groupCode}/products/${s.productCode}/members`}>
            {t(m.members)} ({s.memberCount})
          </Link>
        ) : null
      }
    >
      <Descriptions size="small" column={{ xs: 1, md: 2 }}>
        <Descriptions.Item label={t(m.tariff)}>
          <span>
            <code>{s.currentTerms.tariffCode}</code>{' '}
            {product?.tariffs.find((x) => x.code === s.currentTerms.tariffCode)?.name ?? ''}
          </span>
        </Descriptions.Item>
        <Descriptions.Item label={t(m.termsFrom)}>{when(s.currentTerms.effectiveFrom)}</Descriptions.Item>
        <Descriptions.Item label={t(m.attributes)} span={2}>
          <TermsText values={s.currentTerms.attributes} spec={product?.spec} />
        </Descriptions.Item>
        {Object.keys(s.currentTerms.tariffParams).length > 0 ? (
          <Descriptions.Item label={t(m.tariffParams)} span={2}>
            <TermsText
              values={s.currentTerms.tariffParams}
              spec={product?.tariffs.find((x) => x.code === s.currentTerms.tariffCode)?.paramSpec}
            />
          </Descriptions.Item>
        ) : null}
        <Descriptions.Item label={t(m.contract)}>
          <code>{s.contractId}</code>
        </Descriptions.Item>
        <Descriptions.Item label={t(m.payingAccount)}>
          <code>{s.payingAccountId}</code>
        </Descriptions.Item>
        <Descriptions.Item label={t(m.openedAt)}>{when(s.openedAt)}</Descriptions.Item>
        <Descriptions.Item label={t(m.memberCount)}>{s.memberCount}</Descriptions.Item>
        {s.scheduledTerms && !s.scheduledTerms.inEffect ? (
          <Descriptions.Item label={t(m.scheduled)} span={2}>
            <Space orientation="vertical" size={0}>
              <span>{fill(t(m.scheduledFrom), { from: when(s.scheduledTerms.effectiveFrom) })}</span>
              {s.scheduledTerms.tariffCode ? (
                <span>
                  {t(m.tariff)}: <code>{s.scheduledTerms.tariffCode}</code>
                </span>
              ) : null}
              {s.scheduledTerms.attributes ? (
                <TermsText values={s.scheduledTerms.attributes} spec={product?.spec} />
              ) : null}
            </Space>
          </Descriptions.Item>
        ) : null}
      </Descriptions>
      {running ? <RunningOrder orderId={running} /> : null}
    </Card>
  );
}

/** REQ: GRP-3, GRP-4 — the order working on the product: a link, and where it stands when the operator may read it. */
function RunningOrder({ orderId }: { orderId: string }) {
  const { t } = useLanguage();
  const session = useSession();
  return (
    <Space orientation="vertical" style={{ width: '100%', marginTop: 12 }}>
      <Typography.Text>
        {t(m.lockedBy)}:{' '}
        {hasPermission(session, 'orders') ? (
          <Link to={`/orders/${encodeURIComponent(orderId)}`}>
            <code>{orderId}</code>
          </Link>
        ) : (
          <code>{orderId}</code>
        )}
      </Typography.Text>
      {hasPermission(session, 'orders') ? <RunningOrderProgress orderId={orderId} /> : null}
    </Space>
  );
}

function RunningOrderProgress({ orderId }: { orderId: string }) {
  const order = useOrder(orderId);
  if (!order.data || !isGroupProductOrder(order.data)) return null;
  return <GroupOrderProgress order={order.data} />;
}

/** REQ: GRP-1 — what the operator may order, with the actions the group's state allows, and the hint. */
function OrderableProducts({ group, list }: { group: GroupView; list: ProductList }) {
  const { t } = useLanguage();
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {list.hint ? <Alert type="info" showIcon data-testid="permission-hint" title={t(list.hint)} /> : null}
      {list.items.length === 0 ? null : (
        <List
          dataSource={list.items}
          renderItem={(p) => <ProductItem groupCode={group.groupCode} product={p} />}
        />
      )}
    </Space>
  );
}

function ProductItem({ groupCode, product: p }: { groupCode: string; product: OrderableProduct }) {
  const { t } = useLanguage();
  const navigate = useNavigate();
  const s = p.subscription;
  const orderPath = (action: string) => `/groups/${groupCode}/products/${p.code}/order?action=${action}`;
  const mayChange = s?.status === 'active' && s.lockedBy === null;
  return (
    <List.Item
      data-testid={`orderable-${p.code}`}
      actions={[
        s === null ? (
          <Button key="open" type="primary" onClick={() => void navigate(orderPath('open'))}>
            {t(m.actionOpen)}
          </Button>
        ) : null,
        mayChange ? (
          <Link key="change" to={orderPath('change')}>
            {t(m.actionChange)}
          </Link>
        ) : null,
        mayChange ? (
          <Link key="cancel" to={orderPath('cancel')}>
            {t(m.actionCancel)}
          </Link>
        ) : null,
      ].filter(Boolean)}
    >
      <List.Item.Meta
        title={
          <Space wrap>
            <span>{p.name}</span>
            <code>{p.code}</code>
            <Tag>
              {t(m.catalogue)} {p.catalogue}
            </Tag>
            {s ? <Tag color="#0958d9">{t(labelFor(subscriptionStatusLabels, s.status))}</Tag> : null}
          </Space>
        }
        description={
          <Space wrap size={[12, 4]}>
            {p.tariffs.map((x) => (
              <span key={x.code}>
                <code>{x.code}</code> {x.name} ·{' '}
                {fill(t(m.monthlyFee), { fee: yuan(x.monthlyFeePerMemberFen) })}
                {x.needsApproval ? (
                  <Tag color="#ad4e00" style={{ marginInlineStart: 4 }}>
                    {t(m.needsApproval)}
                  </Tag>
                ) : null}
              </span>
            ))}
          </Space>
        }
      />
    </List.Item>
  );
}
