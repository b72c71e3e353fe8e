import bcrypt from 'bcryptjs';
import { eq } from 'drizzle-orm';
import type { Role } from '../domain/access';
import { selectionFeeFor } from '../domain/numbers';
import type { Db } from './client';
import { seedCustomerCategories } from './seed-categories';
import { seedQueryData } from './seed-queries';
import { seedResourceData } from './seed-resources';
import { seedResourceTree } from './seed-resources-tree';
import { seedGroupData } from './seed-groups';
import { seedWorkOrderData, serviceStaff } from './seed-work-orders';
import {
  bills,
  channels,
  customers,
  numbers,
  operatorChannels,
  operators,
  products,
  simCards,
  subscribers,
} from './schema';

export const DEMO_PASSWORD = 'Demo#2026';

export const demoChannels = [
  {
    code: 'STORE-BJ-001',
    type: 'ownStore',
    name: '北京西单营业厅 Xidan store',
    location: 'BJ',
    capabilities: ['preCancellation'],
  },
  { code: 'STORE-BJ-002', type: 'ownStore', name: '北京王府井营业厅 Wangfujing store', location: 'BJ' },
  { code: 'WEB-BJ-001', type: 'website', name: '网上营业厅 Web store', location: 'BJ' },
  { code: 'CC-10086-BJ', type: 'callCentre', name: '10086 热线 Hotline', location: 'BJ' },
  { code: 'BANK-BJ-001', type: 'bank', name: '银行代收 Bank collection', location: 'BJ' },
] satisfies (typeof channels.$inferInsert)[];

/** A demo operator and the channels it may sign in through. */
interface DemoOperator {
  id: string;
  name: string;
  roles: Role[];
  channels: string[];
}

export const demoOperators: DemoOperator[] = [
  { id: 'store01', name: '王芳 Wang Fang', roles: ['frontline'], channels: ['STORE-BJ-001', 'WEB-BJ-001'] },
  { id: 'hotline01', name: '李娜 Li Na', roles: ['frontline'], channels: ['CC-10086-BJ'] },
  {
    id: 'manager01',
    name: '张伟 Zhang Wei',
    roles: ['customerManager'],
    channels: ['STORE-BJ-001', 'STORE-BJ-002'],
  },
  { id: 'dispatch01', name: '刘洋 Liu Yang', roles: ['dispatcher'], channels: ['STORE-BJ-001'] },
  { id: 'bank01', name: '陈静 Chen Jing', roles: ['frontline'], channels: ['BANK-BJ-001'] },
  { id: 'approver01', name: '赵敏 Zhao Min', roles: ['approver'], channels: ['STORE-BJ-001', 'WEB-BJ-001'] },
  { id: 'duty01', name: '孙丽 Sun Li（热线值班长）', roles: ['dutyManager'], channels: ['CC-10086-BJ'] },
  ...serviceStaff.map((s): DemoOperator => ({
    id: s.operatorId,
    name: s.name,
    roles: ['serviceStaff'],
    channels: ['STORE-BJ-001', 'STORE-BJ-002'],
  })),
  {
    id: 'admin01',
    name: '管理员 Admin',
    roles: ['admin'],
    channels: ['STORE-BJ-001', 'WEB-BJ-001', 'CC-10086-BJ'],
  },
];

export const demoProducts = [
  {
    code: 'VOICE-58',
    name: '58元畅享套餐 Voice 58',
    simFeeFen: 2_000,
    depositFen: 10_000,
    monthlyFeeFen: 5_800,
  },
  {
    code: 'DATA-128',
    name: '128元流量套餐 Data 128',
    simFeeFen: 2_000,
    depositFen: 20_000,
    monthlyFeeFen: 12_800,
  },
  { code: 'G4-GLOBAL-188', name: '全球通 4G 188', simFeeFen: 0, depositFen: 30_000, monthlyFeeFen: 18_800 },
];

/** Access and catalogue data: channels, operators with hashed passwords, products. Safe to run again. */
export async function seedAccessAndCatalogue(db: Db): Promise<void> {
  await db.insert(channels).values(demoChannels).onConflictDoNothing();
  const passwordHash = await bcrypt.hash(DEMO_PASSWORD, 10);
  await db
    .insert(operators)
    .values(demoOperators.map(({ channels: _c, ...o }) => ({ ...o, passwordHash })))
    .onConflictDoNothing();
  await db
    .insert(operatorChannels)
    .values(
      demoOperators.flatMap((o) => o.channels.map((channelCode) => ({ operatorId: o.id, channelCode }))),
    )
    .onConflictDoNothing();
  await db.insert(products).values(demoProducts).onConflictDoNothing();
}

