import { useMemo, useRef } from 'react';
import { newIdempotencyKey } from '../../api-client/client';

/**
 * One idempotency key per filled form (WO-1, GC-1): made at the first submission, kept for a retry of the same
 * values, dropped when the form changes. A submission still under way ignores another click, so a double click
 * submits once and a retry is the same request.
 */
export function useOncePerFilledForm() {
  const key = useRef<string | null>(null);
  const submitting = useRef(false);
  return useMemo(
    () => ({
      /** The form changed (or starts again): the next submission is a new request. */
      formChanged: () => {
        key.current = null;
      },
      /** Runs `send` with this filled form's key unless one is under way; `send` calls `settled` once answered. */
      submit: (send: (idempotencyKey: string, settled: () => void) => void) => {
        if (submitting.current) return;
        submitting.current = true;
        key.current ??= newIdempotencyKey();
        send(key.current, () => {
          submitting.current = false;
        });
      },
    }),
    [],
  );
}
