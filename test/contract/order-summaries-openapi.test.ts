import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orderTypes, type OrderType } from '../../domain/orders';
import { startHarness, type Harness } from '../support/harness';

/**
 * The OpenAPI document (/docs/json) states, for every order type, the summary an order of that type shows:
 * the order answers are one branch per order type (`oneOf`, told apart by `type`), each with its typed
 * `summary`. A client generated from the document is typed exactly where it reads the business details.
 */
interface JsonSchema {
  type?: string;
  enum?: unknown[];
  title?: string;
  nullable?: boolean;
  required?: string[];
  properties?: Record<string, JsonSchema>;
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  oneOf?: JsonSchema[];
}
interface OpenApiDocument {
  paths: Record<
    string,
    Record<string, { responses: Record<string, { content?: Record<string, { schema: JsonSchema }> }> }>
  >;
}

/** Per order type: the requirements it serves, its summary's title and fields, the fields always there. */
const expected: Record<OrderType, { req: string; title: string; fields: string[]; required: string[] }> = {
  openAccount: {
    req: 'OPEN-2, OPEN-4, OPEN-6',
    title: 'OpenAccountSummary',
    fields: ['productCode', 'customerName', 'msisdn', 'iccid', 'quote', 'receiptNo', 'advice'],
    required: ['productCode', 'customerName'],
  },
  preCancellation: {
    req: 'PC-1, PC-2, PC-4, PC-5',
    title: 'PreCancellationSummary',
    fields: [
      'msisdn',
      'leavingReason',
      'retention',
      'outcome',
      'settlement',
      'graceEndsAt',
      'visitBy',
      'reminderSentAt',
      'finalBill',
      'numberAvailableFrom',
    ],
    required: ['msisdn', 'leavingReason', 'retention'],
  },
  portIn: {
    req: 'MNP-3, MNP-5',
    title: 'PortInSummary',
    fields: [
      'msisdn',
      'donorOperator',
      'productCode',
      'customerName',
      'channel',
      'feeFen',
      'receiptNo',
      'iccid',
      'clearingRef',
      'submissions',
      'deadline',
      'switchOverAt',
      'donorAnswer',
    ],
    required: ['msisdn', 'donorOperator', 'productCode', 'customerName', 'channel', 'feeFen'],
  },
  portOut: {
    req: 'MNP-1, MNP-5',
    title: 'PortOutSummary',
    fields: [
      'msisdn',
      'codeSentAt',
      'codeExpiresAt',
      'refusedRequests',
      'clearingRef',
      'recipientOperator',
      'switchOverAt',
      'finalBill',
      'outcome',
    ],
    required: ['msisdn'],
  },
  ...Object.fromEntries(
    (['groupOpen', 'groupChange', 'groupCancel'] as const).map((type) => [
      type,
      {
        req: 'GRP-1, GRP-2, GRP-3, GRP-4, GRP-9',
        title: 'GroupProductSummary',
        fields: [
          'action',
          'groupCode',
          'productCode',
          'subscriptionId',
          'tariffCode',
          'tariffParams',
          'attributes',
          'effectiveMode',
          'effectiveFrom',
          'customerManagerId',
          'submitterId',
          'approval',
          'bboss',
          'membersRemoved',
        ],
        required: ['action', 'groupCode', 'productCode'],
      },
    ]),
  ),
  ...Object.fromEntries(
    (['groupMemberAdd', 'groupMemberChange', 'groupMemberDelete'] as const).map((type) => [
      type,
      {
        req: 'GRP-6, GRP-7, GRP-8',
        title: 'GroupMemberSummary',
        fields: ['action', 'groupCode', 'productCode', 'msisdn', 'subscriptionId', 'attributes'],
        required: ['action', 'groupCode', 'productCode', 'msisdn'],
      },
    ]),
  ),
  changeNumber: lineChange('ChangeNumberSummary', [
    'oldMsisdn',
    'newMsisdn',
    'selectionFeeFen',
    'feeFen',
    'receiptNo',
  ]),
  swapSim: lineChange('SwapSimSummary', ['reason', 'oldIccid', 'newIccid', 'feeFen', 'receiptNo']),
  changeCustomerData: lineChange('ChangeCustomerDataSummary', ['changed']),
  transferOwnership: lineChange('TransferOwnershipSummary', [
    'previousCustomerId',
    'previousOwnerName',
    'customerId',
    'ownerName',
  ]),
  suspend: lineChange('LineStatusSummary', ['statusBefore', 'statusAfter', 'reason']),
  resume: lineChange('LineStatusSummary', ['statusBefore', 'statusAfter', 'reason']),
  reportLoss: lineChange('LineStatusSummary', ['statusBefore', 'statusAfter', 'reason']),
  changeFeatures: lineChange('ChangeFeaturesSummary', ['featuresBefore', 'features']),
  changeDiscount: lineChange('ChangeDiscountSummary', ['discountCodeBefore', 'discountCode']),
  recharge: lineChange('PayInSummary', ['amountFen', 'balanceFenBefore', 'receiptNo', 'balanceFen']),
  collectFee: lineChange('PayInSummary', ['amountFen', 'balanceFenBefore', 'receiptNo', 'balanceFen']),
  refundFee: lineChange('RefundFeeSummary', [
    'amountFen',
    'reason',
    'balanceFenBefore',
    'balanceFen',
    'receiptNo',
  ]),
} as Record<OrderType, { req: string; title: string; fields: string[]; required: string[] }>;

