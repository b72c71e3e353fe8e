import { continueAsNew, patched, proxyActivities, setHandler } from '@temporalio/workflow';
import type { Activities } from '../activities';
import {
  memberBatchProgressQuery,
  type MemberBatchInput,
  type MemberBatchProgress,
} from './contracts/member-batch';

/**
 * A member batch (成员批量导入), REQ: GRP-6 at scale: the rows of the uploaded file, already in PostgreSQL,
 * are added chunk by chunk; each chunk is one activity and one database transaction (see
 * `processMemberBatchChunk`), so a worker killed mid-chunk loses nothing and repeats nothing.
 *
 * Why the history stays small however big the batch is: the rows, their results and the counters live in
 * PostgreSQL, never in the history; a chunk costs about six history events (a workflow task and an
 * activity, three events each), and after `chunksPerRun` chunks the workflow continues as new, carrying only
 * the number of chunks done. A run's history is thus bounded by about 6 × chunksPerRun + a dozen events
 * (some 130 with the defaults), whether the batch has 100 rows or 50,000 — far below Temporal's limits, and
 * quick to replay on any worker. The progress query answers from the counters of the last chunk.
 * The Temporal server lets a workflow ID continue as new about once a second (a shorter run's successor
 * waits), so a run should take longer than that: with the defaults (20 chunks of 200 rows) it does.
 *
 * Chunks run PARALLEL_CHUNKS at a time (each claims rows no other chunk holds, so none is shared): a chunk
 * spends most of its time waiting for BBOSS, and BBOSS answers each member sync request on its own. Each
 * chunk is still one transaction and one BBOSS request of `chunkSize` rows, and counts towards
 * `chunksPerRun`. A new chunk starts as soon as one ends (`member-chunks-kept-in-flight`); runs started
 * before that went in waves, each waiting for its slowest chunk, and runs older still (no
 * `parallel-member-chunks` marker) one chunk at a time: both replay as they ran.
 * `rowsRemain` means rows are still pending, whoever holds them; a chunk that can claim none while some are
 * pending fails `ChunkRowsHeld` and is retried, so a chunk attempt that timed out with its transaction still
 * open is waited for, never overtaken by `completeMemberBatch`.
 */
/** Chunks of one batch in flight at once: 4 keeps BBOSS busy without holding many database connections. */
const PARALLEL_CHUNKS = 4;

export async function memberBatchWorkflow(input: MemberBatchInput): Promise<MemberBatchProgress> {
  const { batchId, settings } = input;
  // A chunk retries until it goes through: its rows are durable and every attempt starts from a clean slate.
  const act = proxyActivities<Activities>({
    startToCloseTimeout: `${settings.stepTimeoutSeconds}s`,
    retry: { initialInterval: '1s', maximumInterval: '1m' },
  });

  // The query answers from the first moment of every run: with the progress carried over, else nothing done.
  let progress: MemberBatchProgress = input.progress ?? {
    batchId,
    status: 'running',
    totalRows: 0,
    processedRows: 0,
    acceptedRows: 0,
    rejectedRows: 0,
    percent: 0,
  };
  setHandler(memberBatchProgressQuery, () => progress);
  progress = await act.readMemberBatchProgress({ batchId });

  const { chunkSize, chunksPerRun } = settings.memberBatch;
  const chunkOnce = () => act.processMemberBatchChunk({ batchId, chunkSize });
  const next = patched('member-chunks-kept-in-flight')
    ? await keepChunksInFlight(progress, chunkOnce, settings.memberBatch, (p) => (progress = p))
    : await runChunksInWaves(progress, chunkOnce, settings.memberBatch, (p) => (progress = p));
  if (next === 'continue') {
    return continueAsNew<typeof memberBatchWorkflow>({
      ...input,
      chunksDone: input.chunksDone + chunksPerRun,
      progress,
    });
  }
  // Only once no row is pending: a row another attempt still holds makes this retry until it is settled.
  progress = await act.completeMemberBatch({ batchId });
  return progress;
}

