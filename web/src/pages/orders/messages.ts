import { defineMessages, type Bilingual } from '../../i18n/messages';

/** The order desk's texts: account opening, the orders list and the order page. */
export const orderMessages = defineMessages({
  // Orders list
  ordersTitle: { zh: '订单查询', en: 'Orders' },
  orderId: { zh: '订单编号', en: 'Order ID' },
  type: { zh: '业务类型', en: 'Business' },
  status: { zh: '状态', en: 'Status' },
  step: { zh: '当前环节', en: 'Step' },
  msisdn: { zh: '号码', en: 'Number' },
  customer: { zh: '客户', en: 'Customer' },
  operator: { zh: '操作员', en: 'Operator' },
  outlet: { zh: '网点', en: 'Outlet' },
  channel: { zh: '渠道', en: 'Channel' },
  dateRange: { zh: '受理日期', en: 'Taken between' },
  createdAt: { zh: '受理时间', en: 'Taken at' },
  updatedAt: { zh: '更新时间', en: 'Updated at' },
  noOrders: { zh: '没有符合条件的订单', en: 'No order matches these filters' },
  totalOrders: { zh: '共 {n} 笔', en: 'Total {n}' },
  filters: { zh: '查询条件', en: 'Filters' },
  msisdnRule: { zh: '请输入 11 位手机号码', en: 'Enter an 11-digit mobile number' },
  customerRule: { zh: '至少输入 2 个字符', en: 'Enter at least 2 characters' },
  customerHelp: { zh: '证件号码或名称', en: 'ID number or name' },
  // Order page
  orderTitle: { zh: '订单', en: 'Order' },
  backToOrders: { zh: '返回订单列表', en: 'Back to the orders' },
  details: { zh: '订单信息', en: 'Order details' },
  timeline: { zh: '处理过程', en: 'Timeline' },
  failure: { zh: '失败原因', en: 'Why it failed' },
  quote: { zh: '费用', en: 'Charges' },
  receiptNo: { zh: '收据号', en: 'Receipt number' },
  product: { zh: '套餐', en: 'Product' },
  iccid: { zh: 'SIM 卡号', en: 'SIM (ICCID)' },
  customerName: { zh: '客户名称', en: 'Customer name' },
  advice: { zh: '提示', en: 'Advice' },
  summary: { zh: '业务内容', en: 'Business details' },
  refreshing: { zh: '订单处理中，页面自动刷新', en: 'The order is running; this page updates by itself' },
  actor: { zh: '处理人', en: 'By' },
  reason: { zh: '原因', en: 'Reason' },
  system: { zh: '系统', en: 'system' },
  cancelOrder: { zh: '撤单', en: 'Cancel the order' },
  cancelReason: { zh: '撤单原因', en: 'Reason for cancelling' },
  cancelConfirm: { zh: '确认撤单', en: 'Cancel the order' },
  cancelKeep: { zh: '返回', en: 'Keep the order' },
  cancelled: { zh: '订单已撤销', en: 'The order was cancelled' },
  // Open an account
  openTitle: { zh: '开户', en: 'Open an account' },
  stepFill: { zh: '填写资料', en: 'Details' },
  stepConfirm: { zh: '确认费用', en: 'Confirm the charges' },
  stepDone: { zh: '提交订单', en: 'Submit' },
  customerSection: { zh: '客户资料', en: 'Customer' },
  customerKind: { zh: '客户类型', en: 'Customer type' },
  individual: { zh: '个人客户', en: 'Individual' },
  enterprise: { zh: '集团/单位客户', en: 'Enterprise' },
  name: { zh: '客户姓名', en: 'Name' },
  enterpriseName: { zh: '单位名称', en: 'Company name' },
  idType: { zh: '证件类型', en: 'ID type' },
  idNumber: { zh: '证件号码', en: 'ID number' },
  address: { zh: '地址', en: 'Address' },
  contactPhone: { zh: '联系电话', en: 'Contact phone' },
  unitCertificateNo: { zh: '单位证明号', en: 'Unit certificate number' },
  businessLicenceNo: { zh: '营业执照号', en: 'Business licence number' },
  withAgent: { zh: '由代办人办理', en: 'Handled by an agent' },
  agentSection: { zh: '代办人', en: 'Agent' },
  agentName: { zh: '代办人姓名', en: "Agent's name" },
  agentIdType: { zh: '代办人证件类型', en: "Agent's ID type" },
  agentIdNumber: { zh: '代办人证件号码', en: "Agent's ID number" },
  numberSection: { zh: '选号', en: 'Number' },
  numberChoice: { zh: '选号方式', en: 'How to choose the number' },
  systemPicks: { zh: '系统选号', en: 'Let the system pick' },
  choose: { zh: '自选号码', en: 'Choose a number' },
  pattern: { zh: '号码规则', en: 'Number pattern' },
  patternHelp: {
    zh: '输入数字，* 代表任意数字，如 *888 或 138*0000',
    en: 'Digits, with * for any digits, e.g. *888 or 138*0000',
  },
  findNumbers: { zh: '查找号码', en: 'Find numbers' },
  freeNumbers: { zh: '可选号码', en: 'Free numbers' },
  chooseNumberRule: { zh: '请选择一个号码', en: 'Choose one of the numbers' },
  noFreeNumbers: { zh: '没有符合规则的空闲号码', en: 'No free number matches this pattern' },
  selectionFee: { zh: '选号费', en: 'Selection fee' },
  noSelectionFee: { zh: '免选号费', en: 'no selection fee' },
  productSection: { zh: '套餐与功能', en: 'Product and features' },
  monthlyFee: { zh: '月费', en: 'monthly' },
  internationalRoaming: { zh: '国际漫游', en: 'International roaming' },
  paymentSection: { zh: '付款', en: 'Payment' },
  paymentMethod: { zh: '付款方式', en: 'Payment method' },
  cash: { zh: '现金', en: 'Cash' },
  bankCard: { zh: '银行卡', en: 'Bank card' },
  corporateAccount: { zh: '对公帐号', en: 'Corporate account' },
  corporateOnly: { zh: '仅限集团/单位客户', en: 'for enterprise customers only' },
  cardNo: { zh: '银行卡号', en: 'Card number' },
  holderIdNumber: { zh: '帐户户主身份证号', en: "Account holder's ID number" },
  bankAccountNo: { zh: '对公帐号', en: 'Corporate account number' },
  sealCardNo: { zh: '印鉴卡号', en: 'Seal card number' },
  passwordSection: { zh: '服务密码', en: 'Service password' },
  servicePassword: { zh: '服务密码（6 位数字，可不设）', en: 'Service password (6 digits, optional)' },
  servicePasswordRule: { zh: '服务密码为 6 位数字', en: 'The service password is 6 digits' },
  servicePasswordAdvice: {
    zh: '客户未设置服务密码：建议客户设置服务密码（6 位数字），凭密码可办理查询及营业厅、热线的鉴权业务',
    en: 'No service password was set: advise the customer to set one (6 digits); it is needed for password-checked queries and services at the counter and the hotline',
  },
  passwordSet: { zh: '已设置', en: 'set' },
  passwordNotSet: { zh: '未设置', en: 'not set' },
  getQuote: { zh: '计算费用', en: 'Get the quote' },
  quoteTitle: { zh: '请与客户确认费用', en: 'Confirm the charges with the customer' },
  item: { zh: '项目', en: 'Item' },
  amount: { zh: '金额', en: 'Amount' },
  total: { zh: '合计', en: 'Total' },
  chosenNumber: { zh: '号码', en: 'Number' },
  numberBySystem: { zh: '由系统分配', en: 'picked by the system' },
  backToEdit: { zh: '返回修改', en: 'Back to the details' },
  submitOrder: { zh: '确认并提交', en: 'Confirm and submit' },
  formHasErrors: { zh: '请按提示修改以下内容', en: 'Please correct the following' },
  yes: { zh: '是', en: 'Yes' },
  no: { zh: '否', en: 'No' },
});

