import { describe, expect, it } from 'vitest';
import { serviceChangeRequestSchema, serviceChangeTypes } from '../../domain/service-changes';
import { serviceChangeBody, serviceChangeFields } from '../../web/src/pages/lines/serviceChangeFields';
import { namePathOf } from '../../web/src/components/fieldPath';

const msisdn = '13900100005';
const identity = { idType: 'idCard', idNumber: '110101199001010005' };
const cash = { method: 'cash' };

/** What staff key into each generated form, as antd hands the values over (blank fields included). */
const formValues: Record<string, Record<string, unknown>> = {
  changeNumber: { newMsisdn: '', payment: cash },
  swapSim: { reason: 'lost', identity, payment: cash },
  changeCustomerData: { name: '', address: '北京市东城区 1 号', contactPhone: undefined, identity },
  transferOwnership: {
    identity,
    newOwner: {
      kind: 'individual',
      name: '张三',
      idType: 'idCard',
      idNumber: '110101199003071234',
      address: '北京市西城区西单北大街 1 号',
      contactPhone: '13900000000',
    },
  },
  suspend: { reason: '客户外出' },
  resume: { identity: { idType: undefined, idNumber: '' } },
  reportLoss: { reason: '手机丢失' },
  changeFeatures: { add: ['voicemail'] },
  changeDiscount: { discountCode: '' },
  recharge: { amountFen: 5000, payment: cash },
  collectFee: { amountFen: 1000, payment: cash },
  refundFee: { amountFen: 1000, reason: '多收' },
};

describe('the console’s service-change forms', () => {
  it('UI-1 CHG-1 CHG-2: every service change the API takes has a form on the line page', () => {
    expect(Object.keys(serviceChangeFields).sort()).toEqual([...serviceChangeTypes].sort());
  });

  it.each([...serviceChangeTypes])('UI-1 CHG-1 CHG-2: the %s form makes a body the API accepts', (type) => {
    const body = serviceChangeBody(type, msisdn, formValues[type] ?? {});
    const parsed = serviceChangeRequestSchema.safeParse(body);
    expect(parsed.error?.issues ?? []).toEqual([]);
  });

  it('UI-1 CHG-2: a resume keyed without identity leaves it out, one with the holder’s identity sends it', () => {
    expect(
      serviceChangeBody('resume', msisdn, { identity: { idType: 'idCard', idNumber: '' } }),
    ).not.toHaveProperty('identity');
    expect(serviceChangeBody('resume', msisdn, { identity })).toMatchObject({ identity });
  });

  it('UI-1: a refused field’s path names the form field it belongs to', () => {
    expect(namePathOf('body.customer.idNumber')).toEqual(['customer', 'idNumber']);
    expect(namePathOf('/identity/idNumber')).toEqual(['identity', 'idNumber']);
    expect(namePathOf('documentUploads[0]')).toEqual(['documentUploads', 0]);
  });
});
