import type { Bilingual } from '../../i18n/messages';

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

/** The statuses' labels by code, for tables and charts. */
export const statusLabels: Record<string, Bilingual> = Object.fromEntries(
  statusOptions.map((o) => [o.value, o.label]),
);