/** REQ: ORD-2 — order statuses as staff read them (the API labels each order; the filter needs them all). */
export const orderStatusLabels = {
  acknowledged: { zh: '已受理', en: 'Acknowledged' },
  rejected: { zh: '已拒绝', en: 'Rejected' },
  pending: { zh: '等待中', en: 'Pending' },
  held: { zh: '已挂起', en: 'Held' },
  inProgress: { zh: '处理中', en: 'In progress' },
  assessingCancellation: { zh: '撤单评估中', en: 'Assessing cancellation' },
  pendingCancellation: { zh: '撤单处理中', en: 'Cancellation in progress' },
  cancelled: { zh: '已撤单', en: 'Cancelled' },
  completed: { zh: '已竣工', en: 'Completed' },
  failed: { zh: '失败', en: 'Failed' },
} satisfies Record<string, Bilingual>;
export type OrderStatus = keyof typeof orderStatusLabels;

/** An order that has ended: it changes no more. */
export const finalStatuses: readonly OrderStatus[] = ['rejected', 'cancelled', 'completed', 'failed'];

/** The businesses an order can be, as staff name them. */
export const orderTypeLabels = {
  openAccount: { zh: '开户', en: 'Account opening' },
  preCancellation: { zh: '预销户', en: 'Pre-cancellation' },
  changeNumber: { zh: '改号', en: 'Number change' },
  swapSim: { zh: '补换卡', en: 'SIM swap' },
  changeCustomerData: { zh: '客户资料变更', en: 'Customer data change' },
  transferOwnership: { zh: '过户', en: 'Ownership transfer' },
  suspend: { zh: '停机', en: 'Suspension' },
  resume: { zh: '复机', en: 'Resumption' },
  reportLoss: { zh: '挂失', en: 'Loss report' },
  changeFeatures: { zh: '功能变更', en: 'Feature change' },
  changeDiscount: { zh: '优惠变更', en: 'Discount change' },
  recharge: { zh: '充值', en: 'Recharge' },
  collectFee: { zh: '收费', en: 'Fee collection' },
  refundFee: { zh: '退费', en: 'Fee refund' },
  portIn: { zh: '携号转入', en: 'Port-in' },
  portOut: { zh: '携号转出', en: 'Port-out' },
  groupOpen: { zh: '集团产品开通', en: 'Group product opening' },
  groupChange: { zh: '集团产品变更', en: 'Group product change' },
  groupCancel: { zh: '集团产品注销', en: 'Group product cancellation' },
  groupMemberAdd: { zh: '集团成员加入', en: 'Group member added' },
  groupMemberChange: { zh: '集团成员变更', en: 'Group member change' },
  groupMemberDelete: { zh: '集团成员退出', en: 'Group member removed' },
} satisfies Record<string, Bilingual>;
export type OrderType = keyof typeof orderTypeLabels;

