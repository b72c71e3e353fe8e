import { z } from 'zod';

/**
 * Resource inventory (REQ: RES-1…RES-6): the words every part of it shares. The state machines, CSV
 * formats and fee rules live in their own modules (resource-states.ts, stock-in-csv.ts, selection-fees.ts).
 */

/** REQ: RES-1 — kinds of numbers stocked in: mobile numbers, SMS wholesale ports (短信批发端口号), access numbers (接入号). */
export const numberKinds = ['mobile', 'smsPort', 'access'] as const;
export const numberKindSchema = z.enum(numberKinds);
export type NumberKind = z.infer<typeof numberKindSchema>;

/** What a batch, a movement or a report counts. */
export const resourceTypes = ['numbers', 'sims'] as const;
export const resourceTypeSchema = z.enum(resourceTypes);
export type ResourceType = z.infer<typeof resourceTypeSchema>;

/** REQ: RES-2 — the organisation tree, top down: city (市公司) → area (营业区) → outlet (营业点) → clerk (营业员). */
export const orgUnitKinds = ['city', 'area', 'outlet', 'clerk'] as const;
export const orgUnitKindSchema = z.enum(orgUnitKinds);
export type OrgUnitKind = z.infer<typeof orgUnitKindSchema>;

/** The kind a unit's parent must be; a city has none. */
export function parentKindOf(kind: OrgUnitKind): OrgUnitKind | null {
  const i = orgUnitKinds.indexOf(kind);
  return i === 0 ? null : (orgUnitKinds[i - 1] ?? null);
}

export const orgUnitKindLabels: Record<OrgUnitKind, { zh: string; en: string }> = {
  city: { zh: '市公司', en: 'city company' },
  area: { zh: '营业区', en: 'business area' },
  outlet: { zh: '营业点', en: 'outlet' },
  clerk: { zh: '营业员', en: 'clerk' },
};

/** REQ: RES-5 — a segment (号段) is the 10,000 numbers sharing a mobile number's first 7 digits. */
export const segmentOf = (msisdn: string): string => msisdn.slice(0, 7);

/** REQ: RES-5 — ICCID: 19 or 20 digits, China's start with 8986. */
export const iccidSchema = z.string().regex(/^8986\d{15,16}$/, 'must be 19 or 20 digits starting with 8986');
/** REQ: RES-5 — IMSI: 15 digits, China Mobile's start with 460 followed by 00, 02, 04, 07 or 08. */
export const imsiSchema = z
  .string()
  .regex(/^460(00|02|04|07|08)\d{10}$/, 'must be 15 digits starting 46000/02/04/07/08');
