import { Result } from 'antd';
import type { ReactNode } from 'react';
import { useLanguage } from '../i18n/language';
import { mayOpen, type ScreenRoute } from './routes';
import { useSession } from './session';

/** A screen the operator's permissions do not cover says so (the menu does not offer it either). */
export function RequirePermission({ route, children }: { route: ScreenRoute; children: ReactNode }) {
  const session = useSession();
  const { t } = useLanguage();
  if (!mayOpen(route, session?.permissions ?? []))
    return (
      <Result
        status="403"
        title={t({ zh: '无权访问', en: 'Not allowed' })}
        subTitle={t({
          zh: '您当前的角色和渠道不能使用此功能',
          en: 'Your role and channel do not allow this screen',
        })}
      />
    );
  return <>{children}</>;
}
