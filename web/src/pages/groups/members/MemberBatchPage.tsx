import { Button, Card, Descriptions, Form, Progress, Select, Space, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { PageHeading } from '../../../components/PageHeading';
import { ErrorAlert, QueryState } from '../../../components/PageState';
import { usePaging } from '../../../components/usePaging';
import { fill } from '../../../i18n/fill';
import { useLanguage } from '../../../i18n/language';
import { labelFor } from '../../../i18n/messages';
import { batchResultsCsv, splitReason, type BatchResultRow } from './member-csv';
import {
  fetchAllBatchRows,
  useBatchRows,
  useMemberBatch,
  type BatchRowResult,
  type MemberBatch,
} from './member-queries';
import { TableEmpty } from '../../../components/TableEmpty';
import { batchMessages as m, batchStatusLabels, rowResultLabels } from './messages';
import { saveCsv } from './saveCsv';

const statusColours: Record<string, string> = { running: '#0958d9', completed: '#237804', failed: '#a8071a' };
const resultColours: Record<string, string> = {
  pending: '#595959',
  accepted: '#237804',
  rejected: '#a8071a',
};
const when = (iso: string | null) => (iso ? dayjs(iso).format('YYYY-MM-DD HH:mm:ss') : '—');

/**
 * A member batch (成员批量导入, GRP-6, UI-1): its progress refreshed every second while it runs (percent and the
 * counts), each row's result with its reason in Chinese and English, filtered by result and paged on the server,
 * and every row downloadable as a CSV file built in the browser.
 */
export default function MemberBatchPage() {
  const { id = '' } = useParams();
  const { t } = useLanguage();
  const batch = useMemberBatch(id);
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <PageHeading title={t(m.title)} intro={t(m.intro)} />
      <QueryState query={batch}>
        {(data) => (
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            <BatchProgress batch={data} />
            <BatchRows batch={data} />
          </Space>
        )}
      </QueryState>
    </Space>
  );
}

function BatchProgress({ batch }: { batch: MemberBatch }) {
  const { t } = useLanguage();
  const membersHref = `/groups/${batch.groupCode}/products/${batch.productCode}/members`;
  return (
    <Card size="small">
      <Space orientation="vertical" style={{ width: '100%' }}>
        {/* The percent as text beside the bar: antd's own label turns green at 100 %, too pale to read. */}
        <div style={{ display: 'flex', alignItems: 'center', gap: 12 }}>
          <Progress
            percent={batch.percent}
            showInfo={false}
            status={
              batch.status === 'failed' ? 'exception' : batch.status === 'running' ? 'active' : 'success'
            }
            aria-label={t(m.progress)}
            style={{ flex: 1, margin: 0 }}
          />
          <strong data-testid="batch-percent">{`${batch.percent}%`}</strong>
        </div>
        <span role="status" data-testid="batch-counts">
          {fill(t(m.counts), {
            done: String(batch.processedRows),
            total: String(batch.totalRows),
            accepted: String(batch.acceptedRows),
            rejected: String(batch.rejectedRows),
          })}
        </span>
        <Descriptions
          size="small"
          column={{ xs: 1, md: 3 }}
          items={[
            { key: 'id', label: 'ID', children: <code>{batch.id}</code> },
            {
              key: 'status',
              label: t(m.status),
              children: (
                <Tag color={statusColours[batch.status]} data-testid="batch-status">
                  {t(labelFor(batchStatusLabels, batch.status))}
                </Tag>
              ),
            },
            {
              key: 'product',
              label: t(m.groupProduct),
              children: (
                <Link to={membersHref}>
                  {batch.groupCode} · {batch.productCode} · {t(m.toMembers)}
                </Link>
              ),
            },
            { key: 'total', label: t(m.total), children: batch.totalRows },
            { key: 'accepted', label: t(m.accepted), children: batch.acceptedRows },
            { key: 'rejected', label: t(m.rejected), children: batch.rejectedRows },
            { key: 'created', label: t(m.createdAt), children: when(batch.createdAt) },
            { key: 'finished', label: t(m.finishedAt), children: when(batch.finishedAt) },
          ]}
        />
      </Space>
    </Card>
  );
}

function BatchRows({ batch }: { batch: MemberBatch }) {
  const { t } = useLanguage();
  const { params, offset, pageSize, setFilter, pagination } = usePaging(20);
  const result = (params.get('result') ?? undefined) as BatchRowResult | undefined;
  const rows = useBatchRows(batch.id, { result, offset, limit: pageSize }, batch.status === 'running');
  const [downloading, setDownloading] = useState(false);
  const [downloadError, setDownloadError] = useState<unknown>(null);

  const download = async () => {
    setDownloading(true);
    setDownloadError(null);
    try {
      const all = await fetchAllBatchRows(batch.id);
      saveCsv(`${batch.id.replace(/[^\w-]+/g, '_')}-results.csv`, batchResultsCsv(all));
    } catch (error) {
      setDownloadError(error);
    } finally {
      setDownloading(false);
    }
  };

  const columns: ColumnsType<BatchResultRow> = [
    { title: t(m.rowNo), dataIndex: 'rowNo' },
    { title: t(m.msisdn), dataIndex: 'msisdn', render: (n: string) => <code>{n}</code> },
    {
      title: t(m.result),
      dataIndex: 'result',
      render: (r: string) => <Tag color={resultColours[r]}>{t(labelFor(rowResultLabels, r))}</Tag>,
    },
    {
      title: t(m.reasonCode),
      dataIndex: 'reasonCode',
      render: (code: string | null) => (code ? <code>{code}</code> : '—'),
    },
    {
      title: t(m.reason),
      dataIndex: 'reason',
      // The API's reason holds both languages; both are shown, Chinese first, whatever the console's language.
      render: (reason: string | null) => {
        if (!reason) return '—';
        const { zh, en } = splitReason(reason);
        return (
          <>
            <div lang="zh">{zh}</div>
            {en !== zh ? (
              <div lang="en" style={{ color: 'rgba(0,0,0,0.65)' }}>
                {en}
              </div>
            ) : null}
          </>
        );
      },
    },
  ];

  return (
    <Card size="small" title={<h2 style={{ fontSize: 16, margin: 0 }}>{t(m.rows)}</h2>}>
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
          <Form layout="inline" role="search" aria-label={t(m.rows)}>
            <Form.Item label={t(m.result)} htmlFor="batch-row-result">
              <Select
                id="batch-row-result"
                style={{ minWidth: 140 }}
                value={result ?? ''}
                options={[
                  { value: '', label: t(m.all) },
                  ...Object.entries(rowResultLabels).map(([value, label]) => ({ value, label: t(label) })),
                ]}
                onChange={(v: string) => setFilter('result', v)}
              />
            </Form.Item>
          </Form>
          <Button onClick={() => void download()} loading={downloading}>
            {t(m.download)}
          </Button>
        </Space>
        <ErrorAlert error={downloadError} />
        <QueryState query={rows}>
          {(data) => (
            <Table<BatchResultRow>
              rowKey="rowNo"
              size="middle"
              aria-label={t(m.rows)}
              columns={columns}
              dataSource={data.items}
              locale={{ emptyText: <TableEmpty text={t(m.rowsEmpty)} textOnly /> }}
              pagination={pagination(data.total, t(m.rowsTotal))}
            />
          )}
        </QueryState>
      </Space>
    </Card>
  );
}
