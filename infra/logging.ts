import { hostname } from 'node:os';
import type { Logger as TemporalLogger, LogLevel as TemporalLogLevel, LogMetadata } from '@temporalio/common';
import { pino, stdSerializers, type Logger, type LoggerOptions } from 'pino';
import { maskLogValue, maskText } from '../domain/log-masking';

/** The process a line comes from. */
export type LogService = 'api' | 'worker' | 'simulators';

/** Where lines go; by default standard output. A test passes its own to read them. */
export interface LogDestination {
  write: (line: string) => void;
}

/** pino's levels, as `LOG_LEVEL` names them. */
export type LogLevelName = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

export interface LoggerSettings {
  service: LogService;
  level: LogLevelName;
  destination?: LogDestination;
}

/**
 * OPS: THE logger of every process (API, worker, simulators): one JSON object per line with `time` (ISO 8601),
 * `level` (its name), `service`, `pid`, `hostname`, `msg` and the fields of the line; every string in it —
 * message, fields, bindings, errors, URLs — masked and every secret-named field redacted by
 * domain/log-masking.ts before it is written.
 */
export function createLogger(settings: LoggerSettings): Logger {
  return pino(loggerOptions(settings), settings.destination ?? standardOutput());
}

let stdout: ReturnType<typeof pino.destination> | null = null;
/** One writer on standard output per process, so the API's and the worker's lines never split each other. */
const standardOutput = () => (stdout ??= pino.destination({ dest: 1, sync: false }));

/** The options behind `createLogger`: masking sits in the formatters and serializers. */
export function loggerOptions({ service, level }: LoggerSettings): LoggerOptions {
  return {
    level,
    base: { service, pid: process.pid, hostname: hostname() },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: {
      level: (label) => ({ level: label }),
      // The root bindings; a child's bindings are masked by `bindLogFields` before they are bound.
      bindings: (bindings) => maskLogValue(bindings) as Record<string, unknown>,
      // The fields of one line; those with a serializer below are masked there, after serializing.
      log: (fields) => maskFields(fields),
    },
    serializers: {
      msg: (message: unknown) => (typeof message === 'string' ? maskText(message) : maskLogValue(message)),
      err: (err: unknown) => maskLogValue(err instanceof Error ? stdSerializers.err(err) : err),
      req: (req: { method?: string; url?: string }) => ({
        method: req.method,
        url: typeof req.url === 'string' ? maskText(req.url) : undefined,
      }),
      res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
    },
  };
}

const SERIALIZED_KEYS = new Set(['err', 'req', 'res']);

function maskFields(fields: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const rest: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) {
    if (SERIALIZED_KEYS.has(key)) out[key] = value;
    else rest[key] = value;
  }
  return { ...(maskLogValue(rest) as Record<string, unknown>), ...out };
}

/**
 * Adds fields to every later line of `logger` (a request's logger: `request.log`, which is also
 * `reply.log`), masked as any field is.
 */
export function bindLogFields(logger: object, fields: Record<string, unknown>): void {
  if (isBindable(logger)) logger.setBindings(maskLogValue(fields) as Record<string, unknown>);
}

/** A pino logger (Fastify types its request loggers as the narrower FastifyBaseLogger). */
const isBindable = (logger: object): logger is Pick<Logger, 'setBindings'> =>
  'setBindings' in logger && typeof logger.setBindings === 'function';

const temporalLevels: Record<TemporalLogLevel, 'trace' | 'debug' | 'info' | 'warn' | 'error'> = {
  TRACE: 'trace',
  DEBUG: 'debug',
  INFO: 'info',
  WARN: 'warn',
  ERROR: 'error',
};

/**
 * OPS: the Temporal SDK's logger interface over `logger`, for `Runtime.install` (infra/worker-runtime.ts): the
 * SDK's own lines, the workflows' `log` and the activities' `log` become the same JSON lines. Their metadata
 * stays as fields (`workflowId`, `workflowType`, `runId`, `activityType`, `activityId`, `taskQueue`,
 * `namespace`, `attempt`, `sdkComponent`); a line about a workflow also carries `orderId` (= its workflow ID),
 * as the API's lines of the same order do.
 */
export function temporalLogger(logger: Logger): TemporalLogger {
  const log = (level: TemporalLogLevel, message: string, meta?: LogMetadata): void => {
    const method = temporalLevels[level];
    if (!logger.isLevelEnabled(method)) return;
    const fields: Record<string, unknown> = {};
    // Symbol keys (the SDK's timestamp) are left out; the line has its own time.
    for (const [key, value] of Object.entries(meta ?? {})) fields[key] = value;
    if (typeof fields.workflowId === 'string' && fields.orderId === undefined) {
      fields.orderId = fields.workflowId;
    }
    logger[method](fields, message);
  };
  return {
    log,
    trace: (message, meta) => log('TRACE', message, meta),
    debug: (message, meta) => log('DEBUG', message, meta),
    info: (message, meta) => log('INFO', message, meta),
    warn: (message, meta) => log('WARN', message, meta),
    error: (message, meta) => log('ERROR', message, meta),
  };
}
