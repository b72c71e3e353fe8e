import type { Client } from '@temporalio/client';
import { msToTs } from '@temporalio/common';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { operatorOutlets } from '../../db/schema';
import { ensureSearchAttributes, searchAttributeCreateCommand } from '../../infra/search-attributes';
import {
  ChannelCodeAttribute,
  GroupCodeAttribute,
  MsisdnAttribute,
  OrderTypeAttribute,
  OutletCodeAttribute,
  searchAttributeKeys,
} from '../../workflows/contracts/search-attributes';
import { insertActiveSubscription, memberLine } from '../support/groups';
import { startHarness, type Harness } from '../support/harness';
import { openAccountBody, submitOrder, waitForOrder } from '../support/orders';
import { createWorkOrder } from '../support/work-orders';

/** The workflow IDs a Temporal UI query finds (the dev server is shared by every test file of the run). */
async function found(client: Client, query: string): Promise<string[]> {
  const ids: string[] = [];
  for await (const execution of client.workflow.list({ query })) ids.push(execution.workflowId);
  return ids;
}

/** Waits until the query finds the workflow: visibility is eventually consistent. */
async function expectFound(client: Client, query: string, workflowId: string): Promise<void> {
  await vi.waitFor(async () => expect(await found(client, query)).toContain(workflowId), {
    timeout: 15_000,
    interval: 250,
  });
}

/** What the workflow's history says: the search attributes on its started event, and whether any were upserted. */
const ownAttributeNames = new Set<string>(searchAttributeKeys.map((key) => key.name));

async function attributesInHistory(client: Client, workflowId: string) {
  const { events } = await client.workflow.getHandle(workflowId).fetchHistory();
  const started = events?.[0]?.workflowExecutionStartedEventAttributes;
  return {
    onStartedEvent: Object.keys(started?.searchAttributes?.indexedFields ?? {}).sort(),
    // Upserts of the order's own attributes; the SDK's own upsert of `TemporalChangeVersion` (which patches a
    // workflow took, e.g. the read-model one) is not one of them.
    upserts: (events ?? []).filter((e) =>
      Object.keys(
        e.upsertWorkflowSearchAttributesEventAttributes?.searchAttributes?.indexedFields ?? {},
      ).some((name) => ownAttributeNames.has(name)),
    ).length,
  };
}

