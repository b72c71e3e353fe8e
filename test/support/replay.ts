import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import proto, { type temporal } from '@temporalio/proto';
import { Worker } from '@temporalio/worker';
import { inject } from 'vitest';

type History = temporal.api.history.v1.IHistory;
type WorkflowBundle = { code: string };

let bundle: WorkflowBundle | null = null;

/** The workflows as the test run bundled them once (global-setup): the code the test workers run. */
export function testWorkflowBundle(): WorkflowBundle {
  return (bundle ??= { code: readFileSync(inject('workflowBundlePath'), 'utf8') });
}

/**
 * A history recorded beside the tests, as `histories/record-histories.test.ts` saves them: protobuf's own
 * JSON form (the SDK's historyFromJSON needs a newer protobufjs than the SDK ships with).
 */
export function recordedHistory(file: URL): History {
  const json = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  return proto.temporal.api.history.v1.History.fromObject(json);
}

/**
 * Replays `history` on today's workflow code — the test bundle unless another is given; rejects with the
 * divergence when today's code would not make the same decisions (a change that needed `patched()`).
 */
export async function replayOnTodaysCode(
  history: History,
  workflowId: string,
  workflowBundle: WorkflowBundle = testWorkflowBundle(),
): Promise<void> {
  try {
    await Worker.runReplayHistory({ workflowBundle }, history, workflowId);
  } catch (err) {
    // A divergence seen once must be readable afterwards: the history is kept beside the test results
    // (recordedHistory reads it back) and the error carries the SDK's whole explanation.
    const dir = 'test-results/replay-failures';
    mkdirSync(dir, { recursive: true });
    const file = `${dir}/${workflowId.replace(/[^A-Za-z0-9._-]/g, '_')}.history.json`;
    writeFileSync(file, JSON.stringify(proto.temporal.api.history.v1.History.toObject(history as never)));
    const cause = err instanceof Error && err.cause instanceof Error ? ` (${err.cause.message})` : '';
    throw new Error(`${err instanceof Error ? err.message : String(err)}${cause}; history kept in ${file}`, {
      cause: err,
    });
  }
}