/** REQ: RES-1 — stocks numbers `prefix` + a 4-digit suffix (first `count` of the block), fees by rule (RES-4). */
export async function stockNumbers(db: Db, prefix: string, count: number): Promise<string[]> {
  if (!/^1\d{6}$/.test(prefix)) throw new Error('prefix must be the first 7 digits of a mobile number');
  const rows = Array.from({ length: count }, (_, i) => {
    const msisdn = `${prefix}${String(i).padStart(4, '0')}`;
    return { msisdn, segment: prefix, selectionFeeFen: selectionFeeFor(msisdn) };
  });
  for (let i = 0; i < rows.length; i += 1000) {
    await db
      .insert(numbers)
      .values(rows.slice(i, i + 1000))
      .onConflictDoNothing();
  }
  return rows.map((r) => r.msisdn);
}

/** REQ: RES-1 — stocks SIM cards with ICCIDs and IMSIs derived from a batch number. */
export async function stockSims(db: Db, batch: string, count: number): Promise<void> {
  if (!/^\d{6}$/.test(batch)) throw new Error('batch must be 6 digits');
  const rows = Array.from({ length: count }, (_, i) => {
    const serial = String(i).padStart(7, '0');
    return { iccid: `898600${batch}${serial}`, imsi: `46000${batch.slice(3)}${serial}` };
  });
  for (let i = 0; i < rows.length; i += 1000) {
    await db
      .insert(simCards)
      .values(rows.slice(i, i + 1000))
      .onConflictDoNothing();
  }
}

interface DemoSubscriber {
  msisdn: string;
  customer: { kind: 'individual' | 'enterprise'; name: string; idNumber: string; businessLicenceNo?: string };
  internationalRoaming: boolean;
  /** The last three monthly bills, newest first, in fen. */
  billsFen: [number, number, number];
  balanceFen: number;
  /** Days before seeding that the line was opened; 400 (past every MNP-1 tenure) unless given. */
  openedDaysAgo?: number;
  status?: 'active' | 'suspended';
  /** REQ: MNP-1 facts; by default verified, no contract term, no restriction. */
  realNameVerified?: boolean;
  /** Days after seeding that a contract term ends. */
  contractEndsInDays?: number;
  restrictions?: string[];
}

const mnpDemoCustomer = (n: string): DemoSubscriber['customer'] => ({
  kind: 'individual',
  name: `携转测试 MNP ${n}`,
  idNumber: `1101011991020200${n}`,
});

const DAY_MS = 86_400_000;

const plainLine = {
  internationalRoaming: false,
  billsFen: [4_000, 4_000, 4_000],
  balanceFen: 5_000,
} satisfies Partial<DemoSubscriber>;

/** Lines that exist before any order: the material of service changes and pre-cancellation demos and tests. */
export const demoSubscribers: DemoSubscriber[] = [
  {
    msisdn: '13900100001',
    customer: { kind: 'individual', name: '李雷 Li Lei', idNumber: '110101198001011234' },
    internationalRoaming: false,
    billsFen: [5_000, 6_000, 7_000],
    balanceFen: 3_000,
  },
  {
    msisdn: '13900100002',
    customer: { kind: 'individual', name: '韩梅梅 Han Meimei', idNumber: '110101198502022345' },
    internationalRoaming: true,
    billsFen: [5_000, 5_000, 5_000],
    balanceFen: 10_000,
  },
  {
    msisdn: '13900100003',
    customer: { kind: 'individual', name: '王强 Wang Qiang', idNumber: '11010119900303345X' },
    internationalRoaming: false,
    billsFen: [30_000, 25_000, 28_000],
    balanceFen: -2_000,
  },
  {
    msisdn: '13900100004',
    customer: {
      kind: 'enterprise',
      name: '北京某某科技有限公司 Example Tech Ltd',
      idNumber: 'UC-91110000',
      businessLicenceNo: 'BL-91110000',
    },
    internationalRoaming: false,
    billsFen: [8_000, 9_000, 10_000],
    balanceFen: 0,
  },
  ...Array.from({ length: 16 }, (_, i): DemoSubscriber => {
    const n = String(i + 5).padStart(2, '0');
    return {
      msisdn: `139001000${n}`,
      customer: { kind: 'individual', name: `测试用户 Test ${n}`, idNumber: `1101011990010100${n}` },
      internationalRoaming: false,
      billsFen: [4_000, 4_000, 4_000],
      balanceFen: 5_000,
    };
  }),
  // REQ: MNP-1 — lines for the number-portability eligibility demos and tests (no other test uses them).
  { msisdn: '13900100021', customer: mnpDemoCustomer('21'), ...plainLine },
  {
    msisdn: '13900100022',
    customer: mnpDemoCustomer('22'),
    ...plainLine,
    realNameVerified: false,
    contractEndsInDays: 365,
  },
  { msisdn: '13900100023', customer: mnpDemoCustomer('23'), ...plainLine, openedDaysAgo: 30 },
  {
    msisdn: '13900100024',
    customer: mnpDemoCustomer('24'),
    ...plainLine,
    status: 'suspended',
    balanceFen: -3_000,
    restrictions: ['location'],
  },
];

