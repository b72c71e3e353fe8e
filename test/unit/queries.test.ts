import { describe, expect, it } from 'vitest';
import {
  cardValidity,
  isWeakServicePassword,
  lineQueryKinds,
  maskName,
  needsServicePassword,
  periodOf,
  serialOpensTicket,
} from '../../domain/queries';

const OWN = '13900100005';
const OTHER = '13900100001';

describe('query rules', () => {
  it('Q-2: bills, balance, usage and user information of the own line need no password; of another line they do', () => {
    for (const kind of ['bills', 'balance', 'usage', 'info'] as const) {
      expect(needsServicePassword(kind, OWN, OWN), kind).toBe(false);
      expect(needsServicePassword(kind, OWN, OTHER), kind).toBe(true);
    }
  });

  it('Q-2: the real-time bill and payment records always need the password, even for the own line', () => {
    for (const kind of ['realtimeBill', 'payments'] as const) {
      expect(needsServicePassword(kind, OWN, OWN), kind).toBe(true);
      expect(needsServicePassword(kind, OWN, OTHER), kind).toBe(true);
    }
    expect(lineQueryKinds).toHaveLength(6);
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
