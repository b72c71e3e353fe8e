import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api-client/client';
import type { paths } from '../../api-client/schema';

type Body = paths['/api/v1/green-channel-orders']['post']['requestBody']['content']['application/json'];
/** REQ: GC-1…GC-3 — a green-channel request as the form sends it; the service password travels apart. */
export type GreenChannelRequest = Omit<Body, 'servicePassword'>;
export type GreenChannelType = Body['type'];
export type Commitment = NonNullable<Body['commitments']>[number];
/** Where the work order went: its id, the customer's home city and the response team's outlet (GC-1). */
export type GreenChannelRouted =
  paths['/api/v1/green-channel-orders']['post']['responses'][202]['content']['application/json'];

/**
 * REQ: GC-2 — the customer's service password for an entrusted acceptance, held only until the API has
 * answered: the mutation's remembered variables keep this box, emptied once the request is settled.
 */
export interface PasswordBox {
  value: string | undefined;
}

/** REQ: GC-1…GC-3 — opens a green-channel work order under the key the form was given (a double click is one). */
export function useOpenGreenChannel() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { body: GreenChannelRequest; password: PasswordBox; idempotencyKey: string }) =>
      unwrap(
        api.POST('/api/v1/green-channel-orders', {
          body: { ...input.body, servicePassword: input.password.value },
          params: { header: { 'idempotency-key': input.idempotencyKey } },
        }),
      ),
    onSettled: (_answer, _error, input) => {
      input.password.value = undefined;
    },
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['work-orders'] }),
  });
}
