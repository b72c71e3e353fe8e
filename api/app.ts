import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { Client, Connection } from '@temporalio/client';
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler } from 'fastify-type-provider-zod';
import type { Db } from '../db/client';
import type { BbossCallbackSink } from '../domain/bboss-callbacks';
import type { MnpCallbackSink } from '../domain/mnp-callbacks';
import type { AppConfig } from '../temporal.config';
import { contractSchemaTransform, contractValidatorCompiler } from './contract-openapi';
import { createWorkOrderStarter } from '../services/work-orders/work-order-service';
import { registerAudit } from './plugins/audit';
import { registerAuth } from './plugins/auth';
import { registerRouteAccessCheck } from './plugins/route-access';
import { registerRejectNul } from './plugins/reject-nul';
import { registerRateLimit } from './plugins/rate-limit';
import { frameworkErrorReply, registerErrorHandler } from './plugins/errors';
import { registerNotFound } from './plugins/not-found';
import { registerConsole } from './plugins/console';
import type { SimulatorsControl } from '../simulators/control';
import { healthRoutes } from './health';
import { API_PREFIX } from './prefix';
import { apiRoutes } from './routes';
import { MAX_PATH_PARAM_LENGTH } from './schemas';

export interface AppDeps {
  db: Db;
  client: Client;
  connection: Connection;
  config: AppConfig;
  logger?: boolean | { level: string; stream?: { write: (line: string) => void } };
  /**
   * REQ: MNP-5 — receives verified clearing-system callbacks: they signal the port orders (every API replica
   * answers them). Built by the composition root (infra/compose.ts).
   */
  mnpCallbacks: MnpCallbackSink;
  /** REQ: GRP-4 — receives verified BBOSS callbacks: they signal the group orders. */
  bbossCallbacks: BbossCallbackSink;
  /**
   * REQ: NOTIF-1, UI-1 — the simulators process, when the outside systems are simulated (`npm start`, the
   * tests): adds the administrators' demo routes (the SMS gateway's inbox; the HLR's and bank's latency).
   * Not given with the real systems.
   */
  simulators?: SimulatorsControl;
  /** REQ: UI-1 — the folder of the console's build (web/dist) to serve at `/`; none: no console. */
  consoleDir?: string;
}

/** The whole HTTP API, ready for `listen()` or `inject()`. */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    logger: deps.logger ?? { level: deps.config.LOG_LEVEL },
    requestIdHeader: 'x-request-id',
    genReqId: () => crypto.randomUUID(),
    frameworkErrors: frameworkErrorReply,
    // Every path parameter the document declares fits (the longest, a notification ID, is 200 characters).
    routerOptions: { maxParamLength: MAX_PATH_PARAM_LENGTH },
    // A JSON body may carry properties its schema does not name (the document allows them; they are dropped):
    // `__proto__` and `constructor.prototype` among them are removed as they are parsed, not refused.
    onProtoPoisoning: 'remove',
    onConstructorPoisoning: 'remove',
  });
  // Every answer carries the request ID that the logs show, so staff can quote it to support.
  app.addHook('onSend', async (request, reply) => {
    void reply.header('x-request-id', request.id);
  });
  app.setValidatorCompiler(contractValidatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandler(app, { retryAfterSeconds: deps.config.SERVICE_UNAVAILABLE_RETRY_AFTER_SECONDS });
  let consolePage: Awaited<ReturnType<typeof registerConsole>> = null;
  registerNotFound(app, { fallback: () => consolePage });
  registerAudit(app, { db: deps.db });
  await registerRateLimit(app, { apiPerMinute: deps.config.API_RATE_LIMIT_PER_MINUTE });
  registerAuth(app, { db: deps.db, utcOffsetHours: deps.config.BUSINESS_UTC_OFFSET_HOURS });
  registerRouteAccessCheck(app);
  registerRejectNul(app);

  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Mobile operator order management API',
        description: 'Orders and work orders of a mobile operator, each run as a durable Temporal workflow.',
        version: '0.1.0',
      },
      components: { securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer' } } },
    },
    transform: contractSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });
  if (deps.consoleDir) consolePage = await registerConsole(app, deps.consoleDir);

  await app.register(healthRoutes({ db: deps.db, connection: deps.connection, config: deps.config }));
  const routes = apiRoutes({
    db: deps.db,
    client: deps.client,
    config: deps.config,
    policy: {
      maxFailures: deps.config.SERVICE_PASSWORD_MAX_FAILURES,
      lockMinutes: deps.config.SERVICE_PASSWORD_LOCK_MINUTES,
    },
    startWorkOrder: createWorkOrderStarter({
      client: deps.client,
      db: deps.db,
      taskQueue: deps.config.TEMPORAL_TASK_QUEUE,
    }),
    mnpCallbacks: deps.mnpCallbacks,
    bbossCallbacks: deps.bbossCallbacks,
    simulators: deps.simulators,
  });
  for (const plugin of routes) await app.register(plugin, { prefix: API_PREFIX });
  return app;
}
