import { Alert, Button, Empty, Result, Spin } from 'antd';
import type { ReactNode } from 'react';
import { ApiError } from '../api-client/client';
import { useLanguage } from '../i18n/language';
import { common } from '../i18n/messages';

/** An error as staff read it: the API's reason (zh) or message (en), its code and the request ID. */
export function ErrorText({ error }: { error: unknown }) {
  const { t, language } = useLanguage();
  if (error instanceof ApiError) {
    const text = language === 'zh' ? error.reason || error.message : error.message;
    return (
      <span>
        {text} <code>{error.code}</code>
        {error.requestId ? (
          <small>
            {' '}
            · {t(common.requestId)} {error.requestId}
          </small>
        ) : null}
      </span>
    );
  }
  return <span>{t(common.networkError)}</span>;
}

export function ErrorAlert({ error }: { error: unknown }) {
  if (!error) return null;
  return <Alert type="error" showIcon title={<ErrorText error={error} />} role="alert" />;
}

/**
 * Loading, error and empty states for one query, so every screen shows them the same way; `children` renders
 * the data.
 */
export function QueryState<T>(props: {
  query: { isPending: boolean; error: unknown; data: T | undefined; refetch: () => unknown };
  isEmpty?: (data: T) => boolean;
  empty?: ReactNode;
  children: (data: T) => ReactNode;
}) {
  const { t } = useLanguage();
  const { query } = props;
  if (query.isPending)
    return (
      <Spin tip={t(common.loading)}>
        <div style={{ minHeight: 80 }} />
      </Spin>
    );
  if (query.error || query.data === undefined)
    return (
      <Result
        status="error"
        title={t(common.errorTitle)}
        subTitle={<ErrorText error={query.error} />}
        extra={<Button onClick={() => void query.refetch()}>{t(common.retry)}</Button>}
      />
    );
  if (props.isEmpty?.(query.data)) return <>{props.empty ?? <Empty description={t(common.empty)} />}</>;
  return <>{props.children(query.data)}</>;
}
