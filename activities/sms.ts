import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { smsMessages } from '../db/schema';
import { renderSms, type SmsTemplate } from '../domain/sms-templates';
import type { SmsGateway } from './adapters/sms';

/**
 * Texts a customer (REQ: NOTIF-1) once per event key: the message is recorded first (`queued`), sent through
 * the gateway with the same key, then marked `sent`; a retry after any of these steps sends nothing twice.
 * `secretParams` (an authorization code) go into the text only: never into the record, a log or a result.
 */
export function createSmsSender(deps: { db: DbOrTx; sms: SmsGateway }) {
  return async function sendSms(req: {
    eventKey: string;
    msisdn: string;
    template: SmsTemplate;
    params?: Record<string, string>;
    secretParams?: Record<string, string>;
  }): Promise<{ gatewayRef: string }> {
    const params = req.params ?? {};
    const text = renderSms(req.template, { ...params, ...req.secretParams });
    // A real gateway need not de-duplicate: a message already sent for this event is not sent again.
    const [sent] = await deps.db
      .select({ gatewayRef: smsMessages.gatewayRef })
      .from(smsMessages)
      .where(sql`${smsMessages.eventKey} = ${req.eventKey} and ${smsMessages.status} = 'sent'`);
    if (sent?.gatewayRef) return { gatewayRef: sent.gatewayRef };
    await deps.db
      .insert(smsMessages)
      .values({
        eventKey: req.eventKey,
        msisdn: req.msisdn,
        template: req.template,
        params,
        status: 'queued',
      })
      .onConflictDoNothing();
    const { gatewayRef } = await deps.sms.send({ eventKey: req.eventKey, msisdn: req.msisdn, text });
    await deps.db
      .update(smsMessages)
      .set({ status: 'sent', gatewayRef, sentAt: sql`coalesce(${smsMessages.sentAt}, now())` })
      .where(sql`${smsMessages.eventKey} = ${req.eventKey}`);
    return { gatewayRef };
  };
}

export type SendSms = ReturnType<typeof createSmsSender>;