type ChunkOutcome = MemberBatchProgress & { rowsRemain: boolean };
type ChunkSettings = MemberBatchInput['settings']['memberBatch'];

/**
 * How a run processes its chunks: from the counters it started with, running `chunkOnce` as often as the
 * settings allow, `report`ing each newer set of counters; `continue` when the run should continue as new.
 */
type ChunkRunner = (
  start: MemberBatchProgress,
  chunkOnce: () => Promise<ChunkOutcome>,
  settings: ChunkSettings,
  report: (progress: MemberBatchProgress) => void,
) => Promise<'continue' | 'complete'>;

/**
 * Keeps PARALLEL_CHUNKS chunks in flight: a new chunk starts as soon as one ends, not when the slowest of a
 * wave does, and only while the rows not yet processed would leave it some to claim (more rows than the
 * chunks in flight hold), so none starts to find every pending row held and back off. After `chunksPerRun`
 * chunks it lets those in flight end and answers `continue`; `complete` once no row is left to start on.
 */
const keepChunksInFlight: ChunkRunner = async (start, chunkOnce, { chunkSize, chunksPerRun }, report) => {
  let progress = start;
  let rowsRemain = progress.processedRows < progress.totalRows;
  let started = 0;
  const inFlight = new Map<number, Promise<[number, ChunkOutcome]>>();
  const rowsLeft = () => progress.totalRows - progress.processedRows;
  for (;;) {
    while (
      rowsRemain &&
      started < chunksPerRun &&
      inFlight.size < PARALLEL_CHUNKS &&
      rowsLeft() > inFlight.size * chunkSize
    ) {
      const n = started++;
      inFlight.set(
        n,
        chunkOnce().then((outcome): [number, ChunkOutcome] => [n, outcome]),
      );
    }
    if (inFlight.size === 0) break;
    const [n, { rowsRemain: remain, ...counters }] = await Promise.race(inFlight.values());
    inFlight.delete(n);
    // Chunks commit in any order: the counters that saw the most rows processed are the latest.
    if (counters.processedRows >= progress.processedRows) {
      progress = counters;
      report(progress);
    }
    if (!remain) rowsRemain = false;
  }
  return rowsRemain && rowsLeft() > 0 ? 'continue' : 'complete';
};

/**
 * Runs before `member-chunks-kept-in-flight`: chunks in waves of up to PARALLEL_CHUNKS (one at a time before
 * `parallel-member-chunks`), each wave waiting for its slowest chunk.
 */
const runChunksInWaves: ChunkRunner = async (start, chunkOnce, { chunkSize, chunksPerRun }, report) => {
  let progress = start;
  const parallel = patched('parallel-member-chunks') ? PARALLEL_CHUNKS : 1;
  // A chunk that finds every pending row held by its siblings fails `ChunkRowsHeld` and backs off, so the
  // last wave starts only as many chunks as the rows left fill; runs recorded before this start `parallel`.
  const byRowsLeft = patched('member-chunks-by-rows-left');
  let chunks = 0;
  while (progress.processedRows < progress.totalRows) {
    if (chunks >= chunksPerRun) return 'continue';
    const chunksLeft = Math.ceil((progress.totalRows - progress.processedRows) / chunkSize);
    const wave = Math.min(byRowsLeft ? chunksLeft : parallel, parallel, chunksPerRun - chunks);
    const done = await Promise.all(Array.from({ length: wave }, chunkOnce));
    // The chunk that committed last has seen every other chunk's rows counted.
    const latest = done.reduce((a, b) => (b.processedRows > a.processedRows ? b : a));
    const { rowsRemain, ...counters } = latest;
    progress = counters;
    report(progress);
    chunks += wave;
    if (!rowsRemain) break;
  }
  return 'complete';
};
