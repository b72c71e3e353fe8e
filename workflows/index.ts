/** Every workflow the workers run; the worker bundles this file. */
export { openAccountWorkflow } from './open-account';
export { tidyPreemptionsWorkflow } from './tidy-preemptions';
