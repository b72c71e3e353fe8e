import { businessDateTime } from './business-calendar';

/** What staff are told about a group product order BBOSS has not answered in time (REQ: GRP-4). */
export interface BbossOverdueOrder {
  orderId: string;
  bbossRef: string;
  /** When the order went to BBOSS (ISO 8601). */
  waitingSince: string;
  action: 'open' | 'change' | 'cancel';
  groupCode: string;
  productCode: string;
  customerManagerId?: string;
  submitterId?: string;
  /** The channel (营业厅) that took the order. */
  channelCode: string;
}

const actionNames: Record<BbossOverdueOrder['action'], { zh: string; en: string }> = {
  open: { zh: '开通', en: 'open' },
  change: { zh: '变更', en: 'change' },
  cancel: { zh: '注销', en: 'cancellation' },
};

/**
 * REQ: GRP-4 — the overdue notice (超时提醒) in Chinese and English: which order and BBOSS reference, since when
 * it waits (business time) and how long, whom to ask about it (customer manager, submitter, channel), and what
 * to do.
 */
export function bbossOverdueNotice(
  order: BbossOverdueOrder,
  now: Date,
  utcOffsetHours: number,
): { zh: string; en: string } {
  const wait = waitText(now.getTime() - Date.parse(order.waitingSince));
  const since = businessDateTime(new Date(order.waitingSince), utcOffsetHours);
  const action = actionNames[order.action];
  const manager = order.customerManagerId ?? '-';
  const submitter = order.submitterId ?? '-';
  return {
    zh:
      `集团产品订单 ${order.orderId}（集团 ${order.groupCode}，产品 ${order.productCode}，${action.zh}）已超时：` +
      `${since} 提交 BBOSS（BBOSS 单号 ${order.bbossRef}），已等待 ${wait.zh}，BBOSS 未答复。` +
      `客户经理 ${manager}，订单提交人 ${submitter}，受理渠道 ${order.channelCode}。请与 BBOSS 核实进度；订单仍在等待，BBOSS 答复后自动继续。`,
    en:
      `Group order ${order.orderId} (group ${order.groupCode}, product ${order.productCode}, ${action.en}) is ` +
      `overdue: submitted to BBOSS at ${since} (BBOSS ref ${order.bbossRef}), no answer from BBOSS after ` +
      `${wait.en}. Customer manager ${manager}, submitter ${submitter}, taken at ${order.channelCode}. Please ` +
      `check with BBOSS; the order keeps waiting and goes on by itself once BBOSS answers.`,
  };
}

/** A wait as staff read it: `45s`, `12m 5s`, `3h 20m` (45 秒, 12 分 5 秒, 3 小时 20 分). */
export function waitText(ms: number): { zh: string; en: string } {
  const seconds = Math.max(0, Math.round(ms / 1_000));
  if (seconds < 60) return { zh: `${seconds} 秒`, en: `${seconds}s` };
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return { zh: `${minutes} 分 ${seconds % 60} 秒`, en: `${minutes}m ${seconds % 60}s` };
  const [h, m] = [Math.floor(minutes / 60), minutes % 60];
  return { zh: `${h} 小时 ${m} 分`, en: `${h}h ${m}m` };
}
