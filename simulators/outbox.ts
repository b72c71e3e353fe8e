import { createHash } from 'node:crypto';
import { and, eq, inArray, isNotNull, lt, lte, min, or } from 'drizzle-orm';
import {
  BBOSS_SIGNATURE_HEADER,
  CLEARING_SIGNATURE_HEADER,
  signBody,
  TELEPHONY_SIGNATURE_HEADER,
} from '../infra/callback-signature';
import type { SimDb, SimTx } from './db';
import { bbossOrders, clearingPortIns, outbox } from './schema';

export type CallbackTarget = 'mnp' | 'bboss' | 'telephony';

/** Where the callbacks go and how they are signed (the secrets the API checks them with). */
export interface CallbackSending {
  /** The API's base URL; asked at every sending (a runtime knows it only once the API listens). */
  apiUrl: () => string;
  secrets: Record<CallbackTarget, string>;
  /** How often the loop looks for callbacks other simulator processes queued. */
  pollMs?: number;
  /** Where the loop says it cannot send (once per outage) and sends again; standard error by default. */
  warn?: (message: string) => void;
}

const headers: Record<CallbackTarget, string> = {
  mnp: CLEARING_SIGNATURE_HEADER,
  bboss: BBOSS_SIGNATURE_HEADER,
  telephony: TELEPHONY_SIGNATURE_HEADER,
};

type Row = typeof outbox.$inferSelect;

/** The root cause of a failed query (drizzle wraps the driver's error, whose message says what is wrong). */
const reason = (err: unknown): string =>
  err instanceof Error && err.cause instanceof Error ? err.cause.message : String(err);

/** The API refused a callback sent at once (a call placed, a port-out requested): the message says how. */
export class CallbackRefused extends Error {}
const BATCH = 50;
const POST_TIMEOUT_MS = 10_000;
/** Sendings of one callback the API could not take (unreachable, 5xx) before it counts as lost. */
const MAX_ATTEMPTS = 5;
/** A row taken to send this long ago by a process that then died is taken again. */
const STALE_CLAIM_MS = 60_000;

/**
 * The body kept once a callback is settled: a port-out request's authorization code only as its SHA-256
 * (the simulators keep no code in clear after they sent it).
 */
export function settledBody(body: string): string {
  const parsed = JSON.parse(body) as Record<string, unknown>;
  const code = parsed.authorizationCode;
  if (typeof code !== 'string') return body;
  const authorizationCodeSha256 = createHash('sha256').update(code).digest('hex');
  const { authorizationCode: _sent, ...rest } = parsed;
  return JSON.stringify({ ...rest, authorizationCodeSha256 });
}

/**
 * The callbacks the simulators owe the API, sent from `simulators.outbox`: a loop wakes at the next due time
 * (and polls every second for rows another process queued), claims due rows with FOR UPDATE SKIP LOCKED — so
 * two simulator processes never send one twice — and POSTs each, signed as the real system would, to
 * `/api/v1/callbacks/{mnp,bboss,telephony}`. An API that cannot take it (unreachable, 5xx) is tried again
 * after 1, 2, 4, 8 s, as a real system retries; a refusal (4xx) or the fifth failure is a lost sending: the
 * workflows ask again.
 */
export class Outbox {
  private timer: NodeJS.Timeout | null = null;
  private timerAt = Number.POSITIVE_INFINITY;
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = false;
  private failing = false;

  constructor(
    private readonly db: SimDb,
    private readonly sending: CallbackSending,
  ) {}

  /** Queues a callback due at `dueAt`; `lost`: this sending is lost up front (recorded, never sent). */
  async enqueue(
    tx: SimTx | SimDb,
    item: {
      target: CallbackTarget;
      body: object;
      dueAt: Date;
      lost?: boolean;
      clearingRef?: string;
      bbossRef?: string;
    },
  ): Promise<void> {
    await tx.insert(outbox).values({
      target: item.target,
      body: JSON.stringify(item.body),
      dueAt: item.dueAt,
      state: item.lost ? 'lost' : 'pending',
      outcome: item.lost ? 'lost by the simulated link' : null,
      clearingRef: item.clearingRef ?? null,
      bbossRef: item.bbossRef ?? null,
    });
  }

  /** Sends a callback at once and says how the API answered (recorded like any other); throws unless 202. */
  async sendNow(target: CallbackTarget, body: object): Promise<void> {
    const [row] = await this.db
      .insert(outbox)
      .values({ target, body: JSON.stringify(body), dueAt: new Date(), state: 'sending' })
      .returning();
    const outcome = await this.post(row!, { retry: false });
    if (outcome !== 'sent') throw new CallbackRefused(outcome);
  }

  /** Makes the loop look again by `at` (a caller that just queued a callback due then). */
  wake(at: Date): void {
    if (this.stopped || at.getTime() >= this.timerAt) return;
    this.arm(at.getTime());
  }

  start(): void {
    this.arm(Date.now());
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
  }

