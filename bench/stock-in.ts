/**
 * `npm run bench -- stock-in` (REQ: RES-1): S mobile numbers and S SIM cards stocked in from two generated CSV
 * files uploaded through the real HTTP API (Fastify on a free port), each streamed as it is generated, and
 * stocked by the stock-in workflow on a worker in this process against Temporal and PostgreSQL.
 *
 * Numbers are 1478xxxxxxx (segments the seed never uses), priced by the seed's fee rules (RES-4); SIM cards
 * 898600… with IMSIs 46007…. The clock runs from the first upload until both batches have completed.
 *
 * Figures: rows (2 × S), numbers, sims, accepted, rejected, rowsPerSec (rows / totalSec), peakRssMb (RSS of
 * this process — worker, API and driver — sampled every 100 ms), totalSec, uploadMs (both POSTs, until the
 * API answered 202: the files are staged by then).
 *
 * Size: env S or --size (default 200000, at most 9,999,999).
 */
import { request } from 'node:http';
import { Readable } from 'node:stream';
import { Client, Connection } from '@temporalio/client';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import { stockInWorkflowId } from '../services/resources/stock-in-service';
import type { StockInProgress } from '../activities/stock-in';
import { createDb } from '../db/client';
import { selectionFeeRules } from '../db/schema';
import { seedAccessAndCatalogue } from '../db/seed';
import { seedFeeRules } from '../domain/selection-fees';
import {
  benchConfig,
  Cleanup,
  logger,
  login,
  parseFlags,
  progress,
  round,
  startApi,
  startEnvironment,
  startOrderWorker,
  type Benchmark,
} from './support';

const TASK_QUEUE = 'bench-stock-in';

