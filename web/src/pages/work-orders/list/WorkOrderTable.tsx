import { Table, type TableProps } from 'antd';
import type { TablePaginationConfig } from 'antd/es/table';
import type { Page } from '../../../api-client/paging';
import { QueryState } from '../../../components/PageState';
import { fill } from '../../../i18n/fill';
import { useLanguage } from '../../../i18n/language';
import type { WorkOrderListItem } from '../work-order-queries';
import type { WorkOrderColumn } from './columns';
import { listMessages as m } from './messages';

type PassedOn = Pick<TableProps<WorkOrderListItem>, 'loading' | 'onRow' | 'rowSelection'>;

/**
 * One page of work orders read from the server (UI-1: server-side paging), with the loading, error and empty
 * states, the page kept in the URL (`usePaging`'s `pagination`) and the total counted by the API.
 */
export function WorkOrderTable(
  props: PassedOn & {
    query: {
      isPending: boolean;
      error: unknown;
      data: Page<WorkOrderListItem> | undefined;
      refetch: () => unknown;
    };
    columns: WorkOrderColumn[];
    emptyText: string;
    pagination: (total: number) => TablePaginationConfig;
  },
) {
  const { t } = useLanguage();
  const { query, columns, emptyText, pagination, ...rest } = props;
  return (
    <QueryState query={query}>
      {(data) => (
        <Table<WorkOrderListItem>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={data.items}
          locale={{ emptyText }}
          pagination={{
            ...pagination(data.total),
            showTotal: (total: number) => fill(t(m.total), { total: String(total) }),
          }}
          {...rest}
        />
      )}
    </QueryState>
  );
}
