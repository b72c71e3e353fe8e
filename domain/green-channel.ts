import type { Role } from './access';
import type { Commitment, GreenChannelType, WorkOrderCategory } from './work-orders';

/**
 * Hotline → store green channel (热线—营业厅服务绿色通道, REQ: GC-1…GC-3): what the duty manager (值班长) and
 * above may promise a customer, and what kind of work each green-channel type is. Pure rules, no I/O.
 */

/**
 * REQ: GC-3 — what one role may promise. The source says the duty manager "不能对客户的需求做出过度承诺，
 * 包含了对故障修复时限、赔款/优惠/折让的金额、指定货品的提供等" (must not over-promise repair time limits,
 * compensation/discount amounts or the supply of specific goods) and should escalate what is beyond their
 * remit. The source gives no figures; the limits below are OUR READING of that rule, kept as data so that
 * the business can change them in one place:
 * - a duty manager promises no compensation, no specific goods, and no repair limit shorter than 48 hours;
 * - an administrator (above the duty manager) may promise compensation up to 10,000 fen (100 yuan) and repair
 *   limits of 24 hours or more, but still no specific goods (stock is the store's to promise, GC-2).
 */
export interface CommitmentAuthority {
  /** The largest compensation that may be promised, in fen (0 = none). */
  maxCompensationFen: number;
  /** The shortest repair time limit that may be promised, in hours (null = none may be promised). */
  minRepairHours: number | null;
  /** Whether specific goods (指定货品) may be promised. */
  specificGoods: boolean;
}

export const commitmentAuthority: Partial<Record<Role, CommitmentAuthority>> = {
  dutyManager: { maxCompensationFen: 0, minRepairHours: 48, specificGoods: false },
  admin: { maxCompensationFen: 10_000, minRepairHours: 24, specificGoods: false },
};

/** Anyone else promises nothing. */
const noAuthority: CommitmentAuthority = {
  maxCompensationFen: 0,
  minRepairHours: null,
  specificGoods: false,
};

/** REQ: GC-3 — what is offered instead of a refused promise: the complaint process (投诉升级处理流程). */
export const complaintEscalation = {
  process: 'complaint',
  zh: '可升级至投诉处理流程',
  en: 'You may escalate to the complaint process',
} as const;

/** A promise the actor may not make, with where it is in the request and why. */
export interface RefusedCommitment {
  field: string;
  commitment: Commitment;
  zh: string;
  en: string;
}

/** REQ: GC-3 — the broadest authority among the actor's roles (an admin with a duty-manager role is an admin). */
export function authorityOf(roles: readonly Role[]): CommitmentAuthority {
  return roles
    .map((role) => commitmentAuthority[role])
    .filter((a): a is CommitmentAuthority => a !== undefined)
    .reduce(
      (best, a) => ({
        maxCompensationFen: Math.max(best.maxCompensationFen, a.maxCompensationFen),
        minRepairHours: shorterLimit(best.minRepairHours, a.minRepairHours),
        specificGoods: best.specificGoods || a.specificGoods,
      }),
      noAuthority,
    );
}

/** REQ: GC-3 — the commitments beyond the authority of someone with `roles`, in request order (empty = all fine). */
export function refusedCommitments(
  commitments: readonly Commitment[],
  roles: readonly Role[],
): RefusedCommitment[] {
  const authority = authorityOf(roles);
  const who = roles.join(', ') || 'no role';
  return commitments.flatMap((commitment, i) => {
    const reason = refusal(commitment, authority, who);
    return reason ? [{ field: `commitments.${i}`, commitment, ...reason }] : [];
  });
}

function refusal(c: Commitment, a: CommitmentAuthority, who: string): { zh: string; en: string } | null {
  switch (c.kind) {
    case 'compensation':
      if (c.amountFen <= a.maxCompensationFen) return null;
      return a.maxCompensationFen === 0
        ? {
            zh: `赔款/优惠 ${c.amountFen} 分超出职权：不能承诺任何赔付`,
            en: `compensation of ${c.amountFen} fen is beyond the authority of ${who}: no compensation may be promised`,
          }
        : {
            zh: `赔款/优惠 ${c.amountFen} 分超出职权：最多可承诺 ${a.maxCompensationFen} 分`,
            en: `compensation of ${c.amountFen} fen is beyond the authority of ${who}: at most ${a.maxCompensationFen} fen may be promised`,
          };
    case 'repairTimeLimit':
      if (a.minRepairHours !== null && c.hours >= a.minRepairHours) return null;
      return a.minRepairHours === null
        ? {
            zh: `故障修复时限 ${c.hours} 小时超出职权：不能承诺修复时限`,
            en: `a repair time limit of ${c.hours} hours is beyond the authority of ${who}: no repair time limit may be promised`,
          }
        : {
            zh: `故障修复时限 ${c.hours} 小时超出职权：不能短于 ${a.minRepairHours} 小时`,
            en: `a repair time limit of ${c.hours} hours is beyond the authority of ${who}: it may not be shorter than ${a.minRepairHours} hours`,
          };
    case 'specificGoods':
      if (a.specificGoods) return null;
      return {
        zh: `指定货品“${c.item}”超出职权：不能承诺提供指定货品`,
        en: `specific goods "${c.item}" are beyond the authority of ${who}: no specific goods may be promised`,
      };
  }
}

function shorterLimit(a: number | null, b: number | null): number | null {
  if (a === null) return b;
  if (b === null) return a;
  return Math.min(a, b);
}

/**
 * REQ: GC-2 — the work-order category of each green-channel type: appointments, entrusted acceptance and item
 * reservations are business the store handles; terminal support is terminal support.
 */
export const greenChannelCategories: Record<GreenChannelType, WorkOrderCategory> = {
  storeAppointment: 'businessHandling',
  entrustedAcceptance: 'businessHandling',
  itemReservation: 'businessHandling',
  terminalSupport: 'terminalSupport',
};
