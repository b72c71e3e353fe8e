import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../api-client/client';
import type { paths } from '../../../api-client/schema';

/** The number page's requests (REQ: RES-3, RES-4), each declared once beside its hook. */

export type NumberView =
  paths['/api/v1/numbers/{msisdn}']['get']['responses'][200]['content']['application/json'];
export type NumberTarget = NonNullable<
  paths['/api/v1/numbers/{msisdn}/state']['post']['requestBody']
>['content']['application/json']['to'];
export type FeeChange =
  paths['/api/v1/numbers/{msisdn}/selection-fee-changes']['get']['responses'][200]['content']['application/json']['items'][number];

/** One number: state, allowed targets, fee, holder, reservation, SIM and history. */
export function useNumber(msisdn: string) {
  return useQuery({
    queryKey: ['number', msisdn],
    queryFn: () => unwrap(api.GET('/api/v1/numbers/{msisdn}', { params: { path: { msisdn } } })),
  });
}

/** The number's selection-fee changes (选号费变更记录), oldest first. */
export function useFeeChanges(msisdn: string) {
  return useQuery({
    queryKey: ['number-fee-changes', msisdn],
    queryFn: () =>
      unwrap(api.GET('/api/v1/numbers/{msisdn}/selection-fee-changes', { params: { path: { msisdn } } })),
  });
}

/** After any change the API answers the number as it now is; the lists read it again. */
function useNumberChange<I>(msisdn: string, call: (input: I) => Promise<NumberView>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: (number) => {
      queryClient.setQueryData(['number', msisdn], number);
      void queryClient.invalidateQueries({ queryKey: ['numbers'] });
    },
  });
}

/** REQ: RES-3 — a state change by hand, with the reason. */
export function useSetNumberState(msisdn: string) {
  return useNumberChange(msisdn, (body: { to: NumberTarget; reason: string }) =>
    unwrap(api.POST('/api/v1/numbers/{msisdn}/state', { params: { path: { msisdn } }, body })),
  );
}

/** REQ: RES-3 — reserve (预定) an unused number for a customer until a time. */
export function useReserveNumber(msisdn: string) {
  return useNumberChange(msisdn, (body: { customerName: string; until: string }) =>
    unwrap(api.POST('/api/v1/numbers/{msisdn}/reservation', { params: { path: { msisdn } }, body })),
  );
}

/** REQ: RES-3 — cancel the reservation: the number is unused again. */
export function useCancelReservation(msisdn: string) {
  return useNumberChange(msisdn, () =>
    unwrap(api.DELETE('/api/v1/numbers/{msisdn}/reservation', { params: { path: { msisdn } } })),
  );
}

/** REQ: RES-4 — change the selection fee by hand; the change is recorded with before, after, who and why. */
export function useChangeFee(msisdn: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { feeFen: number; reason: string }) =>
      unwrap(api.PUT('/api/v1/numbers/{msisdn}/selection-fee', { params: { path: { msisdn } }, body })),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['number', msisdn] });
      void queryClient.invalidateQueries({ queryKey: ['number-fee-changes', msisdn] });
      void queryClient.invalidateQueries({ queryKey: ['numbers'] });
    },
  });
}
