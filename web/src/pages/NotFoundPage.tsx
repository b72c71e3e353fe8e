import { Button, Result } from 'antd';
import { Link } from 'react-router-dom';
import { usePageTitle } from '../app/usePageTitle';
import { useLanguage } from '../i18n/language';
import { common } from '../i18n/messages';

export function NotFoundPage() {
  const { t } = useLanguage();
  usePageTitle(common.notFound);
  return (
    <Result
      status="404"
      title={t(common.notFound)}
      extra={
        <Link to="/">
          <Button>{t(common.backHome)}</Button>
        </Link>
      }
    />
  );
}
