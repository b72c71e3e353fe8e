import { defineMessages } from '../../i18n/messages';

/** Texts of the customer fields the work-order forms share (new work order, green channel). */
export const customerFieldMessages = defineMessages({
  customerSection: { zh: '客户', en: 'Customer' },
  msisdn: { zh: '客户号码', en: 'Customer number' },
  msisdnHint: {
    zh: '先输入号码：输满 11 位即查询号码，显示机主、套餐和号码状态',
    en: 'Number first: 11 digits look the line up and show its owner, product and state',
  },
  msisdnHintNoLookup: {
    zh: '您没有号码查询权限，请向客户确认姓名后填写',
    en: 'You may not look lines up; ask the customer for their name and type it',
  },
  lookingUp: { zh: '正在查询号码…', en: 'Looking the line up…' },
  lineFound: { zh: '号码信息', en: 'The line' },
  lineOwner: { zh: '机主', en: 'Owner' },
  noOwner: { zh: '无客户资料', en: 'No customer record' },
  individual: { zh: '个人', en: 'Individual' },
  enterprise: { zh: '单位', en: 'Enterprise' },
  product: { zh: '套餐', en: 'Product' },
  lineState: { zh: '号码状态', en: 'State' },
  lineNotFound: {
    zh: '查不到这个号码，请向客户确认姓名后填写',
    en: 'This number has no line; ask the customer for their name and type it',
  },
  name: { zh: '客户姓名', en: 'Customer name' },
  nameFilled: {
    zh: '已按号码填入机主姓名（查询只显示姓氏），可向客户确认全名后修改',
    en: 'Filled from the line (the lookup shows the surname only); ask the customer for the full name to correct it',
  },
  address: { zh: '服务地址', en: 'Address' },
});

/** Texts of the work's fields the work-order forms share (new work order, green channel: WO-1, GC-1). */
export const workFieldMessages = defineMessages({
  priority: { zh: '优先级', en: 'Priority' },
  workTitle: { zh: '标题', en: 'Title' },
});