describe('orders findable in the Temporal Web UI by what staff know (OPS)', () => {
  let h: Harness;
  let store: string;
  beforeAll(async () => {
    h = await startHarness();
    // store01 works at one outlet here, so its orders carry that outlet.
    await h.db.insert(operatorOutlets).values({ operatorId: 'store01', outletCode: 'OUT-BJ-WFJ' });
    store = await h.login('store01', 'STORE-BJ-001');
  });
  afterAll(async () => h?.close());

  it('OPS: an account opening is found by type, channel and chosen number, its attributes set at start', async () => {
    const res = await submitOrder(h.app, store, openAccountBody({ msisdn: '13800100088' }));
    expect(res.statusCode, res.body).toBe(202);
    const { id } = res.json<{ id: string }>();
    expect((await waitForOrder(h.app, store, id)).status).toBe('completed');

    await expectFound(h.client, "OrderType = 'OpenAccount' AND ChannelCode = 'STORE-BJ-001'", id);
    await expectFound(h.client, 'OrderType="OpenAccount" AND Msisdn="13800100088"', id);
    await expectFound(h.client, 'OutletCode="OUT-BJ-WFJ" AND ExecutionStatus="Completed"', id);

    const { typedSearchAttributes: attributes } = await h.client.workflow.getHandle(id).describe();
    expect(attributes.get(OrderTypeAttribute)).toBe('OpenAccount');
    expect(attributes.get(MsisdnAttribute)).toBe('13800100088');
    expect(attributes.get(ChannelCodeAttribute)).toBe('STORE-BJ-001');
    expect(attributes.get(OutletCodeAttribute)).toBe('OUT-BJ-WFJ');
    expect(attributes.get(GroupCodeAttribute)).toBeUndefined();

    // Set with the start: on the started event, no UpsertWorkflowSearchAttributes event in the history.
    expect(await attributesInHistory(h.client, id)).toEqual({
      onStartedEvent: ['ChannelCode', 'Msisdn', 'OrderType', 'OutletCode'],
      upserts: 0,
    });
  });

  it("OPS: a line's service change is found by its number", async () => {
    const msisdn = '13900100007';
    const res = await submitOrder(h.app, store, { type: 'suspend', msisdn, reason: '客户出差 travelling' });
    expect(res.statusCode, res.body).toBe(202);
    const { id } = res.json<{ id: string }>();
    await waitForOrder(h.app, store, id);

    await expectFound(h.client, `Msisdn = '${msisdn}'`, id);
    await expectFound(h.client, `OrderType = 'Suspend' AND Msisdn = '${msisdn}'`, id);
    expect((await attributesInHistory(h.client, id)).upserts).toBe(0);
  });

  it("OPS: a group member order is found by the group and the member's number", async () => {
    const group = '1000000001';
    await insertActiveSubscription(h.db, group);
    const manager = await h.login('manager01', 'STORE-BJ-001');
    const msisdn = memberLine(150);
    const res = await submitOrder(h.app, manager, {
      type: 'groupMemberAdd',
      groupCode: group,
      productCode: 'HDJ',
      msisdn,
      attributes: { displayName: '张三' },
    });
    expect(res.statusCode, res.body).toBe(202);
    const { id } = res.json<{ id: string }>();
    await waitForOrder(h.app, manager, id);

    await expectFound(h.client, `GroupCode = '${group}' AND OrderType = 'GroupMemberAdd'`, id);
    await expectFound(h.client, `GroupCode = '${group}' AND Msisdn = '${msisdn}'`, id);
  });

  it("OPS: a work order is found by the customer's number and its channel", async () => {
    const res = await createWorkOrder(h.app, store);
    expect(res.statusCode, res.body).toBe(202);
    const { id } = res.json<{ id: string }>();

    await expectFound(
      h.client,
      `WorkflowType = 'workOrderWorkflow' AND Msisdn = '13800100001' AND ChannelCode = 'STORE-BJ-001'`,
      id,
    );
    const { typedSearchAttributes: attributes } = await h.client.workflow.getHandle(id).describe();
    expect(attributes.get(OrderTypeAttribute)).toBeUndefined();
    expect((await attributesInHistory(h.client, id)).upserts).toBe(0);
  });

  it('OPS: on a cluster the worker registers the search attributes once, and says how when it may not', async () => {
    // A namespace of its own, as a cluster's would be before its first worker starts.
    const namespace = `sa-${crypto.randomUUID().slice(0, 8)}`;
    await h.client.workflowService.registerNamespace({
      namespace,
      workflowExecutionRetentionPeriod: msToTs('1 day'),
    });
    const lines: string[] = [];
    const log = (line: string) => lines.push(line);
    await vi.waitFor(
      async () => {
        lines.length = 0;
        await ensureSearchAttributes(h.client.connection, namespace, log);
        expect(lines).toEqual([
          `Temporal search attributes registered on namespace ${namespace}: OrderType, Msisdn, ChannelCode, OutletCode, GroupCode (Keyword)`,
        ]);
      },
      { timeout: 20_000, interval: 500 },
    );
    const { customAttributes } = await h.client.connection.operatorService.listSearchAttributes({
      namespace,
    });
    expect(Object.keys(customAttributes ?? {})).toEqual(
      expect.arrayContaining(['OrderType', 'Msisdn', 'ChannelCode', 'OutletCode', 'GroupCode']),
    );
    lines.length = 0;
    await ensureSearchAttributes(h.client.connection, namespace, log);
    expect(lines).toEqual([]);

    // A cluster that refuses: the log names the command to run.
    lines.length = 0;
    const denied = () => Promise.reject(new Error('7 PERMISSION_DENIED: Request unauthorized.'));
    const refusing = { operatorService: { listSearchAttributes: denied, addSearchAttributes: denied } };
    await ensureSearchAttributes(refusing, 'prod', log);
    expect(lines).toEqual([expect.stringContaining(searchAttributeCreateCommand('prod'))]);
    expect(searchAttributeCreateCommand('prod')).toBe(
      'temporal operator search-attribute create --namespace prod --name OrderType --type Keyword ' +
        '--name Msisdn --type Keyword --name ChannelCode --type Keyword --name OutletCode --type Keyword ' +
        '--name GroupCode --type Keyword',
    );
  });
});
