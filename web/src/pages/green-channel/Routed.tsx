import { Button, Descriptions, Result } from 'antd';
import { Link } from 'react-router-dom';
import { fill } from '../../i18n/fill';
import { useLanguage } from '../../i18n/language';
import { labelFor } from '../../i18n/messages';
import type { GreenChannelRouted } from './green-channel-queries';
import { cityLabels, greenChannelMessages as m } from './messages';

/** Where the work order went (GC-1): the home city's response team and its outlet, and the work order. */
export function Routed(props: { answer: GreenChannelRouted; onAnother: () => void }) {
  const { t } = useLanguage();
  const { answer } = props;
  const city = t(labelFor(cityLabels, answer.city));
  return (
    <Result
      status="success"
      title={t(m.routedTitle)}
      subTitle={
        <span data-testid="green-channel-routed">
          {fill(t(m.routedTo), { city, outlet: answer.outletCode })}
        </span>
      }
      extra={[
        <Link key="open" to={`/work-orders/${encodeURIComponent(answer.id)}`}>
          {t(m.openWorkOrder)}
        </Link>,
        <Button key="another" onClick={props.onAnother}>
          {t(m.another)}
        </Button>,
      ]}
    >
      <Descriptions
        size="small"
        bordered
        column={1}
        items={[
          { key: 'city', label: t(m.homeCity), children: `${city} (${answer.city})` },
          { key: 'outlet', label: t(m.responseOutlet), children: <code>{answer.outletCode}</code> },
          { key: 'id', label: t(m.workOrder), children: <code>{answer.id}</code> },
        ]}
      />
    </Result>
  );
}