function lineChange(title: string, fields: string[]) {
  return { req: 'CHG-1, CHG-2', title, fields: ['msisdn', ...fields], required: ['msisdn'] };
}

/** The routes that answer with orders, and where in their 200 answer the order sits. */
const orderAnswers = [
  ['get', '/api/v1/orders/{id}', (s: JsonSchema) => s],
  ['get', '/api/v1/orders', (s: JsonSchema) => s.properties?.items?.items],
  ['post', '/api/v1/orders/{id}/cancel', (s: JsonSchema) => s],
  ['post', '/api/v1/orders/{id}/formal-cancellation', (s: JsonSchema) => s],
  ['post', '/api/v1/orders/{id}/approval', (s: JsonSchema) => s],
] as const;

describe('the OpenAPI document types the summary of each order type', () => {
  let h: Harness;
  let doc: OpenApiDocument;

  beforeAll(async () => {
    h = await startHarness({ noWorker: true });
    doc = h.app.swagger() as unknown as OpenApiDocument;
  });
  afterAll(async () => h?.close());

  /** The branch of the order answer of `method path` for `type`, and how many branches name it. */
  const branchesOf = (method: string, path: string, type: OrderType): JsonSchema[] => {
    const route = orderAnswers.find(([m, p]) => m === method && p === path);
    const answer = doc.paths[path]?.[method]?.responses['200']?.content?.['application/json']?.schema;
    if (!route || !answer) throw new Error(`the document has no 200 answer of ${method} ${path}`);
    const order = route[2](answer);
    expect(order?.oneOf, `${method} ${path}: an order is one branch per order type`).toBeDefined();
    return (order?.oneOf ?? []).filter((branch) => branch.properties?.type?.enum?.includes(type));
  };

  it.each(orderTypes.map((type) => [expected[type].req, type] as const))(
    '%s: an order of type %s is documented with its own typed summary on every route that answers with orders',
    (_req, type) => {
      const { title, fields, required } = expected[type];
      for (const [method, path] of orderAnswers) {
        const branches = branchesOf(method, path, type);
        expect(branches, `${method} ${path} ${type}`).toHaveLength(1);
        const summary = branches[0]?.properties?.summary;
        expect(summary?.title, `${method} ${path} ${type}`).toBe(title);
        expect(Object.keys(summary?.properties ?? {}).sort()).toEqual([...fields].sort());
        expect([...(summary?.required ?? [])].sort()).toEqual([...required].sort());
        expect(branches[0]?.required).toEqual(expect.arrayContaining(['id', 'type', 'status', 'summary']));
      }
    },
  );

  it('MNP-3, MNP-5, PC-5: the business details clients act on are typed down to their fields', () => {
    const summary = (type: OrderType) =>
      branchesOf('get', '/api/v1/orders/{id}', type)[0]?.properties?.summary?.properties ?? {};
    expect(summary('portIn').deadline).toMatchObject({ type: 'string' });
    expect(summary('portIn').donorAnswer?.properties?.accepted).toMatchObject({ type: 'boolean' });
    expect(summary('portOut').outcome?.enum).toEqual(['portedOut', 'codeExpired', 'codeLocked']);
    expect(summary('preCancellation').finalBill?.properties?.kind?.enum).toEqual([
      'refund',
      'arrears',
      'refundDue',
      'collection',
      'none',
    ]);
    expect(summary('preCancellation').numberAvailableFrom).toMatchObject({ type: 'string', nullable: true });
    expect(summary('openAccount').quote?.properties?.lines?.items?.properties?.amountFen).toMatchObject({
      type: 'number',
    });
    expect(summary('groupOpen').bboss?.required).toEqual(['queries']);
    expect(summary('suspend').statusAfter?.enum).toContain('suspended');
  });

  it('MNP-5: no order type documents an authorization code in its summary', () => {
    for (const type of orderTypes) {
      const summary = branchesOf('get', '/api/v1/orders/{id}', type)[0]?.properties?.summary;
      expect(Object.keys(summary?.properties ?? {}).filter((f) => /authori[sz]ation/i.test(f))).toEqual([]);
    }
  });
});
