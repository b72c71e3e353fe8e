import { defineMessages } from '../../i18n/messages';

/** The operators list's texts (CH-2, UI-1). */
export const operatorListMessages = defineMessages({
  title: { zh: '操作员', en: 'Operators' },
  intro: {
    zh: '工号、角色，以及可登录的渠道和网点；按工号排序。',
    en: 'Operator IDs, roles and the channels and outlets each may sign in through; by ID.',
  },
  role: { zh: '角色', en: 'Role' },
  state: { zh: '状态', en: 'State' },
  any: { zh: '全部', en: 'All' },
  id: { zh: '工号', en: 'Operator ID' },
  name: { zh: '姓名', en: 'Name' },
  channels: { zh: '渠道', en: 'Channels' },
  outlets: { zh: '网点', en: 'Outlets' },
  businessHours: { zh: '营业时间', en: 'Business hours' },
  anyTime: { zh: '不限', en: 'Any time' },
  active: { zh: '启用', en: 'Active' },
  inactive: { zh: '停用', en: 'Inactive' },
  lockedUntil: { zh: '锁定至 {until}', en: 'Locked until {until}' },
  createdAt: { zh: '创建时间', en: 'Created' },
  empty: { zh: '没有符合条件的操作员', en: 'No operators match' },
  total: { zh: '共 {total} 个', en: '{total} in all' },
});
