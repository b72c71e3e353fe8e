import { defineMessages, type Bilingual } from '../../i18n/messages';

/** The work-order list's texts (WO-6, UI-1). Statuses come labelled from the API. */
export const workOrderListMessages = defineMessages({
  title: { zh: '工单列表', en: 'Work orders' },
  intro: {
    zh: '按创建时间从新到旧；选择“调度队列”按优先级和等待时长排序。',
    en: 'Newest first; choose “Dispatch queue” to order by priority and waiting time.',
  },
  status: { zh: '状态', en: 'Status' },
  priority: { zh: '优先级', en: 'Priority' },
  lateness: { zh: '时效', en: 'On time or late' },
  sort: { zh: '排序', en: 'Order' },
  sortNewest: { zh: '最新创建', en: 'Newest first' },
  sortPriority: { zh: '调度队列', en: 'Dispatch queue' },
  any: { zh: '全部', en: 'All' },
  lateOnly: { zh: '仅超时', en: 'Late only' },
  onTimeOnly: { zh: '仅未超时', en: 'On time only' },
  id: { zh: '工单号', en: 'Work order' },
  workTitle: { zh: '标题', en: 'Title' },
  category: { zh: '类别', en: 'Category' },
  customer: { zh: '客户', en: 'Customer' },
  handledBy: { zh: '网点与服务人员', en: 'Outlet and staff' },
  outlet: { zh: '网点', en: 'Outlet' },
  assignee: { zh: '服务人员', en: 'Staff' },
  responseDue: { zh: '响应', en: 'Respond by' },
  resolutionDue: { zh: '解决', en: 'Resolve by' },
  sla: { zh: '服务时限', en: 'SLA due' },
  createdAt: { zh: '创建时间', en: 'Created' },
  late: { zh: '超时 {minutes} 分钟', en: 'Late by {minutes} min' },
  lateNoMinutes: { zh: '超时', en: 'Late' },
  onTime: { zh: '未超时', en: 'On time' },
  greenChannel: { zh: '绿色通道', en: 'Green channel' },
  vip: { zh: 'VIP', en: 'VIP' },
  none: { zh: '—', en: '—' },
  empty: { zh: '没有符合条件的工单', en: 'No work orders match' },
  total: { zh: '共 {total} 条', en: '{total} in all' },
});

/** REQ: WO-6 — P1 is the most urgent; the code stays as it is, the word beside it is translated. */
export const priorityLabels: Record<string, Bilingual> = {
  P1: { zh: '紧急', en: 'Urgent' },
  P2: { zh: '高', en: 'High' },
  P3: { zh: '中', en: 'Medium' },
  P4: { zh: '低', en: 'Low' },
};

export const categoryLabels: Record<string, Bilingual> = {
  broadbandRepair: { zh: '宽带报修', en: 'Broadband repair' },
  networkFault: { zh: '网络故障', en: 'Network fault' },
  terminalSupport: { zh: '终端服务', en: 'Terminal support' },
  businessHandling: { zh: '业务办理', en: 'Business handling' },
  installation: { zh: '装机', en: 'Installation' },
  complaintFollowUp: { zh: '投诉跟进', en: 'Complaint follow-up' },
};

/** The statuses a dispatcher filters by, with the API's labels (domain/work-orders.ts). */
export const statusOptions: { value: string; label: Bilingual }[] = [
  { value: 'created', label: { zh: '新建', en: 'Created' } },
  { value: 'accepted', label: { zh: '已受理', en: 'Accepted' } },
  { value: 'rejected', label: { zh: '不予受理', en: 'Rejected' } },
  { value: 'outletAssigned', label: { zh: '已分配网点', en: 'Outlet assigned' } },
  { value: 'dispatched', label: { zh: '已派工', en: 'Dispatched' } },
  { value: 'inService', label: { zh: '服务中', en: 'In service' } },
  { value: 'completed', label: { zh: '已完成', en: 'Completed' } },
  { value: 'closed', label: { zh: '已关闭', en: 'Closed' } },
  { value: 'cancelled', label: { zh: '已取消', en: 'Cancelled' } },
];
