import type { Bilingual } from '../../i18n/messages';

/**
 * The inventory's codes in both languages, where the API answers a code without its label (REQ: RES-1…RES-3):
 * states in histories and counts, batch statuses, row results, resource types, unit kinds, directions. They
 * mirror the API's own labels (domain/resource-states.ts, domain/resources.ts).
 */
export const numberStateLabels: Record<string, Bilingual> = {
  unused: { zh: '空闲', en: 'unused' },
  disabled: { zh: '停用', en: 'disabled' },
  recycled: { zh: '回收（冷却期）', en: 'recycled (cooling down)' },
  preempted: { zh: '预占', en: 'pre-empted' },
  reserved: { zh: '预定', en: 'reserved' },
  inUse: { zh: '在用', en: 'in use' },
  portedOut: { zh: '已携出', en: 'ported out' },
};

export const simStateLabels: Record<string, Bilingual> = {
  available: { zh: '可用', en: 'available' },
  issued: { zh: '已下发', en: 'issued' },
  inUse: { zh: '在用', en: 'in use' },
  damaged: { zh: '损坏', en: 'damaged' },
};

export const resourceTypeLabels: Record<string, Bilingual> = {
  numbers: { zh: '号码', en: 'Numbers' },
  sims: { zh: 'SIM 卡', en: 'SIM cards' },
};

export const batchStatusLabels: Record<string, Bilingual> = {
  loading: { zh: '读取中', en: 'loading' },
  running: { zh: '入库中', en: 'running' },
  completed: { zh: '已完成', en: 'completed' },
  failed: { zh: '失败', en: 'failed' },
};

export const rowResultLabels: Record<string, Bilingual> = {
  pending: { zh: '待处理', en: 'pending' },
  accepted: { zh: '已入库', en: 'accepted' },
  rejected: { zh: '已拒绝', en: 'rejected' },
};

export const directionLabels: Record<string, Bilingual> = {
  issue: { zh: '发放', en: 'Issue' },
  recycle: { zh: '回收', en: 'Recycle' },
};

export const unitKindLabels: Record<string, Bilingual> = {
  city: { zh: '市公司', en: 'city company' },
  area: { zh: '营业区', en: 'business area' },
  outlet: { zh: '营业点', en: 'outlet' },
  clerk: { zh: '营业员', en: 'clerk' },
};

export const numberKindLabels: Record<string, Bilingual> = {
  mobile: { zh: '手机号码', en: 'mobile' },
  smsPort: { zh: '短信批发端口号', en: 'SMS wholesale port' },
  access: { zh: '接入号', en: 'access number' },
};

/** Central stock (not issued to any city), where the API answers null or `central`. */
export const centralStock: Bilingual = { zh: '中心库存', en: 'Central stock' };

/** A fee in fen as yuan, e.g. 100000 → "¥1,000.00". */
export function yuan(fen: number): string {
  return `¥${(fen / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}

/** State tag colours, dark enough for white text (axe colour contrast). */
export const stateColours: Record<string, string> = {
  unused: '#237804',
  available: '#237804',
  accepted: '#237804',
  completed: '#237804',
  disabled: '#595959',
  damaged: '#a8071a',
  rejected: '#a8071a',
  failed: '#a8071a',
  recycled: '#874d00',
  preempted: '#0958d9',
  reserved: '#531dab',
  running: '#0958d9',
  loading: '#0958d9',
  issued: '#0958d9',
  inUse: '#006d75',
  portedOut: '#595959',
  pending: '#595959',
};
