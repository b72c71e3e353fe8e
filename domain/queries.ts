import { z } from 'zod';
import { businessDate } from './business-calendar';

/**
 * REQ: Q-1…Q-3 — the rules of the hotline and counter queries (查询流程), free of I/O.
 *
 * Staff ask for a customer: `msisdn` is the line asked about. Whether it is the caller's own line (本机) is
 * never what the agent types: at the hotline it is the number the call came from, as the telephony side
 * reported it; at a store, the owner's identity document checked against the line (REQ: Q-2).
 */

/** What can be asked about a line. */
export const lineQueryKinds = [
  'bills',
  'balance',
  'gprs',
  'usage',
  'info',
  'realtimeBill',
  'payments',
] as const;
export type LineQueryKind = (typeof lineQueryKinds)[number];

/**
 * REQ: Q-2 — the source's item list (查询流程 二), item by item:
 * - `selfServiceFirst` (1. 实时话费/GPRS流量/信用度/月帐单/帐户余额): the own line, or another line with the
 *   password, is sent to self-service (转自动台, IVR or the web); a human agent answers only after verifying
 *   the password and declines without it.
 * - `passwordAlways` (3. 实时账单/合帐/返账): own line or not, the password; declined without it.
 * - `paymentDetails` (4. 缴费记录到帐查询): looked up by the amount and time the caller gives; without them,
 *   the password; declined without either.
 * - `ownLineDirect` (6. 套餐内短信及语音使用情况, 当月; 7. 用户信息): the own line directly, another line with the
 *   password. An own line whose real-name registration is missing needs the password too (一.4).
 */
export const queryRules = {
  bills: 'selfServiceFirst',
  balance: 'selfServiceFirst',
  gprs: 'selfServiceFirst',
  realtimeBill: 'passwordAlways',
  payments: 'paymentDetails',
  usage: 'ownLineDirect',
  info: 'ownLineDirect',
} as const satisfies Record<LineQueryKind, string>;
export type QueryRule = (typeof queryRules)[LineQueryKind];

export interface Label {
  zh: string;
  en: string;
}

/** REQ: Q-2 — what the agent is told to do when the password is missing (the source's wording). */
export const queryAdvice = {
  selfServiceOwnLine: {
    zh: '本机来电：请转自动台（IVR）或引导客户通过网上营业厅自助查询；客户不愿转自动台时，验证服务密码后人工查询',
    en: 'Own line: transfer the caller to the IVR (自动台) or the web self-service; if the caller declines, verify the service password and answer',
  },
  selfServiceOtherLine: {
    zh: '非本机来电：客户有服务密码可转自动台查询，或验证服务密码后人工查询；无密码谢绝查询',
    en: 'Not the own line: with the service password the caller may use the IVR, or be answered once the password is verified; without it the query is declined',
  },
  passwordAlways: {
    zh: '无论是否本机，须验证服务密码后查询；无密码谢绝查询',
    en: 'Own line or not, this needs the service password; without it the query is declined',
  },
  paymentDetails: {
    zh: '请客户提供充值或缴费的金额和时间，按金额和时间查询到帐情况；无法提供时须验证服务密码，无密码谢绝查询',
    en: 'Ask the caller for the amount and date of the payment and look it up by them; without them verify the service password, and decline without it',
  },
  otherLine: {
    zh: '非本机：须验证服务密码后查询',
    en: 'Not the own line: verify the service password first',
  },
  realNameMissing: {
    zh: '该号码未做实名登记：请验证服务密码后查询，并建议客户持有效证件到营业厅办理实名登记',
    en: 'The line is not real-name registered: verify the service password, and advise the customer to register (real-name registration) at a store with a valid ID',
  },
} as const satisfies Record<string, Label>;

/** What decides a query besides the password: who the caller is to the line, and what they told. */
export interface QueryFacts {
  /** The caller's own line (本机): the call came from it, or the owner's document was checked at a store. */
  ownLine: boolean;
  /** The line's owner completed real-name registration (实名登记). */
  realNameVerified: boolean;
  /** The caller gave the amount and the date of a payment (payment records only). */
  paymentDetailsGiven: boolean;
}

/** Served without the password, or not: then with the advice the agent reads out. */
export type PasswordlessDecision =
  { serve: true; servedBy: 'ownLine' | 'paymentDetails' } | { serve: false; advice: Label };

