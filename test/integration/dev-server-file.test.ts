import { existsSync, mkdtempSync, openSync, readSync, closeSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTemporalDevServer, type DevServer } from '../../infra/dev-server';
import { freePorts } from '../../infra/ports';
import { killAndWaitForPortClosed } from '../support/outage-servers';

/** Bytes 18 and 19 of a SQLite file: its read and write format, 2 once the file is in WAL mode. */
function sqliteFormatVersions(file: string): [number, number] {
  const header = Buffer.alloc(20);
  const fd = openSync(file, 'r');
  try {
    readSync(fd, header, 0, 20, 0);
  } finally {
    closeSync(fd);
  }
  return [header[18] ?? 0, header[19] ?? 0];
}

/**
 * REQ: ORD-1 — `npm start`'s Temporal dev server keeps its state in a SQLite file (write-ahead log,
 * synchronous=NORMAL): an order's workflow started before the server process is killed outright is still
 * there, running, once the server is started again on the same file, as README promises.
 */
describe('OPS: the Temporal dev server on a SQLite file (npm start)', () => {
  let dir: string;
  let dbFile: string;
  let port: number;
  let server: DevServer;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'om-dev-server-'));
    dbFile = join(dir, 'temporal.db');
    [port] = (await freePorts(1)) as [number];
    server = await startTemporalDevServer({ port, dbFile });
  });
  afterAll(async () => {
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const withClient = async <T>(use: (client: Client) => Promise<T>): Promise<T> => {
    const connection = await Connection.connect({ address: server.address });
    try {
      return await use(new Client({ connection }));
    } finally {
      await connection.close();
    }
  };

  it('OPS: the dev server keeps its state across a crash — its file in WAL mode, a workflow started before a SIGKILL is there after a restart', async () => {
    const workflowId = `durable-${Date.now()}`;
    // No worker polls this queue: the workflow waits for its first task, as an order waits for a worker.
    const runId = await withClient(async (client) => {
      const handle = await client.workflow.start('openAccountWorkflow', {
        workflowId,
        taskQueue: 'dev-server-file-test',
        args: [],
      });
      return handle.firstExecutionRunId;
    });

    expect(sqliteFormatVersions(dbFile)).toEqual([2, 2]);
    expect(existsSync(`${dbFile}-wal`)).toBe(true);

    await killAndWaitForPortClosed(server.pid, port);
    server = await startTemporalDevServer({ port, dbFile });

    const described = await withClient((client) => client.workflow.getHandle(workflowId).describe());
    expect(described.runId).toBe(runId);
    expect(described.status.name).toBe('RUNNING');
    expect(sqliteFormatVersions(dbFile)).toEqual([2, 2]);
  });
});
