import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../api-client/client';
import type { paths } from '../../../api-client/schema';

/** The selection-fee rules screen's requests (REQ: RES-4), each declared once beside its hook. */

export type FeeRule =
  paths['/api/v1/selection-fee-rules']['get']['responses'][200]['content']['application/json']['items'][number];
export type FeeRuleBody = NonNullable<
  paths['/api/v1/selection-fee-rules']['post']['requestBody']
>['content']['application/json'];

/** Every rule, active or not, highest priority first. */
export function useFeeRules() {
  return useQuery({
    queryKey: ['selection-fee-rules'],
    queryFn: () => unwrap(api.GET('/api/v1/selection-fee-rules')),
  });
}

/** Adds a rule (no `existing`) or replaces one's definition. */
export function useSaveFeeRule(existing: string | null) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: FeeRuleBody) => {
      if (existing === null) return unwrap(api.POST('/api/v1/selection-fee-rules', { body }));
      const { id: _id, ...definition } = body;
      return unwrap(
        api.PUT('/api/v1/selection-fee-rules/{id}', { params: { path: { id: existing } }, body: definition }),
      );
    },
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['selection-fee-rules'] }),
  });
}

/** What the rules in force charge for some numbers, and which rule decides. */
export function usePreviewFees() {
  return useMutation({
    mutationFn: (numbers: string[]) =>
      unwrap(api.POST('/api/v1/selection-fee-rules/preview', { body: { numbers } })),
  });
}