  private arm(at: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timerAt = at;
    this.timer = setTimeout(
      () => {
        this.timer = null;
        this.timerAt = Number.POSITIVE_INFINITY;
        this.tick();
      },
      Math.max(0, at - Date.now()),
    );
  }

  private warn(message: string): void {
    (this.sending.warn ?? console.error)(message);
  }

  private tick(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.drain()
      .then(
        () => {
          if (this.failing) this.warn('simulators: sending callbacks again');
          this.failing = false;
        },
        (err: unknown) => {
          // Said once per outage (the database down, say), not at every poll.
          if (!this.failing) this.warn(`simulators: cannot send callbacks for now: ${reason(err)}`);
          this.failing = true;
        },
      )
      .then(() => this.nextDue())
      .then(
        (next) => {
          this.running = null;
          if (this.stopped) return;
          const poll = Date.now() + (this.sending.pollMs ?? 1_000);
          this.arm(this.again ? Date.now() : Math.min(next ?? poll, poll));
          this.again = false;
        },
        () => {
          this.running = null;
          if (!this.stopped) this.arm(Date.now() + (this.sending.pollMs ?? 1_000));
        },
      );
  }

  private async drain(): Promise<void> {
    for (;;) {
      const claimed = await this.claim();
      await Promise.all(claimed.map((row) => this.post(row, { retry: true })));
      if (claimed.length < BATCH || this.stopped) return;
    }
  }

  private async claim(): Promise<Row[]> {
    const due = this.db
      .select({ id: outbox.id })
      .from(outbox)
      .where(
        or(
          and(eq(outbox.state, 'pending'), lte(outbox.dueAt, new Date())),
          and(
            eq(outbox.state, 'sending'),
            isNotNull(outbox.claimedAt),
            lt(outbox.claimedAt, new Date(Date.now() - STALE_CLAIM_MS)),
          ),
        ),
      )
      .orderBy(outbox.dueAt)
      .limit(BATCH)
      .for('update', { skipLocked: true });
    return this.db
      .update(outbox)
      .set({ state: 'sending', claimedAt: new Date() })
      .where(inArray(outbox.id, due))
      .returning();
  }

  private async nextDue(): Promise<number | null> {
    const [row] = await this.db
      .select({ at: min(outbox.dueAt) })
      .from(outbox)
      .where(eq(outbox.state, 'pending'));
    return row?.at ? new Date(row.at).getTime() : null;
  }

  /**
   * POSTs one claimed row and records how it went: `sent`, or why it was lost or dropped; with `retry`, an API
   * that could not take it gets it again later.
   */
  private async post(row: Row, options: { retry: boolean }): Promise<string> {
    const again = async (why: string) =>
      options.retry && row.attempts + 1 < MAX_ATTEMPTS
        ? this.retryLater(row, why)
        : this.settle(row, 'lost', why);
    if (row.clearingRef && (await this.portInCancelled(row.clearingRef)))
      return this.settle(row, 'dropped', 'the port-in was cancelled');
    const url = `${this.sending.apiUrl()}/api/v1/callbacks/${row.target}`;
    try {
      const res = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          [headers[row.target]]: signBody(this.sending.secrets[row.target], row.body),
        },
        body: row.body,
        signal: AbortSignal.timeout(POST_TIMEOUT_MS),
      });
      const text = await res.text();
      if (res.status >= 500) return again(`callback answered ${res.status}: ${text}`);
      if (res.status !== 202) return this.settle(row, 'lost', `callback answered ${res.status}: ${text}`);
    } catch (err) {
      return again(`callback failed: ${String(err)}`);
    }
    if (row.bbossRef)
      await this.db
        .update(bbossOrders)
        .set({ delivered: true })
        .where(eq(bbossOrders.bbossRef, row.bbossRef));
    return this.settle(row, 'sent', 'sent');
  }

  private async settle(row: Row, state: 'sent' | 'lost' | 'dropped', outcome: string): Promise<string> {
    await this.db
      .update(outbox)
      .set({ state, outcome, attempts: row.attempts + 1, body: settledBody(row.body) })
      .where(eq(outbox.id, row.id));
    return outcome;
  }

  private async retryLater(row: Row, why: string): Promise<string> {
    const dueAt = new Date(Date.now() + 1_000 * 2 ** row.attempts);
    await this.db
      .update(outbox)
      .set({
        state: 'pending',
        attempts: row.attempts + 1,
        dueAt,
        claimedAt: null,
        outcome: `retrying: ${why}`,
      })
      .where(eq(outbox.id, row.id));
    this.wake(dueAt);
    return `retrying: ${why}`;
  }

  private async portInCancelled(clearingRef: string): Promise<boolean> {
    const [row] = await this.db
      .select({ cancelled: clearingPortIns.cancelled })
      .from(clearingPortIns)
      .where(eq(clearingPortIns.clearingRef, clearingRef));
    return row?.cancelled ?? false;
  }
}
