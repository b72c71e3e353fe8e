import fc from 'fast-check';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import type { DeclaredRoute } from '../../api/plugins/route-access';

/**
 * Arbitraries for the property-based test of malformed requests: requests that are wrong in every way a careless or hostile
 * client can make them (path parameters, query strings, headers, bodies), aimed at one declared route.
 */

/** Printable ASCII: what an HTTP header value may carry at all (others never reach the app). */
const headerText = (maxLength: number) =>
  fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), maxLength });

/** One path segment, already in URL form: some percent-encoded, some raw and broken on purpose. */
const pathSegment: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 40 }).map(encodeURIComponent),
  fc.string({ unit: 'binary', maxLength: 20 }).map(encodeURIComponent),
  fc.string({ minLength: 101, maxLength: 3000 }).map(encodeURIComponent),
  fc.constantFrom('', '%', '%zz', '%00', '%E4%B8', '%2F', '%25', '..', '.', '%C0%AF', '%FF%FE', '~', ';x=1'),
  fc.oneof(fc.integer(), fc.double()).map((n) => encodeURIComponent(String(n))),
  fc.uuid(),
);

/** A query string with unknown keys, wrong types, repeats and broken encodings. */
const queryString: fc.Arbitrary<string> = fc.oneof(
  fc.constant(''),
  fc
    .array(
      fc.tuple(
        fc.oneof(
          fc.constantFrom(
            'limit',
            'offset',
            'status',
            'type',
            'from',
            'to',
            'pattern',
            'page',
            'msisdn',
            'q',
          ),
          fc.string({ maxLength: 12 }),
        ),
        fc.oneof(
          fc.string({ unit: 'grapheme', maxLength: 30 }),
          fc.integer().map(String),
          fc.constantFrom('-1', '1e99', 'NaN', 'true', 'null', '[]', '{}', '9'.repeat(400)),
        ),
      ),
      { maxLength: 6 },
    )
    .map((pairs) => new URLSearchParams(pairs).toString()),
  fc.constantFrom('a[b]=1&&=', '%', 'limit=%zz', 'limit=1&limit=2', '=&=&', 'status[]=x', '__proto__[x]=1'),
);

const contentType = fc.oneof(
  { arbitrary: fc.constant('application/json'), weight: 6 },
  fc.constantFrom(
    undefined,
    'application/json; charset=utf-8',
    'application/json; charset=latin1',
    'text/plain',
    'text/csv',
    'application/x-www-form-urlencoded',
    'multipart/form-data; boundary=x',
    'application/xml',
    'garbage',
    '',
  ),
);

/** Bodies: JSON of the wrong shape, the route's own fields with wrong values, and text that is not JSON. */
function bodyText(fields: readonly string[]): fc.Arbitrary<string | undefined> {
  const wrongFields =
    fields.length === 0
      ? fc.constant({})
      : fc.dictionary(fc.constantFrom(...fields), fc.anything({ maxDepth: 2 }), { maxKeys: fields.length });
  return fc.oneof(
    fc.constant(undefined),
    fc.json({ maxDepth: 3 }),
    wrongFields.map((o) => JSON.stringify(o)),
    fc.anything({ maxDepth: 3 }).map((v) => JSON.stringify(v) ?? 'undefined'),
    fc
      .json({ maxDepth: 3 })
      .chain((text) => fc.nat({ max: Math.max(0, text.length - 1) }).map((cut) => text.slice(0, cut))),
    fc.string({ unit: 'grapheme', maxLength: 60 }),
    fc.constantFrom(
      '',
      'null',
      '{"__proto__":{"polluted":true}}',
      '{"constructor":{"prototype":{"x":1}}}',
      '\uFEFF{}',
      '{"a":1,"a":2}',
      '['.repeat(3000) + ']'.repeat(3000),
      '{"a":'.repeat(2000) + '1' + '}'.repeat(2000),
      JSON.stringify({ huge: 'x'.repeat(1_100_000) }),
      JSON.stringify('字'.repeat(50_000)),
    ),
  );
}

export interface MalformedRequest {
  url: string;
  contentType: string | undefined;
  body: string | undefined;
  /** Replace the caller's bearer token with this garbage (the unauthenticated case). */
  garbageAuthorization: string | undefined;
  idempotencyKey: string | undefined;
  servicePassword: string | undefined;
  signWith: 'valid' | 'garbage' | 'none';
}

