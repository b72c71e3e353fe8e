import { defineMessages } from '../../../i18n/messages';

/** The texts of a list of work orders, as the board, the grab pool and my work orders show them (UI-1, WO-6). */
export const listMessages = defineMessages({
  id: { zh: '工单号', en: 'Work order' },
  workTitle: { zh: '标题', en: 'Title' },
  category: { zh: '类别', en: 'Category' },
  priority: { zh: '优先级', en: 'Priority' },
  status: { zh: '状态', en: 'Status' },
  customer: { zh: '客户', en: 'Customer' },
  outlet: { zh: '网点', en: 'Outlet' },
  createdAt: { zh: '创建时间', en: 'Created' },
  actions: { zh: '操作', en: 'Actions' },
  vip: { zh: 'VIP', en: 'VIP' },
  greenChannel: { zh: '绿色通道', en: 'Green channel' },
  total: { zh: '共 {total} 条', en: '{total} in all' },
  // The due times as the service staff read them
  responseDue: { zh: '响应', en: 'Respond by' },
  resolutionDue: { zh: '解决', en: 'Resolve by' },
  late: { zh: '超时 {minutes} 分钟', en: 'Late by {minutes} min' },
  lateNoMinutes: { zh: '超时', en: 'Late' },
  onTime: { zh: '未超时', en: 'On time' },
});
