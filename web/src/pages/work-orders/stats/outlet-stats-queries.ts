import { keepPreviousData, useQuery } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { api, unwrap } from '../../../api-client/client';
import type { paths } from '../../../api-client/schema';

/** Per-outlet backlog and SLA attainment (WO-6, RPT-1), declared once beside its hook. */

export type OutletStats =
  paths['/api/v1/work-orders/stats/outlets']['get']['responses'][200]['content']['application/json'];
export type OutletStatsRow = OutletStats['outlets'][number];

/**
 * The period the screen shows, as the URL keeps it: the last N days up to now, or whole days (YYYY-MM-DD, both
 * included, in the browser's time zone).
 */
export type StatsPeriod = { days: number } | { from: string; to: string };

/** The stats for the period; "the last N days" is counted from the moment it is asked for. */
export function useOutletStats(period: StatsPeriod) {
  return useQuery({
    queryKey: ['work-order-stats', 'outlets', period],
    queryFn: () =>
      unwrap(api.GET('/api/v1/work-orders/stats/outlets', { params: { query: queryOf(period) } })),
    placeholderData: keepPreviousData,
  });
}

function queryOf(period: StatsPeriod): { from: string; to?: string } {
  if ('days' in period) return { from: dayjs().subtract(period.days, 'day').format() };
  return {
    from: dayjs(period.from).startOf('day').format(),
    to: dayjs(period.to).add(1, 'day').startOf('day').format(),
  };
}
