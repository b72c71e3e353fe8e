import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../api-client/client';
import { unwrapPage } from '../../../api-client/paging';
import type { paths } from '../../../api-client/schema';
import type { OrderRequest } from '../../../components/order-fields/useOrderSubmission';
import { finalStatuses } from '../../orders/messages';
import type { OrderableProduct } from '../group-queries';
import type { BatchResultRow } from './member-csv';

/** The members screen's and the batch screen's requests, each declared once beside its hook (GRP-6…GRP-8). */

type Json<P extends keyof paths, M extends 'get' | 'post'> = paths[P][M] extends {
  responses: { 200: { content: { 'application/json': infer T } } };
}
  ? T
  : never;

export type MemberSpec = OrderableProduct['memberSpec'];
export type Member = Json<
  '/api/v1/groups/{groupCode}/products/{productCode}/members',
  'get'
>['items'][number];
export type AttributeValues = Member['attributes'];
export type MemberEvent = Json<
  '/api/v1/groups/{groupCode}/products/{productCode}/members/{msisdn}/history',
  'get'
>['items'][number];
export type MemberBatch = Json<'/api/v1/member-batches/{id}', 'get'>;
export type BatchRowResult = NonNullable<
  NonNullable<paths['/api/v1/member-batches/{id}/rows']['get']['parameters']['query']>['result']
>;

export interface GroupProductKey {
  groupCode: string;
  productCode: string;
}

/** While a batch runs its page asks for its progress every second (UI-1: a change shows within 2 s). */
const RUNNING_REFRESH_MS = 1000;
/** The most rows the API gives per page; the results download pages through them at that size. */
const ROWS_PAGE_LIMIT = 1000;

export function useMembers(
  key: GroupProductKey,
  search: { msisdn?: string; offset: number; limit: number },
  enabled: boolean,
) {
  return useQuery({
    queryKey: ['group-members', key.groupCode, key.productCode, search],
    queryFn: () =>
      unwrapPage(
        api.GET('/api/v1/groups/{groupCode}/products/{productCode}/members', {
          params: { path: key, query: search },
        }),
      ),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useMemberHistory(key: GroupProductKey, msisdn: string | null) {
  return useQuery({
    queryKey: ['group-member-history', key.groupCode, key.productCode, msisdn],
    queryFn: () =>
      unwrapPage(
        api.GET('/api/v1/groups/{groupCode}/products/{productCode}/members/{msisdn}/history', {
          params: { path: { ...key, msisdn: msisdn ?? '' }, query: { limit: 100 } },
        }),
      ),
    enabled: msisdn !== null,
  });
}

/** REQ: GRP-6…GRP-8 — a member add, change or delete is an order, taken under the form's idempotency key. */
export function useMemberOrder() {
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: OrderRequest; idempotencyKey: string }) =>
      unwrap(api.POST('/api/v1/orders', { body, params: { header: { 'idempotency-key': idempotencyKey } } })),
  });
}

/**
 * Follows a member order until it ends, then refreshes the members list, the member counts (product list, group)
 * and the member's history so the change shows.
 */
export function useFollowedOrder(orderId: string | null, key: GroupProductKey) {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: ['order', orderId],
    queryFn: async () => {
      const order = await unwrap(api.GET('/api/v1/orders/{id}', { params: { path: { id: orderId ?? '' } } }));
      if (finalStatuses.includes(order.status)) {
        await Promise.all(
          [
            ['group-members', key.groupCode, key.productCode],
            ['group-member-history', key.groupCode, key.productCode],
            ['group-products', key.groupCode],
            ['group', key.groupCode],
          ].map((queryKey) => queryClient.invalidateQueries({ queryKey })),
        );
      }
      return order;
    },
    enabled: orderId !== null,
    refetchInterval: (query) => {
      if (query.state.status === 'error') return false;
      const status = query.state.data?.status;
      return status && finalStatuses.includes(status) ? false : RUNNING_REFRESH_MS;
    },
  });
}

/** REQ: GRP-6 — uploads the chosen file as `text/csv` under the file's idempotency key. */
export function useUploadBatch(key: GroupProductKey) {
  return useMutation({
    mutationFn: ({ csv, idempotencyKey }: { csv: string; idempotencyKey: string }) =>
      unwrap(
        api.POST('/api/v1/groups/{groupCode}/products/{productCode}/member-batches', {
          params: { path: key, header: { 'idempotency-key': idempotencyKey } },
          body: csv,
          bodySerializer: (text: string) => text,
          headers: { 'content-type': 'text/csv' },
        }),
      ),
  });
}

export function useMemberBatch(id: string) {
  return useQuery({
    queryKey: ['member-batch', id],
    queryFn: () => unwrap(api.GET('/api/v1/member-batches/{id}', { params: { path: { id } } })),
    refetchInterval: (query) =>
      query.state.status === 'error' || (query.state.data && query.state.data.status !== 'running')
        ? false
        : RUNNING_REFRESH_MS,
  });
}

/** One page of a batch's rows; asked again each second while the batch runs, so results fill in. */
export function useBatchRows(
  id: string,
  search: { result?: BatchRowResult; offset: number; limit: number },
  running: boolean,
) {
  return useQuery({
    queryKey: ['member-batch-rows', id, search],
    queryFn: () =>
      unwrapPage(api.GET('/api/v1/member-batches/{id}/rows', { params: { path: { id }, query: search } })),
    placeholderData: keepPreviousData,
    refetchInterval: running ? RUNNING_REFRESH_MS : false,
  });
}

/** Every row of a batch, page after page, for the results download. */
export async function fetchAllBatchRows(id: string): Promise<BatchResultRow[]> {
  const rows: BatchResultRow[] = [];
  for (;;) {
    const page = await unwrapPage(
      api.GET('/api/v1/member-batches/{id}/rows', {
        params: { path: { id }, query: { offset: rows.length, limit: ROWS_PAGE_LIMIT } },
      }),
    );
    rows.push(...page.items);
    if (page.items.length === 0 || rows.length >= page.total) return rows;
  }
}
