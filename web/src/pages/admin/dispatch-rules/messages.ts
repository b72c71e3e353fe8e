import { defineMessages } from '../../../i18n/messages';

/** The dispatch rules screen's texts (WO-4, UI-1). */
export const ruleMessages = defineMessages({
  title: { zh: '派工规则', en: 'Dispatch rules' },
  intro: {
    zh: '工单受理或分配网点后，系统按顺序尝试已启用的规则，第一条条件相符且能选出服务人员的规则负责派工。规则不能删除，只能停用。',
    en: 'When a work order is accepted or given an outlet, the enabled rules are tried in this order; the first whose conditions fit and that finds a staff member dispatches it. Rules are never deleted, only disabled.',
  },
  add: { zh: '新增规则', en: 'Add a rule' },
  order: { zh: '顺序', en: 'Order' },
  id: { zh: '规则编号', en: 'Rule ID' },
  rule: { zh: '规则', en: 'Rule' },
  name: { zh: '名称', en: 'Name' },
  kind: { zh: '派工方式', en: 'Strategy' },
  conditions: { zh: '条件', en: 'Conditions' },
  anyWorkOrder: { zh: '任何工单', en: 'Any work order' },
  target: { zh: '派给', en: 'Picks from' },
  targetOutlet: { zh: '网点 {code} 的服务人员', en: 'Staff of outlet {code}' },
  targetStaff: { zh: '指定人员：{ids}', en: 'Named staff: {ids}' },
  targetWorkOrderOutlet: { zh: '工单所属网点的服务人员', en: "Staff of the work order's outlet" },
  targetSkill: { zh: '具备该技能的服务人员', en: 'Staff having the skill' },
  state: { zh: '状态', en: 'State' },
  enabled: { zh: '启用', en: 'Enabled' },
  disabled: { zh: '停用', en: 'Disabled' },
  changedBy: { zh: '{by} 修改于 {at}', en: 'Changed by {by} at {at}' },
  actions: { zh: '操作', en: 'Actions' },
  moveUp: { zh: '上移 {id}', en: 'Move {id} up' },
  moveDown: { zh: '下移 {id}', en: 'Move {id} down' },
  edit: { zh: '修改 {id}', en: 'Change {id}' },
  enable: { zh: '启用 {id}', en: 'Enable {id}' },
  disable: { zh: '停用 {id}', en: 'Disable {id}' },
  enableShort: { zh: '启用', en: 'Enable' },
  disableShort: { zh: '停用', en: 'Disable' },
  disableConfirm: {
    zh: '停用后自动派工将跳过此规则，由后面的规则处理。确定停用 {id}？',
    en: 'Automatic dispatch will skip this rule and the next matching rule applies. Disable {id}?',
  },
  empty: { zh: '还没有派工规则', en: 'No dispatch rules yet' },
  moved: { zh: '顺序已调整', en: 'The order is changed' },
  saved: { zh: '规则已保存', en: 'The rule is saved' },
  // Conditions (match).
  territory: { zh: '区域', en: 'Territory' },
  skill: { zh: '技能', en: 'Skill' },
  outlet: { zh: '网点', en: 'Outlet' },
  category: { zh: '工单类别', en: 'Category' },
  priority: { zh: '优先级', en: 'Priority' },
  // The form.
  createTitle: { zh: '新增派工规则', en: 'Add a dispatch rule' },
  editTitle: { zh: '修改派工规则 {id}', en: 'Change dispatch rule {id}' },
  idHelp: {
    zh: '大写字母、数字和 -，例如 R-HAIDIAN-NETWORK',
    en: 'Capitals, digits and -, e.g. R-HAIDIAN-NETWORK',
  },
  matchSection: {
    zh: '条件（填写的每一项都须与工单相同）',
    en: "Conditions (each one given must equal the work order's)",
  },
  targetSection: { zh: '派给谁', en: 'Whom it picks' },
  targetOutletLabel: { zh: '从哪个网点的人员中选', en: 'Outlet whose staff it picks from' },
  targetStaffLabel: { zh: '指定服务人员（按轮流顺序）', en: 'Named staff (in turn order)' },
  positionLabel: {
    zh: '顺序号（越小越先尝试；不填则排在最后）',
    en: 'Position (lower is tried first; empty: last)',
  },
  enabledLabel: { zh: '保存后启用', en: 'Enabled once saved' },
  kindHelpTerritory: {
    zh: '区域相符的工单派给所选网点负载最少的服务人员；须填区域和网点。',
    en: 'Work orders of the territory go to the least-loaded staff of the chosen outlet; needs territory and outlet.',
  },
  kindHelpSkill: {
    zh: '需要该技能的工单派给具备该技能、负载最少的服务人员（限所选网点或工单所属网点）；须填技能。',
    en: "Work needing the skill goes to the least-loaded staff having it (in the chosen outlet or the work order's); needs the skill.",
  },
  kindHelpLeastLoad: {
    zh: '派给指定人员或所选网点（不填则为工单所属网点）中负载最少的人员；人员和网点只填其一。',
    en: "Goes to the least-loaded of the named staff, or of the chosen outlet's staff (empty: the work order's outlet); give staff or an outlet, not both.",
  },
  kindHelpRoundRobin: {
    zh: '指定人员轮流接单；须至少指定一人。',
    en: 'The named staff take turns; name at least one.',
  },
  save: { zh: '保存', en: 'Save' },
});

/** The strategies' labels, as the API's `kindLabel` gives them for a saved rule (domain/dispatch-rules.ts). */
export const kindLabels = {
  territory: { zh: '按区域派工', en: 'By territory' },
  skill: { zh: '按技能派工', en: 'By skill' },
  leastLoad: { zh: '按负载最少派工', en: 'Least load' },
  roundRobin: { zh: '轮流派工', en: 'Round robin' },
} as const;
