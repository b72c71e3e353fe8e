import { describe, expect, it } from 'vitest';
import {
  missingCustomerData,
  openAccountRequestSchema,
  paymentCheckOf,
  paymentSchema,
  quoteOpenAccount,
  type Customer,
  type ProductPrice,
} from '../../domain/open-account';
import { sampleIndividual as individual } from '../support/fixtures';

const voice58: ProductPrice = {
  code: 'VOICE-58',
  name: '58 元语音套餐',
  simFeeFen: 2_000,
  depositFen: 10_000,
  monthlyFeeFen: 5_800,
};

const enterprise: Customer = {
  kind: 'enterprise',
  name: '北京某某科技有限公司',
  unitCertificateNo: 'UC-20240001',
  businessLicenceNo: '91110000MA01ABCD1X',
  address: '北京市海淀区中关村大街 1 号',
  contactPhone: '01088886666',
  agent: { name: '李四', idType: 'idCard', idNumber: '110101198501011234' },
};

/** A valid account-opening body as the API receives it; override what a test is about. */
function body(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    type: 'openAccount',
    customer: { ...individual },
    productCode: 'VOICE-58',
    payment: { method: 'cash' },
    ...overrides,
  };
}

/** The field paths a rejected body names, as `a.b.c`. */
function rejectedPaths(input: unknown): string[] {
  const result = openAccountRequestSchema.safeParse(input);
  expect(result.success).toBe(false);
  return result.success ? [] : result.error.issues.map((i) => i.path.join('.'));
}

describe('account-opening price quote', () => {
  const quote = (over: Partial<Parameters<typeof quoteOpenAccount>[0]> = {}) =>
    quoteOpenAccount({
      product: voice58,
      selectionFeeFen: 10_000,
      internationalRoaming: false,
      payer: { customerKind: 'individual', paymentMethod: 'cash', bankVerified: false },
      roamingDepositFen: 50_000,
      ...over,
    });

  it('OPEN-4: lists SIM fee, deposit and selection fee with their labels, and totals them', () => {
    const q = quote();
    expect(q.lines.map((l) => [l.item, l.label.zh, l.amountFen])).toEqual([
      ['simFee', 'SIM 卡费', 2_000],
      ['deposit', '预存款', 10_000],
      ['selectionFee', '选号费', 10_000],
    ]);
    expect(q.totalFen).toBe(22_000);
  });

  it('OPEN-4: adds the international-roaming deposit only when roaming is asked for', () => {
    expect(quote().lines.some((l) => l.item === 'roamingDeposit')).toBe(false);
    const q = quote({ internationalRoaming: true });
    expect(q.lines.at(-1)).toMatchObject({
      item: 'roamingDeposit',
      label: { zh: '国际漫游押金' },
      amountFen: 50_000,
    });
    expect(q.totalFen).toBe(72_000);
  });

  it('OPEN-4, OPEN-5: an enterprise paying from a corporate account the bank verified pays no deposit', () => {
    const q = quote({
      payer: { customerKind: 'enterprise', paymentMethod: 'corporateAccount', bankVerified: true },
      internationalRoaming: true,
    });
    expect(q.lines.find((l) => l.item === 'deposit')?.amountFen).toBe(0);
    expect(q.totalFen).toBe(2_000 + 10_000 + 50_000);
  });

  it.each([
    ['an individual, even with a verified corporate account', 'individual', 'corporateAccount', true],
    ['an enterprise whose corporate account is not verified', 'enterprise', 'corporateAccount', false],
    ['an enterprise paying by a verified bank card', 'enterprise', 'bankCard', true],
    ['an enterprise paying cash', 'enterprise', 'cash', false],
  ] as const)('OPEN-4, OPEN-5: %s pays the deposit', (_who, customerKind, paymentMethod, bankVerified) => {
    const q = quote({ payer: { customerKind, paymentMethod, bankVerified } });
    expect(q.lines.find((l) => l.item === 'deposit')?.amountFen).toBe(10_000);
  });

  it('OPEN-4: an ordinary number has no selection fee line amount', () => {
    const q = quote({ selectionFeeFen: 0 });
    expect(q.lines.find((l) => l.item === 'selectionFee')?.amountFen).toBe(0);
    expect(q.totalFen).toBe(12_000);
  });
});

