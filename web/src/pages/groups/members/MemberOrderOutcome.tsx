import { Alert, Space, Spin } from 'antd';
import { Link } from 'react-router-dom';
import { ErrorAlert } from '../../../components/PageState';
import { useLanguage } from '../../../i18n/language';
import { StatusTag } from '../../orders/StatusTag';
import { membersMessages as m } from './messages';
import { useFollowedOrder, type GroupProductKey } from './member-queries';

/**
 * What became of the member order just taken (GRP-6…GRP-8): its status as the API labels it, the reason when
 * it failed and a link to the order's page. It follows the order until it ends; the list refreshes then.
 */
export function MemberOrderOutcome(props: { orderId: string; product: GroupProductKey }) {
  const { t, language } = useLanguage();
  const order = useFollowedOrder(props.orderId, props.product);
  if (order.error) return <ErrorAlert error={order.error} />;
  const data = order.data;
  return (
    <Alert
      type={data?.failure ? 'error' : 'info'}
      showIcon
      role="status"
      data-testid="member-order-outcome"
      title={
        <Space wrap>
          <span>{t(m.orderTaken)}</span>
          <Link to={`/orders/${encodeURIComponent(props.orderId)}`}>{props.orderId}</Link>
          {data ? <StatusTag status={data.status} label={data.statusLabel} /> : <Spin size="small" />}
        </Space>
      }
      description={
        data?.failure ? (
          <span>
            {t(m.orderFailure)}: {language === 'zh' ? data.failure.reason : data.failure.message}{' '}
            <code>{data.failure.code}</code>
          </span>
        ) : undefined
      }
    />
  );
}
