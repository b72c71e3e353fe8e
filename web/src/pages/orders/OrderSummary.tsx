import { Alert, Descriptions, Typography } from 'antd';
import dayjs from 'dayjs';
import { useLanguage } from '../../i18n/language';
import type { Bilingual } from '../../i18n/messages';
import { orderMessages as m, yuan } from './messages';
import type { OrderView } from './order-queries';
import { GroupOrderSummary, isGroupProductOrder } from './GroupOrderSummary';
import { QuoteTable } from './QuoteTable';

/** What an order is about: an opening's number, product, quote and receipt; another business's own fields. */
export function OrderSummary({ order }: { order: OrderView }) {
  const { t } = useLanguage();
  if (isGroupProductOrder(order)) return <GroupOrderSummary order={order} />;
  if (order.type === 'openAccount') {
    const s = order.summary;
    return (
      <>
        <Descriptions bordered size="small" column={2} title={t(m.summary)}>
          <Descriptions.Item label={t(m.msisdn)}>
            <span data-testid="order-msisdn">{s.msisdn ?? '—'}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t(m.receiptNo)}>
            <span data-testid="receipt-no">{s.receiptNo ?? '—'}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t(m.customerName)}>
            <span data-customer-text>{s.customerName}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t(m.product)}>
            <code>{s.productCode}</code>
          </Descriptions.Item>
          <Descriptions.Item label={t(m.iccid)}>{s.iccid ?? '—'}</Descriptions.Item>
        </Descriptions>
        {s.advice ? <Alert type="info" showIcon title={t(s.advice)} style={{ marginTop: 16 }} /> : null}
        {s.quote ? (
          <section style={{ marginTop: 16 }} aria-label={t(m.quote)}>
            <Typography.Title level={4}>{t(m.quote)}</Typography.Title>
            <QuoteTable lines={s.quote.lines} totalFen={s.quote.totalFen} />
          </section>
        ) : null}
      </>
    );
  }
  const fields = Object.entries(order.summary as Record<string, unknown>).filter(
    ([, value]) => value !== undefined && value !== null,
  );
  return (
    <Descriptions bordered size="small" column={2} title={t(m.summary)}>
      {fields.map(([key, value]) => (
        <Descriptions.Item key={key} label={fieldLabels[key] ? t(fieldLabels[key]) : key}>
          {shown(key, value, t)}
        </Descriptions.Item>
      ))}
    </Descriptions>
  );
}

/** Names of the summary fields most businesses share; any other field shows its code. */
const fieldLabels: Record<string, Bilingual> = {
  msisdn: m.msisdn,
  receiptNo: m.receiptNo,
  productCode: m.product,
  customerName: m.customerName,
  iccid: m.iccid,
  amountFen: m.amount,
  feeFen: { zh: '费用', en: 'Fee' },
  balanceFen: { zh: '余额', en: 'Balance' },
  balanceFenBefore: { zh: '原余额', en: 'Balance before' },
  reason: m.reason,
  newMsisdn: { zh: '新号码', en: 'New number' },
  oldMsisdn: { zh: '原号码', en: 'Old number' },
  newIccid: { zh: '新 SIM 卡号', en: 'New SIM' },
  oldIccid: { zh: '原 SIM 卡号', en: 'Old SIM' },
  groupCode: { zh: '集团编号', en: 'Group' },
};

/** A summary value as text: amounts in yuan, times in local time, lists joined; customers' words as typed. */
function shown(key: string, value: unknown, t: (text: Bilingual) => string): string {
  if (typeof value === 'number') return /Fen/.test(key) ? yuan(value) : String(value);
  if (typeof value === 'boolean') return t(value ? m.yes : m.no);
  if (typeof value === 'string')
    return /(At|By|From)$/.test(key) && dayjs(value).isValid()
      ? dayjs(value).format('YYYY-MM-DD HH:mm:ss')
      : value;
  if (Array.isArray(value)) return value.map((v) => shown(key, v, t)).join(', ');
  if (typeof value === 'object' && value !== null) {
    const o = value as Record<string, unknown>;
    if (typeof o.zh === 'string' && typeof o.en === 'string') return t({ zh: o.zh, en: o.en });
    return Object.entries(o)
      .map(([k, v]) => `${k}: ${shown(k, v, t)}`)
      .join('; ');
  }
  return '';
}