describe('customer data completeness', () => {
  it('OPEN-3: complete individual and enterprise customers miss nothing', () => {
    expect(missingCustomerData(individual)).toEqual([]);
    expect(missingCustomerData(enterprise)).toEqual([]);
  });

  it('OPEN-3: an individual without name, address, contact or ID number is incomplete, item by item', () => {
    expect(
      missingCustomerData({ ...individual, name: ' ', address: '', contactPhone: '', idNumber: '  ' }),
    ).toEqual(['name', 'address', 'contactPhone', 'idNumber']);
    expect(missingCustomerData({ ...individual, address: '   ' })).toEqual(['address']);
  });

  it('OPEN-3: an enterprise needs unit certificate, business licence and its agent’s ID number', () => {
    expect(missingCustomerData({ ...enterprise, businessLicenceNo: '' })).toEqual(['businessLicenceNo']);
    expect(
      missingCustomerData({
        ...enterprise,
        unitCertificateNo: ' ',
        businessLicenceNo: ' ',
        agent: { ...enterprise.agent, idNumber: '' },
      }),
    ).toEqual(['unitCertificateNo', 'businessLicenceNo', 'agent.idNumber']);
  });
});

describe('account-opening request schema', () => {
  it('OPEN-3, OPEN-5: accepts a valid body and defaults internationalRoaming to false', () => {
    const parsed = openAccountRequestSchema.parse(body({ msisdn: '13800100088' }));
    expect(parsed.internationalRoaming).toBe(false);
    expect(parsed.customer).toEqual(individual);
    expect(parsed.msisdn).toBe('13800100088');
  });

  it('OPEN-3, OPEN-5: accepts an enterprise customer paying from a corporate account', () => {
    const parsed = openAccountRequestSchema.parse(
      body({
        customer: enterprise,
        internationalRoaming: true,
        payment: { method: 'corporateAccount', bankAccountNo: '6222000011112222', sealCardNo: 'SEAL-1' },
      }),
    );
    expect(parsed.customer.kind).toBe('enterprise');
    expect(parsed.internationalRoaming).toBe(true);
  });

  it('OPEN-3: rejects a malformed ID-card number of an individual at customer.idNumber', () => {
    expect(rejectedPaths(body({ customer: { ...individual, idNumber: '12345678' } }))).toEqual([
      'customer.idNumber',
    ]);
  });

  it('OPEN-3: rejects a malformed ID-card number of an agent at customer.agent.idNumber', () => {
    expect(
      rejectedPaths(
        body({ customer: { ...enterprise, agent: { ...enterprise.agent, idNumber: '12345678' } } }),
      ),
    ).toEqual(['customer.agent.idNumber']);
  });

  it('OPEN-3: accepts an ID-card number ending in X, and a passport number of another format', () => {
    expect(
      openAccountRequestSchema.safeParse(
        body({ customer: { ...individual, idNumber: '11010119900307123X' } }),
      ).success,
    ).toBe(true);
    expect(
      openAccountRequestSchema.safeParse(
        body({ customer: { ...individual, idType: 'passport', idNumber: 'E12345678' } }),
      ).success,
    ).toBe(true);
  });

  it('OPEN-3: rejects an enterprise without businessLicenceNo, naming the field', () => {
    const { businessLicenceNo: _omit, ...withoutLicence } = enterprise;
    expect(rejectedPaths(body({ customer: withoutLicence }))).toEqual(['customer.businessLicenceNo']);
    expect(rejectedPaths(body({ customer: { ...enterprise, businessLicenceNo: '   ' } }))).toEqual([
      'customer.businessLicenceNo',
    ]);
  });

  it('OPEN-3: rejects an enterprise without an agent', () => {
    const { agent: _omit, ...withoutAgent } = enterprise;
    expect(rejectedPaths(body({ customer: withoutAgent }))).toEqual(['customer.agent']);
  });

  it('RES-5: rejects a chosen number that is not 11 digits starting with 1', () => {
    for (const msisdn of ['1380010008', '138001000888', '23800100088', '1380010008a']) {
      expect(rejectedPaths(body({ msisdn }))).toEqual(['msisdn']);
    }
  });

  it('OPEN-5: rejects an unknown payment method and a malformed bank card', () => {
    expect(rejectedPaths(body({ payment: { method: 'bitcoin' } }))).toEqual(['payment.method']);
    expect(
      rejectedPaths(
        body({ payment: { method: 'bankCard', cardNo: '1234', holderIdNumber: individual.idNumber } }),
      ),
    ).toEqual(['payment.cardNo']);
  });

  it('OPEN-5: a bank-card payment carries the account holder’s ID number, refused at payment.holderIdNumber without it', () => {
    expect(rejectedPaths(body({ payment: { method: 'bankCard', cardNo: '6222021234567890' } }))).toEqual([
      'payment.holderIdNumber',
    ]);
    const parsed = openAccountRequestSchema.parse(
      body({
        payment: { method: 'bankCard', cardNo: '6222021234567890', holderIdNumber: '110101196001011234' },
      }),
    );
    expect(parsed.payment).toMatchObject({ method: 'bankCard', holderIdNumber: '110101196001011234' });
  });

  it('OPEN-4, OPEN-5: a corporate account (对公帐号) is for enterprise customers only, refused for an individual at payment.method', () => {
    const result = openAccountRequestSchema.safeParse(
      body({
        payment: { method: 'corporateAccount', bankAccountNo: '6222000011112222', sealCardNo: 'SEAL-1' },
      }),
    );
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['payment.method', 'a corporate account (对公帐号) is for enterprise customers only'],
    ]);
  });

  it('OPEN-5: a corporate account needs its seal card (印鉴卡), refused at payment.sealCardNo without it', () => {
    expect(
      rejectedPaths(
        body({
          customer: enterprise,
          payment: { method: 'corporateAccount', bankAccountNo: '6222000011112222' },
        }),
      ),
    ).toEqual(['payment.sealCardNo']);
  });

  it('OPEN-6: a service password, when given, is six digits', () => {
    expect(openAccountRequestSchema.safeParse(body({ servicePassword: '135790' })).success).toBe(true);
    expect(rejectedPaths(body({ servicePassword: '1234' }))).toEqual(['servicePassword']);
  });
});

