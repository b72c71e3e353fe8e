/** Every workflow the workers run; the worker bundles this file. */
export { groupMemberOrderWorkflow } from './group-member-order';
export { groupProductOrderWorkflow } from './group-product-order';
export { memberBatchWorkflow } from './member-batch';
export { openAccountWorkflow } from './open-account';
export { portInWorkflow } from './port-in';
export { portOutWorkflow } from './port-out';
export { preCancellationWorkflow } from './pre-cancellation';
export { serviceChangeWorkflow } from './service-change';
export { stockInWorkflow } from './stock-in';
export { stockReportWorkflow } from './stock-report';
export { tidyLoopWorkflow, tidyPreemptionsWorkflow } from './tidy-preemptions';
export { workOrderWorkflow } from './work-order';
