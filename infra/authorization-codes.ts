import { createHmac, randomInt, timingSafeEqual } from 'node:crypto';

/**
 * REQ: MNP-5 — port-out authorization codes (携号转网授权码): drawn from the operating system's cryptographic
 * random source and kept only as a keyed hash, so neither the order ID nor a copy of the database tells what
 * the code is.
 */

const CODE_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const CODE_LENGTH = 6;

/** A fresh code in the format the clearing system and port-ins expect: 6 uppercase letters or digits. */
export function randomAuthorizationCode(): string {
  let code = '';
  for (let i = 0; i < CODE_LENGTH; i += 1) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return code;
}

/**
 * The stored form of an order's code: hex HMAC-SHA256 keyed with `SECRETS_KEY` over the order and the code
 * (case and surrounding blanks ignored, as a person reads a code out). With 36⁶ possible codes an unkeyed
 * hash would be reversed by trying them all; without the key this one cannot be.
 */
export function hashAuthorizationCode(secretsKey: string, orderId: string, code: string): string {
  return createHmac('sha256', secretsKey)
    .update(`port-out-code:${orderId}:${code.trim().toUpperCase()}`)
    .digest('hex');
}

/** Whether `code` is the order's code, compared in constant time. */
export function authorizationCodeMatches(
  secretsKey: string,
  orderId: string,
  code: string,
  storedHash: string,
): boolean {
  const quoted = Buffer.from(hashAuthorizationCode(secretsKey, orderId, code), 'hex');
  const stored = Buffer.from(storedHash, 'hex');
  return quoted.length === stored.length && timingSafeEqual(quoted, stored);
}
