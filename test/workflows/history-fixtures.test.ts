import { readdirSync } from 'node:fs';
import { DefaultLogger, Runtime, Worker } from '@temporalio/worker';
import { beforeAll, describe, expect, it } from 'vitest';
import * as workflows from '../../workflows';
import { recordedHistory, testWorkflowBundle } from '../support/replay';

/**
 * REQ: ORD-1 — orders and work orders that were running when new code came in go on running: every history
 * fixture in histories/ (recorded through the real stack by `npm run histories:record`, on the code of its
 * day) replays on today's workflows without nondeterminism, and every workflow type has at least one. A change
 * that breaks a fixture keeps the old path under `patched()` and records a new fixture (histories/README.md).
 */
const dir = new URL('./histories/', import.meta.url);
const fixtures = readdirSync(dir)
  .filter((name) => name.endsWith('.history.json'))
  .sort()
  .map((file) => {
    const history = recordedHistory(new URL(file, dir));
    const started = history.events?.[0]?.workflowExecutionStartedEventAttributes;
    return { name: file.replace(/\.history\.json$/, ''), history, type: started?.workflowType?.name ?? '?' };
  });

describe('ORD-1: recorded histories replay on today’s workflow code', () => {
  beforeAll(() => {
    Runtime.install({ logger: new DefaultLogger('ERROR') });
  });

  it('ORD-1: every workflow type the workers run has a history fixture', () => {
    const recorded = new Set(fixtures.map((f) => f.type));
    const missing = Object.keys(workflows).filter((type) => !recorded.has(type));
    expect(missing, 'workflow types without a fixture in test/workflows/histories').toEqual([]);
  });

  it('ORD-1: every fixture replays without nondeterminism (Worker.runReplayHistories)', async () => {
    const failures: string[] = [];
    const results = Worker.runReplayHistories(
      { workflowBundle: testWorkflowBundle() },
      fixtures.map(({ name, history }) => ({ workflowId: name, history })),
    );
    let replayed = 0;
    for await (const result of results) {
      replayed++;
      if (result.error) {
        const cause = result.error.cause instanceof Error ? ` (${result.error.cause.message})` : '';
        failures.push(`${result.workflowId}: ${result.error.message}${cause}`);
      }
    }
    expect(failures).toEqual([]);
    expect(replayed).toBe(fixtures.length);
  });
});
