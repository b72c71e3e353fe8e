import { Button, Radio, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { ErrorAlert } from '../../components/PageState';
import { fill } from '../../i18n/fill';
import { useLanguage } from '../../i18n/language';
import { common, labelFor } from '../../i18n/messages';
import { roleLabel } from '../../i18n/roles';
import { noticeKindLabels, noticeMessages as m } from './messages';
import { useMarkNoticeRead, useNotices, type Notice } from './notification-queries';
import { PageHeading } from '../../components/PageHeading';

const DEFAULT_PAGE_SIZE = 20;
const when = (iso: string) => dayjs(iso).format('YYYY-MM-DD HH:mm:ss');

/**
 * Notices (通知, WO-6, UI-1): SLA breaches and other notices for the dispatcher desk, unread ones by default or
 * all of them (kept in the URL), newest first, paged by the API; each names its work order, which it links, and
 * can be marked read — the bell's unread count follows at once.
 */
export default function NotificationsPage() {
  const { t } = useLanguage();
  const [params, setParams] = useSearchParams();
  const showAll = params.get('show') === 'all';
  const page = Math.max(1, Number(params.get('page') ?? 1) || 1);
  const pageSize = Math.min(
    200,
    Math.max(1, Number(params.get('size') ?? DEFAULT_PAGE_SIZE) || DEFAULT_PAGE_SIZE),
  );
  const notices = useNotices({
    ...(showAll ? {} : { unread: 'true' as const }),
    offset: (page - 1) * pageSize,
    limit: pageSize,
  });
  const markRead = useMarkNoticeRead();

  const apply = (next: { all: boolean; page: number; size: number }) => {
    const p = new URLSearchParams();
    if (next.all) p.set('show', 'all');
    if (next.page > 1) p.set('page', String(next.page));
    if (next.size !== DEFAULT_PAGE_SIZE) p.set('size', String(next.size));
    setParams(p);
  };

  // The last notice of a later page marked read: the page is gone, so show the last page there is.
  const lastPage = Math.max(1, Math.ceil((notices.data?.total ?? 0) / pageSize));
  useEffect(() => {
    if (notices.data && !notices.isPlaceholderData && page > lastPage) {
      apply({ all: showAll, page: lastPage, size: pageSize });
    }
  });

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <PageHeading variant="report" title={t(m.title)} intro={t(m.intro)} />
      <Radio.Group
        aria-label={t(m.show)}
        optionType="button"
        value={showAll ? 'all' : 'unread'}
        onChange={(e) => apply({ all: e.target.value === 'all', page: 1, size: pageSize })}
        options={[
          { value: 'unread', label: t(m.unreadOnly) },
          { value: 'all', label: t(m.all) },
        ]}
      />
      <ErrorAlert error={notices.error ?? markRead.error} />
      <Table<Notice>
        rowKey="id"
        loading={notices.isPending || markRead.isPending}
        dataSource={notices.data?.items ?? []}
        locale={{
          emptyText: notices.isPending ? t(common.loading) : t(showAll ? m.noNotices : m.noUnread),
        }}
        pagination={{
          current: page,
          pageSize,
          total: notices.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (n) => fill(t(m.total), { n: String(n) }),
          onChange: (nextPage, nextSize) =>
            apply({ all: showAll, page: nextSize !== pageSize ? 1 : nextPage, size: nextSize }),
        }}
        columns={[
          {
            title: t(m.state),
            key: 'state',
            width: 110,
            render: (_: unknown, notice) =>
              notice.readAt ? (
                <Typography.Text type="secondary">
                  {fill(t(m.readAt), { at: when(notice.readAt) })}
                </Typography.Text>
              ) : (
                <Tag color="#cf1322">{t(m.unread)}</Tag>
              ),
          },
          {
            title: t(m.createdAt),
            dataIndex: 'createdAt',
            width: 120,
            render: (at: string) => when(at),
          },
          {
            title: t(m.kind),
            dataIndex: 'kind',
            onCell: () => ({ style: { whiteSpace: 'nowrap' } }),
            render: (kind: string) => t(labelFor(noticeKindLabels, kind)),
          },
          { title: t(m.message), key: 'message', render: (_: unknown, notice) => t(notice.message) },
          {
            title: t(m.workOrder),
            dataIndex: 'workOrderId',
            render: (id: string | null) =>
              id ? <Link to={`/work-orders/${encodeURIComponent(id)}`}>{id}</Link> : '—',
          },
          {
            title: t(m.recipient),
            key: 'recipient',
            onCell: () => ({ style: { whiteSpace: 'nowrap' } }),
            render: (_: unknown, notice) =>
              `${t(roleLabel(notice.recipientRole))}${notice.outletCode ? ` · ${notice.outletCode}` : ''}`,
          },
          {
            title: t(m.actions),
            key: 'actions',
            render: (_: unknown, notice) =>
              notice.readAt ? (
                '—'
              ) : (
                <Button
                  size="small"
                  aria-label={`${t(m.markRead)} ${notice.workOrderId ?? notice.id}`}
                  loading={markRead.isPending && markRead.variables === notice.id}
                  onClick={() => markRead.mutate(notice.id)}
                >
                  {t(m.markRead)}
                </Button>
              ),
          },
        ]}
      />
    </Space>
  );
}
