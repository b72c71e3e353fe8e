import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider, type ThemeConfig } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { Suspense, useEffect } from 'react';
import { createBrowserRouter, Navigate, RouterProvider, useLocation } from 'react-router-dom';
import { ApiError } from '../api-client/client';
import { PageLoading } from '../components/PageLoading';
import { LanguageProvider, useLanguage } from '../i18n/language';
import { NotFoundPage } from '../pages/NotFoundPage';
import { SignInPage } from '../pages/sign-in/SignInPage';
import { HomePage } from '../pages/HomePage';
import { RequirePermission } from './RequirePermission';
import { useSession } from './session';
import { Shell } from './Shell';
import { screenRoutes } from './routes';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // A refusal (4xx) is an answer, not a hiccup: no retry; a network error or 5xx is tried again once.
      retry: (failures, error) => !(error instanceof ApiError && error.status < 500) && failures < 1,
      refetchOnWindowFocus: false,
    },
  },
});

function SignedIn() {
  const session = useSession();
  const location = useLocation();
  if (!session)
    return <Navigate to="/sign-in" replace state={{ from: location.pathname + location.search }} />;
  return <Shell />;
}

const router = createBrowserRouter([
  { path: '/sign-in', element: <SignInPage /> },
  {
    element: <SignedIn />,
    children: [
      { index: true, element: <HomePage /> },
      ...screenRoutes.map((route) => ({
        path: route.path,
        element: (
          <RequirePermission route={route}>
            <route.screen />
          </RequirePermission>
        ),
      })),
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);

/**
 * antd's default blue (#1677ff) gives white button text and links a contrast of 4.1:1, under WCAG AA's 4.5:1;
 * this darker blue gives 6.1:1, and the secondary text a darker grey likewise. Hovered and pressed, a button
 * darkens instead of lightening (antd derives a lighter hover blue, about 3.4:1 as the text of a default button
 * under the mouse).
 */
const theme: ThemeConfig = {
  token: {
    colorPrimary: '#0958d9',
    colorPrimaryHover: '#003eb3',
    colorPrimaryActive: '#002c8c',
    colorLink: '#0958d9',
    colorTextDescription: 'rgba(0, 0, 0, 0.65)',
    // A field's message in antd's red (#ff4d4f) gives 3.3:1; this red gives 6.0:1.
    colorError: '#cf1322',
  },
  // Description labels in antd's tertiary grey give 3.4:1; this grey gives 5.7:1 (UI-1, axe colour contrast).
  components: { Descriptions: { labelColor: 'rgba(0, 0, 0, 0.65)' } },
};

function Localised() {
  const { language } = useLanguage();
  useEffect(() => {
    dayjs.locale(language === 'zh' ? 'zh-cn' : 'en');
    document.documentElement.lang = language === 'zh' ? 'zh-CN' : 'en';
  }, [language]);
  return (
    // No space inserted between two Chinese characters of a button ("提 交"): a button reads as its label.
    <ConfigProvider
      locale={language === 'zh' ? zhCN : enUS}
      theme={theme}
      button={{ autoInsertSpace: false }}
    >
      <AntApp>
        <Suspense fallback={<PageLoading />}>
          <RouterProvider router={router} />
        </Suspense>
      </AntApp>
    </ConfigProvider>
  );
}

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <LanguageProvider>
        <Localised />
      </LanguageProvider>
    </QueryClientProvider>
  );
}
