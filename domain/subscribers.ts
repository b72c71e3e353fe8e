/** A live line's states (REQ: CHG-1, CHG-2, PC-1…6). */
export const subscriberStatuses = [
  'active',
  'suspended',
  'lossReported',
  'preCancelled',
  'cancelled',
] as const;
export type SubscriberStatus = (typeof subscriberStatuses)[number];

export const subscriberStatusLabels: Record<SubscriberStatus, { zh: string; en: string }> = {
  active: { zh: '正常', en: 'Active' },
  suspended: { zh: '停机', en: 'Suspended' },
  lossReported: { zh: '挂失停机', en: 'Suspended (loss reported)' },
  preCancelled: { zh: '预销号', en: 'Pre-cancelled (in grace)' },
  cancelled: { zh: '已销号', en: 'Cancelled' },
};
