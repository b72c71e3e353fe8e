import { describe, expect, it } from 'vitest';
import { hashRequest, keyedRequestHash } from '../../services/orders/order-service';

const body = {
  type: 'openAccount',
  customer: { kind: 'individual', name: '张三', idNumber: '110101199003071234' },
  productCode: 'VOICE-58',
  internationalRoaming: false,
  payment: { method: 'cash' },
};

describe('request hash for idempotency', () => {
  it('ORD-3: the same body hashes the same whatever the key order, at every depth', () => {
    const reordered = {
      payment: { method: 'cash' },
      internationalRoaming: false,
      productCode: 'VOICE-58',
      customer: { idNumber: '110101199003071234', name: '张三', kind: 'individual' },
      type: 'openAccount',
    };
    expect(hashRequest(reordered)).toBe(hashRequest(body));
    expect(hashRequest(body)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('ORD-3: a key that is present but undefined hashes like a missing key', () => {
    expect(hashRequest({ ...body, msisdn: undefined })).toBe(hashRequest(body));
  });

  it('ORD-3: a different value anywhere gives a different hash', () => {
    const base = hashRequest(body);
    expect(hashRequest({ ...body, productCode: 'DATA-128' })).not.toBe(base);
    expect(hashRequest({ ...body, internationalRoaming: true })).not.toBe(base);
    expect(hashRequest({ ...body, customer: { ...body.customer, name: '李四' } })).not.toBe(base);
    expect(hashRequest({ ...body, msisdn: '13800100088' })).not.toBe(base);
  });

  it('ORD-3: array order matters; a number and its string differ', () => {
    expect(hashRequest({ a: [1, 2] })).not.toBe(hashRequest({ a: [2, 1] }));
    expect(hashRequest({ a: 1 })).not.toBe(hashRequest({ a: '1' }));
  });

  it('ORD-3, Q-1: an order hash is keyed: same body same hash, another body or key another, never the plain SHA-256', () => {
    const key = 'a-secrets-key-of-16+';
    const withPassword = { ...body, servicePassword: '864209' };
    const keyed = keyedRequestHash(key, withPassword);
    expect(keyed).toMatch(/^[0-9a-f]{64}$/);
    expect(keyedRequestHash(key, { ...withPassword })).toBe(keyed);
    expect(keyedRequestHash(key, { ...withPassword, servicePassword: '864208' })).not.toBe(keyed);
    expect(keyedRequestHash('another-secrets-key', withPassword)).not.toBe(keyed);
    // Without the key, hashing each candidate password does not find the stored hash.
    expect(hashRequest(withPassword)).not.toBe(keyed);
  });
});
