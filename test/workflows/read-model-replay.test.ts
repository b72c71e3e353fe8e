import { DefaultLogger, Runtime } from '@temporalio/worker';
import { beforeAll, describe, expect, it } from 'vitest';
import { recordedHistory, replayOnTodaysCode } from '../support/replay';

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

/**
 * Openings that were running when their first step started to carry the acknowledgement (patch
 * `acknowledged-with-first-step`): each move rode on its step, the acknowledgement was a local activity of its
 * own. Recorded the same way, on the code before that change.
 */
const recordedMovesByStep = [
  'open-account-completed-moves-by-step',
  'open-account-failed-moves-by-step',
  'open-account-cancelled-moves-by-step',
] as const;

describe('ORD-2, WO-1: histories recorded before moves rode on their steps', () => {
  beforeAll(() => {
    Runtime.install({ logger: new DefaultLogger('ERROR') });
  });

  it.each(recorded)('ORD-2, WO-1: %s replays on today’s code without nondeterminism', async (name) => {
    const history = recordedHistory(new URL(`./histories/${name}.history.json`, import.meta.url));
    await expect(replayOnTodaysCode(history, name)).resolves.toBeUndefined();
  });
});

/**
 * A work order that was running when its read-model writes started to go one after another (patch
 * `work-order-writes-in-turn`): each step written by a local activity, the SLA watch started after the
 * creation's write. Recorded the same way, on the code before that change.
 */
const recordedWritesLocally = ['work-order-closed-writes-locally'] as const;

describe('WO-1: histories recorded before the read-model writes went one after another', () => {
  beforeAll(() => {
    Runtime.install({ logger: new DefaultLogger('ERROR') });
  });

  it.each(recordedWritesLocally)('WO-1: %s replays on today’s code without nondeterminism', async (name) => {
    const history = recordedHistory(new URL(`./histories/${name}.history.json`, import.meta.url));
    await expect(replayOnTodaysCode(history, name)).resolves.toBeUndefined();
  });
});

describe('ORD-2: histories recorded before the first step carried the acknowledgement', () => {
  beforeAll(() => {
    Runtime.install({ logger: new DefaultLogger('ERROR') });
  });

  it.each(recordedMovesByStep)('ORD-2: %s replays on today’s code without nondeterminism', async (name) => {
    const history = recordedHistory(new URL(`./histories/${name}.history.json`, import.meta.url));
    await expect(replayOnTodaysCode(history, name)).resolves.toBeUndefined();
  });
});

/**
 * Openings that were running when their quick steps became local activities (patch
 * `opening-quick-steps-local`): quoting, pre-entering the customer and committing the resources were
 * scheduled activities. Recorded the same way, on the code before that change.
 */
const recordedStepsScheduled = [
  'open-account-completed-acknowledged-with-first-step',
  'open-account-failed-acknowledged-with-first-step',
  'open-account-cancelled-acknowledged-with-first-step',
] as const;

describe('ORD-2: histories recorded before an opening’s quick steps ran as local activities', () => {
  beforeAll(() => {
    Runtime.install({ logger: new DefaultLogger('ERROR') });
  });

  it.each(recordedStepsScheduled)(
    'ORD-1, ORD-2: %s replays on today’s code without nondeterminism',
    async (name) => {
      const history = recordedHistory(new URL(`./histories/${name}.history.json`, import.meta.url));
      await expect(replayOnTodaysCode(history, name)).resolves.toBeUndefined();
    },
  );
});
