import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api-client/client';
import type { paths } from '../../api-client/schema';

/** The group business's reads, each declared once beside its query hook. */

export type GroupView =
  paths['/api/v1/groups/{groupCode}']['get']['responses'][200]['content']['application/json'];
export type Subscription = GroupView['subscriptions'][number];
export type ProductList =
  paths['/api/v1/groups/{groupCode}/products']['get']['responses'][200]['content']['application/json'];
export type OrderableProduct = ProductList['items'][number];
export type Tariff = OrderableProduct['tariffs'][number];

/** A subscription's order still running (opening, or changing/cancelling it) is followed every few seconds. */
const FOLLOW_MS = 3000;

export function useGroup(groupCode: string) {
  return useQuery({
    queryKey: ['group', groupCode],
    queryFn: () => unwrap(api.GET('/api/v1/groups/{groupCode}', { params: { path: { groupCode } } })),
    refetchInterval: (query) =>
      query.state.data?.subscriptions.some(
        (s) => s.lockedBy !== null || s.status === 'opening' || s.status === 'cancelling',
      )
        ? FOLLOW_MS
        : false,
  });
}

/** REQ: GRP-1 — the products the signed-in operator may order for the group, and the hint for the others. */
export function useGroupProducts(groupCode: string) {
  return useQuery({
    queryKey: ['group-products', groupCode],
    queryFn: () =>
      unwrap(api.GET('/api/v1/groups/{groupCode}/products', { params: { path: { groupCode } } })),
  });
}

/** The order working on a subscription now: the one holding its lock, or the opening order while it opens. */
export function runningOrderOf(s: Subscription): string | null {
  return s.lockedBy ?? (s.status === 'opening' ? s.id : null);
}
