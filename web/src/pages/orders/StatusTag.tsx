import { Tag } from 'antd';
import { useLanguage } from '../../i18n/language';
import type { Bilingual } from '../../i18n/messages';
import type { OrderStatus } from './messages';

/**
 * Solid tags in dark shades: white text on each keeps WCAG AA's 4.5:1 (antd's light preset tags do not).
 */
const colours: Record<OrderStatus, string> = {
  acknowledged: '#0958d9',
  pending: '#0958d9',
  inProgress: '#0958d9',
  held: '#ad4e00',
  assessingCancellation: '#ad4e00',
  pendingCancellation: '#ad4e00',
  completed: '#237804',
  cancelled: '#595959',
  rejected: '#a8071a',
  failed: '#a8071a',
};

/** REQ: ORD-2 — an order status as the API labels it, coloured by how it stands. */
export function StatusTag({ status, label }: { status: OrderStatus; label: Bilingual }) {
  const { t } = useLanguage();
  return <Tag color={colours[status]}>{t(label)}</Tag>;
}
