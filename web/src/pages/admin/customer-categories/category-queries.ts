import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../api-client/client';
import type { paths } from '../../../api-client/schema';

/** Customer categories' requests (CUST-1, administrators), each declared once beside its hook. */

export type Category =
  paths['/api/v1/customer-categories']['get']['responses'][200]['content']['application/json']['items'][number];
export type NewCategory =
  paths['/api/v1/customer-categories']['post']['requestBody']['content']['application/json'];
export type CategoryChange =
  paths['/api/v1/customer-categories/{code}']['put']['requestBody']['content']['application/json'];
export type Assignment =
  paths['/api/v1/customers/{customerId}/categories']['get']['responses'][200]['content']['application/json']['items'][number];

const CATEGORIES = ['customer-categories'] as const;
const assignmentsKey = (customerId: string) => ['customer-categories', 'of', customerId] as const;

export function useCategories() {
  return useQuery({ queryKey: CATEGORIES, queryFn: () => unwrap(api.GET('/api/v1/customer-categories')) });
}

export function useSaveCategory() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (
      input:
        | { code: string; isNew: true; body: NewCategory }
        | { code: string; isNew: false; body: CategoryChange },
    ) =>
      input.isNew
        ? unwrap(api.POST('/api/v1/customer-categories', { body: input.body }))
        : unwrap(
            api.PUT('/api/v1/customer-categories/{code}', {
              params: { path: { code: input.code } },
              body: input.body,
            }),
          ),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: CATEGORIES }),
  });
}

/** A customer's categories, current and ended (the ended ones stay for history). */
export function useCustomerCategories(customerId: string | null) {
  return useQuery({
    queryKey: assignmentsKey(customerId ?? ''),
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/customers/{customerId}/categories', {
          params: { path: { customerId: customerId ?? '' } },
        }),
      ),
    enabled: customerId !== null,
    retry: false,
  });
}

export function useAssignCategory(customerId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { categoryCode: string; note?: string }) =>
      unwrap(
        api.POST('/api/v1/customers/{customerId}/categories', { params: { path: { customerId } }, body }),
      ),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: assignmentsKey(customerId) }),
  });
}

export function useEndCategory(customerId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (code: string) =>
      unwrap(
        api.POST('/api/v1/customers/{customerId}/categories/{code}/end', {
          params: { path: { customerId, code } },
        }),
      ),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: assignmentsKey(customerId) }),
  });
}
