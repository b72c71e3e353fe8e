import { Card, Empty, Space, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useParams, useSearchParams } from 'react-router-dom';
import { hasPermission, useSession } from '../../app/session';
import { usePageTitle } from '../../app/usePageTitle';
import { QueryState } from '../../components/PageState';
import { useLanguage } from '../../i18n/language';
import { labelOf, lineMessages as m, serviceChangeLabels } from './messages';
import { LineSummaryCard, OpenOrdersTable } from './LineSummaryCard';
import { MnpEligibility, PortOutForm } from './NumberPortability';
import { OrderResult } from './OrderResult';
import { PreCancellationForm, RevokePreCancellationForm } from './PreCancellationForms';
import { ServiceChangeForm } from './ServiceChangeForm';
import { StrongLink } from './StrongLink';
import { useLineSummary, type LineSummary } from './useLineSummary';

/**
 * The line page (号码业务): who owns the line and in what state it is, and every business the desk can take on
 * it — the service changes the API offers for its state (CHG-1, CHG-2), pre-cancellation and its revocation
 * (PC-1, PC-6; shown only with the permission), port-out and MNP eligibility (MNP-1, MNP-5). The chosen
 * action is kept in the URL (`?action=reportLoss`).
 */
export default function LinePage() {
  const { msisdn = '' } = useParams();
  const { t } = useLanguage();
  const line = useLineSummary(msisdn);
  usePageTitle(`${t(m.lineTitle)} ${msisdn}`);
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Space align="baseline" wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t(m.lineTitle)} {msisdn}
        </Typography.Title>
        <StrongLink to="/lines">{t(m.backToLookup)}</StrongLink>
      </Space>
      <QueryState query={line}>{(data) => <LineDesk line={data} />}</QueryState>
    </Space>
  );
}

function LineDesk({ line }: { line: LineSummary }) {
  const { t } = useLanguage();
  const session = useSession();
  const [params, setParams] = useSearchParams();
  const [taken, setTaken] = useState<{ orderId: string; untilEnded: boolean } | null>(null);
  const mayPreCancel = hasPermission(session, 'preCancellation');
  const onTaken = (orderId: string) => setTaken({ orderId, untilEnded: false });
  // REQ: PC-6 — a revocation is followed until the order has ended cancelled and service is back.
  const onRevoked = (orderId: string) => setTaken({ orderId, untilEnded: true });
  const graceOrderId = line.grace?.orderId ?? null;
  // An active line no other order holds (the API offers no change while one does).
  const free = line.status === 'active' && line.offeredChanges.length > 0;

  const items = [
    ...line.offeredChanges.map((type) => ({
      key: type,
      label: t(labelOf(serviceChangeLabels, type)),
      children: (
        <ServiceChangeForm type={type} msisdn={line.msisdn} lineStatus={line.status} onTaken={onTaken} />
      ),
    })),
    ...(mayPreCancel && free
      ? [
          {
            key: 'preCancellation',
            label: t(m.preCancellation),
            children: <PreCancellationForm msisdn={line.msisdn} onTaken={onTaken} />,
          },
        ]
      : []),
    ...(mayPreCancel && graceOrderId
      ? [
          {
            key: 'revokePreCancellation',
            label: t(m.revoke),
            children: <RevokePreCancellationForm orderId={graceOrderId} onRevoked={onRevoked} />,
          },
        ]
      : []),
    ...(free
      ? [
          {
            key: 'portOut',
            label: t(m.portOut),
            children: <PortOutForm msisdn={line.msisdn} onTaken={onTaken} />,
          },
        ]
      : []),
    { key: 'mnpEligibility', label: t(m.eligibility), children: <MnpEligibility msisdn={line.msisdn} /> },
  ];
  const requested = params.get('action');
  const active = items.some((i) => i.key === requested) ? (requested ?? undefined) : items[0]?.key;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <LineSummaryCard line={line} />
      <Card title={t(m.openOrders)} size="small">
        <OpenOrdersTable orders={line.openOrders} />
      </Card>
      {taken ? (
        <OrderResult
          key={`${taken.orderId}:${String(taken.untilEnded)}`}
          orderId={taken.orderId}
          untilEnded={taken.untilEnded}
          msisdn={line.msisdn}
        />
      ) : null}
      <Card title={t(m.actions)}>
        {items.length === 0 ? (
          <Empty description={t(m.noActions)} />
        ) : (
          <Tabs
            activeKey={active}
            // A list of services beside the form: a row of 16 would overflow into a menu axe-core rejects.
            tabPlacement="start"
            destroyOnHidden
            onChange={(key) => {
              setTaken(null);
              setParams({ action: key }, { replace: true });
            }}
            items={items}
          />
        )}
      </Card>
    </Space>
  );
}
