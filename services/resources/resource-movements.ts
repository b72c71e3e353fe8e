import { z } from 'zod';
import type { Db } from '../../db/client';
import { findOrgUnit, type OrgUnitRecord } from '../../db/queries/org-units';
import { moveResources, type MovementRecord, type Offender } from '../../db/queries/resource-movements';
import { AppError } from '../../domain/errors';
import {
  expandItems,
  movementDirectionSchema,
  movementItemsSchema,
  movementPathProblem,
  orgUnitCodeSchema,
  simStatusAt,
} from '../../domain/org-tree';
import { resourceTypeSchema } from '../../domain/resources';
import { nonBlankText } from '../../domain/text-fields';

/** REQ: RES-2 — an issue (发放) or recycle (回收) as asked for; shared by the API and the demo seed. */
export const movementRequestSchema = z.object({
  direction: movementDirectionSchema,
  resourceType: resourceTypeSchema,
  fromCode: orgUnitCodeSchema
    .nullable()
    .optional()
    .describe('The unit giving the items; null/absent = central stock (an issue to a city)'),
  toCode: orgUnitCodeSchema
    .nullable()
    .optional()
    .describe('The unit receiving them; null/absent = central stock (a recycle from a city)'),
  receiver: nonBlankText(64).describe('The person receiving the items (领用人 / 回退人)'),
  items: movementItemsSchema,
});
export type MovementRequest = z.infer<typeof movementRequestSchema>;

/**
 * Checks the path (one level down for an issue, one level up for a recycle) and the items, then moves all of
 * them or none: 422 IllegalMovementPath, 404 OrgUnitNotFound, 422 BusinessRuleViolated for items, 409
 * ResourceNotHeld naming up to 20 offending items with their holder and state.
 */
export async function moveStock(
  db: Db,
  request: MovementRequest,
  createdBy: string,
): Promise<MovementRecord> {
  const fromCode = request.fromCode ?? null;
  const toCode = request.toCode ?? null;
  const from = await unitOrCentral(db, 'fromCode', fromCode);
  const to = await unitOrCentral(db, 'toCode', toCode);
  const pathProblem = movementPathProblem(request.direction, from, to);
  if (pathProblem) throw new AppError('IllegalMovementPath', pathProblem);
  if (to && !to.active) throw new AppError('IllegalMovementPath', `toCode: ${to.code} is deactivated`);
  const expanded = expandItems(request.resourceType, request.items);
  if ('problem' in expanded) throw new AppError('BusinessRuleViolated', expanded.problem);
  const outcome = await moveResources(db, {
    direction: request.direction,
    resourceType: request.resourceType,
    fromCode,
    toCode,
    receiver: request.receiver,
    items: expanded.items,
    createdBy,
    simStatus: simStatusAt(to),
  });
  if ('offenders' in outcome) throw notHeld(fromCode, outcome.offenders);
  return outcome.movement;
}

async function unitOrCentral(db: Db, field: string, code: string | null): Promise<OrgUnitRecord | null> {
  if (code === null) return null;
  const unit = await findOrgUnit(db, code);
  if (!unit) throw new AppError('OrgUnitNotFound', `${field}: no organisation unit ${code}`);
  return unit;
}

function notHeld(fromCode: string | null, offenders: Offender[]): AppError {
  const shown = offenders
    .map((o) => `${o.item} (${o.state}, held by ${o.holderCode ?? 'central stock'})`)
    .join(', ');
  return new AppError(
    'ResourceNotHeld',
    `items: every item must be held by ${fromCode ?? 'central stock'} and be movable ` +
      `(numbers unused, disabled or recycled; SIMs available or issued and not pre-empted); nothing was moved. ` +
      `Not movable: ${shown}`,
    { offenders },
  );
}
