/**
 * The SMS gateway (短信网关) that texts customers (REQ: NOTIF-1, MNP-5). Every message carries an event key:
 * a retried send of one event is the same message, never a second one.
 */
export interface SmsGateway {
  send(req: { eventKey: string; msisdn: string; text: string }): Promise<{ gatewayRef: string }>;
}
