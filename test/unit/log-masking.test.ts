import { describe, expect, it } from 'vitest';
import { isSecretKey, maskLogValue, maskText, REDACTED } from '../../domain/log-masking';

describe('log masking: personal numbers', () => {
  it.each([
    ['13800880088', '138****0088'],
    ['line 13900100005 opened', 'line 139****0005 opened'],
    ['/api/v1/lines/13900100005/services', '/api/v1/lines/139****0005/services'],
    ['GET /api/v1/orders?msisdn=13900100005&limit=20', 'GET /api/v1/orders?msisdn=139****0005&limit=20'],
    ['号码13900100005已开户', '号码139****0005已开户'],
    ['+8613900100005', '+86139****0005'],
    ['PreCancel:13900100005', 'PreCancel:139****0005'],
  ])('OPS: a mobile number is masked to its first 3 and last 4 digits: %s', (text, masked) => {
    expect(maskText(text)).toBe(masked);
  });

  it.each([
    ['110101199001011234', '110101********1234'],
    ['11010119900101123X', '110101********123X'],
    ['idNumber=11010119900101123x;', 'idNumber=110101********123x;'],
    ['/customers?customer=110101199001010005', '/customers?customer=110101********0005'],
  ])('OPS: a resident ID number keeps its area code and last 4: %s', (text, masked) => {
    expect(maskText(text)).toBe(masked);
  });

  it.each([
    ['6222021234567890', '622202******7890'],
    ['6222021234567890123', '622202*********0123'],
    ['card 62220212345678901 paid', 'card 622202*******8901 paid'],
  ])('OPS: a bank card number keeps its first 6 and last 4 digits: %s', (text, masked) => {
    expect(maskText(text)).toBe(masked);
  });

  it.each([
    ['OpenAccount:STORE-BJ-001:walkthrough-0001', 'an order ID'],
    ['WorkOrder:CC-10086-BJ:ticket-20261206-0001', 'a work-order ID'],
    ['5f0c6a3e-1391-4a2b-8c1d-a13912345678', 'a UUID, even with an 11-digit run in it'],
    ['2026-12-06T23:35:01.123Z', 'an ISO time'],
    ['amount 5800 fen, 58.00 yuan, 1234567.89', 'amounts'],
    ['group 1000000001', 'a 10-digit group code'],
    ['8986001000010001950', 'a 19-digit ICCID'],
    ['89860099139003000010', 'a 20-digit ICCID'],
    ['460000100000001', 'a 15-digit IMSI'],
    ['1765062101000', 'epoch milliseconds'],
    ['139001000051', 'a 12-digit run is not a mobile number'],
    ['BBOSS-00000012 HLR-3 CLR-IN-7', 'outside-system references'],
  ])('OPS: %s stays as it is (%s)', (text) => {
    expect(maskText(text)).toBe(text);
  });
});

describe('log masking: secrets', () => {
  it.each([
    'password',
    'servicePassword',
    'x-service-password',
    'authorizationCode',
    'authorization',
    'Authorization',
    'token',
    'accessToken',
    'MNP_CALLBACK_SECRET',
    'x-clearing-signature',
    'cookie',
    'set-cookie',
    'TEMPORAL_API_KEY',
  ])('OPS: a value under %s is a secret', (key) => {
    expect(isSecretKey(key)).toBe(true);
  });

  it.each(['operatorId', 'channelCode', 'orderId', 'msisdn', 'status', 'authorized'])(
    'OPS: %s is not a secret key',
    (key) => {
      expect(isSecretKey(key)).toBe(false);
    },
  );

  it('OPS: secret values are redacted at any depth, other strings masked, numbers kept', () => {
    const line = maskLogValue({
      operatorId: 'store01',
      body: {
        password: 'Demo#2026',
        customer: { idNumber: '110101199001010005', phone: '13900100005' },
        port: [{ authorizationCode: '123456' }],
        amountFen: 5800,
      },
      headers: { authorization: 'Bearer abc', 'x-service-password': '135790' },
    });
    expect(line).toEqual({
      operatorId: 'store01',
      body: {
        password: REDACTED,
        customer: { idNumber: '110101********0005', phone: '139****0005' },
        port: [{ authorizationCode: REDACTED }],
        amountFen: 5800,
      },
      headers: { authorization: REDACTED, 'x-service-password': REDACTED },
    });
  });

  it('OPS: a bearer token and a secret query parameter in a text are redacted', () => {
    expect(maskText('header was Bearer q1w2e3-r4t5.y6')).toBe(`header was Bearer ${REDACTED}`);
    expect(maskText('/api/v1/x?servicePassword=135790&limit=5&token=abc')).toBe(
      `/api/v1/x?servicePassword=${REDACTED}&limit=5&token=${REDACTED}`,
    );
  });

  it('OPS: an error keeps its type and message, masked, and its own fields', () => {
    const err = Object.assign(new Error('no line 13900100005'), { code: 'LineNotFound', token: 't' });
    const masked = maskLogValue({ err }) as { err: Record<string, unknown> };
    expect(masked.err).toMatchObject({
      type: 'Error',
      message: 'no line 139****0005',
      code: 'LineNotFound',
      token: REDACTED,
    });
    expect(String(masked.err.stack)).not.toContain('13900100005');
  });

  it('OPS: cycles and bigints do not break a line', () => {
    const cyclic: Record<string, unknown> = { n: 10n };
    cyclic.self = cyclic;
    expect(maskLogValue(cyclic)).toEqual({ n: '10', self: '[circular]' });
  });
});
