import { Button, Card, Form, Progress, Radio, Select, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { FormErrors } from '../../../components/FormErrors';
import { PageHeading } from '../../../components/PageHeading';
import { QueryState } from '../../../components/PageState';
import { usePaging } from '../../../components/usePaging';
import { useLanguage } from '../../../i18n/language';
import { batchStatusLabels, centralStock, resourceTypeLabels } from '../labels';
import { StateTag } from '../StateTag';
import { stockInMessages as m } from './messages';
import {
  useCities,
  useStockBatches,
  useUploadStock,
  type ResourceType,
  type StockBatch,
} from './stock-queries';
import { TableEmpty } from '../../../components/TableEmpty';
import { refusedFields } from '../../../components/fieldPath';

const when = (iso: string) => dayjs(iso).format('YYYY-MM-DD HH:mm:ss');

/**
 * REQ: RES-1 — stock-in (入库) for administrators: upload a CSV of numbers or SIM cards chosen in the browser,
 * then follow the batch; below, every batch newest first with its progress, paged on the server.
 */
export default function StockBatchesPage() {
  const { t } = useLanguage();
  const { offset, pageSize, pagination } = usePaging(10);
  const batches = useStockBatches(offset, pageSize);

  const columns: ColumnsType<StockBatch> = [
    {
      title: t(m.id),
      dataIndex: 'id',
      render: (id: string) => (
        <Link to={`/admin/stock-in/${id}`}>
          <code>{id}</code>
        </Link>
      ),
    },
    { title: t(m.resourceType), dataIndex: 'resourceType', render: (v: string) => t(resourceTypeLabels[v]!) },
    { title: t(m.fileName), dataIndex: 'fileName', render: (v: string | null) => v ?? '—' },
    {
      title: t(m.holder),
      dataIndex: 'holderCode',
      render: (v: string | null) => (v ? <code>{v}</code> : t(centralStock)),
    },
    {
      title: t(m.status),
      dataIndex: 'status',
      render: (s: string) => <StateTag code={s} labels={batchStatusLabels} />,
    },
    {
      title: t(m.progress),
      key: 'progress',
      width: 160,
      render: (_: unknown, b) => (
        <Progress
          percent={b.percent}
          size="small"
          status={b.status === 'failed' ? 'exception' : 'normal'}
          format={(percent) => `${percent ?? 0}%`}
          aria-label={`${t(m.progressLabel)} ${b.id}`}
        />
      ),
    },
    { title: t(m.rows), dataIndex: 'totalRows' },
    { title: t(m.accepted), dataIndex: 'acceptedRows' },
    { title: t(m.rejected), dataIndex: 'rejectedRows' },
    { title: t(m.createdBy), dataIndex: 'createdBy', render: (v: string) => <code>{v}</code> },
    { title: t(m.createdAt), dataIndex: 'createdAt', render: (iso: string) => when(iso) },
  ];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <PageHeading title={t(m.title)} intro={t(m.intro)} />
      <UploadCard />
      <Typography.Title level={2} style={{ fontSize: 18, margin: 0 }}>
        {t(m.batches)}
      </Typography.Title>
      <QueryState query={batches}>
        {(data) => (
          <Table<StockBatch>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={data.items}
            loading={batches.isFetching && !batches.isRefetching}
            locale={{ emptyText: <TableEmpty text={t(m.empty)} /> }}
            scroll={{ x: 'max-content' }}
            pagination={pagination(data.total, t(m.total))}
          />
        )}
      </QueryState>
    </Space>
  );
}

interface UploadValues {
  resourceType: ResourceType;
  holderCode: string;
}

/** The upload form: resource type, where the stock comes in (central or a city) and the file itself. */
function UploadCard() {
  const { t } = useLanguage();
  const navigate = useNavigate();
  const [form] = Form.useForm<UploadValues>();
  const cities = useCities();
  const upload = useUploadStock();
  const [file, setFile] = useState<File | null>(null);
  const [fileMissing, setFileMissing] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const resourceType = Form.useWatch('resourceType', form) ?? 'numbers';

  const submit = (values: UploadValues) => {
    if (!file) {
      setFileMissing(true);
      return;
    }
    upload.mutate(
      { resourceType: values.resourceType, holderCode: values.holderCode || undefined, file },
      {
        onSuccess: (batch) =>
          void navigate(`/admin/stock-in/${batch.id}${batch.replayed ? '?replayed=1' : ''}`),
      },
    );
  };

  return (
    <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t(m.uploadTitle)}</h2>}>
      <Form<UploadValues>
        form={form}
        layout="vertical"
        initialValues={{ resourceType: 'numbers', holderCode: '' }}
        onFinish={submit}
        style={{ maxWidth: 640 }}
      >
        <Form.Item name="resourceType" label={t(m.resourceType)}>
          <Radio.Group
            optionType="button"
            options={(['numbers', 'sims'] as const).map((v) => ({
              value: v,
              label: t(resourceTypeLabels[v]!),
            }))}
          />
        </Form.Item>
        <Form.Item name="holderCode" label={t(m.holder)} htmlFor="stock-holder">
          <Select
            id="stock-holder"
            loading={cities.isPending}
            options={[
              { value: '', label: t(centralStock) },
              ...(cities.data ?? []).map((c) => ({ value: c.code, label: `${c.name} ${c.code}` })),
            ]}
          />
        </Form.Item>
        <Form.Item
          label={t(m.file)}
          htmlFor="stock-file"
          required
          validateStatus={fileMissing ? 'error' : undefined}
          help={fileMissing ? t(m.fileRequired) : undefined}
          extra={t(resourceType === 'sims' ? m.simsFormat : m.numbersFormat)}
        >
          <Space>
            <input
              ref={input}
              id="stock-file"
              type="file"
              accept=".csv,text/csv"
              style={{ display: 'none' }}
              onChange={(e) => {
                setFile(e.target.files?.[0] ?? null);
                setFileMissing(false);
              }}
            />
            <Button onClick={() => input.current?.click()}>{t(m.chooseFile)}</Button>
            <Typography.Text type={file ? undefined : 'secondary'}>
              {file?.name ?? t(m.noFile)}
            </Typography.Text>
          </Space>
        </Form.Item>
        <Form.Item>
          <FormErrors
            form={form}
            error={upload.error}
            fieldsOf={(e) => refusedFields(e, { ruleInZh: true })}
          />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={upload.isPending}>
          {t(m.upload)}
        </Button>
      </Form>
    </Card>
  );
}