/** The business steps staff meet most, named; any other step shows its code (codes stay English). */
export const stepLabels: Record<string, Bilingual> = {
  preemptingResources: { zh: '预占号码与 SIM 卡', en: 'Holding the number and SIM' },
  verifyingBankAccount: { zh: '银行帐户核验', en: 'Verifying the bank account' },
  quoting: { zh: '计算费用', en: 'Pricing' },
  preEnteringCustomer: { zh: '预录客户资料', en: 'Recording the customer' },
  charging: { zh: '收费', en: 'Charging' },
  committingCustomer: { zh: '确认客户资料', en: 'Confirming the customer' },
  provisioning: { zh: 'HLR 开通', en: 'Switching on at the HLR' },
  committingResources: { zh: '号码与 SIM 卡启用', en: 'Putting the number and SIM in use' },
  deprovisioning: { zh: 'HLR 关停', en: 'Switching off at the HLR' },
  submittingToClearing: { zh: '提交携号转网清算', en: 'Submitting to number-portability clearing' },
  waitingForDonor: { zh: '等待携出方答复', en: "Waiting for the donor's answer" },
  waitingForSwitchOver: { zh: '等待割接', en: 'Waiting for the switch-over' },
  sendingCode: { zh: '发送授权码', en: 'Sending the authorization code' },
  settlingFinalBill: { zh: '结清末次帐单', en: 'Settling the final bill' },
  waitingForGraceEnd: { zh: '等待冷静期结束', en: 'Waiting for the grace period to end' },
  reservingSubscription: { zh: '预占集团产品', en: "Reserving the group's product" },
  lockingSubscription: { zh: '锁定集团产品', en: "Locking the group's product" },
  awaitingApproval: { zh: '等待资费审核', en: 'Awaiting tariff approval' },
  tariffApproved: { zh: '资费审核通过', en: 'Tariff approved' },
  tariffRejected: { zh: '资费审核驳回', en: 'Tariff rejected' },
  submittingToBboss: { zh: '提交 BBOSS', en: 'Submitting to BBOSS' },
  waitingForBboss: { zh: '等待 BBOSS 答复', en: "Waiting for BBOSS's answer" },
  activatingSubscription: { zh: '开通集团产品', en: 'Opening the group product' },
  applyingChange: { zh: '执行变更', en: 'Applying the change' },
  cancellingSubscription: { zh: '注销集团产品', en: 'Cancelling the group product' },
  removingMembers: { zh: '移除成员', en: 'Removing the members' },
  closingSubscription: { zh: '关闭集团产品', en: 'Closing the group product' },
  revoking: { zh: '撤销中', en: 'Revoking' },
};

/** The notes the system writes on an order's timeline, in both languages; any other note is shown as written. */
export const timelineNotes: Record<string, Bilingual> = {
  'order received': { zh: '订单已受理', en: 'order received' },
  'account opened': { zh: '开户完成', en: 'account opened' },
  'number ported in': { zh: '携号转入完成', en: 'number ported in' },
  'number ported out': { zh: '携号转出完成', en: 'number ported out' },
  'authorization code expired': { zh: '授权码已过期', en: 'authorization code expired' },
  'customer accepted the retention offer': {
    zh: '客户接受挽留方案',
    en: 'customer accepted the retention offer',
  },
  'formally cancelled in person': { zh: '客户到厅正式销号', en: 'formally cancelled in person' },
};

/** Identity documents accepted at the counter (OPEN-3): the order-field labels, one table for every form. */
export { idTypeLabels } from '../../components/order-fields/messages';
export type IdType = 'idCard' | 'temporaryIdCard' | 'drivingLicence' | 'passport';

/** An amount in fen as yuan, e.g. 12000 → ¥120.00. */
export function yuan(fen: number): string {
  return `¥${(fen / 100).toFixed(2)}`;
}

/** `{n}` in a text replaced by a value. */
export function fill(text: string, values: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (_, key: string) => String(values[key] ?? ''));
}
