import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { Client, Connection } from '@temporalio/client';
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler } from 'fastify-type-provider-zod';
import type { Db } from '../db/client';
import type { BbossCallbackSink } from '../domain/bboss-callbacks';
import type { MnpCallbackSink } from '../domain/mnp-callbacks';
import type { AppConfig } from '../temporal.config';
import { workflowSettings } from '../temporal.config';
import { createBbossCallbackSink } from './bboss-callback-sink';
import { contractSchemaTransform, contractValidatorCompiler } from './contract-openapi';
import { createMnpCallbackSink } from './mnp-callback-sink';
import { createOrderService } from '../services/orders/order-service';
import { createWorkOrderStarter } from '../services/work-orders/work-order-service';
import { dispatchRuleRoutes } from './work-orders/dispatch-rules';
import { greenChannelRoutes } from './work-orders/green-channel';
import { notificationRoutes } from './work-orders/notifications';
import { selfServiceRoutes } from './queries/self-service';
import { workOrderViewRoutes } from './work-orders/work-order-views';
import { workOrderRoutes } from './work-orders/work-orders';
import { registerAudit } from './plugins/audit';
import { registerAuth } from './plugins/auth';
import { registerRouteAccessCheck } from './plugins/route-access';
import { registerRejectNul } from './plugins/reject-nul';
import { registerRateLimit } from './plugins/rate-limit';
import { auditRoutes } from './access/audit';
import { lockRoutes } from './access/locks';
import { frameworkErrorReply, registerErrorHandler } from './plugins/errors';
import { registerNotFound } from './plugins/not-found';
import { checkOrder } from '../services/orders/order-checks';
import { approvalRoutes } from './orders/approvals';
import { formalCancellationRoutes } from './orders/formal-cancellation';
import { authRoutes } from './access/auth';
import { bbossCallbackRoutes } from './callbacks/bboss-callbacks';
import { groupRoutes } from './groups/groups';
import { healthRoutes } from './health';
import { memberBatchRoutes } from './groups/member-batches';
import { stockBatchRoutes } from './resources/stock-batches';
import { mnpCallbackRoutes } from './callbacks/mnp-callbacks';
import { numberPortabilityRoutes } from './orders/number-portability';
import { numberRoutes } from './resources/numbers';
import { orgUnitRoutes } from './access/org-units';
import { resourceMovementRoutes } from './resources/resource-movements';
import { resourceStateRoutes } from './resources/resource-states';
import { segmentRoutes } from './resources/segments';
import { smsSimulatorRoutes, type SmsInbox } from './simulators/sms-simulator';
import { selectionFeeRoutes } from './resources/selection-fee-rules';
import { stockReportRoutes } from './resources/stock-reports';
import { orderRoutes } from './orders/orders';
import { productPermissionRoutes } from './groups/product-permissions';
import { customerCategoryRoutes } from './access/customer-categories';
import { channelRoutes } from './access/channels';
import { operatorRoutes } from './access/operators';
import { queryRoutes } from './queries/queries';
import { telephonyCallbackRoutes } from './callbacks/telephony-callbacks';
import { MAX_PATH_PARAM_LENGTH } from './schemas';

export interface AppDeps {
  db: Db;
  client: Client;
  connection: Connection;
  config: AppConfig;
  logger?: boolean | { level: string; stream?: { write: (line: string) => void } };
  /**
   * REQ: MNP-5 — receives verified clearing-system callbacks; by default they signal the port orders through
   * `client` (every API replica answers them).
   */
  mnpCallbacks?: MnpCallbackSink;
  /** REQ: GRP-4 — receives verified BBOSS callbacks; by default they signal the group orders through `client`. */
  bbossCallbacks?: BbossCallbackSink;
  /**
   * REQ: NOTIF-1 — the simulated SMS gateway when it runs in this process (`npm start`): adds the
   * administrators' demo inbox route. Not given with a real gateway.
   */
  smsInbox?: SmsInbox;
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
  registerNotFound(app);
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

