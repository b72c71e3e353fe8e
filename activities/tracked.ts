import type { OrderMoves } from '../domain/orders';

/**
 * An activity that may carry the move of the order step it does (REQ: ORD-1, ORD-2): `(input, move?)`. An
 * activity without input is left as it is (no step calls it).
 */
export type Tracked<F> = F extends () => Promise<unknown>
  ? F
  : F extends (input: infer I) => Promise<infer O>
    ? (input: I, move?: OrderMoves) => Promise<O>
    : F;

export type TrackedActivities<A> = { [K in keyof A]: Tracked<A[K]> };

type AnyActivity = (input: never) => Promise<unknown>;

/**
 * Lets every activity write the read-model move of the step it does, in front of its work: a business step
 * costs one activity, not two (REQ: ORD-1, ORD-2). The workflow hands the move over with the step's input
 * (`OrderRun.step`) — the first step of an opening hands the order's acknowledgement over with it, both written
 * in one statement; `writeMove` writes it — the timeline key (order, seq) makes a retried attempt write
 * nothing new — and extends the order's holds as a step's write always has (REQ: OPEN-2, RES-6). A write that
 * fails fails the attempt, which is retried like any other.
 */
export function withTrackedMoves<A extends Record<string, AnyActivity>>(
  activities: A,
  writeMove: (move: OrderMoves) => Promise<void>,
): TrackedActivities<A> {
  const tracked: Record<string, (input: never, move?: OrderMoves) => Promise<unknown>> = {};
  for (const [name, run] of Object.entries(activities)) {
    tracked[name] = async (input: never, move?: OrderMoves) => {
      if (move) await writeMove(move);
      return run(input);
    };
  }
  return tracked as TrackedActivities<A>;
}
