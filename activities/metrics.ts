import { Context } from '@temporalio/activity';
import type { MetricMeter, MetricTags } from '@temporalio/common';
import { isTerminal, type OrderProjection } from '../domain/orders';
import { PaymentDeclinedError } from './adapters/bank';
import { SubscriberExistsError } from './adapters/hlr';
import type { ActivityDeps } from './deps';

/**
 * The activities' business counters (docs/operations.md, "Metrics and what to alert on"), counted through the
 * Temporal SDK's metric meter of the running activity: they come out of the worker's Prometheus exporter
 * (WORKER_METRICS_PORT) beside the SDK's own metrics, with its labels (`activity_type`, `task_queue`,
 * `namespace`). A call outside an activity (a unit test, the API) counts nothing. A retried activity counts
 * again: these are rates of work done, the API's `om_orders_*` are the exact counts.
 */

/** The running activity's meter, or none outside an activity. */
function activityMeter(): MetricMeter | undefined {
  try {
    return Context.current().metricMeter;
  } catch {
    return undefined;
  }
}

function count(name: string, description: string, tags: MetricTags, value = 1): void {
  if (value <= 0) return;
  activityMeter()?.createCounter(name, undefined, description).add(value, tags);
}

/** The outside systems the activities call, by the name the counters give them. */
type OutsideSystem = 'hlr' | 'bank' | 'clearing' | 'bboss' | 'sms';

/**
 * `om_worker_outside_calls`: each call of an outside system by `system`, `operation` (the adapter method) and
 * `outcome`: `ok`, `refused` (the system said no: a declined payment, a number already switched on) or
 * `error` (it failed or did not answer; the activity is retried).
 */
export function countOutsideCall(
  system: OutsideSystem,
  operation: string,
  outcome: 'ok' | 'refused' | 'error',
) {
  count('om_worker_outside_calls', 'Calls of an outside system by system, operation and outcome', {
    system,
    operation,
    outcome,
  });
}

/**
 * The adapters of `deps` with every call counted (`countOutsideCall`); each method still runs on its own
 * adapter object, so an adapter's private state is untouched.
 */
export function withCountedOutsideCalls<D extends Pick<ActivityDeps, OutsideSystem>>(deps: D): D {
  return {
    ...deps,
    hlr: counted('hlr', deps.hlr),
    bank: counted('bank', deps.bank),
    clearing: counted('clearing', deps.clearing),
    bboss: counted('bboss', deps.bboss),
    sms: counted('sms', deps.sms),
  };
}

function counted<A extends object>(system: OutsideSystem, adapter: A): A {
  return new Proxy(adapter, {
    get(target, property) {
      const value: unknown = Reflect.get(target, property, target);
      if (typeof value !== 'function' || typeof property !== 'string') return value;
      return async (...args: unknown[]): Promise<unknown> => {
        try {
          const result: unknown = await (value as (...a: unknown[]) => unknown).apply(target, args);
          countOutsideCall(system, property, 'ok');
          return result;
        } catch (err) {
          const refused = err instanceof PaymentDeclinedError || err instanceof SubscriberExistsError;
          countOutsideCall(system, property, refused ? 'refused' : 'error');
          throw err;
        }
      };
    },
  });
}

/**
 * `om_worker_orders_finished`: an order's last read-model write, by order `type` and `outcome` (its final
 * status: completed, failed, cancelled, rejected). Not counted for a running order.
 */
export function countOrderFinished(order: Pick<OrderProjection, 'type' | 'status'>): void {
  if (!isTerminal(order.status)) return;
  count('om_worker_orders_finished', 'Orders finished by order type and outcome (final status)', {
    type: order.type,
    outcome: order.status,
  });
}

/** `om_worker_resources_preempted`: numbers and SIM cards held for an order (`resource`: number, sim). */
export function countPreempted(resources: { number: number; sim: number }): void {
  const description = 'Numbers and SIM cards held (pre-empted) for orders, by resource';
  count('om_worker_resources_preempted', description, { resource: 'number' }, resources.number);
  count('om_worker_resources_preempted', description, { resource: 'sim' }, resources.sim);
}

/** `om_worker_resources_released`: numbers and SIM cards an order gave back (undo or failure). */
export function countReleased(resources: { number: number; sim: number }): void {
  const description = 'Numbers and SIM cards given back by orders that did not complete, by resource';
  count('om_worker_resources_released', description, { resource: 'number' }, resources.number);
  count('om_worker_resources_released', description, { resource: 'sim' }, resources.sim);
}
