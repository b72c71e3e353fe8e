import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, Input, Modal, Space, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useState } from 'react';
import { api, unwrap } from '../../../api-client/client';
import { unwrapPage } from '../../../api-client/paging';
import type { paths } from '../../../api-client/schema';
import { PageHeading } from '../../../components/PageHeading';
import { ErrorAlert, QueryState } from '../../../components/PageState';
import { usePaging } from '../../../components/usePaging';
import { fill } from '../../../i18n/fill';
import { useLanguage } from '../../../i18n/language';
import { groupMessages as m } from '../messages';
import { TermsText } from '../TermsText';
import { TableEmpty } from '../../../components/TableEmpty';

type Approval =
  paths['/api/v1/approvals']['get']['responses'][200]['content']['application/json']['items'][number];

const when = (iso: string | null | undefined) => (iso ? dayjs(iso).format('YYYY-MM-DD HH:mm') : '—');

/**
 * The approver's inbox (资费审核, REQ: GRP-3): group orders whose tariff needs approval, oldest wait first,
 * paged on the server. An approver approves (the order goes on to BBOSS) or rejects (it ends), always with a
 * comment; the decided order leaves the inbox. A refusal (e.g. NotAwaitingApproval: someone decided first) is
 * shown as the API words it.
 */
export default function ApprovalsPage() {
  const { t } = useLanguage();
  const { offset, pageSize, pagination } = usePaging(20);
  const [deciding, setDeciding] = useState<Approval | null>(null);
  const query = useQuery({
    queryKey: ['approvals', { offset, pageSize }],
    queryFn: () =>
      unwrapPage(api.GET('/api/v1/approvals', { params: { query: { offset, limit: pageSize } } })),
    placeholderData: keepPreviousData,
    refetchInterval: 10_000,
  });

  const stack = { display: 'flex', flexDirection: 'column', gap: 2 } as const;
  const columns: ColumnsType<Approval> = [
    {
      title: t(m.orderId),
      key: 'order',
      width: 260,
      render: (_: unknown, a) => (
        <div style={stack}>
          <span>{t(a.typeLabel)}</span>
          <code style={{ fontSize: 12, wordBreak: 'break-all' }}>{a.orderId}</code>
        </div>
      ),
    },
    {
      title: `${t(m.group)} / ${t(m.product)}`,
      key: 'group',
      render: (_: unknown, a) => (
        <div style={stack}>
          <span>
            {a.groupName ?? '—'} <code>{a.groupCode}</code>
          </span>
          <span>
            {a.productName ?? '—'} <code>{a.productCode}</code>
          </span>
        </div>
      ),
    },
    {
      title: t(m.tariff),
      key: 'tariff',
      render: (_: unknown, a) => (
        <div style={stack}>
          <span>
            {a.tariffName ?? '—'} <code>{a.tariffCode ?? '—'}</code>
          </span>
          {Object.keys(a.tariffParams).length > 0 ? (
            <TermsText values={a.tariffParams} spec={a.tariffParamSpec ?? undefined} />
          ) : null}
        </div>
      ),
    },
    {
      title: t(m.attributes),
      key: 'attributes',
      width: 220,
      render: (_: unknown, a) => <TermsText values={a.attributes} spec={a.productSpec ?? undefined} />,
    },
    {
      title: t(m.submitter),
      key: 'submitter',
      render: (_: unknown, a) => (
        <div style={stack}>
          <span>{a.submitterName ?? '—'}</span>
          <code>{a.submitterId ?? '—'}</code>
        </div>
      ),
    },
    {
      title: t(m.waitingSince),
      dataIndex: 'waitingSince',
      render: (at: string) => <span style={{ whiteSpace: 'nowrap' }}>{when(at)}</span>,
    },
    {
      title: t(m.decide),
      key: 'decide',
      fixed: 'right',
      render: (_: unknown, a) => (
        <Button type="primary" onClick={() => setDeciding(a)}>
          {t(m.decide)}
        </Button>
      ),
    },
  ];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <PageHeading title={t(m.approvalsTitle)} intro={t(m.approvalsIntro)} />
      <QueryState query={query}>
        {(data) => (
          <Table<Approval>
            rowKey="orderId"
            size="middle"
            columns={columns}
            dataSource={data.items}
            loading={query.isFetching && !query.isRefetching}
            locale={{ emptyText: <TableEmpty text={t(m.noApprovals)} textOnly /> }}
            scroll={{ x: 'max-content' }}
            pagination={pagination(data.total, t(m.totalApprovals))}
          />
        )}
      </QueryState>
      {deciding ? <DecisionModal approval={deciding} onClose={() => setDeciding(null)} /> : null}
    </Space>
  );
}

/** Approve or reject one order with a comment (required either way: it is shown on the order). */
function DecisionModal({ approval, onClose }: { approval: Approval; onClose: () => void }) {
  const { t } = useLanguage();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ comment: string }>();
  const decide = useMutation({
    mutationFn: (body: { decision: 'approve' | 'reject'; comment: string }) =>
      unwrap(api.POST('/api/v1/orders/{id}/approval', { params: { path: { id: approval.orderId } }, body })),
    onSuccess: (_order, body) => {
      void message.success(t(body.decision === 'approve' ? m.approved : m.rejected));
      void queryClient.invalidateQueries({ queryKey: ['approvals'] });
      onClose();
    },
    // Someone may have decided first (409 NotAwaitingApproval): the refusal stays in the dialog, the list renews.
    onError: () => void queryClient.invalidateQueries({ queryKey: ['approvals'] }),
  });
  const send = (decision: 'approve' | 'reject') => {
    void form
      .validateFields()
      .then(({ comment }) => decide.mutate({ decision, comment: comment.trim() }))
      .catch(() => undefined);
  };
  return (
    <Modal
      open
      title={fill(t(m.decideTitle), { order: approval.orderId })}
      onCancel={onClose}
      footer={[
        <Button key="reject" danger loading={decide.isPending} onClick={() => send('reject')}>
          {t(m.reject)}
        </Button>,
        <Button key="approve" type="primary" loading={decide.isPending} onClick={() => send('approve')}>
          {t(m.approve)}
        </Button>,
      ]}
    >
      <Space orientation="vertical" style={{ width: '100%' }}>
        <span>
          {approval.groupName} <code>{approval.groupCode}</code> · <code>{approval.productCode}</code> ·{' '}
          {approval.tariffName} <code>{approval.tariffCode}</code>
        </span>
        {Object.keys(approval.tariffParams).length > 0 ? (
          <TermsText values={approval.tariffParams} spec={approval.tariffParamSpec ?? undefined} />
        ) : null}
        <Form form={form} layout="vertical" aria-label={t(m.decide)}>
          <Form.Item
            name="comment"
            label={t(m.comment)}
            rules={[{ required: true, whitespace: true, message: t(m.commentRequired) }]}
          >
            <Input.TextArea rows={3} maxLength={500} />
          </Form.Item>
        </Form>
        <ErrorAlert error={decide.error} />
      </Space>
    </Modal>
  );
}
