import { describe, expect, it } from 'vitest';
import { errorCatalogue } from '../../domain/errors';
import {
  portOutEligibility,
  type PortOutFacts,
  type PortOutLineFacts,
} from '../../domain/number-portability';
import { loadConfig } from '../../temporal.config';

const DAY_MS = 86_400_000;
const now = new Date('2026-03-01T04:00:00Z');
const daysAgo = (days: number) => new Date(now.getTime() - days * DAY_MS);
const rules = { minTenureDays: 90 };

/** A line that passes every MNP-1 condition. */
const good: PortOutLineFacts = {
  status: 'active',
  balanceFen: 5_000,
  openedAt: daysAgo(400),
  realNameVerified: true,
  contractEndsAt: null,
  restrictions: [],
};
const facts = (line: Partial<PortOutLineFacts> | null): PortOutFacts => ({
  line: line === null ? null : { ...good, ...line },
  now,
});
const codes = (f: PortOutFacts, r = rules) => portOutEligibility(f, r).failures.map((x) => x.code);

describe('number portability eligibility (MNP-1)', () => {
  it('MNP-1: a verified, active line past its tenure, with no contract term or restriction, may port out', () => {
    expect(portOutEligibility(facts({}), rules)).toEqual({ eligible: true, failures: [] });
  });

  it.each([
    ['NotOurNumber', null],
    ['TenureTooShort', { openedAt: daysAgo(30) }],
    ['SuspendedForArrears', { status: 'suspended', balanceFen: -1 }],
    ['NotRealNameVerified', { realNameVerified: false }],
    ['ContractTermActive', { contractEndsAt: new Date(now.getTime() + DAY_MS) }],
    ['LocationRestricted', { restrictions: ['location'] }],
    ['InPreCancellationGrace', { status: 'preCancelled' }],
    ['LineCancelled', { status: 'cancelled' }],
  ] as const)('MNP-1: %s alone fails with its own code, message and Chinese reason', (code, line) => {
    const result = portOutEligibility(facts(line), rules);
    expect(result.eligible).toBe(false);
    expect(result.failures).toEqual([
      { code, message: expect.stringMatching(/\w/) as unknown, reason: errorCatalogue[code].zh },
    ]);
    expect(errorCatalogue[code].status).toBe(422);
  });

  it('MNP-1: every failed condition is reported, not only the first', () => {
    expect(
      codes(
        facts({
          status: 'suspended',
          balanceFen: -2_000,
          openedAt: daysAgo(10),
          realNameVerified: false,
          contractEndsAt: new Date('2027-01-01T00:00:00Z'),
          restrictions: ['location'],
        }),
      ),
    ).toEqual([
      'TenureTooShort',
      'SuspendedForArrears',
      'NotRealNameVerified',
      'ContractTermActive',
      'LocationRestricted',
    ]);
    expect(codes(facts({ status: 'preCancelled', realNameVerified: false }))).toEqual([
      'InPreCancellationGrace',
      'NotRealNameVerified',
    ]);
  });

  it('MNP-1: a suspension without arrears, or arrears on an active line, is not "suspended for arrears"', () => {
    expect(codes(facts({ status: 'suspended', balanceFen: 0 }))).toEqual([]);
    expect(codes(facts({ status: 'active', balanceFen: -500 }))).toEqual([]);
  });

  it('MNP-1: a contract term that has ended, or ends right now, no longer binds the line', () => {
    expect(codes(facts({ contractEndsAt: daysAgo(1) }))).toEqual([]);
    expect(codes(facts({ contractEndsAt: now }))).toEqual([]);
  });

  it('MNP-1: tenure at the boundary — 90 full days pass, one millisecond less does not', () => {
    expect(codes(facts({ openedAt: daysAgo(90) }))).toEqual([]);
    expect(codes(facts({ openedAt: new Date(daysAgo(90).getTime() + 1) }))).toEqual(['TenureTooShort']);
    const short = portOutEligibility(facts({ openedAt: daysAgo(89.5) }), rules).failures[0];
    expect(short?.message).toContain('89 days');
    expect(short?.message).toContain('90');
  });

  it('MNP-1: the national 120-day rule is one setting away (MNP_MIN_TENURE_DAYS)', () => {
    expect(loadConfig({}).MNP_MIN_TENURE_DAYS).toBe(90);
    const national = { minTenureDays: loadConfig({ MNP_MIN_TENURE_DAYS: '120' }).MNP_MIN_TENURE_DAYS };
    expect(national.minTenureDays).toBe(120);
    expect(codes(facts({ openedAt: daysAgo(100) }))).toEqual([]);
    expect(codes(facts({ openedAt: daysAgo(100) }), national)).toEqual(['TenureTooShort']);
    expect(codes(facts({ openedAt: daysAgo(120) }), national)).toEqual([]);
    expect(() => loadConfig({ MNP_MIN_TENURE_DAYS: '-1' })).toThrow(/MNP_MIN_TENURE_DAYS/);
  });
});
