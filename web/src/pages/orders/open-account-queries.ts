import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api-client/client';
import type { paths } from '../../api-client/schema';

/** The requests of the account-opening screen, each declared once beside its hook. */

type SubmitBody = NonNullable<paths['/api/v1/orders']['post']['requestBody']>['content']['application/json'];
/** REQ: OPEN-2…OPEN-6 — the body of an `openAccount` order (and of its quote). */
export type OpenAccountRequest = Extract<SubmitBody, { type: 'openAccount' }>;
export type OpeningQuote =
  paths['/api/v1/orders/quote']['post']['responses'][200]['content']['application/json'];
export type Product =
  paths['/api/v1/products']['get']['responses'][200]['content']['application/json']['items'][number];
export type FreeNumber =
  paths['/api/v1/numbers/available']['get']['responses'][200]['content']['application/json']['items'][number];

/** REQ: OPEN-4 — the catalogue an account is opened with. */
export function useProducts() {
  return useQuery({
    queryKey: ['products'],
    queryFn: () => unwrap(api.GET('/api/v1/products')),
    staleTime: 5 * 60_000,
  });
}

/** REQ: OPEN-2, RES-4 — free numbers matching a pattern, with their selection fee; only once asked. */
export function useFreeNumbers(pattern: string | null) {
  return useQuery({
    queryKey: ['free-numbers', pattern],
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/numbers/available', {
          params: { query: { ...(pattern ? { pattern } : {}), limit: 20 } },
        }),
      ),
    enabled: pattern !== null,
    placeholderData: keepPreviousData,
    staleTime: 0,
  });
}

/** REQ: OPEN-4 — what the opening would charge, before anything is submitted. */
export function useOpeningQuote() {
  return useMutation({
    mutationFn: (body: OpenAccountRequest) => unwrap(api.POST('/api/v1/orders/quote', { body })),
  });
}

/** REQ: ORD-3 — the order itself, under the key the form was given: a double click or a retry is one order. */
export function useSubmitOpening() {
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: OpenAccountRequest; idempotencyKey: string }) =>
      unwrap(
        api.POST('/api/v1/orders', {
          body,
          params: { header: { 'idempotency-key': idempotencyKey } },
        }),
      ),
  });
}
