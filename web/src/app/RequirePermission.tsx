import { Button, Result } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { useLanguage } from '../i18n/language';
import { common } from '../i18n/messages';
import { shellMessages as m } from './messages';
import { mayOpen, type ScreenRoute } from './routes';
import { useSession } from './session';
import { usePageTitle } from './usePageTitle';

/**
 * A screen the operator's permissions do not cover answers 403 (the menu does not offer it either, UI-1), and
 * every screen names itself in the browser's title in the chosen language.
 */
export function RequirePermission({ route, children }: { route: ScreenRoute; children: ReactNode }) {
  const session = useSession();
  const { t } = useLanguage();
  const allowed = mayOpen(route, session?.permissions ?? [], session?.operator.roles);
  usePageTitle(allowed ? (route.title ?? route.menu?.label) : m.notAllowedTitle, { fallback: true });
  if (!allowed)
    return (
      <Result
        status="403"
        title={<h1 style={{ fontSize: 'inherit', margin: 0 }}>{t(m.notAllowedTitle)}</h1>}
        subTitle={t(m.notAllowed)}
        extra={
          <Link to="/">
            <Button type="primary">{t(common.backHome)}</Button>
          </Link>
        }
      />
    );
  return <>{children}</>;
}
