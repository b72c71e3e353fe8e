import { Alert, Descriptions, Space, Spin, Tag } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import dayjs from 'dayjs';
import { api, unwrap } from '../../api-client/client';
import type { paths } from '../../api-client/schema';
import { ErrorAlert } from '../../components/PageState';
import { useLanguage } from '../../i18n/language';
import { lineMessages as m } from './messages';
import { StrongLink, readableLabels } from './StrongLink';

type OrderView = paths['/api/v1/orders/{id}']['get']['responses'][200]['content']['application/json'];

const ended = new Set(['completed', 'failed', 'rejected', 'cancelled']);

/** Port-out (MNP-5): when the code was texted and until when it is valid — never the code itself. */
function codeTimes(order: OrderView): { sentAt: string; expiresAt: string } | null {
  const summary: object = order.summary;
  if (order.type !== 'portOut' || !('codeSentAt' in summary) || !('codeExpiresAt' in summary)) return null;
  const { codeSentAt, codeExpiresAt } = summary;
  return typeof codeSentAt === 'string' && typeof codeExpiresAt === 'string'
    ? { sentAt: codeSentAt, expiresAt: codeExpiresAt }
    : null;
}

/** An order is settled for this page once it ended, or waits (pending) with what staff must tell the customer. */
function settled(order: OrderView, untilEnded: boolean): boolean {
  if (ended.has(order.status)) return true;
  if (untilEnded) return false;
  if (order.status !== 'pending') return false;
  return order.type !== 'portOut' || codeTimes(order) !== null;
}

export function orderHref(id: string): string {
  return `/orders/${encodeURIComponent(id)}`;
}

/**
 * What became of an order just taken on the line page: its status as the API labels it, the failure reason,
 * the port-out code's sending and validity, and a link to the order page. It follows the order until it
 * settles, then refreshes the line so its new state shows.
 */
export function OrderResult(props: { orderId: string; msisdn: string; untilEnded?: boolean }) {
  const { orderId, msisdn } = props;
  const untilEnded = props.untilEnded ?? false;
  const { t, language } = useLanguage();
  const queryClient = useQueryClient();
  const order = useQuery({
    queryKey: ['order', orderId],
    queryFn: () => unwrap(api.GET('/api/v1/orders/{id}', { params: { path: { id: orderId } } })),
    refetchInterval: (query) => (query.state.data && settled(query.state.data, untilEnded) ? false : 1000),
  });
  const isSettled = order.data ? settled(order.data, untilEnded) : false;
  useEffect(() => {
    if (isSettled) void queryClient.invalidateQueries({ queryKey: ['line', msisdn] });
  }, [isSettled, queryClient, msisdn]);

  if (order.error) return <ErrorAlert error={order.error} />;
  const data = order.data;
  const code = data ? codeTimes(data) : null;
  const format = (iso: string) => dayjs(iso).format('YYYY-MM-DD HH:mm:ss');
  return (
    <Alert
      type={data?.failure ? 'error' : 'success'}
      showIcon
      role="status"
      data-testid="order-result"
      title={
        <Space wrap>
          <span>{t(m.submitted)}</span>
          <StrongLink to={orderHref(orderId)}>
            {t(m.viewOrder)} {orderId}
          </StrongLink>
          {data ? <Tag>{t(data.statusLabel)}</Tag> : <Spin size="small" />}
        </Space>
      }
      description={
        data ? (
          <>
            {data.failure ? (
              <p>
                {t(m.failure)}: {language === 'zh' ? data.failure.reason : data.failure.message}{' '}
                <code>{data.failure.code}</code>
              </p>
            ) : null}
            {data.type === 'portOut' && !code && !ended.has(data.status) ? <p>{t(m.codeWaiting)}</p> : null}
            {code ? (
              <Descriptions
                styles={readableLabels}
                size="small"
                column={1}
                title={t(m.codeSent)}
                items={[
                  { key: 'sent', label: t(m.codeSentAt), children: format(code.sentAt) },
                  { key: 'expires', label: t(m.codeExpiresAt), children: format(code.expiresAt) },
                ]}
              />
            ) : null}
          </>
        ) : null
      }
    />
  );
}
