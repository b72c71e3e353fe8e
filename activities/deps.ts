import type { Db } from '../db/client';
import type { AppConfig } from '../temporal.config';
import type { BankAdapter } from './adapters/bank';
import type { BbossAdapter } from './adapters/bboss';
import type { ClearingSystemAdapter } from './adapters/clearing';
import type { HlrAdapter } from './adapters/hlr';
import type { SmsGateway } from './adapters/sms';

/** Everything the activities need from outside: each factory declares the part it uses. */
export interface ActivityDeps {
  db: Db;
  hlr: HlrAdapter;
  bank: BankAdapter;
  /** REQ: MNP-5 — the number portability clearing system. */
  clearing: ClearingSystemAdapter;
  /** REQ: GRP-4 — BBOSS, the national group business platform. */
  bboss: BbossAdapter;
  /** REQ: NOTIF-1 — the SMS gateway that texts customers. */
  sms: SmsGateway;
  config: AppConfig;
}
