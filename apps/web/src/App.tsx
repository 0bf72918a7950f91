import { QueryClient, QueryClientProvider, useQueryClient } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import enUSLocale from 'antd/locale/en_US';
import zhCNLocale from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { BrowserRouter } from 'react-router';
import { authKeys } from './api/auth.ts';
import { ApiError, bindClient } from './api/client.ts';
import { AppRoutes } from './routes.tsx';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 15_000,
      refetchOnWindowFocus: false,
      // Client errors (4xx) will not get better by retrying.
      retry: (count, err) => !(err instanceof ApiError && err.status >= 400 && err.status < 500) && count < 2,
    },
  },
});

/** Hands the request layer the antd message API of this tree and the session-expiry hook. */
function ClientBridge() {
  const { message } = AntApp.useApp();
  const qc = useQueryClient();
  useEffect(() => {
    bindClient({
      notifyError: (text) => void message.error(text),
      onUnauthorized: () => qc.setQueryData(authKeys.me, null),
    });
  }, [message, qc]);
  return null;
}

export function App() {
  const { i18n } = useTranslation();
  const lang = i18n.language === 'en-US' ? 'en-US' : 'zh-CN';
  useEffect(() => {
    dayjs.locale(lang === 'en-US' ? 'en' : 'zh-cn');
    document.documentElement.lang = lang;
  }, [lang]);
  return (
    <QueryClientProvider client={queryClient}>
      <ConfigProvider
        locale={lang === 'en-US' ? enUSLocale : zhCNLocale}
        theme={{ token: { colorPrimary: '#1668dc', borderRadius: 6 } }}
      >
        <AntApp>
          <ClientBridge />
          <BrowserRouter>
            <AppRoutes />
          </BrowserRouter>
        </AntApp>
      </ConfigProvider>
    </QueryClientProvider>
  );
}
