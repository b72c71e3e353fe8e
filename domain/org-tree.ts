import { z } from 'zod';
import {
  iccidSchema,
  orgUnitKindLabels,
  parentKindOf,
  type OrgUnitKind,
  type ResourceType,
} from './resources';

/**
 * REQ: RES-2 — the rules of the organisation tree (city → area → outlet → clerk) and of moving stock along it:
 * an issue (发放) goes one level down, to a direct child (central stock → a city); a recycle (回收) goes one
 * level up, to the parent (a city → central stock). Pure: the routes and queries apply them.
 */

export const orgUnitCodeSchema = z
  .string()
  .regex(/^[A-Z0-9-]{2,32}$/, 'must be 2–32 characters of A–Z, 0–9 and -');

export const movementDirections = ['issue', 'recycle'] as const;
export const movementDirectionSchema = z.enum(movementDirections);
export type MovementDirection = z.infer<typeof movementDirectionSchema>;

/** One movement moves at most this many items; a larger lot is split by the person moving it. */
export const maxMovementItems = 100_000;

/** A unit as the rules need it; `null` stands for central stock (not in the tree). */
export interface TreeUnit {
  code: string;
  kind: OrgUnitKind;
  parentCode: string | null;
}

const kindName = (kind: OrgUnitKind) => orgUnitKindLabels[kind].en;
/** "a city company", "an outlet" … */
const aKind = (kind: OrgUnitKind) => `${/^[aeiou]/.test(kindName(kind)) ? 'an' : 'a'} ${kindName(kind)}`;

/** Why `parent` cannot be the parent of a new unit of `kind` (IllegalOrgUnitParent), or null when it can. */
export function parentProblem(
  kind: OrgUnitKind,
  parentCode: string | null,
  parent: TreeUnit | null,
): string | null {
  const wanted = parentKindOf(kind);
  if (wanted === null) return parentCode === null ? null : `parentCode: ${aKind(kind)} has no parent`;
  if (parentCode === null) return `parentCode: ${aKind(kind)} needs a parent: ${aKind(wanted)}`;
  if (!parent)
    return `parentCode: no organisation unit ${parentCode}; ${aKind(kind)}'s parent must be an existing ${kindName(wanted)}`;
  if (parent.kind !== wanted)
    return `parentCode: ${parentCode} is ${aKind(parent.kind)}; ${aKind(kind)}'s parent must be ${aKind(wanted)}`;
  return null;
}

/**
 * Why stock cannot move from `from` to `to` in `direction` (IllegalMovementPath), or null when it can.
 * `null` is central stock, which only trades with cities.
 */
export function movementPathProblem(
  direction: MovementDirection,
  from: TreeUnit | null,
  to: TreeUnit | null,
): string | null {
  const name = (u: TreeUnit | null) => (u ? `${u.code} (${kindName(u.kind)})` : 'central stock');
  if (direction === 'issue') {
    const ok = to !== null && (from === null ? to.kind === 'city' : to.parentCode === from.code);
    return ok
      ? null
      : `toCode: ${name(to)} is not a direct child of ${name(from)}; an issue goes one level down`;
  }
  const ok = from !== null && (to === null ? from.kind === 'city' : from.parentCode === to.code);
  return ok ? null : `toCode: ${name(to)} is not the parent of ${name(from)}; a recycle goes one level up`;
}

/** The items of a movement: a range by value (numbers; SIMs by ICCID) or a list. */
export const movementItemsSchema = z.union([
  z.object({
    range: z.object({
      first: z.string().regex(/^\d{3,20}$/, 'must be 3–20 digits'),
      last: z.string().regex(/^\d{3,20}$/, 'must be 3–20 digits'),
    }),
  }),
  z.object({ list: z.array(z.string().min(1).max(20)).min(1).max(maxMovementItems) }),
]);
export type MovementItems = z.infer<typeof movementItemsSchema>;

const numberItemPattern = /^\d{3,20}$/;

/** Expands the items into the distinct values they name, or says which rule they break (field and limit). */
export function expandItems(
  resourceType: ResourceType,
  items: MovementItems,
): { items: string[] } | { problem: string } {
  if ('range' in items) {
    const { first, last } = items.range;
    if (first.length !== last.length)
      return { problem: 'items.range: first and last must have the same length' };
    const count = BigInt(last) - BigInt(first) + 1n;
    if (count < 1n) return { problem: 'items.range: last must not be below first' };
    if (count > BigInt(maxMovementItems))
      return { problem: `items.range: ${count} items; at most ${maxMovementItems} per movement` };
    const start = BigInt(first);
    const values = Array.from({ length: Number(count) }, (_, i) =>
      (start + BigInt(i)).toString().padStart(first.length, '0'),
    );
    return checkEach(resourceType, values, 'items.range');
  }
  return checkEach(resourceType, [...new Set(items.list)], 'items.list');
}

function checkEach(resourceType: ResourceType, values: string[], field: string) {
  const bad =
    resourceType === 'sims'
      ? values.find((v) => !iccidSchema.safeParse(v).success)
      : values.find((v) => !numberItemPattern.test(v));
  if (bad === undefined) return { items: values };
  const rule =
    resourceType === 'sims' ? 'an ICCID: 19 or 20 digits starting with 8986' : 'a number: 3–20 digits';
  return { problem: `${field}: ${bad} is not ${rule}` };
}

/** Numbers that may move: not pre-empted, reserved or in use. */
export const movableNumberStates = ['unused', 'disabled', 'recycled'] as const;
/** SIMs that may move: not in use or damaged (and not held by an order). */
export const movableSimStates = ['available', 'issued'] as const;

/**
 * A SIM is `available` while central stock or at a city, and `issued` (已发放) once handed into an area, an
 * outlet or to a clerk; recycled back to a city or central stock it is `available` again.
 */
export function simStatusAt(unit: TreeUnit | null): 'available' | 'issued' {
  return unit === null || unit.kind === 'city' ? 'available' : 'issued';
}
