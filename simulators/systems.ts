import { BehaviourStore, type SimContext } from './behaviour';
import type { Behaviours } from './control';
import type { SimDb } from './db';
import { DbBank } from './bank';
import { DbBboss } from './bboss';
import { DbClearing } from './clearing';
import { DbHlr } from './hlr';
import type { Outbox } from './outbox';
import { DbSms } from './sms';
import { DbTelephony } from './telephony';

/** Every simulated system, on one database and one outbox. */
export interface Systems {
  behaviours: BehaviourStore;
  hlr: DbHlr;
  bank: DbBank;
  sms: DbSms;
  clearing: DbClearing;
  bboss: DbBboss;
  telephony: DbTelephony;
}

export function createSystems(options: {
  db: SimDb;
  outbox: Outbox;
  defaults: Behaviours;
  now?: () => Date;
  random?: () => number;
}): Systems {
  const behaviours = new BehaviourStore(options.db, options.defaults);
  const ctx: SimContext = {
    db: options.db,
    behaviours,
    now: options.now ?? (() => new Date()),
    random: options.random ?? Math.random,
  };
  return {
    behaviours,
    hlr: new DbHlr(ctx),
    bank: new DbBank(ctx),
    sms: new DbSms(ctx),
    clearing: new DbClearing(ctx, options.outbox),
    bboss: new DbBboss(ctx, options.outbox),
    telephony: new DbTelephony(ctx, options.outbox),
  };
}
