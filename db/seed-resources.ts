import type { Db } from './client';
import { numberGroups, numberSegments, selectionFeeRules } from './schema';
import { seedFeeRules } from '../domain/selection-fees';

/** REQ: RES-5 — the demo's number groups (号群) and the segments they hold. */
export const demoNumberGroups = [
  {
    code: 'BJ-GSM',
    name: '北京 138 号群 Beijing 138',
    note: 'The open-account demo stock',
    segments: ['1380010'],
  },
  {
    code: 'BJ-139',
    name: '北京 139 号群 Beijing 139',
    note: 'Demo subscribers and query data',
    segments: ['1390010', '1390020', '1390030'],
  },
] as const;

/** REQ: RES-4, RES-5 — the fee rules every installation starts with, and the demo groups; a rerun adds nothing. */
export async function seedResourceData(db: Db): Promise<void> {
  await db
    .insert(selectionFeeRules)
    .values(seedFeeRules.map((r) => ({ ...r, active: true, updatedBy: 'system' })))
    .onConflictDoNothing();
  for (const { segments, ...group } of demoNumberGroups) {
    await db.insert(numberGroups).values(group).onConflictDoNothing();
    await db
      .insert(numberSegments)
      .values(segments.map((prefix) => ({ prefix, groupCode: group.code })))
      .onConflictDoNothing();
  }
}