describe('payments in every business (OPEN-5)', () => {
  const card = {
    method: 'bankCard',
    cardNo: '6222021234567890',
    holderIdNumber: '110101196001011234',
  } as const;
  const corporate = {
    method: 'corporateAccount',
    bankAccountNo: '6222000011112222',
    sealCardNo: 'SEAL-1',
  } as const;
  const unit = { kind: 'enterprise', unitCertificateNo: 'UC-1', businessLicenceNo: 'BL-1' } as const;

  it("OPEN-5: a bank-card payment carries its holder's ID number, whatever the business", () => {
    const parsed = paymentSchema.safeParse({ method: 'bankCard', cardNo: '6222021234567890' });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => i.path.join('.'))).toEqual(['holderIdNumber']);
    expect(paymentSchema.parse(card)).toEqual(card);
  });

  it("OPEN-5: the bank checks a card by its holder and a corporate account by its payer's unit documents and seal card", () => {
    expect(paymentCheckOf({ method: 'cash' }, { kind: 'individual' })).toBeNull();
    expect(paymentCheckOf(card, { kind: 'individual' })).toEqual({
      check: { kind: 'card', accountNo: card.cardNo, holderIdNumber: card.holderIdNumber },
    });
    expect(paymentCheckOf(corporate, unit)).toEqual({
      check: {
        kind: 'corporate',
        accountNo: corporate.bankAccountNo,
        unitCertificateNo: 'UC-1',
        businessLicenceNo: 'BL-1',
        sealCardNo: 'SEAL-1',
      },
    });
  });

  it('OPEN-5: a corporate account of an individual payer is refused before the bank is asked', () => {
    expect(paymentCheckOf(corporate, { kind: 'individual' })).toEqual({ enterpriseOnly: true });
  });
});
