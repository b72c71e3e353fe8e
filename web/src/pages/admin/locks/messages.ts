import { defineMessages, type Bilingual } from '../../../i18n/messages';

/** The locks screen's texts (ORD-5, UI-1). */
export const lockMessages = defineMessages({
  title: { zh: '占用释放', en: 'Locks' },
  intro: {
    zh: '订单办理期间会占用号码或集团产品，结束（包括失败回退）时释放。被手工终止或丢失的流程不会释放占用；只有占用它的订单已不在办理中时才能释放。',
    en: "An order holds a line or a group's product while it works and lets go when it ends (also when it fails). A workflow terminated by hand or lost never lets go; a lock can be released only when its order no longer runs.",
  },
  kind: { zh: '类型', en: 'Kind' },
  key: { zh: '号码 / 集团产品', en: 'Line / group product' },
  holder: { zh: '占用的订单', en: 'Held by order' },
  holderStatus: { zh: '订单流程状态', en: "Order's workflow" },
  actions: { zh: '操作', en: 'Actions' },
  release: { zh: '释放', en: 'Release' },
  releaseOf: { zh: '释放 {key}', en: 'Release {key}' },
  releaseTitle: { zh: '释放占用 {key}', en: 'Release the lock on {key}' },
  releaseIntro: {
    zh: '只清除占用；订单未完成的状态（例如产品“注销中”）仍需人工处理。此操作记入审计日志。',
    en: 'Only the lock is cleared; a state the order left half-way (e.g. a product being cancelled) stays for staff to put right. The release is audited.',
  },
  reason: { zh: '释放原因', en: 'Reason for the release' },
  confirm: { zh: '确认释放', en: 'Release' },
  keep: { zh: '取消', en: 'Cancel' },
  runningHint: { zh: '订单仍在办理，结束时自动释放', en: 'The order is running; it lets go when it ends' },
  leftBehind: { zh: '遗留占用', en: 'Left behind' },
  empty: { zh: '没有被占用的号码或集团产品', en: 'No line or group product is held' },
  released: { zh: '已释放 {key}', en: '{key} released' },
  refresh: { zh: '刷新', en: 'Refresh' },
  total: { zh: '共 {total} 个', en: '{total} in all' },
});

export const kindLabels: Record<string, Bilingual> = {
  line: { zh: '号码', en: 'Line' },
  groupProduct: { zh: '集团产品', en: 'Group product' },
};

/** The holding workflow's state (Temporal's status names), in both languages. */
export const holderStatusLabels: Record<string, Bilingual> = {
  RUNNING: { zh: '办理中', en: 'Running' },
  COMPLETED: { zh: '已结束', en: 'Completed' },
  FAILED: { zh: '已失败', en: 'Failed' },
  CANCELLED: { zh: '已取消', en: 'Cancelled' },
  TERMINATED: { zh: '已被终止', en: 'Terminated' },
  TIMED_OUT: { zh: '已超时', en: 'Timed out' },
  NOT_FOUND: { zh: '流程不存在', en: 'Not found' },
  CONTINUED_AS_NEW: { zh: '已续接', en: 'Continued as new' },
};
