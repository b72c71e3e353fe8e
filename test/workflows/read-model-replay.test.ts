import { DefaultLogger, Runtime } from '@temporalio/worker';
import { beforeAll, describe, expect, it } from 'vitest';
import { recordedHistory, replayOnTodaysCode } from '../support/replay';

/**
 * Orders and work orders that were running when a change of their workflow came in go on replaying: their
 * recorded histories replay against today's workflows without divergence. Each was recorded through the real
 * stack with histories/record-histories.test.ts on the code before the change its `patched()` guards.
 */
const recordings: readonly { ids: string; before: string; names: readonly string[] }[] = [
  {
    ids: 'ORD-2, WO-1',
    before: 'moves rode on their steps (patches read-model-by-step, work-order-writes-locally)',
    names: ['open-account-completed', 'open-account-failed', 'open-account-cancelled', 'work-order-closed'],
  },
  {
    ids: 'ORD-2',
    before: 'the first step carried the acknowledgement (patch acknowledged-with-first-step)',
    names: [
      'open-account-completed-moves-by-step',
      'open-account-failed-moves-by-step',
      'open-account-cancelled-moves-by-step',
    ],
  },
  {
    ids: 'WO-1',
    before: 'the read-model writes went one after another (patch work-order-writes-in-turn)',
    names: ['work-order-closed-writes-locally'],
  },
  {
    ids: 'ORD-1, ORD-2',
    before: 'an opening’s quick steps ran as local activities (patch opening-quick-steps-local)',
    names: [
      'open-account-completed-acknowledged-with-first-step',
      'open-account-failed-acknowledged-with-first-step',
      'open-account-cancelled-acknowledged-with-first-step',
    ],
  },
  {
    ids: 'PC-5, PC-6, ORD-6',
    before:
      'a pre-cancellation’s quick steps ran as local activities (patch pre-cancellation-quick-steps): ' +
      'revoked in its grace, cancelled by the system after it, cancelled while suspending',
    names: [
      'pre-cancellation-revoked-steps-scheduled',
      'pre-cancellation-cancelled-without-visit-steps-scheduled',
      'pre-cancellation-cancelled-steps-scheduled',
    ],
  },
];

describe.each(recordings)('$ids: histories recorded before $before', ({ ids, names }) => {
  beforeAll(() => {
    Runtime.install({ logger: new DefaultLogger('ERROR') });
  });

  it.each(names)(`${ids}: %s replays on today’s code without nondeterminism`, async (name) => {
    const history = recordedHistory(new URL(`./histories/${name}.history.json`, import.meta.url));
    await expect(replayOnTodaysCode(history, name)).resolves.toBeUndefined();
  });
});
