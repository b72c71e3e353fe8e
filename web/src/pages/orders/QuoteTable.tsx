import { Table } from 'antd';
import { useLanguage } from '../../i18n/language';
import type { Bilingual } from '../../i18n/messages';
import { orderMessages as m, yuan } from './messages';

export interface QuoteLine {
  item: string;
  label: Bilingual;
  amountFen: number;
}

/** REQ: OPEN-4 — the charges of an opening, line by line with the API's labels, and their total in yuan. */
export function QuoteTable({ lines, totalFen }: { lines: QuoteLine[]; totalFen: number }) {
  const { t } = useLanguage();
  return (
    <Table<QuoteLine>
      data-testid="quote"
      size="small"
      rowKey="item"
      pagination={false}
      dataSource={lines}
      columns={[
        { title: t(m.item), dataIndex: 'label', render: (label: Bilingual) => t(label) },
        { title: t(m.amount), dataIndex: 'amountFen', align: 'right', render: (fen: number) => yuan(fen) },
      ]}
      summary={() => (
        <Table.Summary.Row>
          <Table.Summary.Cell index={0}>
            <strong>{t(m.total)}</strong>
          </Table.Summary.Cell>
          <Table.Summary.Cell index={1} align="right">
            <strong data-testid="quote-total">{yuan(totalFen)}</strong>
          </Table.Summary.Cell>
        </Table.Summary.Row>
      )}
    />
  );
}
