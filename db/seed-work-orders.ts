import bcrypt from 'bcryptjs';
import { inArray } from 'drizzle-orm';
import type { Db } from './client';
import {
  dispatchRules,
  operatorOutlets,
  outlets,
  responseTeams,
  segmentCities,
  staffProfiles,
  subscribers,
} from './schema';

/**
 * Work-order demo data (REQ: WO-1…WO-6, GC-1…GC-3): outlets (网点) with their territories, service staff with
 * skills, each city's response team, the home city of number segments, dispatch rules, and service
 * passwords on a few lines (for entrusted acceptance and self-service).
 */

export const demoOutlets = [
  { code: 'OUT-BJ-XD', name: '西单网点 Xidan', city: 'Beijing', territory: 'Xicheng' },
  { code: 'OUT-BJ-WFJ', name: '王府井网点 Wangfujing', city: 'Beijing', territory: 'Dongcheng' },
  { code: 'OUT-BJ-HD', name: '海淀网点 Haidian', city: 'Beijing', territory: 'Haidian' },
  { code: 'OUT-SH-PD', name: '浦东网点 Pudong', city: 'Shanghai', territory: 'Pudong' },
];

/** Service staff (服务人员): operators with role `serviceStaff`, their outlet and skills. */
export const serviceStaff = [
  { operatorId: 'tech01', name: '周强 Zhou Qiang', outletCode: 'OUT-BJ-XD', skills: ['broadband', 'fiber'] },
  { operatorId: 'tech02', name: '吴刚 Wu Gang', outletCode: 'OUT-BJ-XD', skills: ['terminal'] },
  { operatorId: 'tech03', name: '郑洁 Zheng Jie', outletCode: 'OUT-BJ-WFJ', skills: ['broadband'] },
  {
    operatorId: 'tech04',
    name: '冯涛 Feng Tao',
    outletCode: 'OUT-BJ-WFJ',
    skills: ['terminal', 'broadband'],
  },
  { operatorId: 'tech05', name: '陈晨 Chen Chen', outletCode: 'OUT-BJ-HD', skills: ['network'] },
  { operatorId: 'tech06', name: '褚浩 Chu Hao', outletCode: 'OUT-SH-PD', skills: ['terminal', 'broadband'] },
];

/** REQ: GC-1 — each city's response team (客响) works from this outlet. */
export const demoResponseTeams = [
  { city: 'Beijing', outletCode: 'OUT-BJ-XD' },
  { city: 'Shanghai', outletCode: 'OUT-SH-PD' },
];

/** REQ: GC-1 — home city of the demo number segments. */
export const demoSegmentCities = [
  { segment: '1380010', city: 'Beijing' },
  { segment: '1390010', city: 'Beijing' },
  { segment: '1390020', city: 'Beijing' },
  { segment: '1390030', city: 'Shanghai' },
];

/**
 * REQ: WO-4 — dispatch rules, tried in `position` order: work in Xicheng goes to the Xidan outlet's least
 * loaded staff; terminal work to whoever has the skill; Wangfujing's work in turn between tech03 and tech04;
 * anything else to the least loaded staff of its outlet.
 */
export const demoDispatchRules = [
  {
    id: 'R-TERRITORY-XICHENG',
    name: '西城区工单派西单网点 Xicheng → Xidan',
    position: 10,
    kind: 'territory',
    match: { territory: 'Xicheng' },
    target: { outletCode: 'OUT-BJ-XD' },
  },
  {
    id: 'R-SKILL-TERMINAL',
    name: '终端类工单按技能派工 Terminal work by skill',
    position: 20,
    kind: 'skill',
    match: { skill: 'terminal' },
    target: {},
  },
  {
    id: 'R-RR-WANGFUJING',
    name: '王府井网点轮流派工 Wangfujing round robin',
    position: 30,
    kind: 'roundRobin',
    match: { outletCode: 'OUT-BJ-WFJ' },
    target: { staffIds: ['tech03', 'tech04'] },
  },
  {
    id: 'R-LEAST-LOAD',
    name: '网点内按负载最少派工 Least load within the outlet',
    position: 40,
    kind: 'leastLoad',
    match: {},
    target: {},
  },
] satisfies Omit<typeof dispatchRules.$inferInsert, 'updatedBy'>[];

/** Service passwords of demo lines (REQ: GC-2 entrusted acceptance, WO-1 self-service). */
export const demoServicePasswords = [
  { msisdn: '13900100005', password: '135790' },
  { msisdn: '13900100006', password: '246802' },
  { msisdn: '13900300001', password: '112233' },
];

/** Outlets, staff profiles, response teams, segment cities, rules, a Shanghai line; a second run adds nothing. */
export async function seedWorkOrderData(db: Db): Promise<void> {
  await db.insert(outlets).values(demoOutlets).onConflictDoNothing();
  await db
    .insert(staffProfiles)
    .values(serviceStaff.map(({ name: _n, ...s }) => s))
    .onConflictDoNothing();
  // CH-2: service staff sign in at their own outlet only.
  await db
    .insert(operatorOutlets)
    .values(serviceStaff.map((s) => ({ operatorId: s.operatorId, outletCode: s.outletCode })))
    .onConflictDoNothing();
  await db.insert(responseTeams).values(demoResponseTeams).onConflictDoNothing();
  await db.insert(segmentCities).values(demoSegmentCities).onConflictDoNothing();
  await db
    .insert(dispatchRules)
    .values(demoDispatchRules.map((r) => ({ ...r, updatedBy: 'seed' })))
    .onConflictDoNothing();
  // A Shanghai customer's line, for routing to another city's response team (GC-1).
  await db
    .insert(subscribers)
    .values({
      msisdn: '13900300001',
      customerId: 'CUST-SEED-13900300001',
      iccid: '89860099139003000010',
      imsi: '460009003000010',
      productCode: 'VOICE-58',
      balanceFen: 5_000,
    })
    .onConflictDoNothing();
  const lines = await db
    .select({ msisdn: subscribers.msisdn, hash: subscribers.servicePasswordHash })
    .from(subscribers)
    .where(
      inArray(
        subscribers.msisdn,
        demoServicePasswords.map((p) => p.msisdn),
      ),
    );
  for (const { msisdn, password } of demoServicePasswords) {
    if (lines.find((l) => l.msisdn === msisdn)?.hash) continue;
    await db
      .update(subscribers)
      .set({ servicePasswordHash: await bcrypt.hash(password, 10) })
      .where(inArray(subscribers.msisdn, [msisdn]));
  }
}
