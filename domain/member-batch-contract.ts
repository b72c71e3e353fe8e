import type { SettingsOf } from './workflow-settings';

/** REQ: GRP-6 — a member batch's workflow input; rows live in PostgreSQL, never in the history. */
export interface MemberBatchInput {
  batchId: string;
  settings: SettingsOf<'memberBatch'>;
  /** Carried across continue-as-new: chunks handled by earlier runs. */
  chunksDone: number;
  /** Carried across continue-as-new: the progress when the previous run ended. */
  progress?: MemberBatchProgress;
}

/** Progress of a member batch as its workflow knows it. */
export interface MemberBatchProgress {
  batchId: string;
  status: 'running' | 'completed' | 'failed';
  totalRows: number;
  processedRows: number;
  acceptedRows: number;
  rejectedRows: number;
  percent: number;
}