  const orders = createOrderService({
    client: deps.client,
    db: deps.db,
    taskQueue: deps.config.TEMPORAL_TASK_QUEUE,
    settings: workflowSettings(deps.config),
    secretsKey: deps.config.SECRETS_KEY,
  });
  await app.register(healthRoutes({ db: deps.db, connection: deps.connection, config: deps.config }));
  await app.register(
    authRoutes({
      db: deps.db,
      sessionTtlMinutes: deps.config.SESSION_TTL_MINUTES,
      lockout: {
        maxFailures: deps.config.LOGIN_MAX_FAILURES,
        lockoutMinutes: deps.config.LOGIN_LOCKOUT_MINUTES,
      },
      loginRateLimitPerMinute: deps.config.LOGIN_RATE_LIMIT_PER_MINUTE,
      utcOffsetHours: deps.config.BUSINESS_UTC_OFFSET_HOURS,
    }),
  );
  await app.register(auditRoutes({ db: deps.db }));
  await app.register(lockRoutes({ db: deps.db, client: deps.client }));
  await app.register(numberRoutes({ db: deps.db }));
  await app.register(orgUnitRoutes({ db: deps.db }));
  await app.register(resourceMovementRoutes({ db: deps.db }));
  await app.register(
    resourceStateRoutes({ db: deps.db, reservationMaxDays: deps.config.RESERVATION_MAX_DAYS }),
  );
  await app.register(selectionFeeRoutes({ db: deps.db }));
  await app.register(segmentRoutes({ db: deps.db }));
  await app.register(stockReportRoutes({ db: deps.db }));
  await app.register(
    numberPortabilityRoutes({ db: deps.db, minTenureDays: deps.config.MNP_MIN_TENURE_DAYS }),
  );
  await app.register(
    orderRoutes({ orders, check: (principal, request) => checkOrder(deps.db, principal, request) }),
  );
  await app.register(approvalRoutes({ orders }));
  await app.register(formalCancellationRoutes({ orders }));
  await app.register(groupRoutes({ db: deps.db }));
  await app.register(productPermissionRoutes({ db: deps.db }));
  await app.register(customerCategoryRoutes({ db: deps.db }));
  await app.register(channelRoutes({ db: deps.db }));
  await app.register(operatorRoutes({ db: deps.db }));
  // REQ: Q-1 — one service-password lockout for queries, self-service and green-channel acceptance.
  const policy = {
    maxFailures: deps.config.SERVICE_PASSWORD_MAX_FAILURES,
    lockMinutes: deps.config.SERVICE_PASSWORD_LOCK_MINUTES,
  };
  const startWorkOrder = createWorkOrderStarter({
    client: deps.client,
    db: deps.db,
    taskQueue: deps.config.TEMPORAL_TASK_QUEUE,
  });
  await app.register(queryRoutes({ db: deps.db, policy, config: deps.config, startWorkOrder }));
  await app.register(memberBatchRoutes({ db: deps.db, client: deps.client, config: deps.config }));
  await app.register(stockBatchRoutes({ db: deps.db, client: deps.client, config: deps.config }));
  // REQ: WO-1…WO-6, GC-1…GC-3 — work orders.
  const workOrderDeps = {
    db: deps.db,
    client: deps.client,
    config: deps.config,
    startWorkOrder,
    policy,
  };
  await app.register(workOrderRoutes(workOrderDeps));
  await app.register(workOrderViewRoutes(workOrderDeps));
  await app.register(dispatchRuleRoutes(workOrderDeps));
  await app.register(greenChannelRoutes(workOrderDeps));
  await app.register(notificationRoutes(workOrderDeps));
  await app.register(selfServiceRoutes(workOrderDeps));
  if (deps.smsInbox) await app.register(smsSimulatorRoutes({ sms: deps.smsInbox }));
  await app.register(
    mnpCallbackRoutes({
      secret: deps.config.MNP_CALLBACK_SECRET,
      sink: deps.mnpCallbacks ?? createMnpCallbackSink(deps.client, { db: deps.db, config: deps.config }),
    }),
  );
  // REQ: Q-2 — the telephony side's call events: what makes a hotline query's line the caller's own.
  await app.register(telephonyCallbackRoutes({ db: deps.db, secret: deps.config.TELEPHONY_CALLBACK_SECRET }));
  await app.register(
    bbossCallbackRoutes({
      secret: deps.config.BBOSS_CALLBACK_SECRET,
      sink: deps.bbossCallbacks ?? createBbossCallbackSink(deps.client),
    }),
  );
  return app;
}
