import { describe, expect, it } from 'vitest';
import { portOutCodeVerdict } from '../../domain/mnp-callbacks';
import {
  authorizationCodeMatches,
  hashAuthorizationCode,
  randomAuthorizationCode,
} from '../../infra/authorization-codes';

const KEY = 'a-secrets-key-for-tests';

describe('port-out authorization codes', () => {
  it('MNP-5: a code is 6 uppercase letters or digits, drawn at random (no two alike in a thousand)', () => {
    const codes = Array.from({ length: 1000 }, () => randomAuthorizationCode());
    for (const code of codes) expect(code).toMatch(/^[A-Z0-9]{6}$/);
    expect(new Set(codes).size).toBe(1000);
  });

  it('MNP-5: the stored hash needs the secrets key and is bound to the order', () => {
    const hash = hashAuthorizationCode(KEY, 'PortOut:a', 'AB12CD');
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hashAuthorizationCode('another-secrets-key', 'PortOut:a', 'AB12CD')).not.toBe(hash);
    expect(hashAuthorizationCode(KEY, 'PortOut:b', 'AB12CD')).not.toBe(hash);
    expect(authorizationCodeMatches(KEY, 'PortOut:a', 'AB12CD', hash)).toBe(true);
    expect(authorizationCodeMatches(KEY, 'PortOut:a', ' ab12cd ', hash)).toBe(true);
    expect(authorizationCodeMatches(KEY, 'PortOut:a', 'AB12CE', hash)).toBe(false);
    expect(authorizationCodeMatches(KEY, 'PortOut:b', 'AB12CD', hash)).toBe(false);
    expect(authorizationCodeMatches(KEY, 'PortOut:a', 'AB12CD', 'not-hex')).toBe(false);
  });

  it('MNP-5: the verdict — the limit of wrong codes first (even the right code is refused), then the code, then its expiry', () => {
    const now = new Date('2026-03-02T10:00:00Z');
    const rule = { maxAttempts: 3, now };
    const later = new Date('2026-03-02T11:00:00Z');
    expect(portOutCodeVerdict({ matches: true, failedAttempts: 2, expiresAt: later }, rule)).toBe('valid');
    expect(portOutCodeVerdict({ matches: false, failedAttempts: 2, expiresAt: later }, rule)).toBe('wrong');
    expect(portOutCodeVerdict({ matches: true, failedAttempts: 3, expiresAt: later }, rule)).toBe('locked');
    expect(portOutCodeVerdict({ matches: true, failedAttempts: 0, expiresAt: now }, rule)).toBe('expired');
    expect(portOutCodeVerdict({ matches: false, failedAttempts: 0, expiresAt: now }, rule)).toBe('wrong');
    expect(portOutCodeVerdict(null, rule)).toBe('wrong');
  });
});
