import { defineMessages, type Bilingual } from './messages';

/** The API's role codes (domain/access.ts `roles`) as staff name them; the code stays English. */
export const roleLabels = defineMessages({
  frontline: { zh: '营业员', en: 'Frontline clerk' },
  customerManager: { zh: '客户经理', en: 'Customer manager' },
  dispatcher: { zh: '调度员', en: 'Dispatcher' },
  serviceStaff: { zh: '服务人员', en: 'Service staff' },
  dutyManager: { zh: '值班长', en: 'Duty manager' },
  approver: { zh: '资费审核员', en: 'Approver' },
  admin: { zh: '管理员', en: 'Administrator' },
});

/** A role's label, or its code when the console does not know it yet. */
export function roleLabel(role: string): Bilingual {
  return (roleLabels as Record<string, Bilingual>)[role] ?? { zh: role, en: role };
}
