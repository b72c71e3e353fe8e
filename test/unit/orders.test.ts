import { describe, expect, it } from 'vitest';
import {
  idempotencyKeySchema,
  isTerminal,
  orderId,
  orderStatuses,
  orderStatusLabels,
  parseOrderId,
} from '../../domain/orders';

describe('order ids', () => {
  it('ORD-3: the idempotency key becomes the order id, and the id reads back to the key', () => {
    const id = orderId('openAccount', 'store01-2024.06_01');
    expect(id).toBe('OpenAccount:store01-2024.06_01');
    expect(parseOrderId(id)).toEqual({ type: 'openAccount', key: 'store01-2024.06_01' });
    expect(orderId('openAccount', 'store01-2024.06_01')).toBe(id);
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
