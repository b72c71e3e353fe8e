import { defineMessages, type Bilingual } from '../../../i18n/messages';

/** The members screen's texts (GRP-6…GRP-8, UI-1). */
export const membersMessages = defineMessages({
  title: { zh: '成员管理', en: 'Members' },
  intro: {
    zh: '集团产品的成员：按号码开头查询，查看成员变更历史，新增、变更、删除成员（每项都是一张订单），或批量导入。',
    en: "The group product's members: search by the first digits of the number, read a member's history, add, change or delete a member (each is an order), or upload a batch.",
  },
  group: { zh: '集团', en: 'Group' },
  product: { zh: '产品', en: 'Product' },
  backToGroup: { zh: '返回集团', en: 'Back to the group' },
  memberCount: { zh: '成员数', en: 'Members' },
  notActive: {
    zh: '该集团尚未开通此产品（或已注销），不能管理成员。',
    en: 'The group has no live subscription of this product, so it has no members to manage.',
  },
  productHidden: {
    zh: '看不到该产品：没有产品权限，请找管理员授权。',
    en: 'This product is not shown to you: you lack its permission; ask an administrator.',
  },
  search: { zh: '号码开头', en: 'Number starts with' },
  searchHint: { zh: '输入 1–11 位数字', en: '1 to 11 digits' },
  searchButton: { zh: '查询成员', en: 'Search members' },
  searchInvalid: { zh: '请输入 1–11 位数字', en: 'Enter 1 to 11 digits' },
  msisdn: { zh: '成员号码', en: 'Member number' },
  addedBy: { zh: '加入来源', en: 'Added by' },
  addedAt: { zh: '加入时间', en: 'Added' },
  actions: { zh: '操作', en: 'Actions' },
  empty: { zh: '没有成员', en: 'No members' },
  emptySearch: { zh: '没有以这些数字开头的成员号码', en: 'No member number starts with these digits' },
  total: { zh: '共 {total} 个成员', en: '{total} members in all' },
  yes: { zh: '是', en: 'Yes' },
  no: { zh: '否', en: 'No' },
  add: { zh: '新增成员', en: 'Add a member' },
  change: { zh: '变更', en: 'Change' },
  changeTitle: { zh: '变更成员 {msisdn}', en: 'Change member {msisdn}' },
  changeIntro: {
    zh: '只提交改动的属性；提交后生成成员变更订单。',
    en: 'Only the attributes you alter are sent; a member change order is taken.',
  },
  addIntro: {
    zh: '号码须为本网在用号码；提交后生成成员新增订单，BBOSS 同步后成员即加入。',
    en: 'The number must be one of our lines in service; a member add order is taken and the member joins once BBOSS has it.',
  },
  nothingChanged: { zh: '没有改动任何属性', en: 'No attribute was altered' },
  delete: { zh: '删除', en: 'Delete' },
  deleteConfirm: { zh: '删除成员 {msisdn}？', en: 'Delete member {msisdn}?' },
  deleteConfirmHint: {
    zh: '提交成员删除订单，BBOSS 同步后号码退出集团产品。',
    en: 'A member delete order is taken; the number leaves the group product once BBOSS has it.',
  },
  deleteOk: { zh: '确认删除', en: 'Delete' },
  history: { zh: '历史', en: 'History' },
  historyTitle: { zh: '成员 {msisdn} 的变更历史', en: 'History of member {msisdn}' },
  historyAction: { zh: '动作', en: 'Action' },
  historyAttributes: { zh: '属性', en: 'Attributes' },
  historySource: { zh: '来源', en: 'Source' },
  historyActor: { zh: '操作人', en: 'By' },
  historyAt: { zh: '时间', en: 'When' },
  historyEmpty: { zh: '没有变更记录', en: 'No changes recorded' },
  submitAdd: { zh: '提交 · 新增成员', en: 'Submit · add member' },
  submitChange: { zh: '提交 · 变更成员', en: 'Submit · change member' },
  orderTaken: { zh: '已受理订单', en: 'Order taken' },
  orderActions: { zh: '成员订单', en: 'Member order' },
  orderFailure: { zh: '原因', en: 'Reason' },
  attributeRequired: { zh: '请填写{name}', en: '{name} is required' },
  attributeRange: { zh: '应为 {min}–{max} 的整数', en: 'A whole number from {min} to {max}' },
  attributePattern: { zh: '格式应为：{hint}', en: 'Must be {hint}' },
  msisdnRule: { zh: '应为 11 位手机号码', en: 'Must be a mobile number of 11 digits' },
});

