import { defineMessages } from '../../../i18n/messages';

/** The selection-fee rules screen's texts (RES-4, UI-1). */
export const feeRuleMessages = defineMessages({
  title: { zh: '选号费规则', en: 'Selection-fee rules' },
  intro: {
    zh: '规则按优先级从高到低排列：匹配号码的启用规则中优先级最高的一条决定选号费，无匹配则不收费。已入库号码保留原选号费。',
    en: 'Rules by priority, highest first: of the active rules matching a number, the highest priority sets its fee; no match costs nothing. Numbers in stock keep their fee.',
  },
  add: { zh: '新增规则', en: 'Add a rule' },
  edit: { zh: '修改', en: 'Change' },
  editRule: { zh: '修改规则 {id}', en: 'Change rule {id}' },
  id: { zh: '规则编号', en: 'Rule ID' },
  name: { zh: '名称', en: 'Name' },
  pattern: { zh: '号码模式（正则表达式）', en: 'Pattern (regular expression)' },
  patternHelp: {
    zh: '针对 11 位号码，例如 (\\d)\\1{3}$ 表示尾号 AAAA；最多 64 个字符。',
    en: 'Over the 11 digits, e.g. (\\d)\\1{3}$ for a quad tail; at most 64 characters.',
  },
  fee: { zh: '选号费（元）', en: 'Fee (yuan)' },
  priority: { zh: '优先级', en: 'Priority' },
  active: { zh: '启用', en: 'Active' },
  state: { zh: '状态', en: 'State' },
  inactive: { zh: '停用', en: 'Inactive' },
  actions: { zh: '操作', en: 'Actions' },
  required: { zh: '必填', en: 'Required' },
  idRule: { zh: '1–32 位大写字母、数字或 -', en: '1–32 capital letters, digits or -' },
  save: { zh: '保存', en: 'Save' },
  cancel: { zh: '取消', en: 'Cancel' },
  saved: { zh: '规则 {id} 已保存', en: 'Rule {id} saved' },
  empty: { zh: '还没有选号费规则', en: 'No selection-fee rules yet' },
  previewTitle: { zh: '选号费试算', en: 'Preview the fees' },
  previewIntro: {
    zh: '输入号码（每行一个或用逗号分隔，最多 200 个），查看现行规则收取的选号费。',
    en: 'Enter numbers (one a line or comma-separated, at most 200) to see what the rules in force charge.',
  },
  numbers: { zh: '号码', en: 'Numbers' },
  numbersRequired: { zh: '请输入至少一个号码', en: 'Enter at least one number' },
  preview: { zh: '试算', en: 'Preview' },
  msisdn: { zh: '号码', en: 'Number' },
  rule: { zh: '决定规则', en: 'Deciding rule' },
  noRule: { zh: '无匹配（不收费）', en: 'No match (no fee)' },
});
