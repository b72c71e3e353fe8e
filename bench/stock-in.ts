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
import type { StockInProgress } from '../activities/stock-in';
import { selectionFeeRules } from '../db/schema';
import { seedAccessAndCatalogue } from '../db/seed';
import { seedFeeRules } from '../domain/selection-fees';
import { stockInWorkflowId } from '../workflows/contracts/stock-in';
import { progress, round, sampleRss } from './measure';
import { defineBenchmark } from './runner';
import { RAISED_RATE_LIMITS } from './set-up';

const TASK_QUEUE = 'bench-stock-in';

export const stockIn = defineBenchmark({
  name: 'stock-in',
  about: 'S numbers and S SIM cards stocked in from CSV files through the API: rowsPerSec, peakRssMb',
  flags: { size: Number(process.env.S ?? 200_000) },
  check: ({ size }) => {
    if (!Number.isInteger(size) || size < 1 || size > 9_999_999)
      throw new Error('S (--size) must be a whole number from 1 to 9999999');
  },
  headline: ['rowsPerSec', 'peakRssMb', 'totalSec'],
  setUp: {
    kind: 'system',
    taskQueue: TASK_QUEUE,
    pool: () => 10,
    config: () => RAISED_RATE_LIMITS,
    seed: async ({ db }, _flags, log) => {
      await seedAccessAndCatalogue(db);
      await db
        .insert(selectionFeeRules)
        .values(seedFeeRules.map((r) => ({ ...r, updatedBy: 'bench' })))
        .onConflictDoNothing();
      log('seeded operators and the selection-fee rules');
    },
  },
  body: async ({ flags, log, cleanup, baseUrl, client, login }) => {
    const { size } = flags;
    log(`stock-in of ${size} numbers and ${size} SIM cards from two CSV files uploaded through the API`);
    const token = await login('admin01');
    log('signed in as admin01 @ STORE-BJ-001');

    const rss = sampleRss(100);
    cleanup.add('RSS sampler', () => void rss.stop());

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
    const peakRssMb = rss.stop();
    const accepted = results.reduce((n, r) => n + r.acceptedRows, 0);
    const rejected = results.reduce((n, r) => n + r.rejectedRows, 0);
    log(`both batches completed in ${round(totalSec, 2)} s: ${accepted} accepted, ${rejected} rejected`);

    return {
      rows: 2 * size,
      numbers: size,
      sims: size,
      accepted,
      rejected,
      rowsPerSec: round((2 * size) / totalSec, 1),
      peakRssMb,
      totalSec: round(totalSec, 2),
      uploadMs: Math.round(uploadMs),
    };
  },
});

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
