import { defineMessages, type Bilingual } from '../../i18n/messages';

/** Texts of the green-channel screen (GC-1…GC-3, UI-1). */
export const greenChannelMessages = defineMessages({
  title: { zh: '绿色通道', en: 'Green channel' },
  intro: {
    zh: '为拒绝一线引导、有升级倾向的客户开绿色通道工单；工单转至客户归属地市的客响团队。',
    en: "Open a green-channel work order for a customer who refuses front-line guidance and tends to escalate; it goes to the response team of the customer's home city.",
  },
  type: { zh: '请求类型', en: 'Request type' },
  requestSection: { zh: '请求内容', en: 'The request' },
  description: { zh: '客户诉求', en: "The customer's request" },
  entrustedSection: { zh: '委托受理', en: 'Entrusted acceptance' },
  servicePassword: { zh: '客户服务密码', en: "Customer's service password" },
  servicePasswordHint: {
    zh: '6 位数字，由客户提供；提交时验证，不保存、不显示，提交后清空',
    en: '6 digits, given by the customer; verified on submitting, never kept or shown, cleared afterwards',
  },
  servicePasswordRule: { zh: '请输入 6 位数字服务密码', en: 'Enter the 6-digit service password' },
  paperDocuments: { zh: '纸质发票/账单', en: 'Paper invoices/bills' },
  paperNone: { zh: '不需要', en: 'None' },
  paperSend: { zh: '办理后寄送', en: 'Send to the customer' },
  paperCollect: { zh: '到厅领取', en: 'Collect at the store' },
  commitments: { zh: '对客户的承诺', en: 'Commitments to the customer' },
  commitmentsHint: {
    zh: '只记录已向客户承诺的事项；超出职权的承诺不能受理，可升级至投诉处理流程',
    en: 'Only what was promised to the customer; a promise beyond your authority is refused and may be escalated to the complaint process',
  },
  commitmentKind: { zh: '承诺 {n} 类型', en: 'Commitment {n}: kind' },
  repairHours: { zh: '修复时限（小时）', en: 'Repair time limit (hours)' },
  compensationYuan: { zh: '赔款/优惠金额（元）', en: 'Compensation (yuan)' },
  goodsItem: { zh: '指定货品', en: 'Specific goods' },
  commitmentValue: { zh: '承诺 {n}：{what}', en: 'Commitment {n}: {what}' },
  removeCommitment: { zh: '删除承诺 {n}', en: 'Remove commitment {n}' },
  addCommitment: { zh: '添加承诺', en: 'Add a commitment' },
  submit: { zh: '提交绿色通道工单', en: 'Open the green-channel work order' },
  routedTitle: { zh: '绿色通道工单已创建', en: 'Green-channel work order opened' },
  routedTo: {
    zh: '已转至 {city} 的客响团队（网点 {outlet}）',
    en: 'Routed to the response team of {city} (outlet {outlet})',
  },
  homeCity: { zh: '归属地市', en: 'Home city' },
  responseOutlet: { zh: '客响网点', en: 'Response team outlet' },
  workOrder: { zh: '工单号', en: 'Work order' },
  openWorkOrder: { zh: '查看工单', en: 'Open the work order' },
  another: { zh: '再开一个', en: 'Open another' },
  refusedTitle: { zh: '承诺超出职权，未受理', en: 'Refused: a promise beyond your authority' },
  escalate: { zh: '升级至投诉处理', en: 'Escalate to the complaint process' },
  escalationHint: {
    zh: '将打开“投诉跟进”工单，已填入客户和被拒绝的承诺，核对后提交。',
    en: 'Opens a complaint follow-up work order with the customer and the refused promises filled in; check it and submit.',
  },
  escalationTitle: { zh: '投诉升级：{title}', en: 'Complaint escalation: {title}' },
  escalationDescription: {
    zh: '绿色通道请求因承诺超出职权未受理，客户诉求升级投诉处理。',
    en: 'The green-channel request was refused for promises beyond authority; the customer escalates to the complaint process.',
  },
});

/** REQ: GC-2 — the four kinds of green channel, labelled as the API labels them (domain/work-orders.ts). */
export const greenChannelTypeLabels: Record<string, Bilingual> = {
  storeAppointment: { zh: '营业厅业务预约办理', en: 'Store business appointment' },
  entrustedAcceptance: { zh: '营业厅业务委托受理', en: 'Entrusted acceptance' },
  itemReservation: { zh: '营销活动实体物品预留', en: 'Reservation of physical items' },
  terminalSupport: { zh: '营业厅终端支撑服务', en: 'Terminal support' },
};

/** REQ: GC-3 — what may be promised (domain/work-orders.ts `commitmentSchema`). */
export const commitmentKindLabels: Record<string, Bilingual> = {
  repairTimeLimit: { zh: '故障修复时限', en: 'Repair time limit' },
  compensation: { zh: '赔款/优惠', en: 'Compensation' },
  specificGoods: { zh: '指定货品', en: 'Specific goods' },
};

/** Home cities (归属地市) as the API names them, in the reader's language; others show as named. */
export const cityLabels: Record<string, Bilingual> = {
  Beijing: { zh: '北京', en: 'Beijing' },
  Shanghai: { zh: '上海', en: 'Shanghai' },
};
