import { describe, expect, it } from 'vitest';
import { businessDateTime } from '../../domain/business-calendar';
import {
  extraDepositDue,
  formalCancellationRequestSchema,
  graceEndsAt,
  preCancellationIdentityRefusal,
  preCancellationRequestSchema,
  visitDeadline,
  type PreCancellationIdentity,
} from '../../domain/pre-cancellation';
import { configSchema, workflowSettings } from '../../temporal.config';
import { preCancellationBody } from '../support/pre-cancellation';

const person = { kind: 'individual' as const, idNumber: '11010119900303345X' };
const firm = { kind: 'enterprise' as const, idNumber: 'UC-91110000', unitCertificateNo: 'UC-91110000' };

const holder: PreCancellationIdentity = {
  presentedBy: 'holder',
  idType: 'idCard',
  idNumber: '11010119900303345X',
  originalShown: true,
};
const agent: PreCancellationIdentity = {
  presentedBy: 'agent',
  agentName: '赵六',
  agentIdType: 'idCard',
  agentIdNumber: '110101198808081234',
  unitCertificateNo: 'UC-91110000',
  businessLicenceNo: 'BL-91110000',
  originalShown: true,
};

describe('who may pre-cancel a line', () => {
  it('PC-3: an individual in person with the original ID is accepted (ID letters in any case)', () => {
    expect(preCancellationIdentityRefusal(person, holder)).toBeNull();
    expect(preCancellationIdentityRefusal(person, { ...holder, idNumber: '11010119900303345x' })).toBeNull();
  });

  it('PC-3: an individual cannot send an agent (AgentNotAllowed)', () => {
    expect(preCancellationIdentityRefusal(person, agent)).toBe('AgentNotAllowed');
  });

  it('PC-3: an individual showing only a copy is refused (OriginalIdRequired)', () => {
    expect(preCancellationIdentityRefusal(person, { ...holder, originalShown: false })).toBe(
      'OriginalIdRequired',
    );
  });

  it("PC-3: an ID that is not the owner's is refused (IdentityMismatch)", () => {
    expect(preCancellationIdentityRefusal(person, { ...holder, idNumber: '110101199001011111' })).toBe(
      'IdentityMismatch',
    );
  });

  it('PC-3: an enterprise through its agent with unit certificate and business licence is accepted', () => {
    expect(preCancellationIdentityRefusal(firm, agent)).toBeNull();
  });

  it('PC-3: an enterprise line cannot be pre-cancelled by a holder in person (AgentRequired)', () => {
    expect(preCancellationIdentityRefusal(firm, holder)).toBe('AgentRequired');
  });

  it('PC-3: the agent needs the unit certificate, the business licence and the originals (EnterpriseDocumentsRequired)', () => {
    const refusal = (over: Partial<Extract<PreCancellationIdentity, { presentedBy: 'agent' }>>) =>
      preCancellationIdentityRefusal(firm, { ...agent, ...over });
    expect(refusal({ businessLicenceNo: undefined })).toBe('EnterpriseDocumentsRequired');
    expect(refusal({ unitCertificateNo: undefined })).toBe('EnterpriseDocumentsRequired');
    expect(refusal({ originalShown: false })).toBe('EnterpriseDocumentsRequired');
  });

  it("PC-3: a unit certificate that is not the enterprise's is refused (IdentityMismatch)", () => {
    expect(preCancellationIdentityRefusal(firm, { ...agent, unitCertificateNo: 'UC-00000000' })).toBe(
      'IdentityMismatch',
    );
  });

  it('PC-1, PC-2: the request needs the leaving reason and the retention offer with its answer', () => {
    expect(preCancellationRequestSchema.safeParse(preCancellationBody('13900100001')).success).toBe(true);
    const paths = (body: Record<string, unknown>) => {
      const result = preCancellationRequestSchema.safeParse(body);
      return result.success ? [] : result.error.issues.map((i) => i.path.join('.'));
    };
    expect(paths(preCancellationBody('13900100001', { leavingReason: '  ' }))).toContain('leavingReason');
    expect(paths(preCancellationBody('13900100001', { retention: { accepted: false } }))).toContain(
      'retention.offer',
    );
  });
});

describe('extra deposit at pre-cancellation', () => {
  const due = (over: Partial<Parameters<typeof extraDepositDue>[0]>) =>
    extraDepositDue({
      internationalRoaming: false,
      lastThreeBillsFen: [5_000, 6_000, 7_000],
      thresholdFen: 20_000,
      depositFen: 50_000,
      ...over,
    });

  it('PC-4: international roaming on → the deposit is due, whatever the bills', () => {
    expect(due({ internationalRoaming: true })).toEqual({
      due: true,
      averageBillFen: 6_000,
      amountFen: 50_000,
    });
  });

  it('PC-4: an average of the last three bills above the threshold → the deposit is due', () => {
    expect(due({ lastThreeBillsFen: [30_000, 25_000, 28_000] })).toEqual({
      due: true,
      averageBillFen: 27_667,
      amountFen: 50_000,
    });
  });

  it('PC-4: an average equal to the threshold or below it, roaming off → no deposit', () => {
    expect(due({ lastThreeBillsFen: [20_000, 20_000, 20_000] })).toEqual({
      due: false,
      averageBillFen: 20_000,
      amountFen: 0,
    });
    expect(due({})).toEqual({ due: false, averageBillFen: 6_000, amountFen: 0 });
  });

  it('PC-4: only the three newest bills count; a newer line averages the bills it has', () => {
    expect(due({ lastThreeBillsFen: [1_000, 1_000, 1_000, 90_000] }).averageBillFen).toBe(1_000);
    expect(due({ lastThreeBillsFen: [45_000] })).toMatchObject({ due: true, averageBillFen: 45_000 });
    expect(due({ lastThreeBillsFen: [] })).toMatchObject({ due: false, averageBillFen: 0 });
  });
});

