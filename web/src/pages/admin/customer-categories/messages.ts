import { defineMessages } from '../../../i18n/messages';

/** The customer categories screen's texts (CUST-1, CUST-2, UI-1). */
export const categoryMessages = defineMessages({
  title: { zh: '客户类别', en: 'Customer categories' },
  intro: {
    zh: '类别（普通、VIP、黑名单、红名单……）可新增和修改，不能删除；一个客户可有多个类别，客户的类别只能终止，记录保留。',
    en: "Categories (normal, VIP, blacklist, redlist …) are added and changed, never deleted; a customer may hold several, and a customer's category is ended, its record kept.",
  },
  neverDeleted: {
    zh: '按规定（CUST-1）类别不能删除：不再使用的类别可修改其说明，或终止客户的该类别。',
    en: 'By rule (CUST-1) a category is never deleted: change a category no longer used (e.g. its note), or end it on the customers holding it.',
  },
  add: { zh: '新增类别', en: 'Add a category' },
  code: { zh: '类别编码', en: 'Code' },
  codeHelp: {
    zh: '小写字母开头，2–32 位字母、数字或 -，例如 gold',
    en: 'A lowercase letter first, 2–32 letters, digits or -, e.g. gold',
  },
  nameZh: { zh: '中文名称', en: 'Chinese name' },
  nameEn: { zh: '英文名称', en: 'English name' },
  note: { zh: '说明', en: 'Note' },
  effect: { zh: '作用', en: 'Effect' },
  changed: { zh: '最后修改', en: 'Last changed' },
  actions: { zh: '操作', en: 'Actions' },
  edit: { zh: '修改 {code}', en: 'Change {code}' },
  editShort: { zh: '修改', en: 'Change' },
  empty: { zh: '还没有类别', en: 'No categories yet' },
  createTitle: { zh: '新增客户类别', en: 'Add a customer category' },
  editTitle: { zh: '修改客户类别 {code}', en: 'Change customer category {code}' },
  save: { zh: '保存', en: 'Save' },
  // A customer's categories.
  customerTitle: { zh: '客户的类别', en: "A customer's categories" },
  customerIntro: {
    zh: '按客户编号查询（演示客户为 CUST-SEED-号码，例如 CUST-SEED-13900100019；集团客户用集团编码）。',
    en: 'Look a customer up by ID (demo customers are CUST-SEED-<number>, e.g. CUST-SEED-13900100019; a group customer by its group code).',
  },
  customerId: { zh: '客户编号', en: 'Customer ID' },
  categoriesOf: { zh: '{id} 的类别', en: 'Categories of {id}' },
  lookUp: { zh: '查询', en: 'Look up' },
  category: { zh: '类别', en: 'Category' },
  assignedBy: { zh: '设置', en: 'Assigned' },
  ended: { zh: '终止', en: 'Ended' },
  current: { zh: '有效', en: 'Current' },
  end: { zh: '终止 {code}', en: 'End {code}' },
  endShort: { zh: '终止', en: 'End' },
  endConfirm: {
    zh: '终止后该类别不再对客户生效，记录保留。确定终止 {code}？',
    en: 'The category stops applying to the customer; its record stays. End {code}?',
  },
  noAssignments: { zh: '该客户没有任何类别', en: 'The customer holds no category' },
  assign: { zh: '设置类别', en: 'Assign' },
  assignNote: { zh: '备注', en: 'Note' },
  assignedNow: { zh: '已设置 {code}', en: '{code} assigned' },
  alreadyHeld: { zh: '客户已有 {code}，未改变', en: 'The customer already holds {code}; nothing changed' },
});

/** What a category does (domain/customer-categories.ts `categoryEffects`). */
export const effectLabels = {
  none: { zh: '无自动作用', en: 'No effect' },
  vip: { zh: 'VIP：排队优先', en: 'VIP: first in queues' },
  blacklist: { zh: '黑名单：拒绝新业务', en: 'Blacklist: refuses new business' },
} as const;