/** A malformed request for `route`; `fields` are the top-level keys its JSON body schema names. */
export function malformedRequest(
  route: DeclaredRoute,
  fields: readonly string[],
): fc.Arbitrary<MalformedRequest> {
  const names = route.url.match(/:[A-Za-z]+/g) ?? [];
  const hasBody = ['POST', 'PUT', 'PATCH', 'DELETE'].includes(route.method);
  return fc.record({
    url: fc
      .tuple(fc.array(pathSegment, { minLength: names.length, maxLength: names.length }), queryString)
      .map(([segments, query]) => {
        let i = 0;
        const path = route.url.replace(/:[A-Za-z]+/g, () => segments[i++] ?? '');
        return query === '' ? path : `${path}?${query}`;
      }),
    contentType: hasBody ? contentType : fc.constant(undefined),
    body: hasBody ? bodyText(fields) : fc.constant(undefined),
    // Mostly the caller's own token (so the request reaches validation), sometimes garbage instead.
    garbageAuthorization: fc.oneof(
      { arbitrary: fc.constant(undefined), weight: 5 },
      headerText(80),
      fc.constantFrom('Bearer', 'Bearer ', 'bearer x', 'Basic YTpi', 'Bearer ' + 'A'.repeat(5000)),
    ),
    idempotencyKey: fc.option(fc.oneof(headerText(10), headerText(300), fc.constant(' ')), {
      nil: undefined,
    }),
    servicePassword: fc.option(
      fc.oneof(headerText(12), fc.constantFrom('', '000000', '1'.repeat(500), 'null')),
      { nil: undefined },
    ),
    signWith: fc.constantFrom('valid' as const, 'garbage' as const, 'none' as const),
  });
}

/** Builds the inject options; `sign` computes the HMAC a signed callback route expects. */
export function toInject(
  route: DeclaredRoute,
  req: MalformedRequest,
  token: string | undefined,
  signature: { header: string; sign: (body: string) => string } | undefined,
): InjectOptions {
  const headers: Record<string, string> = {};
  if (req.garbageAuthorization !== undefined) headers.authorization = req.garbageAuthorization;
  else if (token) headers.authorization = `Bearer ${token}`;
  if (req.contentType !== undefined) headers['content-type'] = req.contentType;
  if (req.idempotencyKey !== undefined) headers['idempotency-key'] = req.idempotencyKey;
  if (req.servicePassword !== undefined) headers['x-service-password'] = req.servicePassword;
  if (signature && req.signWith !== 'none') {
    headers[signature.header] =
      req.signWith === 'valid' ? signature.sign(req.body ?? '') : 'f'.repeat(63) + 'g';
  }
  return {
    method: route.method,
    url: req.url,
    headers,
    ...(req.body === undefined ? {} : { payload: req.body }),
  };
}

/**
 * What "a clear error body" means: no 5xx; every 4xx is JSON `{ code, reason, message }` with a PascalCase
 * code, a Chinese reason and a non-empty message. Returns what is wrong, or null.
 */
export function unclearAnswer(res: LightMyRequestResponse): string | null {
  if (res.statusCode >= 500) return `status ${res.statusCode}: ${res.body.slice(0, 300)}`;
  if (res.statusCode < 400) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(res.body);
  } catch {
    return `status ${res.statusCode} with a body that is not JSON: ${res.body.slice(0, 300)}`;
  }
  const b = (typeof parsed === 'object' && parsed !== null ? parsed : {}) as Record<string, unknown>;
  const problems: string[] = [];
  if (typeof b.code !== 'string' || !/^[A-Z][A-Za-z0-9]+$/.test(b.code)) problems.push('code not PascalCase');
  if (typeof b.message !== 'string' || b.message.trim() === '') problems.push('message empty');
  if (typeof b.reason !== 'string' || !/[\u4e00-\u9fff]/.test(b.reason)) problems.push('reason not Chinese');
  return problems.length === 0
    ? null
    : `status ${res.statusCode} (${problems.join(', ')}): ${res.body.slice(0, 300)}`;
}