/** The batch upload on the members screen (GRP-6). */
export const uploadMessages = defineMessages({
  title: { zh: '成员批量导入', en: 'Upload a member batch' },
  intro: {
    zh: 'UTF-8 编码的 CSV：首行 msisdn 及成员属性编码，每行一个成员。格式不对的行在上传时即被拒绝，其余行逐批加入。',
    en: 'A UTF-8 CSV: a header of msisdn and member attribute codes, then one member per row. Malformed rows are rejected at upload; the others are added chunk by chunk.',
  },
  choose: { zh: '选择 CSV 文件', en: 'Choose a CSV file' },
  chosen: { zh: '已选文件：{name}', en: 'Chosen: {name}' },
  preview: { zh: '{rows} 个成员行，列：{columns}', en: '{rows} member rows; columns: {columns}' },
  upload: { zh: '上传并导入', en: 'Upload and import' },
  template: { zh: '下载模板', en: 'Download the template' },
  notUtf8: {
    zh: '文件不是 UTF-8 编码，请另存为“CSV UTF-8”后再选。',
    en: 'The file is not UTF-8; save it as "CSV UTF-8" and choose it again.',
  },
  unreadable: { zh: '第 {line} 行的引号没有闭合。', en: 'A quote opened on line {line} is never closed.' },
  empty: { zh: '文件是空的，首行须为表头。', en: 'The file is empty; the first row must be the header.' },
  noMsisdn: { zh: '表头缺少 msisdn（成员号码）列。', en: 'The header has no msisdn (member number) column.' },
  unknownColumn: {
    zh: '表头的“{column}”不是该产品的成员属性；可用：{known}。',
    en: 'The header\'s "{column}" is not a member attribute of this product; known: {known}.',
  },
  noRows: { zh: '文件只有表头，没有成员行。', en: 'The file has a header but no member rows.' },
});

/** The member batch screen (GRP-6). */
export const batchMessages = defineMessages({
  title: { zh: '成员批量导入', en: 'Member batch' },
  intro: {
    zh: '批次进度每秒刷新；每一行的处理结果和拒绝原因（中英文）可筛选，也可下载为 CSV。',
    en: "The batch's progress refreshes every second; each row's result and rejection reason (in Chinese and English) can be filtered and downloaded as CSV.",
  },
  progress: { zh: '进度', en: 'Progress' },
  status: { zh: '状态', en: 'Status' },
  groupProduct: { zh: '集团产品', en: 'Group product' },
  toMembers: { zh: '查看成员', en: 'See the members' },
  total: { zh: '总行数', en: 'Rows' },
  processed: { zh: '已处理', en: 'Done' },
  accepted: { zh: '成功', en: 'Accepted' },
  rejected: { zh: '失败', en: 'Failed' },
  counts: {
    zh: '已处理 {done} / {total}，成功 {accepted}，失败 {rejected}',
    en: '{done} of {total} done, {accepted} accepted, {rejected} failed',
  },
  createdAt: { zh: '上传时间', en: 'Uploaded' },
  finishedAt: { zh: '完成时间', en: 'Finished' },
  rows: { zh: '逐行结果', en: 'Row results' },
  result: { zh: '结果', en: 'Result' },
  all: { zh: '全部', en: 'All' },
  rowNo: { zh: '行号', en: 'Row' },
  msisdn: { zh: '成员号码', en: 'Member number' },
  reasonCode: { zh: '原因编码', en: 'Reason code' },
  reason: { zh: '原因', en: 'Reason' },
  rowsEmpty: { zh: '没有符合条件的行', en: 'No rows match' },
  rowsTotal: { zh: '共 {total} 行', en: '{total} rows' },
  download: { zh: '下载结果（CSV）', en: 'Download results (CSV)' },
  downloadFailed: { zh: '下载失败', en: 'The download failed' },
});

export const batchStatusLabels: Record<string, Bilingual> = {
  running: { zh: '处理中', en: 'Running' },
  completed: { zh: '已完成', en: 'Completed' },
  failed: { zh: '失败', en: 'Failed' },
};

export const rowResultLabels: Record<string, Bilingual> = {
  pending: { zh: '待处理', en: 'Pending' },
  accepted: { zh: '成功', en: 'Accepted' },
  rejected: { zh: '失败', en: 'Rejected' },
};

export const historyActionLabels: Record<string, Bilingual> = {
  add: { zh: '加入', en: 'Added' },
  change: { zh: '变更', en: 'Changed' },
  delete: { zh: '删除', en: 'Deleted' },
};