/** REQ: Q-2 — whether a query may be answered without the service password, and if not, what to advise. */
export function withoutPassword(kind: LineQueryKind, facts: QueryFacts): PasswordlessDecision {
  switch (queryRules[kind]) {
    case 'selfServiceFirst':
      return {
        serve: false,
        advice: facts.ownLine ? queryAdvice.selfServiceOwnLine : queryAdvice.selfServiceOtherLine,
      };
    case 'passwordAlways':
      return { serve: false, advice: queryAdvice.passwordAlways };
    case 'paymentDetails':
      return facts.paymentDetailsGiven
        ? { serve: true, servedBy: 'paymentDetails' }
        : { serve: false, advice: queryAdvice.paymentDetails };
    case 'ownLineDirect':
      if (!facts.ownLine) return { serve: false, advice: queryAdvice.otherLine };
      if (!facts.realNameVerified) return { serve: false, advice: queryAdvice.realNameMissing };
      return { serve: true, servedBy: 'ownLine' };
  }
}

/**
 * REQ: — the advice an answer served with the password carries: change a weak password (served
 * first, then reminded); register, when the own line's real-name registration is missing. Null when none.
 */
export function servedAdvice(facts: { weakPassword: boolean; ownLine: boolean; realNameVerified: boolean }) {
  const parts: Label[] = [];
  if (facts.weakPassword) parts.push(weakPasswordAdvice);
  if (facts.ownLine && !facts.realNameVerified) parts.push(queryAdvice.realNameMissing);
  if (parts.length === 0) return null;
  return { zh: parts.map((p) => p.zh).join('；'), en: parts.map((p) => p.en).join('; ') };
}

/**
 * REQ: Q-2 — the channels where staff see the customer and can check an identity document in person (own
 * stores, agents' outlets); at the hotline and on the website the document cannot count as the own line.
 */
export const identityCheckChannels = ['ownStore', 'agentL1', 'agentL2'] as const;

/** REQ: Q-2 — an identity document shown at a store is the owner's: same type and number (case, spaces aside). */
export { identityMatches } from './identity-documents';

/** A payment as the caller describes it (amount in fen, business-time date) matches a record of the line. */
export function paymentMatches(
  record: { amountFen: number; paidAt: Date },
  given: { amountFen: number; paidOn: string },
  utcOffsetHours: number,
): boolean {
  return record.amountFen === given.amountFen && businessDate(record.paidAt, utcOffsetHours) === given.paidOn;
}

export const servicePasswordSchema = z.string().regex(/^\d{6}$/, 'must be 6 digits');

/**
 * REQ: Q-1 — a weak service password: all one digit (111111), a run up or down (123456, 654321) or the last
 * six digits of the number itself.
 */
export function isWeakServicePassword(password: string, msisdn: string): boolean {
  if (password === msisdn.slice(-password.length)) return true;
  const digits = [...password].map(Number);
  const steps = digits.slice(1).map((d, i) => d - (digits[i] ?? 0));
  return [0, 1, -1].some((step) => steps.every((s) => s === step));
}

export const weakPasswordAdvice = {
  zh: '您的服务密码过于简单（相同数字、连续数字或号码后六位），建议尽快修改',
  en: 'The service password is weak (one digit repeated, a run of digits or the last six digits of the number); advise the customer to change it',
} as const;

/**
 * REQ: Q-3 — the idempotency key of the `seq`-th ticket checking a card: `RechargeCard-<serial>-<seq>`. A new
 * ticket (the next `seq`) is opened once the last is closed.
 */
export const cardTicketKey = (serial: string, seq: number): string => `RechargeCard-${serial}-${seq}`;

/** REQ: Q-3 — a serial whose 6th and 7th digits (1-based) are "17" is checked by a ticket, not answered. */
export function serialOpensTicket(serial: string): boolean {
  return serial.slice(5, 7) === '17';
}

export const cardTicketMessage = {
  zh: '已提交工单核查，不作承诺',
  en: 'A ticket has been opened to check the card; no promise is made',
} as const;

export const cardValidities = ['valid', 'expired', 'used', 'frozen'] as const;
export type CardValidity = (typeof cardValidities)[number];

/** REQ: Q-3 — the only thing told about a card: whether it can still be used (no face value, no user). */
export function cardValidity(card: { status: string; validUntil: Date }, now: Date): CardValidity {
  if (card.status === 'used') return 'used';
  if (card.status === 'frozen') return 'frozen';
  if (card.status === 'expired' || card.validUntil.getTime() <= now.getTime()) return 'expired';
  return 'valid';
}

/** The owner's name as staff may read it out: the first character, the rest masked (李雷 → 李**). */
export function maskName(name: string): string {
  const first = [...name.trim()][0] ?? '';
  return `${first}**`;
}

/** `YYYY-MM` of the month `back` months before `now` (UTC). */
export function periodOf(now: Date, back = 0): string {
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - back, 1));
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
}

export const periodSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month YYYY-MM');
