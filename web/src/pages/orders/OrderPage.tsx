import { Alert, Button, Card, Descriptions, Space, Timeline, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { hasPermission, useSession } from '../../app/session';
import { QueryState } from '../../components/PageState';
import { useLanguage } from '../../i18n/language';
import { CancelOrderModal } from './CancelOrderModal';
import { GroupOrderProgress, groupTimelineNote, isGroupProductOrder } from './GroupOrderSummary';
import { finalStatuses, orderMessages as m, orderTypeLabels, stepLabels, timelineNotes } from './messages';
import { useOrder, type OrderView } from './order-queries';
import { OrderSummary } from './OrderSummary';
import { StatusTag } from './StatusTag';

/**
 * One order (ORD-2): status, step, what it is about, why it failed and its timeline, updating by itself while
 * it runs (UI-1: a change shows within 2 s, no reload); cancel with a reason where the API allows (ORD-5, ORD-6).
 */
export default function OrderPage() {
  const { id = '' } = useParams();
  const { t } = useLanguage();
  const order = useOrder(id);
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Link to="/orders">{t(m.backToOrders)}</Link>
      <QueryState query={order}>{(data) => <OrderDetails order={data} />}</QueryState>
    </Space>
  );
}

function OrderDetails({ order }: { order: OrderView }) {
  const { t } = useLanguage();
  const session = useSession();
  const [cancelling, setCancelling] = useState(false);
  const running = !finalStatuses.includes(order.status);
  // A pre-cancellation is revoked from the line page, with the holder's identity (PC-6).
  const mayCancel = running && order.type !== 'preCancellation' && hasPermission(session, 'orders');
  const when = (at: string | null) => (at ? dayjs(at).format('YYYY-MM-DD HH:mm:ss') : '—');
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space align="center" wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t(orderTypeLabels[order.type])} <StatusTag status={order.status} label={order.statusLabel} />
        </Typography.Title>
        {mayCancel ? (
          <Button danger onClick={() => setCancelling(true)}>
            {t(m.cancelOrder)}
          </Button>
        ) : null}
      </Space>
      {running ? <Alert type="info" showIcon title={t(m.refreshing)} /> : null}
      {order.failure ? (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={t(m.failure)}
          description={
            <span data-testid="failure">
              {t({ zh: order.failure.reason, en: order.failure.message })} <code>{order.failure.code}</code>
            </span>
          }
        />
      ) : null}
      {isGroupProductOrder(order) ? <GroupOrderProgress order={order} /> : null}
      <Card>
        <Descriptions size="small" column={{ xs: 1, md: 2 }} title={t(m.details)}>
          <Descriptions.Item label={t(m.orderId)}>
            <code>{order.id}</code>
          </Descriptions.Item>
          <Descriptions.Item label={t(m.status)}>
            <span data-testid="order-status">{t(order.statusLabel)}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t(m.step)}>
            {order.step ? <StepName step={order.step} testId="order-step" /> : '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t(m.channel)}>
            <code>{order.channelCode}</code>
          </Descriptions.Item>
          <Descriptions.Item label={t(m.outlet)}>
            <code>{order.outletCode ?? '—'}</code>
          </Descriptions.Item>
          <Descriptions.Item label={t(m.operator)}>
            <code>{order.operatorId}</code>
          </Descriptions.Item>
          <Descriptions.Item label={t(m.createdAt)}>{when(order.createdAt)}</Descriptions.Item>
          <Descriptions.Item label={t(m.updatedAt)}>{when(order.updatedAt)}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Card>
        <OrderSummary order={order} />
      </Card>
      <Card title={t(m.timeline)}>
        <Timeline
          data-testid="timeline"
          items={order.timeline.map((entry, i) => ({
            key: i,
            color: entry.status === 'failed' || entry.status === 'rejected' ? 'red' : undefined,
            content: (
              <Space orientation="vertical" size={0}>
                <span>
                  <strong>{t(entry.statusLabel)}</strong>
                  {entry.step ? (
                    <>
                      {' · '}
                      <StepName step={entry.step} />
                    </>
                  ) : null}
                </span>
                <Typography.Text type="secondary">
                  {when(entry.at)} · {t(m.actor)}{' '}
                  {entry.actor === 'system' ? t(m.system) : <code>{entry.actor}</code>}
                </Typography.Text>
                {entry.reason ? (
                  <span>
                    {t(m.reason)}: <TimelineNote note={entry.reason} failure={order.failure} />
                  </span>
                ) : null}
              </Space>
            ),
          }))}
        />
      </Card>
      <CancelOrderModal orderId={order.id} open={cancelling} onClose={() => setCancelling(false)} />
    </Space>
  );
}

/**
 * A timeline note: a failure in the chosen language, a system note translated, anything staff typed (a cancel
 * reason) as typed.
 */
function TimelineNote({ note, failure }: { note: string; failure: OrderView['failure'] }) {
  const { t } = useLanguage();
  if (failure && note === failure.message) return <>{t({ zh: failure.reason, en: failure.message })}</>;
  const known = timelineNotes[note] ?? groupTimelineNote(note);
  if (known) return <>{t(known)}</>;
  return <span data-customer-text>{note}</span>;
}

/** A business step by its name where staff know one, always with its code. */
function StepName({ step, testId }: { step: string; testId?: string }) {
  const { t } = useLanguage();
  const label = stepLabels[step];
  return (
    <span>
      {label ? `${t(label)} ` : null}
      <code data-testid={testId}>{step}</code>
    </span>
  );
}