/** `YYYY-MM` of the month `back` months before `now`. */
function period(now: Date, back: number): string {
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - back, 1));
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
}

/** Lines with owners, SIMs and three months of bills; safe to run again. */
export async function seedDemoSubscribers(db: Db, now = new Date()): Promise<void> {
  await stockSims(db, '100002', demoSubscribers.length);
  for (const [i, sub] of demoSubscribers.entries()) {
    const iccid = `898600100002${String(i).padStart(7, '0')}`;
    const imsi = `46000002${String(i).padStart(7, '0')}`;
    const customerId = `CUST-SEED-${sub.msisdn}`;
    await db
      .insert(numbers)
      .values({ msisdn: sub.msisdn, segment: sub.msisdn.slice(0, 7), status: 'inUse', selectionFeeFen: 0 })
      .onConflictDoNothing();
    await db.update(simCards).set({ status: 'inUse', msisdn: sub.msisdn }).where(eq(simCards.iccid, iccid));
    await db
      .insert(customers)
      .values({
        id: customerId,
        orderId: `SEED:${sub.msisdn}`,
        kind: sub.customer.kind,
        name: sub.customer.name,
        idType: sub.customer.kind === 'individual' ? 'idCard' : 'unitCertificate',
        idNumber: sub.customer.idNumber,
        address: '北京市东城区示例路 1 号',
        contactPhone: '01012345678',
        details: sub.customer.businessLicenceNo ? { businessLicenceNo: sub.customer.businessLicenceNo } : {},
        state: 'committed',
      })
      .onConflictDoNothing();
    await db
      .insert(subscribers)
      .values({
        msisdn: sub.msisdn,
        customerId,
        iccid,
        imsi,
        productCode: 'VOICE-58',
        internationalRoaming: sub.internationalRoaming,
        features: sub.internationalRoaming ? ['internationalRoaming'] : [],
        balanceFen: sub.balanceFen,
        status: sub.status ?? 'active',
        openedAt: new Date(now.getTime() - (sub.openedDaysAgo ?? 400) * DAY_MS),
        realNameVerified: sub.realNameVerified ?? true,
        contractEndsAt:
          sub.contractEndsInDays === undefined
            ? null
            : new Date(now.getTime() + sub.contractEndsInDays * DAY_MS),
        restrictions: sub.restrictions ?? [],
      })
      .onConflictDoNothing();
    await db
      .insert(bills)
      .values(
        sub.billsFen.map((amountFen, back) => ({
          msisdn: sub.msisdn,
          period: period(now, back + 1),
          amountFen,
          paidFen: amountFen,
        })),
      )
      .onConflictDoNothing();
  }
}

/** Everything a demo needs; a second run adds nothing. */
export async function seedDemoData(db: Db): Promise<void> {
  await seedAccessAndCatalogue(db);
  await stockNumbers(db, '1380010', 2_000);
  await stockSims(db, '100001', 2_000);
  await seedDemoSubscribers(db);
  await seedGroupData(db);
  await seedWorkOrderData(db);
  await seedCustomerCategories(db);
  await seedQueryData(db);
  await seedResourceData(db);
  await seedResourceTree(db, DEMO_PASSWORD);
}
