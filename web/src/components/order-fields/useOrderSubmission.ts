import { useMutation } from '@tanstack/react-query';
import { useRef } from 'react';
import { api, newIdempotencyKey, unwrap } from '../../api-client/client';
import type { paths } from '../../api-client/schema';

/** Any body `POST /api/v1/orders` takes (openAccount, the service changes, preCancellation, portIn, portOut…). */
export type OrderRequest = paths['/api/v1/orders']['post']['requestBody']['content']['application/json'];

/**
 * Submits one order with an idempotency key the console makes: the key stays the same until the API has
 * answered, so a double click is one order; the next submission gets a new one.
 */
export function useOrderSubmission() {
  const key = useRef(newIdempotencyKey());
  return useMutation({
    mutationFn: (body: OrderRequest) =>
      unwrap(api.POST('/api/v1/orders', { body, params: { header: { 'idempotency-key': key.current } } })),
    onSettled: () => {
      key.current = newIdempotencyKey();
    },
  });
}
