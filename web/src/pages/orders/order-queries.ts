import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api-client/client';
import type { paths } from '../../api-client/schema';
import { finalStatuses } from './messages';

/** The order desk's requests, each declared once beside its query or mutation hook. */

export type OrderView = paths['/api/v1/orders/{id}']['get']['responses'][200]['content']['application/json'];
export type OrderListItem =
  paths['/api/v1/orders']['get']['responses'][200]['content']['application/json']['items'][number];
export type OrderSearch = NonNullable<paths['/api/v1/orders']['get']['parameters']['query']>;

/** While an order runs its page asks again every second, so a change shows within 2 s (UI-1). */
const RUNNING_REFRESH_MS = 1000;

export function useOrder(id: string) {
  return useQuery({
    queryKey: ['order', id],
    queryFn: () => unwrap(api.GET('/api/v1/orders/{id}', { params: { path: { id } } })),
    refetchInterval: (query) => {
      // An order that cannot be read (not found, not this operator's) is not asked for again and again.
      if (query.state.status === 'error') return false;
      const status = query.state.data?.status;
      return status && finalStatuses.includes(status) ? false : RUNNING_REFRESH_MS;
    },
  });
}

/** One page of orders with the total the API counted (X-Total-Count). */
export function useOrders(search: OrderSearch) {
  return useQuery({
    queryKey: ['orders', search],
    queryFn: async () => {
      const call = api.GET('/api/v1/orders', { params: { query: search } });
      const { response } = await call;
      const data = await unwrap(call);
      return { items: data.items, total: Number(response.headers.get('x-total-count') ?? data.items.length) };
    },
    placeholderData: keepPreviousData,
  });
}

export function useCancelOrder(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (reason: string) =>
      unwrap(api.POST('/api/v1/orders/{id}/cancel', { params: { path: { id } }, body: { reason } })),
    onSuccess: (order) => {
      queryClient.setQueryData(['order', id], order);
      void queryClient.invalidateQueries({ queryKey: ['orders'] });
    },
  });
}
