import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../api-client/client';
import type { paths } from '../../../api-client/schema';

/** REQ: WO-1 — the body of `POST /api/v1/work-orders`. */
export type CreateWorkOrderRequest =
  paths['/api/v1/work-orders']['post']['requestBody']['content']['application/json'];

/** REQ: WO-1 — creates a work order under the key the form was given: a double click is one work order. */
export function useCreateWorkOrder() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: CreateWorkOrderRequest; idempotencyKey: string }) =>
      unwrap(
        api.POST('/api/v1/work-orders', {
          body,
          params: { header: { 'idempotency-key': idempotencyKey } },
        }),
      ),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['work-orders'] }),
  });
}
