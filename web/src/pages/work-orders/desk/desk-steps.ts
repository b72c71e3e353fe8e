/**
 * The desk's steps (WO-2…WO-4) and the statuses each may be taken from, as the work-order state machine allows
 * them (domain/work-order-machine.ts `stepAllowedFrom`, kept equal by a unit test). The API decides; the console
 * only hides the buttons a status cannot take.
 */
export type DeskStep =
  'accept' | 'reject' | 'assignOutlet' | 'dispatchByRule' | 'dispatch' | 'redispatch' | 'close' | 'cancel';

export const deskStepAllowedFrom: Record<DeskStep, readonly string[]> = {
  accept: ['created'],
  reject: ['created'],
  assignOutlet: ['accepted', 'outletAssigned', 'dispatched'],
  dispatchByRule: ['accepted', 'outletAssigned'],
  dispatch: ['accepted', 'outletAssigned'],
  redispatch: ['dispatched'],
  close: ['completed'],
  cancel: ['created', 'accepted', 'outletAssigned', 'dispatched', 'inService'],
};

/** In the order the buttons show. */
export const deskSteps = Object.keys(deskStepAllowedFrom) as DeskStep[];

/** Steps that need one work order's own outlet and staff: offered for a single work order only. */
export const singleOnlySteps: readonly DeskStep[] = ['dispatch', 'redispatch'];

/** What the desk needs of a work order to offer and run its steps (a list row or the work order itself). */
export interface DeskTarget {
  id: string;
  status: string;
  outletCode: string | null;
  assigneeId: string | null;
}

/** The steps to offer for these work orders: those at least one of them may take. */
export function stepsFor(targets: readonly DeskTarget[]): DeskStep[] {
  if (targets.length === 0) return [];
  return deskSteps.filter(
    (step) =>
      (targets.length === 1 || !singleOnlySteps.includes(step)) &&
      targets.some((t) => deskStepAllowedFrom[step].includes(t.status)),
  );
}
