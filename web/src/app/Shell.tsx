import { Button, Layout, Menu, Space, Typography } from 'antd';
import type { ItemType } from 'antd/es/menu/interface';
import { Suspense, useMemo } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router-dom';
import { api } from '../api-client/client';
import { useLanguage } from '../i18n/language';
import { common, type Bilingual } from '../i18n/messages';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { PageLoading } from '../components/PageLoading';
import { endSession, useSession } from './session';
import { mayOpen, screenRoutes } from './routes';

/** The frame around every signed-in screen: the role's menu, who is signed in where, language, sign-out. */
export function Shell() {
  const session = useSession();
  const { t } = useLanguage();
  const navigate = useNavigate();
  const location = useLocation();
  const permissions = session?.permissions ?? [];

  const items = useMemo(() => {
    const groups = new Map<Bilingual, ItemType[]>();
    for (const route of screenRoutes) {
      if (!route.menu || !mayOpen(route, permissions)) continue;
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
  }, [permissions, t]);

  const selected = screenRoutes
    .filter((r) => r.menu && location.pathname.startsWith(r.path))
    .map((r) => r.path);

  const signOut = async () => {
    await api.POST('/api/v1/auth/logout').catch(() => undefined);
    endSession();
    void navigate('/sign-in');
  };

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header
        style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', paddingInline: 24 }}
      >
        <Typography.Title level={4} style={{ color: '#fff', margin: 0 }}>
          {t(common.appTitle)}
        </Typography.Title>
        <Space style={{ color: '#fff' }}>
          {session ? (
            <span data-testid="signed-in-as">
              {session.operator.name} · {session.channel.name}
              {session.outletCode ? ` · ${session.outletCode}` : ''}
            </span>
          ) : null}
          <LanguageSwitch />
          <Button size="small" onClick={() => void signOut()}>
            {t(common.signOut)}
          </Button>
        </Space>
      </Layout.Header>
      <Layout>
        <Layout.Sider width={200} theme="light">
          <nav aria-label={t(common.appTitle)}>
            <Menu
              mode="inline"
              items={items}
              selectedKeys={selected}
              onClick={({ key }) => void navigate(key)}
            />
          </nav>
        </Layout.Sider>
        <Layout.Content style={{ padding: 24 }}>
          <main>
            <Suspense fallback={<PageLoading />}>
              <Outlet />
            </Suspense>
          </main>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
