import type { WorkOrderListQuery } from '../work-order-queries';

/** Without a status filter the board shows the work still open (a finished work order needs no dispatcher). */
export const OPEN_STATUSES = ['created', 'accepted', 'outletAssigned', 'dispatched', 'inService'];
/** The status filter's value for "every status" (an empty filter means the open ones). */
export const ALL = 'all';
export const sorts = ['priority', 'sla', 'newest'] as const;
export type Sort = (typeof sorts)[number];

/** The board's filters as the URL keeps them, and the list query they make (UI-1, WO-6). */
export function boardFilters(params: URLSearchParams) {
  const rawStatus = params.get('status');
  const statuses = rawStatus === ALL ? [] : rawStatus ? rawStatus.split(',') : OPEN_STATUSES;
  const sortParam = params.get('sort');
  const sort: Sort = sorts.find((s) => s === sortParam) ?? 'priority';
  return { statuses, sort };
}

export function boardQuery(params: URLSearchParams, offset: number, limit: number): WorkOrderListQuery {
  const { statuses, sort } = boardFilters(params);
  const listFilter = (name: string) => params.get(name) ?? undefined;
  return {
    status: statuses.length ? statuses.join(',') : undefined,
    priority: listFilter('priority'),
    category: listFilter('category'),
    outletCode: listFilter('outletCode'),
    overdue: listFilter('overdue') as WorkOrderListQuery['overdue'],
    vip: listFilter('vip') as WorkOrderListQuery['vip'],
    kind: listFilter('kind') as WorkOrderListQuery['kind'],
    sort,
    offset,
    limit,
  };
}
