import { Alert, Card, Descriptions, Form, Progress, Select, Space, Statistic, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { Link, useParams } from 'react-router-dom';
import { PageHeading } from '../../../components/PageHeading';
import { QueryState } from '../../../components/PageState';
import { usePaging } from '../../../components/usePaging';
import { fill } from '../../../i18n/fill';
import { useLanguage } from '../../../i18n/language';
import { batchStatusLabels, centralStock, resourceTypeLabels, rowResultLabels } from '../labels';
import { StateTag } from '../StateTag';
import { stockInMessages as m } from './messages';
import { useStockBatch, useStockRows, type RowResult, type StockBatch, type StockRow } from './stock-queries';
import { TableEmpty } from '../../../components/TableEmpty';

const when = (iso: string) => dayjs(iso).format('YYYY-MM-DD HH:mm:ss');

/**
 * REQ: RES-1 — one stock-in batch: its progress polled while it runs, the counters, and each row of the file
 * with its result and, for a rejected row, the reason (Chinese — column: rule), filtered by result and paged.
 */
export default function StockBatchPage() {
  const { t } = useLanguage();
  const { id = '' } = useParams();
  const batch = useStockBatch(id);
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Link to="/admin/stock-in">{t(m.back)}</Link>
      <PageHeading title={fill(t(m.batchTitle), { id })} intro={t(m.batchIntro)} />
      <QueryState query={batch}>{(b) => <BatchView batch={b} />}</QueryState>
    </Space>
  );
}

function BatchView({ batch }: { batch: StockBatch }) {
  const { t } = useLanguage();
  const { params } = usePaging();
  const running = batch.finishedAt === null && batch.status !== 'failed';
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {params.get('replayed') ? <Alert type="info" showIcon title={t(m.replayed)} /> : null}
      <Card>
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <Progress
            percent={batch.percent}
            // 'normal' when done: antd's green success text is too pale to read (axe colour contrast).
            status={batch.status === 'failed' ? 'exception' : running ? 'active' : 'normal'}
            aria-label={t(m.progressLabel)}
            format={(percent) => `${percent ?? 0}%`}
          />
          <Space size="large" wrap>
            <Statistic title={t(m.rows)} value={batch.totalRows} />
            <Statistic title={t(m.processed)} value={batch.processedRows} />
            <Statistic title={t(m.accepted)} value={batch.acceptedRows} />
            <Statistic title={t(m.rejected)} value={batch.rejectedRows} />
          </Space>
          <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }}>
            <Descriptions.Item label={t(m.status)}>
              <StateTag code={batch.status} labels={batchStatusLabels} />
            </Descriptions.Item>
            <Descriptions.Item label={t(m.resourceType)}>
              {t(resourceTypeLabels[batch.resourceType]!)}
            </Descriptions.Item>
            <Descriptions.Item label={t(m.holder)}>
              {batch.holderCode ? <code>{batch.holderCode}</code> : t(centralStock)}
            </Descriptions.Item>
            <Descriptions.Item label={t(m.fileName)}>{batch.fileName ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t(m.createdBy)}>
              <code>{batch.createdBy}</code>
            </Descriptions.Item>
            <Descriptions.Item label={t(m.createdAt)}>{when(batch.createdAt)}</Descriptions.Item>
            <Descriptions.Item label={t(m.finishedAt)}>
              {batch.finishedAt ? when(batch.finishedAt) : t(m.notFinished)}
            </Descriptions.Item>
          </Descriptions>
        </Space>
      </Card>
      <RowResults id={batch.id} processedRows={batch.processedRows} />
    </Space>
  );
}

const results: RowResult[] = ['pending', 'accepted', 'rejected'];

/** The per-row report (逐行结果), paged on the server, the result filter kept in the URL. */
function RowResults({ id, processedRows }: { id: string; processedRows: number }) {
  const { t } = useLanguage();
  const { params, offset, pageSize, setFilter, pagination } = usePaging(20);
  const raw = params.get('result');
  const result = results.find((r) => r === raw);
  const rows = useStockRows(id, { result, offset, limit: pageSize }, processedRows);

  const columns: ColumnsType<StockRow> = [
    { title: t(m.rowNo), dataIndex: 'rowNo', width: 80 },
    { title: t(m.raw), dataIndex: 'raw', render: (v: string) => <code>{v}</code> },
    {
      title: t(m.result),
      dataIndex: 'result',
      render: (r: string) => <StateTag code={r} labels={rowResultLabels} />,
    },
    // The reason comes as the API wrote it: Chinese, then the column and rule in English.
    { title: t(m.reason), dataIndex: 'reason', render: (v: string | null) => v ?? '—' },
  ];

  return (
    <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t(m.rowResults)}</h2>}>
      <Form layout="inline" role="search" aria-label={t(m.rowResults)} style={{ marginBottom: 16 }}>
        <Form.Item label={t(m.result)} htmlFor="row-result">
          <Select
            id="row-result"
            style={{ minWidth: 140 }}
            value={result ?? ''}
            options={[
              { value: '', label: t(m.any) },
              ...results.map((r) => ({ value: r, label: t(rowResultLabels[r]!) })),
            ]}
            onChange={(v: string) => setFilter('result', v)}
          />
        </Form.Item>
      </Form>
      <QueryState query={rows}>
        {(data) => (
          <Table<StockRow>
            rowKey="rowNo"
            size="small"
            columns={columns}
            dataSource={data.items}
            locale={{ emptyText: <TableEmpty text={t(m.noRows)} /> }}
            pagination={pagination(data.total, t(m.totalRows))}
          />
        )}
      </QueryState>
    </Card>
  );
}
