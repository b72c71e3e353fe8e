import { Alert, type AlertProps } from 'antd';
import { fill } from '../../i18n/fill';
import { useLanguage } from '../../i18n/language';
import { winnerOf, type LostGrab } from './grab';
import { staffMessages as m } from './messages';

/** REQ: WO-4 — a grab somebody else won first, said plainly with who got it (or that someone did). */
export function GrabLostAlert({
  lost,
  ...rest
}: { lost: LostGrab } & Pick<AlertProps, 'style' | 'description' | 'closable'>) {
  const { t } = useLanguage();
  return (
    <Alert
      type="warning"
      showIcon
      role="alert"
      data-testid="grab-lost"
      title={
        lost.winner
          ? fill(t(m.grabLost), { id: lost.id, winner: winnerOf(lost) })
          : fill(t(m.grabLostUnknown), { id: lost.id })
      }
      {...rest}
    />
  );
}
