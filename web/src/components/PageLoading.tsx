import { Spin } from 'antd';
import { useLanguage } from '../i18n/language';
import { common } from '../i18n/messages';

export function PageLoading() {
  const { t } = useLanguage();
  return (
    <div style={{ padding: 48, textAlign: 'center' }} aria-busy="true">
      <Spin /> <span>{t(common.loading)}</span>
    </div>
  );
}
