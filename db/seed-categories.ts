import type { NewCategory } from '../domain/customer-categories';
import type { Db } from './client';
import { customerCategories } from './schema';

/** REQ: CUST-1 — the categories every installation starts with; administrators add and change more. */
export const demoCategories: NewCategory[] = [
  { code: 'normal', nameZh: '普通客户', nameEn: 'Normal', effect: 'none' },
  {
    code: 'vip',
    nameZh: 'VIP 客户',
    nameEn: 'VIP',
    note: 'Priority where queues exist (work orders)',
    effect: 'vip',
  },
  {
    code: 'blacklist',
    nameZh: '黑名单客户',
    nameEn: 'Blacklist',
    note: 'Refused new business by every order type (CUST-2)',
    effect: 'blacklist',
  },
  {
    code: 'redlist',
    nameZh: '红名单客户',
    nameEn: 'Redlist',
    note: 'Protected customers (e.g. officials, key accounts): handled with care; no automatic effect',
    effect: 'none',
  },
  { code: 'staff', nameZh: '内部员工', nameEn: 'Staff', effect: 'none' },
];

/** Safe to run again: existing categories (perhaps changed by an administrator) are left as they are. */
export async function seedCustomerCategories(db: Db): Promise<void> {
  await db
    .insert(customerCategories)
    .values(demoCategories.map((c) => ({ ...c, note: c.note ?? null, updatedBy: 'seed' })))
    .onConflictDoNothing();
}
