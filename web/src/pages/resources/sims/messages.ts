import { defineMessages } from '../../../i18n/messages';

/** The SIM card screens' texts (RES-3, RES-5, UI-1). */
export const simMessages = defineMessages({
  listTitle: { zh: 'SIM 卡查询', en: 'SIM cards' },
  listIntro: {
    zh: '按 ICCID 前缀、状态和持有单位查询 SIM 卡，查看 IMSI、绑定号码和持有单位。',
    en: 'Find SIM cards by ICCID prefix, state and holding unit, with their IMSI, bound number and holder.',
  },
  prefix: { zh: 'ICCID 前缀', en: 'ICCID prefix' },
  state: { zh: '状态', en: 'State' },
  unit: { zh: '持有单位', en: 'Holding unit' },
  any: { zh: '全部', en: 'All' },
  iccid: { zh: 'ICCID', en: 'ICCID' },
  imsi: { zh: 'IMSI', en: 'IMSI' },
  msisdn: { zh: '绑定号码', en: 'Bound number' },
  empty: { zh: '没有符合条件的 SIM 卡', en: 'No SIM cards match' },
  total: { zh: '共 {total} 张', en: '{total} in all' },
  title: { zh: 'SIM 卡 {iccid}', en: 'SIM card {iccid}' },
  intro: {
    zh: 'SIM 卡的状态、IMSI、绑定号码、持有单位和状态变更记录；损坏的卡可手工标记，修复后恢复可用。',
    en: 'The card’s state, IMSI, bound number, holder and state changes; a broken card is set aside by hand and made available again once repaired.',
  },
  back: { zh: '返回 SIM 卡查询', en: 'Back to the SIM cards' },
  holder: { zh: '持有单位', en: 'Holder' },
  none: { zh: '无', en: 'None' },
  stateChange: { zh: '变更状态', en: 'Change the state' },
  to: { zh: '目标状态', en: 'New state' },
  toRequired: { zh: '请选择目标状态', en: 'Choose the new state' },
  noTargets: {
    zh: '当前状态不能手工变更（由订单变更）',
    en: 'This state cannot be changed by hand (orders change it)',
  },
  reason: { zh: '原因', en: 'Reason' },
  reasonRequired: { zh: '请填写原因', en: 'Enter the reason' },
  change: { zh: '变更', en: 'Change' },
  history: { zh: '状态变更记录', en: 'State changes' },
  from: { zh: '原状态', en: 'From' },
  changedBy: { zh: '操作人', en: 'By' },
  changedAt: { zh: '时间', en: 'When' },
  noHistory: { zh: '没有状态变更', en: 'No state changes' },
});
