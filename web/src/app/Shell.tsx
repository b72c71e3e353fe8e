import { Button, Layout, Menu, Result, Space } from 'antd';
import type { ItemType } from 'antd/es/menu/interface';
import { Suspense, useMemo, type MouseEvent } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router-dom';
import { api } from '../api-client/client';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { PageLoading } from '../components/PageLoading';
import { useLanguage } from '../i18n/language';
import { common, type Bilingual } from '../i18n/messages';
import { roleLabel } from '../i18n/roles';
import { shellMessages as m } from './messages';
import { NoticesBell } from './NoticesBell';
import { mayOpen, screenRoutes } from './routes';
import { endSession, hasPermission, useSession } from './session';
import './shell.css';

const headerText = { color: 'rgba(255, 255, 255, 0.92)' };

/**
 * The frame around every signed-in screen (UI-1): a skip link to the content, the banner with who is signed in
 * where (operator, roles, channel, outlet), the notices bell for the dispatcher desk (WO-6), the language switch
 * and sign-out, the menu of the screens the operator's permissions allow, and the screen in the main landmark.
 */
export function Shell() {
  const session = useSession();
  const { t } = useLanguage();
  const navigate = useNavigate();
  const location = useLocation();
  const permissions = session?.permissions ?? [];
  const roles = session?.operator.roles ?? [];

  const items = useMemo(() => {
    const groups = new Map<Bilingual, ItemType[]>();
    for (const route of screenRoutes) {
      if (!route.menu || !mayOpen(route, permissions, roles)) continue;
      const group = route.menu.group ?? common.appTitle;
      const list = groups.get(group) ?? [];
      list.push({ key: route.path, label: t(route.menu.label) });
      groups.set(group, list);
    }
    return [...groups].map(([group, children]) => ({
      type: 'group' as const,
      key: group.en,
      label: t(group),
      children,
    }));
  }, [permissions, roles, t]);

  // The menu entry whose path is the longest prefix of the address (/orders/new/… is not /orders).
  const selected = screenRoutes
    .filter((r) => r.menu && (location.pathname === r.path || location.pathname.startsWith(`${r.path}/`)))
    .sort((a, b) => b.path.length - a.path.length)
    .slice(0, 1)
    .map((r) => r.path);

  const signOut = async () => {
    await api.POST('/api/v1/auth/logout').catch(() => undefined);
    endSession();
    void navigate('/sign-in');
  };

  const skipToMain = (event: MouseEvent<HTMLAnchorElement>) => {
    event.preventDefault();
    document.getElementById('main')?.focus();
  };

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <a className="skip-link" href="#main" onClick={skipToMain}>
        {t(m.skipToContent)}
      </a>
      <Layout.Header
        style={{
          display: 'flex',
          alignItems: 'center',
          justifyContent: 'space-between',
          gap: 16,
          paddingInline: 24,
        }}
      >
        <span style={{ ...headerText, fontSize: 18, fontWeight: 600, whiteSpace: 'nowrap' }}>
          {t(common.appTitle)}
        </span>
        <Space size="middle" wrap={false}>
          {session ? (
            <span data-testid="signed-in-as" style={headerText} title={t(m.signedInAs)}>
              <span>
                {session.operator.name} ({session.operator.id})
              </span>
              {' · '}
              <span>{session.operator.roles.map((r) => t(roleLabel(r))).join('、')}</span>
              {' · '}
              <span>
                {t(m.channel)} {session.channel.name} ({session.channel.code})
              </span>
              {session.outletCode ? (
                <span>
                  {' · '}
                  {t(m.outlet)} {session.outletCode}
                </span>
              ) : null}
            </span>
          ) : null}
          {hasPermission(session, 'workOrders.dispatch') ? <NoticesBell /> : null}
          <LanguageSwitch />
          <Button size="small" onClick={() => void signOut()}>
            {t(common.signOut)}
          </Button>
        </Space>
      </Layout.Header>
      <Layout>
        <Layout.Sider width={200} theme="light">
          <nav aria-label={t(m.mainMenu)}>
            <Menu
              mode="inline"
              items={items}
              selectedKeys={selected}
              onClick={({ key }) => void navigate(key)}
            />
          </nav>
        </Layout.Sider>
        <Layout.Content id="main" tabIndex={-1} style={{ padding: 24, minWidth: 0 }}>
          {items.length === 0 && location.pathname === '/' ? (
            <Result status="info" title={t(m.noScreens)} />
          ) : (
            <Suspense fallback={<PageLoading />}>
              <Outlet />
            </Suspense>
          )}
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
