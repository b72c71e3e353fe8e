import bcrypt from 'bcryptjs';
import { eq } from 'drizzle-orm';
// eslint-disable-next-line no-restricted-imports -- moved by the contracts/compose refactor
import { moveStock, type MovementRequest } from '../api/resource-movement-service';
import type { Db } from './client';
import { insertOrgUnit } from './queries/org-units';
import { numbers, operatorChannels, operators } from './schema';

/** The demo clerk (营业员) and the unit standing for it in the tree. */
export const demoClerk = { operatorId: 'clerk01', unitCode: 'BJ-XC-XD-CLERK01', outletCode: 'BJ-XC-XD' };

const demoTree = [
  { code: 'BJ', kind: 'city', name: '北京市公司', parentCode: null, operatorId: null },
  { code: 'BJ-XC', kind: 'area', name: '西城营业区', parentCode: 'BJ', operatorId: null },
  { code: 'BJ-XC-XD', kind: 'outlet', name: '西单营业点', parentCode: 'BJ-XC', operatorId: null },
  { code: 'BJ-XC-JR', kind: 'outlet', name: '金融街营业点', parentCode: 'BJ-XC', operatorId: null },
  {
    code: demoClerk.unitCode,
    kind: 'clerk',
    name: '营业员 周杰 Zhou Jie',
    parentCode: demoClerk.outletCode,
    operatorId: demoClerk.operatorId,
  },
] as const;

/** Numbers 13800101900–13800101949 and the last 50 seeded SIMs go down to the Xidan outlet. */
const demoNumbers = { first: '13800101900', last: '13800101949' };
const demoSims = { first: '8986001000010001950', last: '8986001000010001999' };

/**
 * REQ: RES-2 — the demo organisation tree (北京 → 西城 → 西单 / 金融街 → clerk01) and stock issued down it
 * through the same checks the API applies, so clerk01 can open an account from its outlet's stock. Safe to
 * run again: units are inserted once, and the stock moves only while it is still central. `password` is the
 * demo password (passed in, as seed.ts owns it and calls this).
 */
export async function seedResourceTree(db: Db, password: string): Promise<void> {
  const passwordHash = await bcrypt.hash(password, 10);
  await db
    .insert(operators)
    .values({ id: demoClerk.operatorId, name: '周杰 Zhou Jie', roles: ['frontline'], passwordHash })
    .onConflictDoNothing();
  await db
    .insert(operatorChannels)
    .values({ operatorId: demoClerk.operatorId, channelCode: 'STORE-BJ-001' })
    .onConflictDoNothing();
  for (const unit of demoTree) await insertOrgUnit(db, { ...unit, createdBy: 'admin01' });

  const [first] = await db.select().from(numbers).where(eq(numbers.msisdn, demoNumbers.first));
  if (!first || first.holderCode !== null) return;
  const path = [null, 'BJ', 'BJ-XC', demoClerk.outletCode];
  for (const resourceType of ['numbers', 'sims'] as const) {
    const range = resourceType === 'numbers' ? demoNumbers : demoSims;
    for (let i = 0; i + 1 < path.length; i++) {
      const request: MovementRequest = {
        direction: 'issue',
        resourceType,
        fromCode: path[i] ?? null,
        toCode: path[i + 1] ?? null,
        receiver: '王经理 Manager Wang',
        items: { range },
      };
      await moveStock(db, request, 'admin01');
    }
  }
}
