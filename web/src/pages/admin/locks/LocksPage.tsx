import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, Input, Modal, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { api, unwrap } from '../../../api-client/client';
import { unwrapPage } from '../../../api-client/paging';
import type { paths } from '../../../api-client/schema';
import { FormErrors } from '../../../components/FormErrors';
import { PageHeading } from '../../../components/PageHeading';
import { QueryState } from '../../../components/PageState';
import { usePaging } from '../../../components/usePaging';
import { fill } from '../../../i18n/fill';
import { useLanguage } from '../../../i18n/language';
import { labelFor } from '../../../i18n/messages';
import { TableEmpty } from '../../../components/TableEmpty';
import { refusedFields } from '../../../components/fieldPath';
import { holderStatusLabels, kindLabels, lockMessages as m } from './messages';

type Lock = paths['/api/v1/locks']['get']['responses'][200]['content']['application/json']['items'][number];

const KEY = ['locks'] as const;

/**
 * REQ: ORD-5 — the lines and group products held by an order (占用), with the order holding each and the state
 * of its workflow; a lock whose order no longer runs was left behind and is released here with a reason (a
 * running order's lock is never offered).
 */
export default function LocksPage() {
  const { t } = useLanguage();
  const { offset, pageSize, pagination } = usePaging(20);
  const locks = useQuery({
    queryKey: [...KEY, offset, pageSize],
    queryFn: () => unwrapPage(api.GET('/api/v1/locks', { params: { query: { offset, limit: pageSize } } })),
    placeholderData: keepPreviousData,
  });
  const [releasing, setReleasing] = useState<Lock | null>(null);

  const columns: ColumnsType<Lock> = [
    { title: t(m.kind), dataIndex: 'kind', render: (kind: string) => t(labelFor(kindLabels, kind)) },
    {
      title: t(m.key),
      key: 'key',
      render: (_: unknown, l) =>
        l.kind === 'line' ? (
          <Link to={`/lines/${encodeURIComponent(l.key)}`}>
            <code>{l.key}</code>
          </Link>
        ) : (
          <code>{l.key}</code>
        ),
    },
    {
      title: t(m.holder),
      dataIndex: 'holder',
      render: (holder: string) => (
        <Link to={`/orders/${encodeURIComponent(holder)}`}>
          <code>{holder}</code>
        </Link>
      ),
    },
    {
      title: t(m.holderStatus),
      dataIndex: 'holderStatus',
      render: (status: string) => (
        <Space size={4} wrap>
          <Tag color={status === 'RUNNING' ? '#0958d9' : '#a8071a'}>
            {t(labelFor(holderStatusLabels, status))}
          </Tag>
          {status === 'RUNNING' ? null : <Tag>{t(m.leftBehind)}</Tag>}
        </Space>
      ),
    },
    {
      title: t(m.actions),
      key: 'actions',
      render: (_: unknown, l) =>
        l.holderStatus === 'RUNNING' ? (
          <Typography.Text type="secondary">{t(m.runningHint)}</Typography.Text>
        ) : (
          <Button
            size="small"
            danger
            aria-label={fill(t(m.releaseOf), { key: l.key })}
            onClick={() => setReleasing(l)}
          >
            {t(m.release)}
          </Button>
        ),
    },
  ];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <PageHeading title={t(m.title)} intro={t(m.intro)} />
      <div>
        <Button onClick={() => void locks.refetch()} loading={locks.isFetching}>
          {t(m.refresh)}
        </Button>
      </div>
      <QueryState query={locks}>
        {(data) => (
          <Table<Lock>
            rowKey={(l) => `${l.kind}:${l.key}`}
            size="middle"
            columns={columns}
            dataSource={data.items}
            loading={locks.isFetching}
            pagination={{
              ...pagination(data.total, t(m.total)),
              hideOnSinglePage: true,
            }}
            locale={{ emptyText: <TableEmpty text={t(m.empty)} /> }}
          />
        )}
      </QueryState>
      <ReleaseModal lock={releasing} onClose={() => setReleasing(null)} />
    </Space>
  );
}

/** Release one lock left behind: the reason is required and audited; a refusal is shown as the API words it. */
function ReleaseModal(props: { lock: Lock | null; onClose: () => void }) {
  const { t } = useLanguage();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ reason: string }>();
  const release = useMutation({
    mutationFn: (body: { kind: Lock['kind']; key: string; reason: string }) =>
      unwrap(api.POST('/api/v1/locks/release', { body })),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: KEY }),
  });
  const close = () => {
    release.reset();
    form.resetFields();
    props.onClose();
  };
  const { lock } = props;
  return (
    <Modal
      open={lock !== null}
      title={lock ? fill(t(m.releaseTitle), { key: lock.key }) : ''}
      okText={t(m.confirm)}
      okButtonProps={{ danger: true, loading: release.isPending }}
      cancelText={t(m.keep)}
      onOk={() => form.submit()}
      onCancel={close}
      forceRender
    >
      <Typography.Paragraph>{t(m.releaseIntro)}</Typography.Paragraph>
      <Form
        name="lockRelease"
        form={form}
        layout="vertical"
        onFinish={({ reason }) => {
          if (!lock) return;
          release.mutate(
            { kind: lock.kind, key: lock.key, reason: reason.trim() },
            {
              onSuccess: () => {
                void message.success(fill(t(m.released), { key: lock.key }));
                close();
              },
            },
          );
        }}
      >
        <Form.Item
          name="reason"
          label={t(m.reason)}
          rules={[{ required: true, whitespace: true }, { min: 2 }]}
        >
          <Input.TextArea rows={3} maxLength={200} />
        </Form.Item>
      </Form>
      <FormErrors
        form={form}
        error={release.error}
        fieldsOf={(e) => refusedFields(e).filter((f) => f.path.endsWith('reason'))}
      />
    </Modal>
  );
}
