import { describe, expect, it } from 'vitest';
import { idempotencyKeySchema, isTerminal, orderStatuses, orderStatusLabels } from '../../domain/orders';
import { orderId, parseOrderId } from '../../workflows/contracts/orders';

describe('order ids', () => {
  it('ORD-3: the idempotency key, scoped to its channel, becomes the order id, and the id reads back to both', () => {
    const id = orderId('openAccount', 'STORE-BJ-001', 'store01-2024.06_01');
    expect(id).toBe('OpenAccount:STORE-BJ-001:store01-2024.06_01');
    expect(parseOrderId(id)).toEqual({
      type: 'openAccount',
      channelCode: 'STORE-BJ-001',
      key: 'store01-2024.06_01',
    });
    expect(orderId('openAccount', 'STORE-BJ-001', 'store01-2024.06_01')).toBe(id);
    expect(orderId('openAccount', 'STORE-BJ-002', 'store01-2024.06_01')).not.toBe(id);
  });

  it('ORD-3: an order id from before keys were scoped per channel still reads, with no channel', () => {
    expect(parseOrderId('OpenAccount:store01-2024.06_01')).toEqual({
      type: 'openAccount',
      channelCode: null,
      key: 'store01-2024.06_01',
    });
  });

  it.each([
    ['', 'empty'],
    ['store01-2024', 'no type prefix'],
    [':store01-2024', 'empty prefix'],
    ['Unknown:store01-2024', 'unknown type'],
    ['openAccount:store01-2024', 'prefix is the workflow name, not the type'],
    ['OpenAccount:short', 'key too short'],
    ['OpenAccount:has space-123', 'key with a space'],
    ['OpenAccount:a:b:c:d:e:f', 'key with ":"'],
    ['OpenAccount::store01-2024', 'empty channel'],
    ['OpenAccount:STORE BJ:store01-2024', 'channel with a space'],
    [`OpenAccount:${'k'.repeat(65)}`, 'key too long'],
  ])('ORD-3: rejects malformed order id %j (%s)', (id) => {
    expect(parseOrderId(id)).toBeNull();
  });

  it('ORD-3: an idempotency key is 8–64 letters, digits, ".", "_" or "-"', () => {
    for (const good of ['abcdefgh', 'A.b_c-1234', 'k'.repeat(64)]) {
      expect(idempotencyKeySchema.safeParse(good).success, good).toBe(true);
    }
    for (const bad of ['abcdefg', 'k'.repeat(65), 'abc defgh', 'abcdefgh/', '订单订单订单订单']) {
      expect(idempotencyKeySchema.safeParse(bad).success, bad).toBe(false);
    }
  });
});

describe('order states', () => {
  it('ORD-2: rejected, cancelled, completed and failed end an order; every other state does not', () => {
    expect(orderStatuses.filter(isTerminal)).toEqual(['rejected', 'cancelled', 'completed', 'failed']);
    expect(isTerminal('inProgress')).toBe(false);
    expect(isTerminal('pendingCancellation')).toBe(false);
  });

  it('ORD-2: every state has a label in both working languages', () => {
    for (const status of orderStatuses) {
      expect(orderStatusLabels[status].zh).not.toBe('');
      expect(orderStatusLabels[status].en).not.toBe('');
    }
    expect(orderStatusLabels.completed).toEqual({ zh: '已竣工', en: 'Completed' });
  });
});
