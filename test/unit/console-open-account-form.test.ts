import { describe, expect, it } from 'vitest';
import { openAccountRequestSchema } from '../../domain/open-account';
import {
  fieldOf,
  initialOpenAccountForm,
  openAccountRequestOf,
  visibleFieldPaths,
  type OpenAccountForm,
} from '../../web/src/pages/orders/open-account-form';

/** What a clerk keys into the opening form, as antd hands it over (stale fields of other choices included). */
const individual: OpenAccountForm = {
  ...initialOpenAccountForm,
  customer: {
    kind: 'individual',
    name: ' 张三 ',
    idType: 'idCard',
    idNumber: '11010519491231002X',
    address: '北京市东城区东长安街 1 号',
    contactPhone: '13911112222',
    unitCertificateNo: 'left over from the enterprise choice',
  },
  productCode: 'VOICE-58',
  servicePassword: '123456',
  payment: { method: 'cash', cardNo: 'left over from the card choice' },
};

const enterprise: OpenAccountForm = {
  ...initialOpenAccountForm,
  customer: {
    kind: 'enterprise',
    name: '北京示例科技有限公司',
    unitCertificateNo: 'UC-20240001',
    businessLicenceNo: '91110000MA01ABCD1X',
    address: '北京市海淀区',
    contactPhone: '01088886666',
    agent: { name: '王五', idType: 'idCard', idNumber: '110105194912310021' },
  },
  numberChoice: 'choose',
  msisdn: '13800100888',
  productCode: 'DATA-128',
  internationalRoaming: true,
  payment: { method: 'corporateAccount', bankAccountNo: '6222000011112222', sealCardNo: 'SEAL-BJ-0001' },
};

describe('the console’s account-opening form', () => {
  it('UI-1 OPEN-3: an individual, an enterprise and each payment become a request the API accepts', () => {
    const card: OpenAccountForm = {
      ...individual,
      withAgent: true,
      customer: { ...individual.customer, agent: { name: '李四', idNumber: '110105194912310021' } },
      payment: { method: 'bankCard', cardNo: '6222021234567890', holderIdNumber: '110101199003071234' },
    };
    for (const form of [individual, enterprise, card]) {
      const request = openAccountRequestOf(form, { withPassword: true });
      expect(openAccountRequestSchema.safeParse(request).error?.issues ?? []).toEqual([]);
    }
    expect(openAccountRequestOf(individual, { withPassword: true })).toMatchObject({
      customer: { kind: 'individual', name: '张三' },
      payment: { method: 'cash' },
    });
    expect(openAccountRequestOf(individual, { withPassword: true }).customer).not.toHaveProperty(
      'unitCertificateNo',
    );
    expect(openAccountRequestOf(enterprise, { withPassword: true })).toMatchObject({
      msisdn: '13800100888',
      internationalRoaming: true,
    });
  });

  it('UI-1 OPEN-6: the quote is asked without the service password; only the order carries it', () => {
    expect(openAccountRequestOf(individual, { withPassword: false })).not.toHaveProperty('servicePassword');
    expect(openAccountRequestOf(individual, { withPassword: true }).servicePassword).toBe('123456');
  });

  it('UI-1 OPEN-2: a number is sent only when the clerk chose one; otherwise the system picks', () => {
    const systemPicks = { ...enterprise, numberChoice: 'system' as const };
    expect(openAccountRequestOf(systemPicks, { withPassword: false })).not.toHaveProperty('msisdn');
  });

  it("UI-1 OPEN-3: each field the API's schema refuses is a field the form shows, named by the refusal's path", () => {
    const blank: OpenAccountForm = {
      ...initialOpenAccountForm,
      customer: { kind: 'individual', idType: 'idCard', idNumber: '123' },
      payment: { method: 'bankCard' },
    };
    const issues = openAccountRequestSchema.safeParse(openAccountRequestOf(blank, { withPassword: true }))
      .error?.issues;
    expect(issues?.length).toBeGreaterThan(0);
    const shown = visibleFieldPaths(blank);
    for (const issue of issues ?? []) {
      const field = fieldOf({ path: ['body', ...issue.path].join('.'), zh: '', en: issue.message });
      expect(shown, `refused ${field}`).toContain(field);
    }
  });

  it('UI-1 OPEN-3: a refusal path names its form field whichever way the API writes it', () => {
    for (const path of ['body.customer.idNumber', 'customer/idNumber', 'customer.idNumber'])
      expect(fieldOf({ path, zh: '', en: '' })).toBe('customer.idNumber');
  });
});
