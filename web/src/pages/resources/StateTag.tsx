import { Tag } from 'antd';
import { labelFor, type Bilingual } from '../../i18n/messages';
import { useLanguage } from '../../i18n/language';
import { stateColours } from './labels';

/** A state, status or result code as a coloured tag in the chosen language (its label given, or looked up). */
export function StateTag(props: { code: string; label?: Bilingual; labels?: Record<string, Bilingual> }) {
  const { t } = useLanguage();
  const label = props.label ?? labelFor(props.labels ?? {}, props.code);
  return <Tag color={stateColours[props.code] ?? '#595959'}>{t(label)}</Tag>;
}
