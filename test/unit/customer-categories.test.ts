import { describe, expect, it } from 'vitest';
import { screeningSubject } from '../../api/customer-screening';
import type { OrderRequest } from '../../api/order-service';
import { categoryChangeSchema, newCategorySchema } from '../../domain/customer-categories';
import { openAccountRequestSchema } from '../../domain/open-account';
import { serviceChangeRequestSchema } from '../../domain/service-changes';
import { openAccountBody, sampleIndividual } from '../support/fixtures';

describe('customer categories and screening', () => {
  it('CUST-2: an account opening is screened by the identity shown; an enterprise by its unit certificate', () => {
    const individual = openAccountRequestSchema.parse(openAccountBody());
    expect(screeningSubject(individual)).toEqual({
      identity: { idType: 'idCard', idNumber: sampleIndividual.idNumber },
    });
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
    expect(screeningSubject(enterprise)).toEqual({
      identity: { idType: 'unitCertificate', idNumber: 'UC-1' },
    });
  });

  it('CUST-2: an order on a line is screened by the line; group product orders are not screened', () => {
    const change = serviceChangeRequestSchema.parse({
      type: 'recharge',
      msisdn: '13900100007',
      amountFen: 100,
      payment: { method: 'cash' },
    });
    expect(screeningSubject(change)).toEqual({ msisdn: '13900100007' });
    const groupCancel = { type: 'groupCancel' } as OrderRequest;
    expect(screeningSubject(groupCancel)).toBeNull();
  });

  it('CUST-2: leaving is no new business: pre-cancellation, port-out and fee refunds are not screened', () => {
    for (const type of ['preCancellation', 'portOut', 'refundFee'] as const) {
      expect(screeningSubject({ type, msisdn: '13900100007' } as OrderRequest)).toBeNull();
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
