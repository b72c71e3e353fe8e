import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Form, Select, Space, Table, Tag, Typography } from 'antd';
import { TableEmpty } from '../../../components/TableEmpty';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useState } from 'react';
import { api } from '../../../api-client/client';
import { unwrapPage } from '../../../api-client/paging';
import type { paths } from '../../../api-client/schema';
import { PageHeading } from '../../../components/PageHeading';
import { QueryState } from '../../../components/PageState';
import { usePaging } from '../../../components/usePaging';
import { fill } from '../../../i18n/fill';
import { useLanguage } from '../../../i18n/language';
import { labelFor } from '../../../i18n/messages';
import { ConfirmDialog } from '../ConfirmDialog';
import { EditChannelDialog, NewChannelDialog, useChangeChannel, type Channel } from './ChannelDialogs';
import { channelMessages as m, channelTypeLabels } from './messages';

type Query = NonNullable<paths['/api/v1/channels']['get']['parameters']['query']>;
type Dialog = { kind: 'new' } | { kind: 'edit' | 'toggle'; channel: Channel } | null;

/**
 * The channel interfaces (渠道接口) for administrators (CH-1, CH-3, CH-4, UI-1): filtered by type and state in
 * the URL; a new one gets its code from the server, shown once created; name, designations and business hours
 * change in a dialog; disabling (confirmed) stops sign-in through it. Paged on the server.
 */
export default function ChannelsPage() {
  const { t } = useLanguage();
  const { message } = App.useApp();
  const { params, offset, pageSize, setFilter, pagination } = usePaging(20);
  const type = params.get('type') ?? undefined;
  const active = params.get('active') ?? undefined;
  const [dialog, setDialog] = useState<Dialog>(null);
  const [created, setCreated] = useState<Channel | null>(null);
  const toggle = useChangeChannel();

  const query = useQuery({
    queryKey: ['channels', { type, active, offset, pageSize }],
    queryFn: () =>
      unwrapPage(
        api.GET('/api/v1/channels', {
          params: {
            query: {
              type: type as Query['type'],
              active: active as Query['active'],
              offset,
              limit: pageSize,
            },
          },
        }),
      ),
    placeholderData: keepPreviousData,
  });

  const closeToggle = () => {
    toggle.reset();
    setDialog(null);
  };
  const setActive = (channel: Channel) =>
    toggle.mutate(
      { code: channel.code, body: { active: !channel.active } },
      {
        onSuccess: (changed) => {
          setDialog(null);
          void message.success(fill(t(changed.active ? m.enabled : m.disabled), { code: changed.code }));
        },
      },
    );

  const columns: ColumnsType<Channel> = [
    { title: t(m.code), dataIndex: 'code', render: (code: string) => <code>{code}</code> },
    {
      title: t(m.type),
      dataIndex: 'type',
      render: (code: string) => t(labelFor(channelTypeLabels, code)),
    },
    { title: t(m.location), dataIndex: 'location' },
    // The channel's own name: not translated.
    { title: t(m.name), dataIndex: 'name' },
    {
      title: t(m.capabilities),
      dataIndex: 'capabilities',
      render: (list: string[]) => (list.length === 0 ? '—' : list.map((c) => <Tag key={c}>{c}</Tag>)),
    },
    {
      title: t(m.businessHours),
      dataIndex: 'businessHours',
      render: (v: string | null) => v ?? t(m.anyTime),
    },
    {
      title: t(m.state),
      dataIndex: 'active',
      render: (on: boolean) => <Tag color={on ? '#237804' : '#595959'}>{t(on ? m.active : m.inactive)}</Tag>,
    },
    {
      title: t(m.createdAt),
      dataIndex: 'createdAt',
      render: (iso: string) => (
        <span style={{ whiteSpace: 'nowrap' }}>{dayjs(iso).format('YYYY-MM-DD HH:mm')}</span>
      ),
    },
    {
      title: t(m.actions),
      key: 'actions',
      render: (_: unknown, channel) => (
        <Space size={4}>
          <Button
            size="small"
            aria-label={`${t(m.edit)} ${channel.code}`}
            onClick={() => setDialog({ kind: 'edit', channel })}
          >
            {t(m.edit)}
          </Button>
          <Button
            size="small"
            danger={channel.active}
            aria-label={`${t(channel.active ? m.disable : m.enable)} ${channel.code}`}
            onClick={() => setDialog({ kind: 'toggle', channel })}
          >
            {t(channel.active ? m.disable : m.enable)}
          </Button>
        </Space>
      ),
    },
  ];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <PageHeading title={t(m.title)} intro={t(m.intro)} />
      <Space wrap>
        <Button type="primary" onClick={() => setDialog({ kind: 'new' })}>
          {t(m.newChannel)}
        </Button>
      </Space>
      {created ? (
        <Alert
          type="success"
          showIcon
          closable={{ 'aria-label': t(m.cancel) }}
          onClose={() => setCreated(null)}
          title={
            <span>
              {t(m.created)}{' '}
              <Typography.Text strong copyable data-testid="created-channel-code">
                {created.code}
              </Typography.Text>
            </span>
          }
          description={`${created.name} · ${t(m.createdHint)}`}
        />
      ) : null}
      <Form layout="inline" role="search" aria-label={t(m.title)}>
        <Form.Item label={t(m.type)} htmlFor="channel-type">
          <Select
            id="channel-type"
            style={{ minWidth: 160 }}
            value={type ?? ''}
            options={[
              { value: '', label: t(m.any) },
              ...Object.entries(channelTypeLabels).map(([value, label]) => ({ value, label: t(label) })),
            ]}
            onChange={(v: string) => setFilter('type', v)}
          />
        </Form.Item>
        <Form.Item label={t(m.state)} htmlFor="channel-active">
          <Select
            id="channel-active"
            style={{ minWidth: 120 }}
            value={active ?? ''}
            options={[
              { value: '', label: t(m.any) },
              { value: 'true', label: t(m.active) },
              { value: 'false', label: t(m.inactive) },
            ]}
            onChange={(v: string) => setFilter('active', v)}
          />
        </Form.Item>
      </Form>
      <QueryState query={query}>
        {(data) => (
          <Table<Channel>
            rowKey="code"
            size="middle"
            columns={columns}
            dataSource={data.items}
            loading={query.isFetching}
            locale={{ emptyText: <TableEmpty text={t(m.empty)} textOnly /> }}
            pagination={pagination(data.total, t(m.total))}
          />
        )}
      </QueryState>
      {dialog?.kind === 'new' ? (
        <NewChannelDialog
          onClose={() => setDialog(null)}
          onCreated={(channel) => {
            setDialog(null);
            setCreated(channel);
          }}
        />
      ) : null}
      {dialog?.kind === 'edit' ? (
        <EditChannelDialog channel={dialog.channel} onClose={() => setDialog(null)} />
      ) : null}
      {dialog?.kind === 'toggle' ? (
        <ConfirmDialog
          title={fill(t(dialog.channel.active ? m.disableTitle : m.enableTitle), {
            code: dialog.channel.code,
          })}
          text={t(dialog.channel.active ? m.disableText : m.enableText)}
          okText={t(dialog.channel.active ? m.disable : m.enable)}
          cancelText={t(m.cancel)}
          danger={dialog.channel.active}
          running={toggle.isPending}
          error={toggle.error}
          onOk={() => setActive(dialog.channel)}
          onCancel={closeToggle}
        />
      ) : null}
    </Space>
  );
}
