import type { ProductSpec } from '../domain/product-spec';
import type { Db } from './client';
import {
  groupAccounts,
  groupContracts,
  groupCustomers,
  groupProducts,
  groupTariffs,
  operatorProductPermissions,
  subscribers,
} from './schema';

/**
 * Group business demo data (REQ: GRP-1…GRP-9): the BBOSS product 和对讲 with its specification, its tariff
 * packages, group customers with contracts and paying accounts, operators' product permissions, and lines
 * that can join groups as members.
 */

/** 和对讲 product attributes (after "和对讲产品规格属性说明"; the spreadsheet itself is not in the source). */
export const hdjSpec: ProductSpec = {
  attributes: [
    {
      code: 'serviceLevel',
      name: { zh: '业务级别', en: 'Service level' },
      type: 'enum',
      values: ['standard', 'professional'],
      required: true,
    },
    {
      code: 'maxTalkGroups',
      name: { zh: '最大对讲组数', en: 'Most talk groups' },
      type: 'integer',
      min: 1,
      max: 500,
      required: true,
    },
    {
      code: 'dispatchConsoles',
      name: { zh: '调度台数量', en: 'Dispatch consoles' },
      type: 'integer',
      min: 0,
      max: 50,
      required: false,
    },
    {
      code: 'recording',
      name: { zh: '通话录音', en: 'Call recording' },
      type: 'boolean',
      required: false,
    },
    {
      code: 'adminPhone',
      name: { zh: '管理员联系电话', en: 'Administrator phone' },
      type: 'string',
      maxLength: 11,
      pattern: '1\\d{10}',
      patternHint: 'a mobile number of 11 digits starting with 1',
      required: true,
    },
  ],
};

/** 和对讲 member attributes (成员属性). */
export const hdjMemberSpec: ProductSpec = {
  attributes: [
    {
      code: 'displayName',
      name: { zh: '成员名称', en: 'Display name' },
      type: 'string',
      maxLength: 20,
      required: true,
    },
    {
      code: 'role',
      name: { zh: '成员角色', en: 'Member role' },
      type: 'enum',
      values: ['member', 'dispatcher'],
      required: false,
    },
    {
      code: 'priority',
      name: { zh: '话权优先级', en: 'Floor priority' },
      type: 'integer',
      min: 1,
      max: 7,
      required: false,
    },
  ],
};

const noParams: ProductSpec = { attributes: [] };

export const demoGroupProducts = [
  {
    code: 'HDJ',
    name: '和对讲（商品） Push-to-talk',
    catalogue: 'BBOSS',
    spec: hdjSpec,
    memberSpec: hdjMemberSpec,
  },
];

export const demoGroupTariffs = [
  {
    code: 'HDJ-10',
    productCode: 'HDJ',
    name: '和对讲基础包 10元/成员/月',
    monthlyFeePerMemberFen: 1_000,
    needsApproval: false,
    paramSpec: noParams,
  },
  {
    code: 'HDJ-20',
    productCode: 'HDJ',
    name: '和对讲标准包 20元/成员/月（含调度）',
    monthlyFeePerMemberFen: 2_000,
    needsApproval: false,
    paramSpec: noParams,
  },
  {
    code: 'HDJ-CUSTOM',
    productCode: 'HDJ',
    name: '和对讲集团定制折扣包（需资费审核）',
    monthlyFeePerMemberFen: 2_000,
    needsApproval: true,
    paramSpec: {
      attributes: [
        {
          code: 'discountPercent',
          name: { zh: '折扣（%）', en: 'Discount (%)' },
          type: 'integer',
          min: 50,
          max: 100,
          required: true,
        },
      ],
    },
  },
];

/** Group customers; each test file copies the seeded database, so one group per scenario is plenty. */
export const demoGroups = [
  { groupCode: '1000000001', name: '北京示例物流有限公司 Example Logistics' },
  { groupCode: '1000000002', name: '北京示例物业管理有限公司 Example Property' },
  { groupCode: '1000000003', name: '北京示例安保服务有限公司 Example Security' },
  { groupCode: '1000000004', name: '北京示例出租汽车公司 Example Taxi' },
  { groupCode: '1000000005', name: '北京示例建筑工程公司 Example Construction' },
];

/**
 * REQ: GRP-1 — operators who hold the 和对讲 product permission (store01 deliberately does not); the approver
 * needs it too, to read and decide the group orders waiting for tariff approval (GRP-3).
 */
export const demoProductPermissions = [
  { operatorId: 'manager01', productCode: 'HDJ' },
  { operatorId: 'admin01', productCode: 'HDJ' },
  { operatorId: 'approver01', productCode: 'HDJ' },
];

/** Lines in service that may join groups: 13900200000 … 13900200199. */
export const GROUP_MEMBER_LINES = { prefix: '1390020', count: 200 };

const YEAR_MS = 365 * 86_400_000;

/** Group customers, the catalogue, permissions and member lines; a second run adds nothing. */
export async function seedGroupData(db: Db, now = new Date()): Promise<void> {
  await db.insert(groupProducts).values(demoGroupProducts).onConflictDoNothing();
  await db.insert(groupTariffs).values(demoGroupTariffs).onConflictDoNothing();
  await db
    .insert(groupCustomers)
    .values(demoGroups.map((g) => ({ ...g, customerManagerId: 'manager01' })))
    .onConflictDoNothing();
  await db
    .insert(groupContracts)
    .values(
      demoGroups.map((g) => ({
        id: `HT-${g.groupCode}`,
        groupCode: g.groupCode,
        name: `${g.name} 集团业务合同`,
        endsAt: new Date(now.getTime() + 2 * YEAR_MS),
      })),
    )
    .onConflictDoNothing();
  await db
    .insert(groupAccounts)
    .values(
      demoGroups.map((g) => ({
        id: `ACC-${g.groupCode}`,
        groupCode: g.groupCode,
        name: `${g.name} 统一付费账户`,
      })),
    )
    .onConflictDoNothing();
  await db
    .insert(operatorProductPermissions)
    .values(demoProductPermissions.map((p) => ({ ...p, grantedBy: 'seed' })))
    .onConflictDoNothing();
  await seedMemberLines(db, GROUP_MEMBER_LINES.prefix, GROUP_MEMBER_LINES.count);
}

/**
 * Active lines `prefix` + a 4-digit suffix (the first `count`), owned by one enterprise customer: material
 * for group members (benchmarks stock tens of thousands). Their SIM identities are derived from the number.
 */
export async function seedMemberLines(db: Db, prefix: string, count: number): Promise<string[]> {
  if (!/^1\d{6}$/.test(prefix)) throw new Error('prefix must be the first 7 digits of a mobile number');
  if (count > 10_000) throw new Error('a 7-digit prefix holds at most 10,000 lines');
  const rows = Array.from({ length: count }, (_, i) => {
    const msisdn = `${prefix}${String(i).padStart(4, '0')}`;
    return {
      msisdn,
      customerId: 'CUST-GROUP-LINES',
      iccid: `8986009${msisdn}0`,
      imsi: `46000${msisdn.slice(1)}`,
      productCode: 'VOICE-58',
      balanceFen: 5_000,
    };
  });
  for (let i = 0; i < rows.length; i += 1000) {
    await db
      .insert(subscribers)
      .values(rows.slice(i, i + 1000))
      .onConflictDoNothing();
  }
  return rows.map((r) => r.msisdn);
}
