import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../api-client/client';
import { unwrapPage } from '../../../api-client/paging';
import type { paths } from '../../../api-client/schema';

export type Operator =
  paths['/api/v1/operators/{id}']['get']['responses'][200]['content']['application/json'];
export type OperatorChange = NonNullable<
  paths['/api/v1/operators/{id}']['patch']['requestBody']
>['content']['application/json'];
export type NewOperator = NonNullable<
  paths['/api/v1/operators']['post']['requestBody']
>['content']['application/json'];

/** A channel or outlet as a choice: its code, its name (not translated) and whether it is still active. */
export interface CodeChoice {
  code: string;
  name: string;
  active: boolean;
}

/** Choices for a select: "CODE name" as staff read it, a retired one marked so in the chosen language. */
export function codeOptions(
  choices: readonly CodeChoice[] | undefined,
  inactive: string,
): { value: string; label: string }[] {
  return (choices ?? []).map((c) => ({
    value: c.code,
    label: `${c.code} ${c.name}${c.active ? '' : ` (${inactive})`}`,
  }));
}

/**
 * The channel interfaces an operator can be bound to (CH-2): every channel by code, retired ones marked, so a
 * binding to one still shows.
 */
export function useChannelOptions() {
  return useQuery({
    queryKey: ['channels', 'options'],
    // The API's largest page: far more channels than an operator is ever bound to.
    queryFn: () => unwrapPage(api.GET('/api/v1/channels', { params: { query: { limit: 200 } } })),
    select: (data): CodeChoice[] => data.items,
    staleTime: 60_000,
  });
}

/** The outlets (网点) an operator can be bound to or a technician work from (CH-2, WO-4). */
export function useOutletOptions() {
  return useQuery({
    queryKey: ['outlets', 'options'],
    queryFn: () => unwrapPage(api.GET('/api/v1/outlets', { params: { query: { limit: 200 } } })),
    select: (data): CodeChoice[] => data.items,
    staleTime: 60_000,
  });
}

/** The operator as the API answers it (GET /operators/{id}). */
export function useOperator(id: string) {
  return useQuery({
    queryKey: ['operator', id],
    queryFn: () => unwrap(api.GET('/api/v1/operators/{id}', { params: { path: { id } } })),
  });
}

/**
 * One change of the operator (PATCH /operators/{id}): the answer replaces the operator on screen and the list
 * is read again. Each form has its own, so each shows its own refusal.
 */
export function useChangeOperator(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: OperatorChange) =>
      unwrap(api.PATCH('/api/v1/operators/{id}', { params: { path: { id } }, body })),
    onSuccess: (operator) => {
      queryClient.setQueryData(['operator', id], operator);
      void queryClient.invalidateQueries({ queryKey: ['operators'] });
    },
  });
}