describe('when the grace ends', () => {
  /** An instant given in China Standard Time (UTC+8), the business time of the tests. */
  const cst = (local: string) => new Date(`${local}+08:00`);

  it('PC-5: three calendar months later at 00:00 business time', () => {
    expect(graceEndsAt(cst('2026-01-15T10:20:00'), 3, 8)).toEqual(cst('2026-04-15T00:00:00'));
  });

  it('PC-5: 30 Nov → 28 Feb (the day the target month lacks becomes its last day)', () => {
    expect(graceEndsAt(cst('2025-11-30T10:00:00'), 3, 8)).toEqual(cst('2026-02-28T00:00:00'));
  });

  it('PC-5: 31 Aug → 30 Nov', () => {
    expect(graceEndsAt(cst('2025-08-31T09:00:00'), 3, 8)).toEqual(cst('2025-11-30T00:00:00'));
  });

  it('PC-5: 30 Nov 2027 → 29 Feb 2028 (leap year)', () => {
    expect(graceEndsAt(cst('2027-11-30T09:00:00'), 3, 8)).toEqual(cst('2028-02-29T00:00:00'));
  });

  it('PC-5: a start at 23:30 business time on the 31st counts from that day; the end is 00:00 business time, 16:00 UTC the day before', () => {
    const start = cst('2025-10-31T23:30:00'); // 15:30 UTC on 31 Oct
    expect(graceEndsAt(start, 3, 8)).toEqual(cst('2026-01-31T00:00:00'));
    expect(graceEndsAt(start, 3, 8).toISOString()).toBe('2026-01-30T16:00:00.000Z');
  });

  it('PC-5: the business UTC offset decides the day: 00:30 business time on 1 Nov is still 31 Oct in UTC', () => {
    const start = cst('2025-11-01T00:30:00'); // 16:30 UTC on 31 Oct
    expect(graceEndsAt(start, 3, 8)).toEqual(cst('2026-02-01T00:00:00'));
    expect(graceEndsAt(start, 3, 0)).toEqual(new Date('2026-01-31T00:00:00Z'));
  });

  it('PC-5: the months roll over the year end', () => {
    expect(graceEndsAt(cst('2025-12-31T12:00:00'), 3, 8)).toEqual(cst('2026-03-31T00:00:00'));
    expect(graceEndsAt(cst('2025-11-29T12:00:00'), 14, 8)).toEqual(cst('2027-01-29T00:00:00'));
  });

  it('PC-5: the grace is 3 months by default, configurable, with no seconds override unless set', () => {
    const defaults = workflowSettings(configSchema.parse({}), 'preCancellation').preCancellation;
    expect(defaults).toEqual({
      graceMonths: 3,
      graceSeconds: null,
      visitDays: 30,
      visitSeconds: null,
      utcOffsetHours: 8,
    });
    const tuned = workflowSettings(
      configSchema.parse({ PRE_CANCEL_GRACE_MONTHS: '6', PRE_CANCEL_GRACE_SECONDS: '30' }),
      'preCancellation',
    ).preCancellation;
    expect(tuned).toMatchObject({ graceMonths: 6, graceSeconds: 30 });
  });
});

describe('the visit after the grace', () => {
  it('PC-5: the customer has the configured days after the grace ends, at 00:00 business time too; seconds replace them in demos', () => {
    const graceEnd = new Date('2026-02-27T16:00:00Z'); // 28 Feb 00:00 in Beijing
    expect(visitDeadline(graceEnd, { visitDays: 30, visitSeconds: null }).toISOString()).toBe(
      '2026-03-29T16:00:00.000Z',
    );
    expect(visitDeadline(graceEnd, { visitDays: 30, visitSeconds: 8 }).toISOString()).toBe(
      '2026-02-27T16:00:08.000Z',
    );
    expect(businessDateTime(new Date('2026-03-29T16:00:00Z'), 8)).toBe('2026-03-30 00:00');
  });

  it('PC-5: the formal cancellation names who came and how money changes hands; a missing part is named', () => {
    const body = { identity: preCancellationBody('13900100001').identity, payment: { method: 'cash' } };
    expect(formalCancellationRequestSchema.safeParse(body).success).toBe(true);
    const noPayment = formalCancellationRequestSchema.safeParse({ identity: body.identity });
    expect(noPayment.success).toBe(false);
    expect(noPayment.error?.issues[0]?.path).toEqual(['payment']);
  });
});
