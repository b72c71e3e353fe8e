import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api-client/client';
import type { paths } from '../../api-client/schema';

/** The work-order requests every work-order screen shares, each declared once beside its hook (WO-1…WO-6). */

export type WorkOrderView =
  paths['/api/v1/work-orders/{id}']['get']['responses'][200]['content']['application/json'];
export type WorkOrderListItem =
  paths['/api/v1/work-orders']['get']['responses'][200]['content']['application/json']['items'][number];
export type WorkOrderListQuery = NonNullable<paths['/api/v1/work-orders']['get']['parameters']['query']>;
/** A step on a work order as the API takes it (`action` selects it). */
export type WorkOrderStep =
  paths['/api/v1/work-orders/{id}/steps']['post']['requestBody']['content']['application/json'];
export type WorkOrderAction = WorkOrderStep['action'];

/** Rejected, closed or cancelled: nothing changes any more. */
export const finalWorkOrderStatuses: readonly string[] = ['rejected', 'closed', 'cancelled'];

/** An open work order's page asks again every 2 s: a grab, a dispatch by rule or an SLA breach shows by itself. */
const OPEN_REFRESH_MS = 2000;

export function useWorkOrder(id: string) {
  return useQuery({
    queryKey: ['work-order', id],
    queryFn: () => unwrap(api.GET('/api/v1/work-orders/{id}', { params: { path: { id } } })),
    refetchInterval: (query) => {
      if (query.state.status === 'error') return false;
      const status = query.state.data?.status;
      return status && finalWorkOrderStatuses.includes(status) ? false : OPEN_REFRESH_MS;
    },
  });
}

/** One page of work orders with the total the API counted (X-Total-Count). */
export function useWorkOrders(query: WorkOrderListQuery, options: { refetchIntervalMs?: number } = {}) {
  return useQuery({
    queryKey: ['work-orders', query],
    queryFn: async () => {
      const call = api.GET('/api/v1/work-orders', { params: { query } });
      const { response } = await call;
      const data = await unwrap(call);
      return { items: data.items, total: Number(response.headers.get('x-total-count') ?? data.items.length) };
    },
    refetchInterval: options.refetchIntervalMs,
  });
}

/**
 * Takes a step on one work order (accept, dispatch, grab, book an appointment …); the answer is the work order
 * as the step left it, shown at once, and every list of work orders is read again.
 */
export function useWorkOrderStep(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (step: WorkOrderStep) =>
      unwrap(api.POST('/api/v1/work-orders/{id}/steps', { params: { path: { id } }, body: step })),
    onSuccess: (workOrder) => {
      queryClient.setQueryData(['work-order', id], workOrder);
      void queryClient.invalidateQueries({ queryKey: ['work-orders'] });
    },
  });
}
