/** The configuration that names the task queues (`temporal.config.ts`). */
export interface TaskQueueConfig {
  TEMPORAL_TASK_QUEUE: string;
}

/**
 * The task queue the workers poll for every business today: one queue, named by `TEMPORAL_TASK_QUEUE` (each
 * test file runs on its own). A business that gets a queue of its own changes its contract's task queue only.
 */
export const mainTaskQueue = (config: TaskQueueConfig): string => config.TEMPORAL_TASK_QUEUE;
