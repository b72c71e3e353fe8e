/**
 * OPS: what a log line may show of a person and of a secret. Every line the API, the workers and the simulators
 * write passes through `maskLogValue` (infra/logging.ts), so a number typed into a message, a URL or a field is
 * masked wherever it sits:
 * - a mainland mobile number (11 digits, 1[3-9]…, also after +86) keeps its first 3 and last 4 digits:
 *   `138****0088`;
 * - a resident ID number (18 characters, the last may be X) keeps its area code and last 4: `110101********1234`;
 * - a bank card number (16–19 digits) keeps its first 6 and last 4: `622202*********1234`;
 * - a value under a key named like a secret (password, servicePassword, authorizationCode, authorization,
 *   token, secret, signature, cookie, apiKey — any case, at any depth), a `Bearer …` credential and a
 *   secret-named URL query parameter become `[redacted]`.
 * Left as they are: order IDs (`OpenAccount:STORE-BJ-001:key`), UUIDs (request IDs, run IDs), ISO times,
 * amounts, 10-digit group codes and ICCIDs. An ICCID (19–20 digits starting 8986, the SIM's serial) names a
 * card in stock, not a person, and staff look SIMs up by it: the 19-digit ones, which look like a bank card,
 * are exempted by their telecom prefix (8986: industry 89, telecommunications; China 86), which no bank card
 * carries.
 */

export const REDACTED = '[redacted]';

/** Key fragments that mark a value as a secret, compared without case, `-` or `_`. */
const SECRET_KEY_PARTS = [
  'password',
  'passwd',
  'authorization',
  'token',
  'secret',
  'signature',
  'cookie',
  'apikey',
];

/** True when a value stored under `key` must never be logged. */
export function isSecretKey(key: string): boolean {
  const plain = key.toLowerCase().replace(/[-_]/g, '');
  return SECRET_KEY_PARTS.some((part) => plain.includes(part));
}

/**
 * One pass over the text, longest shapes first so that a digit run is masked as what it is as a whole.
 * A UUID is matched first and kept, so that request and run IDs stay searchable.
 */
const PERSONAL_NUMBER =
  /(?<uuid>\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b)|(?<![0-9])(?:(?<id>\d{17}[\dXx])(?![0-9])|(?<card>\d{16,19})(?![0-9])|(?<phone>(?:\+?86)?1[3-9]\d{9})(?![0-9]))/gi;

/** `Bearer <token>` anywhere in a text (an echoed header, an error message). */
const BEARER = /\b(Bearer\s+)[A-Za-z0-9._~+/=-]+/gi;

/** A URL query parameter whose name marks a secret: `?servicePassword=135790`, `&token=…`. */
const SECRET_QUERY = /([?&])([^=&#\s"]+)=([^&#\s"]*)/g;

/** Masks the personal numbers and credentials in a text; everything else stays as it was. */
export function maskText(text: string): string {
  return text
    .replace(PERSONAL_NUMBER, (match, ...rest: unknown[]) => {
      const groups = rest[rest.length - 1] as Record<string, string | undefined>;
      if (groups.uuid !== undefined) return match;
      if (groups.id !== undefined) return `${match.slice(0, 6)}********${match.slice(-4)}`;
      if (groups.card !== undefined) {
        if (match.startsWith('8986')) return match;
        return `${match.slice(0, 6)}${'*'.repeat(match.length - 10)}${match.slice(-4)}`;
      }
      return `${match.slice(0, -8)}****${match.slice(-4)}`;
    })
    .replace(BEARER, `$1${REDACTED}`)
    .replace(SECRET_QUERY, (match, sep: string, name: string) =>
      isSecretKey(name) ? `${sep}${name}=${REDACTED}` : match,
    );
}

/** How deep a logged object is followed; deeper parts are replaced by a marker, never written raw. */
const MAX_DEPTH = 8;

/**
 * A copy of `value` fit for a log line: strings masked (`maskText`), values under secret-named keys
 * redacted, errors reduced to type, message, stack and their own fields, cycles and overly deep parts cut.
 */
export function maskLogValue(value: unknown): unknown {
  return mask(value, 0, new WeakSet());
}

function mask(value: unknown, depth: number, seen: WeakSet<object>): unknown {
  if (typeof value === 'string') return maskText(value);
  if (typeof value === 'bigint') return value.toString();
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  if (seen.has(value)) return '[circular]';
  if (depth >= MAX_DEPTH) return '[too deep]';
  seen.add(value);
  try {
    if (Array.isArray(value)) return value.map((item) => mask(item, depth + 1, seen));
    if (value instanceof Error) return maskError(value, depth, seen);
    if (ArrayBuffer.isView(value)) return `[${value.byteLength} bytes]`;
    return maskFields(Object.entries(value), depth, seen);
  } finally {
    seen.delete(value);
  }
}

function maskError(err: Error, depth: number, seen: WeakSet<object>): Record<string, unknown> {
  const own = Object.entries(err).filter(([key]) => key !== 'message' && key !== 'stack');
  const cause = err.cause === undefined ? [] : [['cause', err.cause] as [string, unknown]];
  return {
    type: err.name,
    message: maskText(err.message),
    ...(err.stack ? { stack: maskText(err.stack) } : {}),
    ...maskFields([...own, ...cause], depth, seen),
  };
}

function maskFields(
  entries: [string, unknown][],
  depth: number,
  seen: WeakSet<object>,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, field] of entries) {
    if (field === undefined || typeof field === 'function') continue;
    out[key] = isSecretKey(key) ? REDACTED : mask(field, depth + 1, seen);
  }
  return out;
}