export const stockIn: Benchmark = async (args) => {
  const flags = parseFlags(args, { size: Number(process.env.S ?? 200_000) });
  const size = flags.size;
  if (!Number.isInteger(size) || size < 1 || size > 9_999_999) {
    throw new Error('S (--size) must be a whole number from 1 to 9999999');
  }
  Runtime.install({ logger: new DefaultLogger('ERROR') });
  const log = logger('stock-in');
  const cleanup = new Cleanup(log);
  log(`stock-in of ${size} numbers and ${size} SIM cards from two CSV files uploaded through the API`);
  try {
    const env = await startEnvironment(cleanup, log, { temporal: true });
    const config = benchConfig(env, TASK_QUEUE);
    const { db, close } = createDb(env.databaseUrl, { max: 10 });
    cleanup.add('database pool', close);
    await seedAccessAndCatalogue(db);
    await db
      .insert(selectionFeeRules)
      .values(seedFeeRules.map((r) => ({ ...r, updatedBy: 'bench' })))
      .onConflictDoNothing();
    log('seeded operators and the selection-fee rules');

    const { readyMs } = await startOrderWorker(cleanup, log, { name: 'order worker', db, config });
    log(`order worker running in this process on "${TASK_QUEUE}" (bundled in ${readyMs} ms)`);
    const baseUrl = await startApi(cleanup, { db, config });
    log(`API listening on ${baseUrl}`);
    const connection = await Connection.connect({ address: config.TEMPORAL_ADDRESS ?? '' });
    cleanup.add('driver Temporal connection', () => connection.close());
    const client = new Client({ connection, namespace: config.TEMPORAL_NAMESPACE });
    const token = await login(baseUrl, 'admin01');
    log('signed in as admin01 @ STORE-BJ-001');

    let peakRss = process.memoryUsage().rss;
    const sampler = setInterval(() => {
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
    }, 100);
    cleanup.add('RSS sampler', () => clearInterval(sampler));

    const t0 = performance.now();
    const numbersFile = csvLines('number,kind,segment', size, (i) => {
      const msisdn = String(14_780_000_000 + i);
      return `${msisdn},mobile,${msisdn.slice(0, 7)}`;
    });
    const simsFile = csvLines(
      'iccid,imsi,capacityKb',
      size,
      (i) => `898600${String(i).padStart(14, '0')},46007${String(i).padStart(10, '0')},${i % 2 ? 64 : 128}`,
    );
    const numbersBatch = await upload(baseUrl, token, 'numbers', numbersFile);
    log(`numbers file uploaded in ${Math.round(numbersBatch.ms)} ms as ${numbersBatch.id}`);
    const simsBatch = await upload(baseUrl, token, 'sims', simsFile);
    log(`SIM file uploaded in ${Math.round(simsBatch.ms)} ms as ${simsBatch.id}`);
    const uploadMs = numbersBatch.ms + simsBatch.ms;

    let latest: StockInProgress[] = [];
    const ticker = progress(log, () =>
      latest.map((p) => `${p.batchId}: ${p.processedRows}/${p.totalRows} (${p.percent}%)`).join('; '),
    );
    const poller = setInterval(() => {
      Promise.all(
        [numbersBatch.id, simsBatch.id].map(async (id) => {
          const res = await fetch(`${baseUrl}/api/v1/stock-batches/${id}`, {
            headers: { authorization: `Bearer ${token}` },
          });
          const view = (await res.json()) as Omit<StockInProgress, 'batchId'> & { id: string };
          return { ...view, batchId: view.id };
        }),
      )
        .then((views) => {
          latest = views;
        })
        .catch(() => undefined);
    }, 1_000);
    let results: StockInProgress[];
    try {
      // Follows each workflow's runs continued as new up to the last one's result.
      results = await Promise.all(
        [numbersBatch.id, simsBatch.id].map(
          (id) => client.workflow.getHandle(stockInWorkflowId(id)).result() as Promise<StockInProgress>,
        ),
      );
    } finally {
      clearInterval(poller);
      ticker.stop();
    }
    const totalSec = (performance.now() - t0) / 1000;
    clearInterval(sampler);
    const accepted = results.reduce((n, r) => n + r.acceptedRows, 0);
    const rejected = results.reduce((n, r) => n + r.rejectedRows, 0);
    log(`both batches completed in ${round(totalSec, 2)} s: ${accepted} accepted, ${rejected} rejected`);

    const figures = {
      rows: 2 * size,
      numbers: size,
      sims: size,
      accepted,
      rejected,
      rowsPerSec: round((2 * size) / totalSec, 1),
      peakRssMb: round(peakRss / 2 ** 20),
      totalSec: round(totalSec, 2),
      uploadMs: Math.round(uploadMs),
    };
    await cleanup.run();
    return figures;
  } finally {
    await cleanup.run();
  }
};

/** A CSV file generated as it is read: the header, then `rows` lines, 1,000 per piece. */
function csvLines(header: string, rows: number, line: (i: number) => string): Readable {
  return Readable.from(
    (function* () {
      yield `${header}\r\n`;
      for (let from = 0; from < rows; from += 1_000) {
        const to = Math.min(rows, from + 1_000);
        yield Array.from({ length: to - from }, (_, k) => `${line(from + k)}\r\n`).join('');
      }
    })(),
  );
}

/** POSTs the file as a chunked stream (never whole in memory); resolves with the batch ID and the time taken. */
function upload(
  baseUrl: string,
  token: string,
  resourceType: 'numbers' | 'sims',
  file: Readable,
): Promise<{ id: string; ms: number }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = request(
      `${baseUrl}/api/v1/stock-batches?resourceType=${resourceType}&fileName=bench-${resourceType}.csv`,
      { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv' } },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => {
          if (res.statusCode !== 202) reject(new Error(`upload → ${res.statusCode ?? '?'} ${text}`));
          else resolve({ id: (JSON.parse(text) as { id: string }).id, ms: performance.now() - started });
        });
      },
    );
    req.on('error', reject);
    file.on('error', reject);
    file.pipe(req);
  });
}
