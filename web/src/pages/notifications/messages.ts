import { defineMessages, type Bilingual } from '../../i18n/messages';

/** The notices page's texts (WO-6, UI-1). The notices themselves come from the API in both languages. */
export const noticeMessages = defineMessages({
  title: { zh: '通知', en: 'Notices' },
  intro: {
    zh: '服务超时等通知，最新的在前；处理后标为已读，右上角铃铛上的未读数随之减少。',
    en: 'Breached service levels and other notices, newest first; mark one read once handled and the bell’s unread count goes down.',
  },
  show: { zh: '显示', en: 'Show' },
  unreadOnly: { zh: '未读', en: 'Unread' },
  all: { zh: '全部', en: 'All' },
  createdAt: { zh: '时间', en: 'Time' },
  kind: { zh: '类型', en: 'Kind' },
  message: { zh: '通知内容', en: 'Notice' },
  workOrder: { zh: '工单', en: 'Work order' },
  recipient: { zh: '通知对象', en: 'For' },
  state: { zh: '状态', en: 'State' },
  unread: { zh: '未读', en: 'Unread' },
  readAt: { zh: '已读 {at}', en: 'Read {at}' },
  actions: { zh: '操作', en: 'Actions' },
  markRead: { zh: '标为已读', en: 'Mark read' },
  noUnread: { zh: '没有未读通知', en: 'No unread notices' },
  noNotices: { zh: '暂无通知', en: 'No notices yet' },
  total: { zh: '共 {n} 条', en: '{n} in all' },
});

/** What a notice is about (`kind` from the API); an unknown kind shows its code. */
export const noticeKindLabels: Record<string, Bilingual> = {
  'sla.responseBreached': { zh: '响应超时', en: 'Response breached' },
  'sla.resolutionBreached': { zh: '解决超时', en: 'Resolution breached' },
  'bboss.overdue': { zh: 'BBOSS 回单超时', en: 'BBOSS answer overdue' },
};
