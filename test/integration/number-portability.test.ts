import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSignedInHarness, type Harness } from '../support/harness';

/**
 * Seeded lines (db/seed.ts): 21 eligible; 22 not real-name verified and under contract; 23 opened 30 days ago;
 * 24 suspended for arrears with a location restriction.
 */
describe('API: number portability eligibility (MNP-1)', () => {
  let h: Harness;
  let token: string;
  beforeAll(async () => ({ h, token } = await startSignedInHarness()));
  afterAll(async () => h?.close());

  const eligibility = (msisdn: string, bearer: string | null = token) =>
    h.app.inject({
      method: 'GET',
      url: `/api/v1/mnp/eligibility?msisdn=${encodeURIComponent(msisdn)}`,
      headers: bearer === null ? {} : { authorization: `Bearer ${bearer}` },
    });

  it('MNP-1: an eligible line answers eligible with no failures', async () => {
    const res = await eligibility('13900100021');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ msisdn: '13900100021', eligible: true, failures: [] });
  });

  it('MNP-1: a line failing two conditions lists both, each with code, message and Chinese reason', async () => {
    const res = await eligibility('13900100022');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      msisdn: '13900100022',
      eligible: false,
      failures: [
        { code: 'NotRealNameVerified', reason: '号码尚未完成实名认证' },
        { code: 'ContractTermActive', reason: '号码仍在合约期内，合约到期前不能携号转网' },
      ],
    });
    expect(res.json<{ failures: unknown[] }>().failures).toHaveLength(2);
    const tenure = await eligibility('13900100023');
    expect(tenure.json()).toMatchObject({ eligible: false, failures: [{ code: 'TenureTooShort' }] });
    const suspended = await eligibility('13900100024');
    expect(suspended.json()).toMatchObject({
      eligible: false,
      failures: [{ code: 'SuspendedForArrears' }, { code: 'LocationRestricted' }],
    });
  });

  it('MNP-1: a number that is not ours is an answer (200, NotOurNumber), a malformed one is a 400', async () => {
    const res = await eligibility('13700000000');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      msisdn: '13700000000',
      eligible: false,
      failures: [{ code: 'NotOurNumber', reason: '该号码不是本网号码，无法办理携号转网' }],
    });
    const malformed = await eligibility('12345');
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json()).toMatchObject({ code: 'ValidationFailed' });
  });

  it('MNP-1, CH-3: without a token the query is refused with 401', async () => {
    const res = await eligibility('13900100021', null);
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ code: 'Unauthenticated' });
  });
});
