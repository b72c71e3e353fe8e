import { z } from 'zod';

/**
 * REQ: Q-1…Q-3 — the rules of the hotline and counter queries (查询流程), free of I/O.
 *
 * Staff ask for a customer: `msisdn` is the line asked about, `callerMsisdn` the number the customer calls
 * from (本机 when they are the same).
 */

/** What can be asked about a line. */
export const lineQueryKinds = ['bills', 'balance', 'usage', 'realtimeBill', 'payments', 'info'] as const;
export type LineQueryKind = (typeof lineQueryKinds)[number];

/**
 * REQ: Q-2 — `ownLineFree`: the own line is served directly, another line needs the service password
 * (月帐单/帐户余额/套餐使用情况/用户信息). `always`: the password is needed even for the own line
 * (实时账单, 缴费记录).
 */
export const passwordRules: Record<LineQueryKind, 'ownLineFree' | 'always'> = {
  bills: 'ownLineFree',
  balance: 'ownLineFree',
  usage: 'ownLineFree',
  info: 'ownLineFree',
  realtimeBill: 'always',
  payments: 'always',
};

/** REQ: Q-2 — whether the query may be answered without the service password. */
export function needsServicePassword(kind: LineQueryKind, msisdn: string, callerMsisdn: string): boolean {
  return passwordRules[kind] === 'always' || msisdn !== callerMsisdn;
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
