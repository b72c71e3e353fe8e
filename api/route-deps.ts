import type { Client } from '@temporalio/client';
import type { FastifyInstance } from 'fastify';
import type { Db } from '../db/client';
import type { BbossCallbackSink } from '../domain/bboss-callbacks';
import type { MnpCallbackSink } from '../domain/mnp-callbacks';
import type { ServicePasswordPolicy } from '../services/access/service-password';
import type { WorkOrderStarter } from '../services/work-orders/work-order-service';
import type { AppConfig } from '../temporal.config';
import type { SimulatorsControl } from '../simulators/control';

/** A route plugin as every area builds it; registered under the API prefix, it declares paths below it. */
export type RoutePlugin = (app: FastifyInstance) => Promise<void>;

/** What the route plugins of every business area are built from. */
export interface RouteDeps {
  db: Db;
  client: Client;
  config: AppConfig;
  /** REQ: Q-1 — one service-password lockout for queries, self-service and green-channel acceptance. */
  policy: ServicePasswordPolicy;
  /** Opens work orders for the work-order desk, queries, self-service and the green channel. */
  startWorkOrder: WorkOrderStarter;
  mnpCallbacks: MnpCallbackSink;
  bbossCallbacks: BbossCallbackSink;
  /** REQ: NOTIF-1, UI-1 — the simulators' control, for the demo routes (SMS inbox, HLR and bank latency). */
  simulators?: SimulatorsControl;
}
