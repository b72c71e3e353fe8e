import { fileURLToPath } from 'node:url';
import { bundleWorkflowCode, Worker, type NativeConnection, type WorkflowBundle } from '@temporalio/worker';
import { createActivities, type ActivityDeps } from '../activities';

export const workflowsPath = fileURLToPath(new URL('../workflows/index.ts', import.meta.url));

/**
 * The domain modules the workflows import, evaluated once per workflow thread and shared by every workflow in
 * it. With the reusable V8 context every other module of the bundle is evaluated anew for each workflow the
 * worker caches, and held as long as it stays cached (grace-timers: about 37 KB of heap per workflow for these).
 * Only pure modules belong here — rules and constants, no state of their own, no clock read at load (they are
 * frozen once shared); test/unit/workflow-bundle.test.ts checks that every domain module in the bundle is one.
 */
export const sharedDomainModules = [
  'bank-accounts',
  'bboss-overdue',
  'bilingual-messages',
  'business-calendar',
  'errors',
  'green-channel',
  'group-effective-dates',
  'identity-documents',
  'number-portability-schedule',
  'open-account-rules',
  'order-status',
  'port-in-materials',
  'pre-cancellation-dates',
  'service-change-rules',
  'sla',
  'work-order-machine',
  'work-order-statuses',
].map((name) => fileURLToPath(new URL(`../domain/${name}.ts`, import.meta.url)));

/** Bundles the workflow code once; workers built from the bundle start in milliseconds instead of seconds. */
export async function bundleWorkflows(): Promise<WorkflowBundle> {
  return bundleWorkflowCode({
    workflowsPath,
    preloadModules: sharedDomainModules,
    logger: quietBundlerLogger,
  });
}

/**
 * A worker for every business on one task queue, sized as docs/operations.md ("Worker sizing") explains: the
 * sticky cache and the task slots from the configuration; one reusable V8 context on one workflow thread (the
 * SDK's defaults, set here so they stay what the sizing was measured with).
 */
export async function createWorker(options: {
  connection: NativeConnection;
  namespace: string;
  taskQueue: string;
  deps: ActivityDeps;
  workflowBundle?: WorkflowBundle;
}): Promise<Worker> {
  return Worker.create({
    connection: options.connection,
    namespace: options.namespace,
    taskQueue: options.taskQueue,
    activities: createActivities(options.deps),
    maxCachedWorkflows: options.deps.config.WORKER_MAX_CACHED_WORKFLOWS,
    maxConcurrentActivityTaskExecutions: options.deps.config.WORKER_MAX_CONCURRENT_ACTIVITIES,
    maxConcurrentWorkflowTaskExecutions: options.deps.config.WORKER_MAX_CONCURRENT_WORKFLOW_TASKS,
    // One V8 context for all workflows, switched per task: a cached workflow costs its own module instances
    // and state (kilobytes), not a context of its own (megabytes). Workflow tasks are short CPU work, so one
    // thread serves them; more threads would each evaluate the shared modules again.
    reuseV8Context: true,
    workflowThreadPoolSize: 1,
    ...(options.workflowBundle
      ? { workflowBundle: options.workflowBundle }
      : { workflowsPath, bundlerOptions: { preloadModules: sharedDomainModules } }),
  });
}

/** The bundler's logger: its warnings and errors only (infra/workflow-bundle.ts bundles with it too). */
export const quietBundlerLogger = {
  log: () => undefined,
  trace: () => undefined,
  debug: () => undefined,
  info: () => undefined,
  warn: (message: string) => console.warn(message),
  error: (message: string) => console.error(message),
};
