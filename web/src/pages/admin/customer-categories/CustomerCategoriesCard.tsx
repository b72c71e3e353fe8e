import { Button, Card, Form, Input, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useSearchParams } from 'react-router-dom';
import { FormErrors } from '../../../components/FormErrors';
import { ErrorAlert, QueryState } from '../../../components/PageState';
import { fill } from '../../../i18n/fill';
import { useLanguage } from '../../../i18n/language';
import { labelFor } from '../../../i18n/messages';
import { TableEmpty } from '../../../components/TableEmpty';
import { refusedFields } from '../../../components/fieldPath';
import {
  useAssignCategory,
  useCategories,
  useCustomerCategories,
  useEndCategory,
  type Assignment,
} from './category-queries';
import { categoryMessages as m, effectLabels } from './messages';

const when = (iso: string) => dayjs(iso).format('YYYY-MM-DD HH:mm');

/**
 * REQ: CUST-1 — a customer's categories, looked up by customer ID (kept in the URL): current and ended ones,
 * assign another, end a current one (never deleted: the record stays).
 */
export function CustomerCategoriesCard() {
  const { t } = useLanguage();
  const [params, setParams] = useSearchParams();
  const customerId = params.get('customer');
  const [form] = Form.useForm<{ customerId: string }>();

  return (
    <Card
      title={
        <Typography.Title level={2} style={{ fontSize: 18, margin: 0 }}>
          {t(m.customerTitle)}
        </Typography.Title>
      }
    >
      <Typography.Paragraph type="secondary">{t(m.customerIntro)}</Typography.Paragraph>
      <Form
        name="customerLookup"
        form={form}
        layout="inline"
        role="search"
        aria-label={t(m.customerTitle)}
        initialValues={{ customerId: customerId ?? '' }}
        onFinish={(v) =>
          setParams((current) => {
            const next = new URLSearchParams(current);
            next.set('customer', v.customerId.trim());
            return next;
          })
        }
      >
        <Form.Item name="customerId" label={t(m.customerId)} rules={[{ required: true, whitespace: true }]}>
          <Input style={{ width: 280 }} maxLength={64} autoComplete="off" />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit">
            {t(m.lookUp)}
          </Button>
        </Form.Item>
      </Form>
      {customerId ? <CustomerAssignments key={customerId} customerId={customerId} /> : null}
    </Card>
  );
}

function CustomerAssignments({ customerId }: { customerId: string }) {
  const { t } = useLanguage();
  const assignments = useCustomerCategories(customerId);
  const categories = useCategories();
  const assign = useAssignCategory(customerId);
  const end = useEndCategory(customerId);
  const [form] = Form.useForm<{ categoryCode: string; note?: string }>();

  const columns: ColumnsType<Assignment> = [
    {
      title: t(m.category),
      key: 'category',
      render: (_: unknown, a) => (
        <span>
          <code>{a.categoryCode}</code> {a.categoryName}
        </span>
      ),
    },
    {
      title: t(m.effect),
      dataIndex: 'effect',
      render: (effect: string) => t(labelFor(effectLabels, effect)),
    },
    { title: t(m.assignNote), dataIndex: 'note', render: (note: string | null) => note ?? '—' },
    {
      title: t(m.assignedBy),
      key: 'assigned',
      render: (_: unknown, a) => `${a.assignedBy} · ${when(a.assignedAt)}`,
    },
    {
      title: t(m.ended),
      key: 'ended',
      render: (_: unknown, a) =>
        a.endedAt ? (
          <Tag>{`${t(m.ended)} · ${a.endedBy ?? ''} · ${when(a.endedAt)}`}</Tag>
        ) : (
          <Tag color="#237804">{t(m.current)}</Tag>
        ),
    },
    {
      title: t(m.actions),
      key: 'actions',
      render: (_: unknown, a) =>
        a.endedAt ? null : (
          <Popconfirm
            title={fill(t(m.endConfirm), { code: a.categoryCode })}
            onConfirm={() => end.mutate(a.categoryCode)}
          >
            <Button size="small" danger aria-label={fill(t(m.end), { code: a.categoryCode })}>
              {t(m.endShort)}
            </Button>
          </Popconfirm>
        ),
    },
  ];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%', marginTop: 16 }}>
      <section aria-label={fill(t(m.categoriesOf), { id: customerId })}>
        <QueryState query={assignments}>
          {(data) => (
            <Table<Assignment>
              rowKey={(a) => `${a.categoryCode}-${a.assignedAt}`}
              size="small"
              columns={columns}
              dataSource={data.items}
              pagination={false}
              title={() => <code>{data.customerId}</code>}
              locale={{ emptyText: <TableEmpty text={t(m.noAssignments)} /> }}
            />
          )}
        </QueryState>
      </section>
      <ErrorAlert error={end.error} />
      {assignments.data ? (
        <>
          <Form
            name="assignCategory"
            form={form}
            layout="inline"
            aria-label={t(m.assign)}
            onFinish={(v) =>
              assign.mutate(
                { categoryCode: v.categoryCode, ...(v.note?.trim() ? { note: v.note.trim() } : {}) },
                { onSuccess: () => form.resetFields() },
              )
            }
            onValuesChange={() => {
              if (assign.error) assign.reset();
            }}
          >
            <Form.Item name="categoryCode" label={t(m.category)} rules={[{ required: true }]}>
              <Select
                style={{ minWidth: 220 }}
                loading={categories.isPending}
                options={(categories.data?.items ?? []).map((c) => ({
                  value: c.code,
                  label: `${c.code} ${t({ zh: c.nameZh, en: c.nameEn })}`,
                }))}
              />
            </Form.Item>
            <Form.Item name="note" label={t(m.assignNote)}>
              <Input style={{ width: 240 }} maxLength={500} autoComplete="off" />
            </Form.Item>
            <Form.Item>
              <Button type="primary" htmlType="submit" loading={assign.isPending}>
                {t(m.assign)}
              </Button>
            </Form.Item>
          </Form>
          <FormErrors form={form} error={assign.error} fieldsOf={refusedFields} />
        </>
      ) : null}
    </Space>
  );
}
