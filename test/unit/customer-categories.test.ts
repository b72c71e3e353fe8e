import { describe, expect, it } from 'vitest';
import { screeningSubjects } from '../../services/orders/customer-screening';
import type { OrderRequest } from '../../services/orders/order-service';
import { categoryChangeSchema, newCategorySchema } from '../../domain/customer-categories';
import { openAccountRequestSchema } from '../../domain/open-account';
import { serviceChangeRequestSchema } from '../../domain/service-changes';
import { openAccountBody, sampleIndividual } from '../support/fixtures';

describe('customer categories and screening', () => {
  it('CUST-2: an account opening is screened by the identity shown; an enterprise by its unit certificate', () => {
    const individual = openAccountRequestSchema.parse(openAccountBody());
    expect(screeningSubjects(individual)).toEqual([
      { identity: { idType: 'idCard', idNumber: sampleIndividual.idNumber } },
    ]);
    const enterprise = openAccountRequestSchema.parse(
      openAccountBody({
        customer: {
          kind: 'enterprise',
          name: '某公司',
          unitCertificateNo: 'UC-1',
          businessLicenceNo: 'BL-1',
          address: '北京',
          contactPhone: '01012345678',
          agent: { name: '张三', idType: 'idCard', idNumber: sampleIndividual.idNumber },
        },
      }),
    );
    expect(screeningSubjects(enterprise)).toEqual([
      { identity: { idType: 'unitCertificate', idNumber: 'UC-1' } },
    ]);
  });

  it('CUST-2: an existing customer paying, reporting a loss or resuming is not screened; a transfer screens the new owner', () => {
    for (const body of [
      { type: 'recharge', msisdn: '13900100007', amountFen: 100, payment: { method: 'cash' } },
      { type: 'collectFee', msisdn: '13900100007', amountFen: 100, payment: { method: 'cash' } },
      { type: 'reportLoss', msisdn: '13900100007', reason: 'lost' },
      { type: 'resume', msisdn: '13900100007' },
    ]) {
      expect(screeningSubjects(serviceChangeRequestSchema.parse(body)), body.type).toEqual([]);
    }
    const transfer = serviceChangeRequestSchema.parse({
      type: 'transferOwnership',
      msisdn: '13900100007',
      identity: { idType: 'idCard', idNumber: '110101199001010007' },
      newOwner: sampleIndividual,
    });
    expect(screeningSubjects(transfer)).toEqual([
      { identity: { idType: 'idCard', idNumber: sampleIndividual.idNumber } },
    ]);
  });

  it('CUST-2: a new group product screens the group customer; a new member the group and the line; changes and cancellations nothing', () => {
    expect(screeningSubjects({ type: 'groupOpen', groupCode: '1000000001' } as OrderRequest)).toEqual([
      { groupCode: '1000000001' },
    ]);
    const member = { type: 'groupMemberAdd', groupCode: '1000000001', msisdn: '13900200001' } as OrderRequest;
    expect(screeningSubjects(member)).toEqual([{ groupCode: '1000000001' }, { msisdn: '13900200001' }]);
    for (const type of ['groupChange', 'groupCancel', 'groupMemberChange', 'groupMemberDelete'] as const) {
      expect(screeningSubjects({ type, groupCode: '1000000001' } as OrderRequest)).toEqual([]);
    }
  });

  it('CUST-2: leaving is no new business: pre-cancellation, port-out and fee refunds are not screened', () => {
    for (const type of ['preCancellation', 'portOut', 'refundFee'] as const) {
      expect(screeningSubjects({ type, msisdn: '13900100007' } as OrderRequest)).toEqual([]);
    }
  });

  it('CUST-1: a category has a code, names and an effect (none by default); a change names something', () => {
    expect(newCategorySchema.parse({ code: 'gold', nameZh: '金卡', nameEn: 'Gold' }).effect).toBe('none');
    expect(newCategorySchema.safeParse({ code: 'Gold', nameZh: '金卡', nameEn: 'Gold' }).success).toBe(false);
    expect(newCategorySchema.safeParse({ code: 'x9', nameZh: 'x', nameEn: 'x', effect: 'ban' }).success).toBe(
      false,
    );
    expect(categoryChangeSchema.safeParse({}).success).toBe(false);
  });
});
