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
 * `chunksPerRun`; runs started before this (no `parallel-member-chunks` marker) keep one chunk at a time.
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
  const parallel = patched('parallel-member-chunks') ? PARALLEL_CHUNKS : 1;
  // A chunk that finds every pending row held by its siblings fails `ChunkRowsHeld` and backs off, so the
  // last wave starts only as many chunks as the rows left fill; runs recorded before this start `parallel`.
  const byRowsLeft = patched('member-chunks-by-rows-left');
  let chunks = 0;
  while (progress.processedRows < progress.totalRows) {
    if (chunks >= chunksPerRun) {
      return continueAsNew<typeof memberBatchWorkflow>({
        ...input,
        chunksDone: input.chunksDone + chunks,
        progress,
      });
    }
    const chunksLeft = Math.ceil((progress.totalRows - progress.processedRows) / chunkSize);
    const wave = Math.min(byRowsLeft ? chunksLeft : parallel, parallel, chunksPerRun - chunks);
    const done = await Promise.all(
      Array.from({ length: wave }, () => act.processMemberBatchChunk({ batchId, chunkSize })),
    );
    // The chunk that committed last has seen every other chunk's rows counted.
    const latest = done.reduce((a, b) => (b.processedRows > a.processedRows ? b : a));
    const { rowsRemain, ...counters } = latest;
    progress = counters;
    chunks += wave;
    if (!rowsRemain) break;
  }
  // Only once no row is pending: a row another attempt still holds makes this retry until it is settled.
  progress = await act.completeMemberBatch({ batchId });
  return progress;
}
