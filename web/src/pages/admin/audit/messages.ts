import { defineMessages, type Bilingual } from '../../../i18n/messages';

/** The audit log screen's texts (ORD-4, UI-1). */
export const auditMessages = defineMessages({
  title: { zh: '审计日志', en: 'Audit log' },
  intro: {
    zh: '每个改变状态的请求（包括被拒绝的、登录和回调）都留一条记录，最新的在前。记录不含请求内容，因此不含密码、令牌或服务密码。',
    en: 'Every state-changing request (refused ones, sign-ins and callbacks included) leaves one entry, newest first. No request body is kept, so no password, token or service password is in it.',
  },
  operator: { zh: '工号', en: 'Operator' },
  action: { zh: '操作', en: 'Action' },
  actionHelp: {
    zh: '接口路径，例如 /api/v1/dispatch-rules',
    en: 'Route pattern, e.g. /api/v1/dispatch-rules',
  },
  target: { zh: '操作对象', en: 'Target' },
  outlet: { zh: '网点', en: 'Outlet' },
  outcome: { zh: '结果', en: 'Outcome' },
  period: { zh: '时间范围', en: 'Time range' },
  from: { zh: '开始时间', en: 'From' },
  to: { zh: '结束时间', en: 'To' },
  any: { zh: '全部', en: 'All' },
  search: { zh: '查询', en: 'Search' },
  reset: { zh: '重置', en: 'Reset' },
  at: { zh: '时间', en: 'Time' },
  channel: { zh: '渠道', en: 'Channel' },
  status: { zh: 'HTTP 状态', en: 'HTTP status' },
  errorCode: { zh: '错误码', en: 'Error code' },
  requestId: { zh: '请求编号', en: 'Request ID' },
  method: { zh: '方法', en: 'Method' },
  route: { zh: '接口', en: 'Route' },
  details: { zh: '详情', en: 'Details' },
  filterBy: { zh: '只看 {value}', en: 'Only {value}' },
  empty: { zh: '没有符合条件的记录', en: 'No entries match' },
  total: { zh: '共 {total} 条', en: '{total} in all' },
  none: { zh: '—', en: '—' },
  toBeforeFrom: { zh: '结束时间须晚于开始时间', en: 'must be later than the start' },
});

export const outcomeLabels: Record<string, Bilingual> = {
  success: { zh: '成功', en: 'Success' },
  refused: { zh: '被拒绝', en: 'Refused' },
  error: { zh: '出错', en: 'Error' },
};

/**
 * What the audited requests of the administration and desks do, by method and route pattern, in both
 * languages; a route not listed reads as its method and pattern (codes stay English).
 */
export const actionLabels: Record<string, Bilingual> = {
  'POST /api/v1/auth/login': { zh: '登录', en: 'Sign in' },
  'POST /api/v1/auth/logout': { zh: '退出', en: 'Sign out' },
  'POST /api/v1/dispatch-rules': { zh: '新增派工规则', en: 'Add a dispatch rule' },
  'PUT /api/v1/dispatch-rules/:id': { zh: '修改派工规则', en: 'Change a dispatch rule' },
  'PUT /api/v1/dispatch-rules/order': { zh: '调整派工规则顺序', en: 'Re-order the dispatch rules' },
  'POST /api/v1/dispatch-rules/:id/enable': { zh: '启用派工规则', en: 'Enable a dispatch rule' },
  'POST /api/v1/dispatch-rules/:id/disable': { zh: '停用派工规则', en: 'Disable a dispatch rule' },
  'POST /api/v1/customer-categories': { zh: '新增客户类别', en: 'Add a customer category' },
  'PUT /api/v1/customer-categories/:code': { zh: '修改客户类别', en: 'Change a customer category' },
  'POST /api/v1/customers/:customerId/categories': { zh: '设置客户类别', en: "Assign a customer's category" },
  'POST /api/v1/customers/:customerId/categories/:code/end': {
    zh: '终止客户类别',
    en: "End a customer's category",
  },
  'POST /api/v1/partner-blacklist': { zh: '登记合作方黑名单', en: "Record a partner's blacklisting" },
  'POST /api/v1/locks/release': { zh: '释放占用', en: 'Release a lock' },
  'POST /api/v1/operators': { zh: '新增操作员', en: 'Add an operator' },
  'PATCH /api/v1/operators/:id': { zh: '修改操作员', en: 'Change an operator' },
  'POST /api/v1/channels': { zh: '新增渠道', en: 'Add a channel' },
  'PATCH /api/v1/channels/:code': { zh: '修改渠道', en: 'Change a channel' },
  'POST /api/v1/work-orders': { zh: '新建工单', en: 'Create a work order' },
  'POST /api/v1/work-orders/:id/steps': { zh: '工单处理', en: 'Work-order step' },
};
