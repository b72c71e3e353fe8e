import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Space } from 'antd';
import { useState } from 'react';
import { api } from '../../api-client/client';
import { unwrapPage } from '../../api-client/paging';
import { PageHeading } from '../../components/PageHeading';
import { usePaging } from '../../components/usePaging';
import { fill } from '../../i18n/fill';
import { useLanguage } from '../../i18n/language';
import { boardColumns, rowTint } from './board/board-columns';
import { boardQuery } from './board/board-query';
import { BoardFilters } from './board/BoardFilters';
import { DeskDialogs, type PendingStep, type StepRun } from './desk/DeskDialogs';
import { DeskStepButtons } from './desk/DeskStepButtons';
import { dueState, useNow } from './desk/due';
import { boardMessages as m } from './desk/messages';
import { StepResults } from './desk/StepResults';
import { WorkOrderTable } from './list/WorkOrderTable';
import type { WorkOrderListItem } from './work-order-queries';

/** The board reads the queue again every 10 s: new work orders, dispatches by rule and breaches show by themselves. */
const REFRESH_MS = 10_000;

/**
 * The dispatcher board (调度台, UI-1, WO-2…WO-6): the queue by priority and VIP, by due time or newest; due times
 * counting down with rows about to breach or late marked in colour and words; filters, order and page kept in
 * the URL; desk steps on a row or a selection with each row's outcome; refreshed every 10 s.
 */
export default function WorkOrdersPage() {
  const { t } = useLanguage();
  const now = useNow();
  const { params, offset, pageSize, setFilter, pagination } = usePaging(20);
  const [selected, setSelected] = useState<WorkOrderListItem[]>([]);
  const [pending, setPending] = useState<PendingStep | null>(null);
  const [run, setRun] = useState<StepRun | null>(null);

  const query = boardQuery(params, offset, pageSize);
  const list = useQuery({
    queryKey: ['work-orders', 'board', query],
    queryFn: () => unwrapPage(api.GET('/api/v1/work-orders', { params: { query } })),
    placeholderData: keepPreviousData,
    refetchInterval: REFRESH_MS,
  });
  // The selection follows the rows as they are now (a refresh may have moved them on).
  const selectedNow = (list.data?.items ?? []).filter((row) => selected.some((s) => s.id === row.id));

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <PageHeading title={t(m.title)} intro={t(m.intro)} />
      <BoardFilters params={params} setFilter={setFilter} />
      {selectedNow.length > 0 ? (
        <Space wrap data-testid="selection-actions">
          <strong>{fill(t(m.selected), { count: String(selectedNow.length) })}</strong>
          <DeskStepButtons
            targets={selectedNow}
            onStart={(step) => setPending({ step, targets: selectedNow })}
          />
          <Button type="link" onClick={() => setSelected([])}>
            {t(m.clearSelection)}
          </Button>
        </Space>
      ) : null}
      {run ? <StepResults run={run} onDismiss={() => setRun(null)} /> : null}
      <WorkOrderTable
        query={list}
        columns={boardColumns(t, now, setPending)}
        emptyText={t(m.empty)}
        pagination={pagination}
        loading={list.isFetching && list.isPlaceholderData}
        onRow={(row) => {
          const tint = rowTint[dueState(row, now).level];
          return tint ? { style: tint } : {};
        }}
        rowSelection={{
          selectedRowKeys: selectedNow.map((row) => row.id),
          onChange: (_keys, rows) => setSelected(rows),
          getCheckboxProps: (row) => ({ 'aria-label': fill(t(m.selectRow), { id: row.id }) }),
        }}
      />
      <DeskDialogs
        pending={pending}
        onClose={() => setPending(null)}
        onDone={(done) => {
          setRun(done);
          setSelected([]);
        }}
      />
    </Space>
  );
}
