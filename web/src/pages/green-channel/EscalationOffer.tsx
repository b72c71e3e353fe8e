import { Alert, Button } from 'antd';
import { useNavigate } from 'react-router-dom';
import { fill } from '../../i18n/fill';
import { useLanguage } from '../../i18n/language';
import { newWorkOrderHref } from '../work-orders/new/prefill';
import { commitmentRefusal } from './green-channel-form';
import type { GreenChannelRequest } from './green-channel-queries';
import { greenChannelMessages as m } from './messages';

/**
 * REQ: GC-3 — a promise beyond the duty manager's authority is not taken; the API offers the complaint process
 * instead (`details.escalation`). A duty manager takes it up as a complaint follow-up work order for the same
 * customer, filled in from this request and its refused promises, to check with the customer and submit.
 */
export function EscalationOffer(props: { error: unknown; request: GreenChannelRequest | undefined }) {
  const { t, language } = useLanguage();
  const navigate = useNavigate();
  const refusal = commitmentRefusal(props.error);
  if (!refusal || !props.request) return null;
  const { request } = props;
  const escalate = () => {
    const reasons = refusal.refused.map((r) => `- ${r[language]}`).join('\n');
    const description = `${request.description}\n\n${t(m.escalationDescription)}\n${reasons}`;
    void navigate(
      newWorkOrderHref({
        from: 'greenChannel',
        category: 'complaintFollowUp',
        priority: request.priority,
        title: fill(t(m.escalationTitle), { title: request.title }).slice(0, 100),
        description: description.slice(0, 2000),
        msisdn: request.customer.msisdn,
        name: request.customer.name,
        address: request.customer.address,
      }),
    );
  };
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="escalation-offer"
      title={refusal.escalation ? refusal.escalation[language] : t(m.escalate)}
      description={t(m.escalationHint)}
      action={
        <Button type="primary" onClick={escalate}>
          {t(m.escalate)}
        </Button>
      }
    />
  );
}
