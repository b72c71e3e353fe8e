import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, Input, Space, Table, Typography } from 'antd';
import { TableEmpty } from '../../../components/TableEmpty';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useState } from 'react';
import { api, unwrap, type ApiError, type FieldError } from '../../../api-client/client';
import { FormErrors } from '../../../components/FormErrors';
import { QueryState } from '../../../components/PageState';
import { fill } from '../../../i18n/fill';
import { useLanguage } from '../../../i18n/language';
import { ConfirmDialog } from '../ConfirmDialog';
import { operatorMessages as m } from './messages';

/** A refusal naming the product code (an unknown product: `productCode: no active group product X`). */
function productCodeRefusal(error: ApiError): FieldError[] {
  if (error.fieldErrors.length > 0) return error.fieldErrors;
  const named = /^productCode: (.+)$/s.exec(error.message);
  return named?.[1] ? [{ path: 'productCode', zh: error.reason || named[1], en: named[1] }] : [];
}

/**
 * REQ: GRP-1 — "ask an administrator" answered: the group products the operator may see and order, granted
 * by product code (e.g. HDJ 和对讲) and revoked after a confirmation. Orders already accepted run on.
 */
export function ProductPermissions({ operatorId }: { operatorId: string }) {
  const { t } = useLanguage();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ productCode: string }>();
  const [revoking, setRevoking] = useState<string | null>(null);
  const queryKey = ['operator', operatorId, 'product-permissions'];
  const path = { operatorId };

  const permissions = useQuery({
    queryKey,
    queryFn: () =>
      unwrap(api.GET('/api/v1/operators/{operatorId}/product-permissions', { params: { path } })),
  });
  const grant = useMutation({
    mutationFn: async (productCode: string) => {
      const answer = await api.PUT('/api/v1/operators/{operatorId}/product-permissions/{productCode}', {
        params: { path: { ...path, productCode } },
      });
      const permission = await unwrap(Promise.resolve(answer));
      return { permission, created: answer.response.status === 201 };
    },
    onSuccess: ({ permission, created }) => {
      form.resetFields();
      void queryClient.invalidateQueries({ queryKey });
      void message.success(fill(t(created ? m.granted : m.alreadyGranted), { code: permission.productCode }));
    },
  });
  const revoke = useMutation({
    mutationFn: (productCode: string) =>
      unwrap(
        api.DELETE('/api/v1/operators/{operatorId}/product-permissions/{productCode}', {
          params: { path: { ...path, productCode } },
        }),
      ),
    onSuccess: (_, productCode) => {
      setRevoking(null);
      void queryClient.invalidateQueries({ queryKey });
      void message.success(fill(t(m.revoked), { code: productCode }));
    },
  });

  type Row = NonNullable<typeof permissions.data>['items'][number];
  const columns: ColumnsType<Row> = [
    { title: t(m.productCode), dataIndex: 'productCode', render: (code: string) => <code>{code}</code> },
    // The catalogue's own product name: not translated.
    { title: t(m.productName), dataIndex: 'productName' },
    { title: t(m.grantedBy), dataIndex: 'grantedBy', render: (id: string) => <code>{id}</code> },
    {
      title: t(m.grantedAt),
      dataIndex: 'grantedAt',
      render: (iso: string) => dayjs(iso).format('YYYY-MM-DD HH:mm'),
    },
    {
      title: t(m.actions),
      key: 'actions',
      render: (_: unknown, row) => (
        <Button
          size="small"
          danger
          aria-label={`${t(m.revoke)} ${row.productCode}`}
          onClick={() => setRevoking(row.productCode)}
        >
          {t(m.revoke)}
        </Button>
      ),
    },
  ];

  return (
    <Card title={t(m.permissions)} size="small">
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Typography.Text type="secondary">{t(m.permissionsIntro)}</Typography.Text>
        <QueryState query={permissions}>
          {(data) => (
            <Table<Row>
              rowKey="productCode"
              size="small"
              columns={columns}
              dataSource={data.items}
              pagination={false}
              locale={{ emptyText: <TableEmpty text={t(m.noPermissions)} textOnly /> }}
            />
          )}
        </QueryState>
        <Form<{ productCode: string }>
          form={form}
          name="grant-permission"
          layout="inline"
          onFinish={(values) => grant.mutate(values.productCode.trim().toUpperCase())}
        >
          <Form.Item
            name="productCode"
            label={t(m.productCode)}
            rules={[{ required: true, whitespace: true }]}
          >
            <Input placeholder="HDJ" maxLength={32} style={{ width: 160 }} />
          </Form.Item>
          <Form.Item>
            <Button type="primary" htmlType="submit" loading={grant.isPending}>
              {t(m.grant)}
            </Button>
          </Form.Item>
        </Form>
        <FormErrors form={form} error={grant.error} fieldsOf={productCodeRefusal} />
      </Space>
      {revoking ? (
        <ConfirmDialog
          title={fill(t(m.revokeTitle), { code: revoking })}
          text={t(m.revokeText)}
          okText={t(m.revoke)}
          cancelText={t(m.cancel)}
          danger
          running={revoke.isPending}
          error={revoke.error}
          onOk={() => revoke.mutate(revoking)}
          onCancel={() => {
            revoke.reset();
            setRevoking(null);
          }}
        />
      ) : null}
    </Card>
  );
}
