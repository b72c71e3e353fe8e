import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../api-client/client';
import type { paths } from '../../../api-client/schema';
import type { WorkOrderStep, WorkOrderView } from '../work-order-queries';

/** The dispatcher desk's requests (WO-3, WO-4), each declared once beside its hook. */

export type Outlet =
  paths['/api/v1/outlets']['get']['responses'][200]['content']['application/json']['items'][number];
export type OutletStaff =
  paths['/api/v1/outlets/{code}/staff']['get']['responses'][200]['content']['application/json'];
export type DispatchPreview =
  paths['/api/v1/work-orders/{id}/dispatch-preview']['get']['responses'][200]['content']['application/json'];

/** The active outlets (网点) a work order can be assigned to, for pickers and the outlet filter. */
export function useOutlets() {
  return useQuery({
    queryKey: ['outlets'],
    queryFn: () => unwrap(api.GET('/api/v1/outlets', { params: { query: { active: 'true', limit: 200 } } })),
    staleTime: 60_000,
  });
}

/** An outlet's service staff with their skills and open work (load), to dispatch to a chosen technician. */
export function useOutletStaff(code: string | null) {
  return useQuery({
    queryKey: ['outlet-staff', code],
    queryFn: () =>
      unwrap(api.GET('/api/v1/outlets/{code}/staff', { params: { path: { code: code ?? '' } } })),
    enabled: code !== null,
  });
}

/**
 * REQ: WO-4 — which dispatch rule would pick whom for this work order, now or as if `outletCode` were assigned;
 * read again every time the dialog opens (loads change).
 */
export function useDispatchPreview(id: string, outletCode?: string | null) {
  return useQuery({
    queryKey: ['dispatch-preview', id, outletCode ?? null],
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/work-orders/{id}/dispatch-preview', {
          params: { path: { id }, query: outletCode ? { outletCode } : {} },
        }),
      ),
    staleTime: 0,
  });
}

/** One work order's outcome of a step taken on a selection: the work order after it, or the API's refusal. */
export type StepOutcome =
  { id: string; ok: true; workOrder: WorkOrderView } | { id: string; ok: false; error: unknown };

/**
 * Takes one step on each work order in turn (a selection on the board, or one work order) and answers every
 * outcome: one refusal does not stop the others, and each row says why it was refused (UI-1).
 */
export function useDeskSteps() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: { ids: string[]; step: WorkOrderStep }): Promise<StepOutcome[]> => {
      const outcomes: StepOutcome[] = [];
      for (const id of input.ids) {
        try {
          const workOrder = await unwrap(
            api.POST('/api/v1/work-orders/{id}/steps', { params: { path: { id } }, body: input.step }),
          );
          queryClient.setQueryData(['work-order', id], workOrder);
          outcomes.push({ id, ok: true, workOrder });
        } catch (error) {
          outcomes.push({ id, ok: false, error });
        }
      }
      return outcomes;
    },
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: ['work-orders'] });
      void queryClient.invalidateQueries({ queryKey: ['dispatch-preview'] });
      void queryClient.invalidateQueries({ queryKey: ['outlet-staff'] });
    },
  });
}
