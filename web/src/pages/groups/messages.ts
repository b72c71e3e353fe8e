import { defineMessages, type Bilingual } from '../../i18n/messages';

/** Texts of the group business screens: the group list, a group, its product orders and the approvals inbox. */
export const groupMessages = defineMessages({
  // Group list
  groupsTitle: { zh: '集团客户', en: 'Group customers' },
  groupsIntro: {
    zh: '按集团编号或名称查找集团客户，打开集团办理集团产品',
    en: 'Find a group customer by its code or name and open it to order its products',
  },
  search: { zh: '集团编号或名称', en: 'Group code or name' },
  searchHelp: { zh: '输入 10 位集团编号可直接打开', en: 'A 10-digit group code opens the group directly' },
  find: { zh: '查找', en: 'Find' },
  openGroup: { zh: '打开集团', en: 'Open the group' },
  groupCode: { zh: '集团编号', en: 'Group code' },
  groupName: { zh: '集团名称', en: 'Group name' },
  customerManager: { zh: '客户经理', en: 'Customer manager' },
  subscriptionCount: { zh: '集团产品', en: 'Products' },
  contractCount: { zh: '合同', en: 'Contracts' },
  noGroups: { zh: '没有符合条件的集团客户', en: 'No group customer matches' },
  total: { zh: '共 {total} 个集团', en: '{total} groups' },
  // Group page
  backToGroups: { zh: '返回集团客户', en: 'Back to the group customers' },
  groupIntro: {
    zh: '集团的合同、付费账户与集团产品；可办理开通、变更与业务注销',
    en: "The group's contracts, paying accounts and products; open, change or cancel a product here",
  },
  contracts: { zh: '合同', en: 'Contracts' },
  contractId: { zh: '合同编号', en: 'Contract' },
  contractName: { zh: '合同名称', en: 'Name' },
  endsAt: { zh: '到期时间', en: 'Ends' },
  expired: { zh: '已到期', en: 'Expired' },
  inForce: { zh: '有效', en: 'In force' },
  payingAccounts: { zh: '付费账户', en: 'Paying accounts' },
  accountId: { zh: '账户编号', en: 'Account' },
  accountName: { zh: '账户名称', en: 'Name' },
  subscriptions: { zh: '已订购的集团产品', en: 'Products the group has' },
  noSubscriptions: { zh: '该集团暂无您可查看的集团产品', en: 'The group has no product you may see' },
  hiddenSubscriptions: {
    zh: '另有 {n} 项集团产品因您没有产品权限未显示，请找管理员授权',
    en: '{n} more of its products are not shown: you lack their product permission; ask an administrator',
  },
  product: { zh: '产品', en: 'Product' },
  status: { zh: '状态', en: 'Status' },
  tariff: { zh: '资费包', en: 'Tariff' },
  tariffParams: { zh: '资费参数', en: 'Tariff parameters' },
  attributes: { zh: '产品属性', en: 'Product attributes' },
  termsFrom: { zh: '生效时间', en: 'In force from' },
  scheduled: { zh: '下周期变更', en: 'Change at the next cycle' },
  scheduledFrom: { zh: '{from} 起生效', en: 'from {from}' },
  memberCount: { zh: '成员数', en: 'Members' },
  members: { zh: '成员管理', en: 'Members' },
  openedAt: { zh: '开通时间', en: 'Opened' },
  lockedBy: { zh: '处理中的订单', en: 'Order in progress' },
  orderable: { zh: '可办理的集团产品', en: 'Products you may order' },
  catalogue: { zh: '目录', en: 'Catalogue' },
  monthlyFee: { zh: '{fee}/成员/月', en: '{fee} per member a month' },
  needsApproval: { zh: '需资费审核', en: 'Needs approval' },
  actionOpen: { zh: '开通', en: 'Open' },
  actionChange: { zh: '变更', en: 'Change' },
  actionCancel: { zh: '业务注销', en: 'Cancel the product' },
  busy: {
    zh: '订单 {order} 正在处理该产品，处理完成前不能再办理',
    en: 'Order {order} is working on this product; nothing else can be ordered until it ends',
  },
  waitingForBboss: { zh: '等待 BBOSS 答复，自 {since} 起', en: 'Waiting for BBOSS since {since}' },
  awaitingApproval: { zh: '等待资费审核', en: 'Awaiting tariff approval' },
  overdue: {
    zh: 'BBOSS 超时未答复（{at} 已提醒值班人员），订单仍在等待',
    en: 'BBOSS is overdue (staff alerted at {at}); the order keeps waiting',
  },
  noPermissionHint: {
    zh: '看不到产品说明没有产品权限，请找管理员授权',
    en: 'Products you lack permission for are not shown; ask an administrator',
  },
  // Order form
  orderTitleOpen: { zh: '集团产品开通', en: 'Open a group product' },
  orderTitleChange: { zh: '集团产品变更', en: 'Change a group product' },
  orderTitleCancel: { zh: '集团产品业务注销', en: 'Cancel a group product' },
  orderIntro: {
    zh: '集团 {group} · 产品 {product}。提交后订单提交 BBOSS，BBOSS 答复可能需要约 30 分钟',
    en: 'Group {group} · product {product}. The order goes to BBOSS, whose answer can take about 30 minutes',
  },
  backToGroup: { zh: '返回集团', en: 'Back to the group' },
  contract: { zh: '合同', en: 'Contract' },
  payingAccount: { zh: '付费账户', en: 'Paying account' },
  effectiveMode: { zh: '套餐生效方式', en: 'Takes effect' },
  operation: { zh: '变更类型', en: 'What changes' },
  tariffChange: { zh: '资费变更', en: 'Tariff' },
  attributeChange: { zh: '属性变更', en: 'Attributes' },
  attributesSection: { zh: '产品属性', en: 'Product attributes' },
  tariffSection: { zh: '资费', en: 'Tariff' },
  staffSection: { zh: '经办人员', en: 'Staff' },
  customerManagerId: { zh: '客户经理工号', en: "Customer manager's operator ID" },
  submitterId: { zh: '订单提交人工号', en: "Submitter's operator ID" },
  approvalNote: {
    zh: '此资费包需资费审核：提交后等待审核员审批，通过后才提交 BBOSS',
    en: 'This tariff needs approval: the order waits for an approver before it goes to BBOSS',
  },
  currentTerms: { zh: '当前生效', en: 'In force now' },
  attributeChangeHelp: {
    zh: '只提交与当前不同的属性',
    en: 'Only the attributes that differ from those in force are sent',
  },
  nothingChanged: { zh: '没有任何属性变化', en: 'No attribute was changed' },
  cancelReason: { zh: '注销原因', en: 'Reason for cancelling' },
  cancelWarning: {
    zh: '业务注销将移除该产品的全部 {n} 个成员',
    en: 'Cancelling the product removes all of its {n} members',
  },
  submitOpen: { zh: '提交开通', en: 'Submit the opening' },
  submitChange: { zh: '提交变更', en: 'Submit the change' },
  submitCancel: { zh: '提交注销', en: 'Submit the cancellation' },
  productNotOrderable: {
    zh: '您不能办理此产品',
    en: 'You cannot order this product',
  },
  alreadyOpen: {
    zh: '该集团已订购此产品，请办理变更或注销',
    en: 'The group already has this product: change or cancel it instead',
  },
  notOpen: {
    zh: '该集团没有在用的此产品，请先开通',
    en: 'The group does not have this product: open it first',
  },
  chooseTariff: { zh: '请选择资费包', en: 'Choose a tariff' },
  chooseContract: { zh: '请选择合同', en: 'Choose a contract' },
  chooseAccount: { zh: '请选择付费账户', en: 'Choose a paying account' },
  required: { zh: '必填', en: 'Required' },
  // Approvals inbox
  approvalsTitle: { zh: '资费审核', en: 'Tariff approvals' },
  approvalsIntro: {
    zh: '需要资费审核的集团产品订单；审批通过后订单提交 BBOSS，驳回则订单结束',
    en: 'Group orders whose tariff needs approval; approved, an order goes to BBOSS; rejected, it ends',
  },
  noApprovals: { zh: '没有待审核的订单', en: 'No order is waiting for approval' },
  orderId: { zh: '订单编号', en: 'Order' },
  orderType: { zh: '业务', en: 'Business' },
  group: { zh: '集团', en: 'Group' },
  submitter: { zh: '提交人', en: 'Submitted by' },
  waitingSince: { zh: '等待自', en: 'Waiting since' },
  decide: { zh: '审批', en: 'Decide' },
  approve: { zh: '通过', en: 'Approve' },
  reject: { zh: '驳回', en: 'Reject' },
  comment: { zh: '审批意见', en: 'Comment' },
  commentRequired: { zh: '请填写审批意见', en: 'A comment is required' },
  decideTitle: { zh: '审批订单 {order}', en: 'Decide on order {order}' },
  approved: { zh: '已通过，订单将提交 BBOSS', en: 'Approved: the order goes on to BBOSS' },
  rejected: { zh: '已驳回，订单已结束', en: 'Rejected: the order has ended' },
  totalApprovals: { zh: '共 {total} 笔', en: '{total} orders' },
});

/** REQ: GRP-1 — a group subscription's life (opening · active · cancelling · cancelled). */
export const subscriptionStatusLabels: Record<string, Bilingual> = {
  opening: { zh: '开通中', en: 'Opening' },
  active: { zh: '在用', en: 'Active' },
  cancelling: { zh: '注销中', en: 'Cancelling' },
  cancelled: { zh: '已注销', en: 'Cancelled' },
};

/** REQ: GRP-2 — how the package takes effect (套餐生效方式). */
export const effectiveModeLabels: Record<string, Bilingual> = {
  immediate: { zh: '立即生效', en: 'Immediately' },
  nextCycle: { zh: '下周期生效', en: 'From the next billing cycle' },
};

/** The three product orders, by the `action` of the order page's address. */
export const groupActions = ['open', 'change', 'cancel'] as const;
export type GroupAction = (typeof groupActions)[number];
