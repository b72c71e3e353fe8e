import { describe, expect, it } from 'vitest';
import { businessDate } from '../../domain/business-calendar';
import {
  cardTicketKey,
  cardValidity,
  identityMatches,
  isWeakServicePassword,
  lineQueryKinds,
  maskName,
  paymentMatches,
  periodOf,
  queryAdvice,
  serialOpensTicket,
  servedAdvice,
  withoutPassword,
} from '../../domain/queries';
import { callIsLive, nationalNumber } from '../../domain/telephony';

const OWN = '13900100005';

const facts = (over: Partial<Parameters<typeof withoutPassword>[1]> = {}) => ({
  ownLine: true,
  realNameVerified: true,
  paymentDetailsGiven: false,
  ...over,
});

describe('query rules', () => {
  it('Q-2: charges, GPRS, bills and balance are never answered by a human without the password — the own line is sent to self-service, another line declined', () => {
    for (const kind of ['bills', 'balance', 'gprs'] as const) {
      expect(withoutPassword(kind, facts()), kind).toEqual({
        serve: false,
        advice: queryAdvice.selfServiceOwnLine,
      });
      expect(withoutPassword(kind, facts({ ownLine: false })), kind).toEqual({
        serve: false,
        advice: queryAdvice.selfServiceOtherLine,
      });
    }
    expect(queryAdvice.selfServiceOwnLine.zh).toMatch(/转自动台/);
    expect(queryAdvice.selfServiceOtherLine.zh).toMatch(/无密码谢绝查询/);
  });

  it('Q-2: the real-time bill always needs the password', () => {
    for (const ownLine of [true, false]) {
      expect(withoutPassword('realtimeBill', facts({ ownLine }))).toEqual({
        serve: false,
        advice: queryAdvice.passwordAlways,
      });
    }
  });

  it('Q-2: payment records are served by the amount and date the caller gives, own line or not; otherwise the password', () => {
    for (const ownLine of [true, false]) {
      expect(withoutPassword('payments', facts({ ownLine, paymentDetailsGiven: true }))).toEqual({
        serve: true,
        servedBy: 'paymentDetails',
      });
      expect(withoutPassword('payments', facts({ ownLine }))).toEqual({
        serve: false,
        advice: queryAdvice.paymentDetails,
      });
    }
    const paidAt = new Date('2026-03-01T17:30:00Z'); // 2 March, 01:30 in Beijing
    expect(businessDate(paidAt, 8)).toBe('2026-03-02');
    expect(paymentMatches({ amountFen: 5_000, paidAt }, { amountFen: 5_000, paidOn: '2026-03-02' }, 8)).toBe(
      true,
    );
    expect(paymentMatches({ amountFen: 5_000, paidAt }, { amountFen: 5_000, paidOn: '2026-03-01' }, 8)).toBe(
      false,
    );
    expect(paymentMatches({ amountFen: 5_000, paidAt }, { amountFen: 5_001, paidOn: '2026-03-02' }, 8)).toBe(
      false,
    );
  });

  it('Q-2: this month’s voice/SMS use and user information: the own line directly, another line with the password, a line without real-name registration with the password and advice to register', () => {
    for (const kind of ['usage', 'info'] as const) {
      expect(withoutPassword(kind, facts()), kind).toEqual({ serve: true, servedBy: 'ownLine' });
      expect(withoutPassword(kind, facts({ ownLine: false })), kind).toEqual({
        serve: false,
        advice: queryAdvice.otherLine,
      });
      expect(withoutPassword(kind, facts({ realNameVerified: false })), kind).toEqual({
        serve: false,
        advice: queryAdvice.realNameMissing,
      });
    }
    expect(lineQueryKinds).toHaveLength(7);
    expect(servedAdvice({ weakPassword: false, ownLine: true, realNameVerified: true })).toBeNull();
    expect(servedAdvice({ weakPassword: false, ownLine: true, realNameVerified: false })?.zh).toMatch(
      /实名登记/,
    );
    const both = servedAdvice({ weakPassword: true, ownLine: true, realNameVerified: false });
    expect(both?.zh).toMatch(/建议尽快修改.*实名登记/);
    expect(servedAdvice({ weakPassword: false, ownLine: false, realNameVerified: false })).toBeNull();
  });

  it('Q-2: the own line at a store is the owner’s document (type and number, case and spaces aside); at the hotline the calling number, +86 dropped', () => {
    const owner = { idType: 'idCard', idNumber: '11010119900303345X' };
    expect(identityMatches({ idType: 'idCard', idNumber: '11010119900303345x' }, owner)).toBe(true);
    expect(identityMatches({ idType: 'idCard', idNumber: ' 110101 19900303345X' }, owner)).toBe(true);
    expect(identityMatches({ idType: 'passport', idNumber: '11010119900303345X' }, owner)).toBe(false);
    expect(identityMatches({ idType: 'idCard', idNumber: '110101199003033451' }, owner)).toBe(false);
    expect(identityMatches({ idType: 'idCard', idNumber: '1' }, { idType: null, idNumber: null })).toBe(
      false,
    );
    expect(nationalNumber('+8613900100005')).toBe(OWN);
    expect(nationalNumber('008613900100005')).toBe(OWN);
    expect(nationalNumber('8613900100005')).toBe(OWN);
    expect(nationalNumber(OWN)).toBe(OWN);
    expect(nationalNumber('01012345678')).toBe('01012345678');
  });

  it('Q-2: a call identifies its caller until it ends or is older than the limit', () => {
    const startedAt = new Date('2026-03-01T08:00:00Z');
    const at = (minutes: number) => new Date(startedAt.getTime() + minutes * 60_000);
    expect(callIsLive({ startedAt, endedAt: null }, at(10), 240)).toBe('live');
    expect(callIsLive({ startedAt, endedAt: at(5) }, at(10), 240)).toBe('ended');
    expect(callIsLive({ startedAt, endedAt: null }, at(241), 240)).toBe('expired');
  });

  it('Q-3: tickets of a card are numbered per serial', () => {
    expect(cardTicketKey('1000017000000005', 1)).toBe('RechargeCard-1000017000000005-1');
    expect(cardTicketKey('1000017000000005', 2)).toBe('RechargeCard-1000017000000005-2');
  });

  it('Q-1: same digits, ascending or descending runs and the last six digits of the number are weak', () => {
    for (const weak of ['000000', '777777', '123456', '456789', '654321', '987654', '100005']) {
      expect(isWeakServicePassword(weak, OWN), weak).toBe(true);
    }
    for (const fine of ['135790', '246802', '112233', '123457', '100001', '901234']) {
      expect(isWeakServicePassword(fine, OWN), fine).toBe(false);
    }
  });

  it('Q-3: a serial with "17" in digits 6–7 (1-based) opens a ticket; "17" elsewhere does not', () => {
    expect(serialOpensTicket('1000017000000005')).toBe(true);
    expect(serialOpensTicket('9999917')).toBe(true);
    expect(serialOpensTicket('1700000000000000')).toBe(false);
    expect(serialOpensTicket('1000001700000000')).toBe(false);
    expect(serialOpensTicket('1000071000000000')).toBe(false);
  });

  it('Q-3: validity is used, frozen, expired (by status or date) or valid', () => {
    const now = new Date('2026-06-01T00:00:00Z');
    const later = new Date('2026-12-31T00:00:00Z');
    const earlier = new Date('2026-01-01T00:00:00Z');
    expect(cardValidity({ status: 'used', validUntil: later }, now)).toBe('used');
    expect(cardValidity({ status: 'frozen', validUntil: later }, now)).toBe('frozen');
    expect(cardValidity({ status: 'expired', validUntil: later }, now)).toBe('expired');
    expect(cardValidity({ status: 'unused', validUntil: earlier }, now)).toBe('expired');
    expect(cardValidity({ status: 'unused', validUntil: later }, now)).toBe('valid');
  });

  it('Q-2: the owner name shows only its first character; periods are YYYY-MM in UTC', () => {
    expect(maskName('李雷 Li Lei')).toBe('李**');
    expect(maskName('')).toBe('**');
    expect(periodOf(new Date('2026-01-15T00:00:00Z'))).toBe('2026-01');
    expect(periodOf(new Date('2026-01-15T00:00:00Z'), 2)).toBe('2025-11');
  });
});
