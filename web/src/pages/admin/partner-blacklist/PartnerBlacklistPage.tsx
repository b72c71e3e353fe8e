import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, Input, Select, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
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
import { idTypeLabels, blacklistMessages as m } from './messages';

type Listing =
  paths['/api/v1/partner-blacklist']['get']['responses'][200]['content']['application/json']['items'][number];
type NewListing = paths['/api/v1/partner-blacklist']['post']['requestBody']['content']['application/json'];

const KEY = ['partner-blacklist'] as const;

/**
 * REQ: CUST-2, PRT-1 — partners' shared blacklist (合作方黑名单): the identities listed, by whom and why, and
 * recording a new listing as a partner reports it; a listed identity is refused new business from then on.
 */
export default function PartnerBlacklistPage() {
  const { t } = useLanguage();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const { offset, pageSize, pagination, setPage } = usePaging(20);
  const list = useQuery({
    queryKey: [...KEY, offset, pageSize],
    queryFn: () =>
      unwrapPage(api.GET('/api/v1/partner-blacklist', { params: { query: { offset, limit: pageSize } } })),
    placeholderData: keepPreviousData,
  });
  const record = useMutation({
    mutationFn: (body: NewListing) => unwrap(api.POST('/api/v1/partner-blacklist', { body })),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: KEY }),
  });
  const [form] = Form.useForm<NewListing>();

  const columns: ColumnsType<Listing> = [
    {
      title: t(m.idType),
      dataIndex: 'idType',
      render: (idType: string) => t(labelFor(idTypeLabels, idType)),
    },
    { title: t(m.idNumber), dataIndex: 'idNumber', render: (n: string) => <code>{n}</code> },
    // The partner's name and reason are as the partner gave them: not translated.
    { title: t(m.partner), dataIndex: 'partner' },
    { title: t(m.reason), dataIndex: 'reason' },
    {
      title: t(m.listedAt),
      dataIndex: 'listedAt',
      render: (iso: string) => (
        <span style={{ whiteSpace: 'nowrap' }}>{dayjs(iso).format('YYYY-MM-DD HH:mm')}</span>
      ),
    },
  ];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <PageHeading title={t(m.title)} intro={t(m.intro)} />
      <Card
        title={
          <Typography.Title level={2} style={{ fontSize: 18, margin: 0 }}>
            {t(m.record)}
          </Typography.Title>
        }
      >
        <Typography.Paragraph type="secondary">{t(m.recordIntro)}</Typography.Paragraph>
        <Form<NewListing>
          name="partnerListing"
          form={form}
          layout="vertical"
          style={{ maxWidth: 560 }}
          initialValues={{ idType: 'idCard' }}
          onFinish={(v) =>
            record.mutate(
              {
                idType: v.idType,
                idNumber: v.idNumber.trim(),
                partner: v.partner.trim(),
                reason: v.reason.trim(),
              },
              {
                onSuccess: (listing) => {
                  void message.success(fill(t(m.recorded), { id: listing.idNumber }));
                  form.resetFields();
                  // Listings are oldest first: the new one is on the last page.
                  const total = (list.data?.total ?? 0) + 1;
                  setPage(Math.max(1, Math.ceil(total / pageSize)), pageSize);
                },
              },
            )
          }
          onValuesChange={() => {
            if (record.error) record.reset();
          }}
        >
          <Form.Item name="idType" label={t(m.idType)} rules={[{ required: true }]}>
            <Select
              options={Object.entries(idTypeLabels).map(([value, label]) => ({ value, label: t(label) }))}
            />
          </Form.Item>
          <Form.Item
            name="idNumber"
            label={t(m.idNumber)}
            rules={[{ required: true, whitespace: true }, { min: 5 }]}
          >
            <Input maxLength={32} autoComplete="off" />
          </Form.Item>
          <Form.Item name="partner" label={t(m.partner)} rules={[{ required: true, whitespace: true }]}>
            <Input maxLength={100} autoComplete="off" />
          </Form.Item>
          <Form.Item name="reason" label={t(m.reason)} rules={[{ required: true, whitespace: true }]}>
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
          <FormErrors form={form} error={record.error} fieldsOf={refusedFields} />
          <Form.Item style={{ marginTop: 16 }}>
            <Button type="primary" htmlType="submit" loading={record.isPending}>
              {t(m.save)}
            </Button>
          </Form.Item>
        </Form>
      </Card>
      <QueryState query={list}>
        {(data) => (
          <Table<Listing>
            rowKey={(l) => `${l.partner}|${l.idType}|${l.idNumber}`}
            size="middle"
            columns={columns}
            dataSource={data.items}
            loading={list.isFetching}
            title={() => t(m.listTitle)}
            locale={{ emptyText: <TableEmpty text={t(m.empty)} /> }}
            pagination={pagination(data.total, t(m.total))}
          />
        )}
      </QueryState>
    </Space>
  );
}
