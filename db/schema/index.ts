/**
 * Every table, one file per business area. `drizzle.config.ts` reads this file, so a table not re-exported here
 * gets no migration.
 */
export * from './access';
export * from './customers';
export * from './lines';
export * from './line-queries';
export * from './orders';
export * from './number-portability';
export * from './groups';
export * from './member-batches';
export * from './resources';
export * from './resource-tree';
export * from './stock-in';
export * from './work-orders';
export * from './work-order-dispatch';
export * from './notifications';
export * from './audit';
