import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, ApiError, unwrap } from '../../api-client/client';
import type { WorkOrderView } from '../work-orders/work-order-queries';

/** What became of a grab (WO-4 抢单): the work order is mine, or someone else was first — and who. */
export type GrabOutcome =
  | { outcome: 'won'; workOrder: WorkOrderView }
  | { outcome: 'lost'; id: string; winner: string | null; winnerName: string | null };
export type LostGrab = Extract<GrabOutcome, { outcome: 'lost' }>;

/** The API names the winner in its refusal: "… is already taken by tech01 (dispatched (已派工))". */
const WINNER_IN_MESSAGE = /already taken by ([^\s()]+) \(/;
const REREAD_TRIES = 5;
const REREAD_PAUSE_MS = 400;

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Who holds the work order now, read again: the winner's step is written to the lists as it answers, and a
 * loser's refusal may come first; a few reads a moment apart find the assignee.
 */
async function holderOf(id: string): Promise<string | null> {
  for (let i = 0; i < REREAD_TRIES; i++) {
    const { data } = await api.GET('/api/v1/work-orders/{id}', { params: { path: { id } } });
    if (data?.assigneeId) return data.assigneeId;
    await pause(REREAD_PAUSE_MS);
  }
  return null;
}

/** The staff member's name as the work-order list gives it with their work (best effort: none if unreadable). */
async function nameOf(operatorId: string): Promise<string | null> {
  const { data } = await api.GET('/api/v1/work-orders', {
    params: { query: { assigneeId: operatorId, limit: 1 } },
  });
  return data?.items[0]?.assigneeName ?? null;
}

/**
 * REQ: WO-4 — grabs a work order from the pool. The first grab wins; a later one (409 AlreadyGrabbed) is not
 * an error to the user but an outcome: someone else has it, named from the refusal or by reading the work
 * order again. Either way every list of work orders is read again.
 */
export function useGrab() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (id: string): Promise<GrabOutcome> => {
      try {
        const workOrder = await unwrap(
          api.POST('/api/v1/work-orders/{id}/steps', {
            params: { path: { id } },
            body: { action: 'grab' },
          }),
        );
        return { outcome: 'won', workOrder };
      } catch (error) {
        if (!(error instanceof ApiError) || error.code !== 'AlreadyGrabbed') throw error;
        // Read again in any case: the pool refreshed after this shows the work order gone.
        const holder = await holderOf(id);
        const winner = WINNER_IN_MESSAGE.exec(error.message)?.[1] ?? holder;
        return { outcome: 'lost', id, winner, winnerName: winner ? await nameOf(winner) : null };
      }
    },
    onSettled: (result) => {
      if (result?.outcome === 'won')
        queryClient.setQueryData(['work-order', result.workOrder.id], result.workOrder);
      else if (result) void queryClient.invalidateQueries({ queryKey: ['work-order', result.id] });
      void queryClient.invalidateQueries({ queryKey: ['work-orders'] });
      void queryClient.invalidateQueries({ queryKey: ['grab-pool'] });
    },
  });
}

/** Who won a lost grab as staff read it: "周强 Zhou Qiang (tech01)", or the operator ID alone. */
export function winnerOf(lost: { winner: string | null; winnerName: string | null }): string {
  return lost.winnerName ? `${lost.winnerName} (${lost.winner})` : (lost.winner ?? '');
}
