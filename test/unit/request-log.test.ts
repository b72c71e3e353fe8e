import { describe, expect, it } from 'vitest';
import { requestIdOf, workflowIdOfLocation } from '../../api/plugins/request-log';

describe('request log context', () => {
  it.each(['ops-trace-0001', 'lb.7f3a:9', 'a'.repeat(128)])(
    'OPS: a plain x-request-id is kept as the request ID: %s',
    (header) => {
      expect(requestIdOf(header)).toBe(header);
    },
  );

  it.each([
    ['', 'empty'],
    ['a'.repeat(129), 'too long'],
    ['trace 1', 'a space'],
    ['trace-13900100005', 'a mobile number the logs would mask'],
    ['{"x":1}', 'JSON'],
  ])('OPS: an x-request-id that is not a plain token is replaced by a UUID (%s: %s)', (header) => {
    expect(requestIdOf(header)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  });

  it('OPS: two x-request-id headers give a fresh request ID', () => {
    expect(requestIdOf(['a', 'b'])).not.toMatch(/^[ab]$/);
    expect(requestIdOf(undefined)).toHaveLength(36);
  });

  it.each([
    ['/api/v1/orders/OpenAccount%3ASTORE-BJ-001%3Ak-1', 'OpenAccount:STORE-BJ-001:k-1'],
    ['/api/v1/work-orders/WorkOrder%3ACC-10086-BJ%3Ak-2', 'WorkOrder:CC-10086-BJ:k-2'],
    ['/api/v1/self-service/work-orders/WorkOrder%3AWEB-BJ-001%3Ak-3?msisdn=1', 'WorkOrder:WEB-BJ-001:k-3'],
    ['/api/v1/member-batches/MemberBatch%3ASTORE-BJ-001%3Ak-4', 'MemberBatch:STORE-BJ-001:k-4'],
    ['/api/v1/stock-batches/42', 'StockIn:42'],
  ])('OPS: the Location of a created item names its workflow: %s', (location, workflowId) => {
    expect(workflowIdOfLocation(location)).toBe(workflowId);
  });

  it.each(['/api/v1/lines/13900100005', '/api/v1/orders', '/api/v1/orders/%zz', '/docs'])(
    'OPS: %s names no workflow',
    (location) => {
      expect(workflowIdOfLocation(location)).toBeNull();
    },
  );
});
