import { createHmac } from 'node:crypto';

/** Hex HMAC-SHA256 of the raw body with the shared secret: what an outside system sends in its header. */
export const signBody = (secret: string, rawBody: string | Buffer): string =>
  createHmac('sha256', secret).update(rawBody).digest('hex');

/** REQ: MNP-5 — the header of the clearing system's callbacks (secret `MNP_CALLBACK_SECRET`). */
export const CLEARING_SIGNATURE_HEADER = 'x-clearing-signature';
/** REQ: GRP-4 — the header of BBOSS's callbacks (secret `BBOSS_CALLBACK_SECRET`). */
export const BBOSS_SIGNATURE_HEADER = 'x-bboss-signature';
/** REQ: Q-2 — the header of the telephony side's events (secret `TELEPHONY_CALLBACK_SECRET`). */
export const TELEPHONY_SIGNATURE_HEADER = 'x-telephony-signature';
