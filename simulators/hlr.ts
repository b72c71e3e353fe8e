import { eq } from 'drizzle-orm';
import {
  SubscriberExistsError,
  type HlrAdapter,
  type HlrSubscriber,
  type SubscriberUpdate,
} from '../activities/adapters/hlr';
import { simulateCall, type SimContext } from './behaviour';
import type { SimTx } from './db';
import { hlrSubscribers, hlrUpdates } from './schema';
import { nextRef, serially } from './serially';

type Row = typeof hlrSubscribers.$inferSelect;

const toSubscriber = (row: Row): HlrSubscriber => ({
  imsi: row.imsi,
  services: row.services,
  hlrRef: row.hlrRef,
  barred: row.barred,
  ...(row.provisionedBy === null ? {} : { provisionedBy: row.provisionedBy }),
});

/** One lock for the whole HLR: a number change touches two numbers at once. */
const LOCK = 'simulators:hlr';

/**
 * The simulated HLR/HSS, its subscribers in `simulators.hlr_subscribers`. Idempotent per `requestId`; a number
 * another request switched on is refused with `SubscriberExistsError`.
 */
export class DbHlr implements HlrAdapter {
  constructor(private readonly ctx: SimContext) {}

  async provision(req: { requestId: string; msisdn: string; imsi: string; services: string[] }) {
    await simulateCall(this.ctx, 'hlr', 'provision');
    return serially(this.ctx.db, LOCK, async (tx) => {
      const existing = await find(tx, req.msisdn);
      if (existing?.provisionedBy === req.requestId) return { hlrRef: existing.hlrRef };
      if (existing) throw new SubscriberExistsError(req.msisdn);
      const hlrRef = `HLR-${await nextRef(tx, 'hlr_refs')}`;
      await tx.insert(hlrSubscribers).values({
        msisdn: req.msisdn,
        imsi: req.imsi,
        services: req.services,
        hlrRef,
        barred: false,
        provisionedBy: req.requestId,
      });
      return { hlrRef };
    });
  }

  async deprovision(req: { requestId: string; msisdn: string; provisionedBy?: string }) {
    const existing = await find(this.ctx.db, req.msisdn);
    if (!existing || (req.provisionedBy && existing.provisionedBy !== req.provisionedBy)) return;
    await simulateCall(this.ctx, 'hlr', 'deprovision');
    await serially(this.ctx.db, LOCK, async (tx) => {
      const now = await find(tx, req.msisdn);
      if (!now || (req.provisionedBy && now.provisionedBy !== req.provisionedBy)) return;
      await tx.delete(hlrSubscribers).where(eq(hlrSubscribers.msisdn, req.msisdn));
    });
  }

  async setBarring(req: { requestId: string; msisdn: string; barred: boolean }) {
    await simulateCall(this.ctx, 'hlr', req.barred ? 'bar' : 'unbar');
    await serially(this.ctx.db, LOCK, async (tx) => {
      await known(tx, req.msisdn);
      await tx
        .update(hlrSubscribers)
        .set({ barred: req.barred })
        .where(eq(hlrSubscribers.msisdn, req.msisdn));
    });
  }

  async updateSubscriber(req: SubscriberUpdate) {
    await simulateCall(this.ctx, 'hlr', 'update');
    await serially(this.ctx.db, LOCK, async (tx) => {
      // A retried update (a number change finds the subscriber under its new number) changes nothing again.
      if (await applied(tx, req.requestId)) return;
      if (req.undoes && !(await applied(tx, req.undoes))) return;
      const moving = req.newMsisdn && req.newMsisdn !== req.msisdn ? req.newMsisdn : null;
      if (moving && (await find(tx, moving))) throw new SubscriberExistsError(moving);
      await known(tx, req.msisdn);
      await tx
        .update(hlrSubscribers)
        .set({
          ...(req.imsi ? { imsi: req.imsi } : {}),
          ...(req.services ? { services: [...req.services] } : {}),
          ...(moving ? { msisdn: moving } : {}),
        })
        .where(eq(hlrSubscribers.msisdn, req.msisdn));
      await tx.insert(hlrUpdates).values({ requestId: req.requestId });
    });
  }

  /** The subscriber switched on under this number, or null. */
  async subscriber(msisdn: string): Promise<HlrSubscriber | null> {
    const row = await find(this.ctx.db, msisdn);
    return row ? toSubscriber(row) : null;
  }
}

async function find(tx: Pick<SimTx, 'select'>, msisdn: string): Promise<Row | undefined> {
  const [row] = await tx.select().from(hlrSubscribers).where(eq(hlrSubscribers.msisdn, msisdn));
  return row;
}

async function applied(tx: SimTx, requestId: string): Promise<boolean> {
  const [row] = await tx.select().from(hlrUpdates).where(eq(hlrUpdates.requestId, requestId));
  return row !== undefined;
}

/**
 * Real lines were provisioned long before the simulator first saw them: a line it has not seen is taken as
 * provisioned earlier, with default services.
 */
async function known(tx: SimTx, msisdn: string): Promise<void> {
  await tx
    .insert(hlrSubscribers)
    .values({
      msisdn,
      imsi: 'unknown',
      services: ['voice', 'sms', 'data'],
      hlrRef: `HLR-EARLIER-${msisdn}`,
      barred: false,
    })
    .onConflictDoNothing();
}
