import { readFileSync } from 'node:fs';
import proto from '@temporalio/proto';
import { DefaultLogger, Runtime, Worker } from '@temporalio/worker';
import { beforeAll, describe, expect, inject, it } from 'vitest';

/**
 * Orders and work orders that were running when their steps started to write their own moves to the read
 * model (patches `read-model-by-step`, `work-order-writes-locally`) go on replaying: their recorded histories
 * — every move a scheduled activity of its own — replay against today's workflows without divergence.
 * Recorded with histories/record-histories.test.ts on the code before the change.
 */
const recorded = [
  'open-account-completed',
  'open-account-failed',
  'open-account-cancelled',
  'work-order-closed',
] as const;

describe('ORD-2, WO-1: histories recorded before moves rode on their steps', () => {
  let workflowBundle: { code: string };
  beforeAll(() => {
    Runtime.install({ logger: new DefaultLogger('ERROR') });
    workflowBundle = { code: readFileSync(inject('workflowBundlePath'), 'utf8') };
  });

  it.each(recorded)('ORD-2, WO-1: %s replays on today’s code without nondeterminism', async (name) => {
    // Protobuf's own JSON form: the SDK's historyFromJSON needs a newer protobufjs than the SDK ships with.
    const json = JSON.parse(
      readFileSync(new URL(`./histories/${name}.history.json`, import.meta.url), 'utf8'),
    ) as Record<string, unknown>;
    const history = proto.temporal.api.history.v1.History.fromObject(json);
    await expect(Worker.runReplayHistory({ workflowBundle }, history, name)).resolves.toBeUndefined();
  });
});
