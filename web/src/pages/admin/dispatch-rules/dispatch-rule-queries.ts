import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../api-client/client';
import type { paths } from '../../../api-client/schema';

/** The dispatch rules' requests (WO-4, administrators), each declared once beside its hook. */

export type DispatchRuleView =
  paths['/api/v1/dispatch-rules']['get']['responses'][200]['content']['application/json']['items'][number];
export type NewDispatchRule =
  paths['/api/v1/dispatch-rules']['post']['requestBody']['content']['application/json'];
export type DispatchRuleChange =
  paths['/api/v1/dispatch-rules/{id}']['put']['requestBody']['content']['application/json'];

const KEY = ['dispatch-rules'] as const;

/** Every rule, in the order automatic dispatch tries them. */
export function useDispatchRules() {
  return useQuery({ queryKey: KEY, queryFn: () => unwrap(api.GET('/api/v1/dispatch-rules')) });
}

/** The service staff a rule may name (operators with the role, with their outlet), for the staff picker. */
export function useServiceStaff() {
  return useQuery({
    queryKey: ['operators', 'serviceStaff'],
    queryFn: () =>
      unwrap(api.GET('/api/v1/operators', { params: { query: { role: 'serviceStaff', limit: 200 } } })),
    staleTime: 60_000,
  });
}

function useRuleMutation<T>(call: (input: T) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSettled: () => void queryClient.invalidateQueries({ queryKey: KEY }),
  });
}

export const useCreateDispatchRule = () =>
  useRuleMutation((body: NewDispatchRule) => unwrap(api.POST('/api/v1/dispatch-rules', { body })));

export const useChangeDispatchRule = () =>
  useRuleMutation((input: { id: string; body: DispatchRuleChange }) =>
    unwrap(api.PUT('/api/v1/dispatch-rules/{id}', { params: { path: { id: input.id } }, body: input.body })),
  );

/** Rules are tried in the order given: every rule's ID once, first to last. */
export const useReorderDispatchRules = () =>
  useRuleMutation((ids: string[]) => unwrap(api.PUT('/api/v1/dispatch-rules/order', { body: { ids } })));

/** Rules are never deleted: disabling one is how it is retired. */
export const useSetDispatchRuleEnabled = () =>
  useRuleMutation((input: { id: string; enabled: boolean }) =>
    unwrap(
      input.enabled
        ? api.POST('/api/v1/dispatch-rules/{id}/enable', { params: { path: { id: input.id } } })
        : api.POST('/api/v1/dispatch-rules/{id}/disable', { params: { path: { id: input.id } } }),
    ),
  );
