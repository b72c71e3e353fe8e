import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCatalogue } from '../../domain/errors';
import { startHarness, type Harness } from '../support/harness';

/**
 * The OpenAPI document at /docs/json states what the server enforces: a request valid by the document is
 * never refused 400, a rule the document cannot state is a business refusal (422 naming the field and the
 * rule), an undeclared method on a known path is 405. The Schemathesis gate (npm run test:contract) checks the
 * same over generated requests; these are the cases it found, fixed in place.
 */
interface JsonSchema {
  type?: string | string[];
  pattern?: string;
  enum?: unknown[];
  format?: string;
  minLength?: number;
  maxLength?: number;
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  additionalProperties?: boolean | JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
}
interface Operation {
  parameters?: { name: string; in: string; schema: JsonSchema }[];
  requestBody?: { content: Record<string, { schema?: JsonSchema }> };
  responses: Record<string, { content?: Record<string, unknown> }>;
}
interface OpenApiDocument {
  paths: Record<string, Record<string, Operation>>;
}

/** Whether the document's schema of a string field takes `value`. */
function documentAccepts(schema: JsonSchema, value: string): boolean {
  if (schema.enum) return schema.enum.includes(value);
  if (schema.minLength !== undefined && [...value].length < schema.minLength) return false;
  if (schema.maxLength !== undefined && [...value].length > schema.maxLength) return false;
  return schema.pattern === undefined || new RegExp(schema.pattern).test(value);
}

/** Every string schema inside `schema`, with where it sits. */
function stringSchemas(schema: JsonSchema | undefined, where: string): [string, JsonSchema][] {
  if (!schema) return [];
  const types = Array.isArray(schema.type) ? schema.type : [schema.type];
  const own: [string, JsonSchema][] = types.includes('string') ? [[where, schema]] : [];
  const extra = typeof schema.additionalProperties === 'object' ? schema.additionalProperties : undefined;
  return [
    ...own,
    ...Object.entries(schema.properties ?? {}).flatMap(([k, s]) => stringSchemas(s, `${where}.${k}`)),
    ...stringSchemas(schema.items, `${where}[]`),
    ...stringSchemas(extra, `${where}.*`),
    ...[...(schema.anyOf ?? []), ...(schema.oneOf ?? []), ...(schema.allOf ?? [])].flatMap((s) =>
      stringSchemas(s, where),
    ),
  ];
}

describe('the OpenAPI document states what the API enforces', () => {
  let h: Harness;
  let auth: { authorization: string };
  let doc: OpenApiDocument;
  const operations = () =>
    Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops).map(([method, op]) => ({ path, method, op })),
    );
  const operation = (method: string, path: string): Operation => {
    const op = doc.paths[path]?.[method];
    if (!op) throw new Error(`the document has no ${method} ${path}`);
    return op;
  };
  const bodyField = (method: string, path: string, field: string): JsonSchema => {
    const schema = operation(method, path).requestBody?.content['application/json']?.schema;
    const found = schema?.properties?.[field];
    if (!found) throw new Error(`${method} ${path} documents no body.${field}`);
    return found;
  };
  const queryField = (path: string, name: string): JsonSchema => {
    const found = operation('get', path).parameters?.find((p) => p.in === 'query' && p.name === name);
    if (!found) throw new Error(`GET ${path} documents no query ${name}`);
    return found.schema;
  };
  const call = (options: InjectOptions) =>
    h.app.inject({ ...options, headers: { ...auth, ...(options.headers ?? {}) } });

  beforeAll(async () => {
    h = await startHarness({ noWorker: true });
    auth = { authorization: `Bearer ${await h.login('admin01', 'STORE-BJ-001')}` };
    doc = h.app.swagger() as unknown as OpenApiDocument;
  });
  afterAll(async () => h?.close());

  it('CH-3: an undeclared method on a known path answers 405 with an Allow header and the usual error body, signed in or not; an unknown path stays 404', async () => {
    const put = await call({ method: 'PUT', url: '/api/v1/orders' });
    expect(put.statusCode).toBe(405);
    expect(put.headers.allow).toBe('GET, HEAD, POST');
    expect(put.json<{ code: string; reason: string }>()).toEqual(
      expect.objectContaining({ code: 'MethodNotAllowed', reason: errorCatalogue.MethodNotAllowed.zh }),
    );
    expect(put.json<{ message: string }>().message).toContain('PUT /api/v1/orders');

    const trace = await h.app.inject({ method: 'TRACE', url: '/api/v1/auth/login' });
    expect([trace.statusCode, trace.headers.allow]).toEqual([405, 'POST']);
    const options = await call({ method: 'OPTIONS', url: '/api/v1/orders/OpenAccount:STORE-BJ-001:k1' });
    expect([options.statusCode, options.headers.allow]).toEqual([405, 'GET, HEAD']);
    const health = await h.app.inject({ method: 'DELETE', url: '/health' });
    expect([health.statusCode, health.headers.allow]).toEqual([405, 'GET, HEAD']);

    const unknown = await call({ method: 'GET', url: '/api/v1/no-such-thing' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ code: 'NotFound' });
  });

  it('ORD-6: a path ID as long as the document allows (an order ID of 120 characters) reaches its route; no documented path parameter is cut short by the router', async () => {
    const id = `OpenAccount:STORE-BJ-001:${'k'.repeat(95)}`;
    expect(id).toHaveLength(120);
    const order = await call({ method: 'GET', url: `/api/v1/orders/${id}` });
    expect(order.statusCode).toBe(404);

    const cutShort: string[] = [];
    for (const { path, method, op } of operations()) {
      for (const param of op.parameters?.filter((p) => p.in === 'path') ?? []) {
        const longest = param.schema.maxLength;
        if (longest === undefined) {
          if (!param.schema.pattern && !param.schema.enum)
            cutShort.push(`${method} ${path} ${param.name}: no bound`);
          continue;
        }
        const url = path.replace(/\{(\w+)\}/g, (_, name: string) =>
          name === param.name ? 'a'.repeat(longest) : 'a',
        );
        const res = await call({ method: method.toUpperCase(), url });
        if (res.body.includes('path parameter is longer'))
          cutShort.push(`${method} ${path} ${param.name} ≤ ${longest}`);
      }
    }
    expect(cutShort).toEqual([]);
  });

  it('GRP-1: revoking a product permission answers 204 with no body, and the document promises no body', async () => {
    const op = operation('delete', '/api/v1/operators/{operatorId}/product-permissions/{productCode}');
    expect(op.responses['204']).toBeDefined();
    expect(op.responses['204']?.content).toBeUndefined();
    const res = await call({ method: 'DELETE', url: '/api/v1/operators/store01/product-permissions/HDJ' });
    expect(res.statusCode).toBe(204);
    expect(res.body).toBe('');
  });

  it('every string a request may carry is documented without the NUL character the API refuses; a NUL in a documented field is refused naming it, one in a property the document does not name is ignored with the property', async () => {
    const admitsNul: string[] = [];
    for (const { path, method, op } of operations()) {
      const schemas = [
        ...(op.parameters ?? []).flatMap((p) => stringSchemas(p.schema, `${p.in}.${p.name}`)),
        ...Object.values(op.requestBody?.content ?? {}).flatMap((c) => stringSchemas(c.schema, 'body')),
      ];
      for (const [where, schema] of schemas) {
        if (schema.enum || schema.format === 'binary') continue;
        if (!schema.pattern || new RegExp(schema.pattern).test('a\u0000b'))
          admitsNul.push(`${method} ${path} ${where}`);
      }
    }
    expect(admitsNul).toEqual([]);

    const channel = (body: object) => call({ method: 'POST', url: '/api/v1/channels', payload: body });
    const withNul = await channel({ type: 'ownStore', location: 'BJ', name: 'Xidan\u0000store' });
    expect(withNul.statusCode).toBe(400);
    expect(withNul.json<{ message: string }>().message).toContain('body.name');
    const extra = await channel({ type: 'ownStore', location: 'BJ', name: 'Contract store', 'x\u0000y': 1 });
    expect(extra.statusCode).toBe(201);
    // The keys of a free-form map (a member's product attributes) are names OpenAPI 3.0 cannot constrain: a NUL
    // in one is a business refusal, 422 naming the map.
    const inName = await call({
      method: 'POST',
      url: '/api/v1/orders',
      headers: { 'idempotency-key': 'contract-nul-in-name' },
      payload: {
        type: 'groupMemberAdd',
        groupCode: '1000000001',
        productCode: 'HDJ',
        msisdn: '13900200001',
        attributes: { 'a\u0000b': 'x' },
      },
    });
    expect(inName.statusCode, inName.body).toBe(422);
    expect(inName.json()).toMatchObject({ code: 'BusinessRuleViolated' });
    expect(inName.json<{ message: string }>().message).toMatch(
      /^body\.attributes\.a.b: .*not allowed in a name$/s,
    );
  });

  const rules: {
    rule: string;
    field: () => JsonSchema;
    request: (value: string) => InjectOptions;
    refused: string[];
    accepted: string[];
  }[] = [
    {
      rule: 'CH-2: a password has 8–128 characters with letters and digits',
      field: () => bodyField('post', '/api/v1/operators', 'password'),
      request: (password) => ({
        method: 'PATCH',
        url: '/api/v1/operators/hotline01',
        payload: { password },
      }),
      refused: ['abcdefgh', '12345678', 'ab1'],
      accepted: ['abcdefg1', '1234567X'],
    },
    {
      rule: 'CH-4: business hours are HH:MM-HH:MM',
      field: () => bodyField('patch', '/api/v1/channels/{code}', 'businessHours'),
      request: (businessHours) => ({
        method: 'PATCH',
        url: '/api/v1/channels/BANK-BJ-001',
        payload: { businessHours },
      }),
      refused: ['9-18', '25:00-26:00', '09:00-24:30', '09:00-18:00 '],
      accepted: ['09:00-18:00', '22:00-06:00', '00:00-24:00'],
    },
    {
      rule: 'WO-6: a status filter is one or more statuses, comma-separated',
      field: () => queryField('/api/v1/work-orders', 'status'),
      request: (status) => ({ method: 'GET', url: '/api/v1/work-orders', query: { status } }),
      refused: ['', 'nope', 'dispatched,', ','],
      accepted: ['dispatched', 'dispatched,inService'],
    },
    {
      rule: 'CH-2: a channel filter is a code, not blank',
      field: () => queryField('/api/v1/operators', 'channel'),
      request: (channel) => ({ method: 'GET', url: '/api/v1/operators', query: { channel } }),
      refused: ['', '   '],
      accepted: ['STORE-BJ-001'],
    },
  ];

  it.each(rules)('$rule: the document states it as the API enforces it', async (row) => {
    const schema = row.field();
    const disagreements: string[] = [];
    for (const value of [...row.refused, ...row.accepted]) {
      const refusedByApi = (await call(row.request(value))).statusCode === 400;
      const refusedByDocument = !documentAccepts(schema, value);
      const expected = row.refused.includes(value);
      if (refusedByApi !== expected || refusedByDocument !== expected)
        disagreements.push(
          `${JSON.stringify(value)}: API ${refusedByApi ? 400 : 'takes it'}, document ${refusedByDocument ? 'refuses' : 'takes'} it`,
        );
    }
    expect(disagreements).toEqual([]);
  });

  it('RES-3, WO-6, CH-4, RES-2: a rule the document cannot state is a business refusal, 422 naming the field and the rule, and documented', async () => {
    const available = await call({ method: 'GET', url: '/api/v1/numbers/available', query: { limit: '1' } });
    const msisdn = available.json<{ items: { msisdn: string }[] }>().items[0]?.msisdn ?? '';
    const inAMonth = new Date(Date.now() + 30 * 86_400_000).toISOString();
    const refusals = [
      [
        'post',
        '/api/v1/numbers/{msisdn}/reservation',
        await call({
          method: 'POST',
          url: `/api/v1/numbers/${msisdn}/reservation`,
          payload: { customerName: '王芳', until: inAMonth },
        }),
        'body.until',
      ],
      [
        'get',
        '/api/v1/work-orders/stats/outlets',
        await call({
          method: 'GET',
          url: '/api/v1/work-orders/stats/outlets',
          query: { from: '2026-05-02T00:00:00Z', to: '2026-05-01T00:00:00Z' },
        }),
        'querystring.from',
      ],
      [
        'patch',
        '/api/v1/channels/{code}',
        await call({
          method: 'PATCH',
          url: '/api/v1/channels/BANK-BJ-001',
          payload: { businessHours: '09:00-09:00' },
        }),
        'body.businessHours',
      ],
      [
        'post',
        '/api/v1/org-units',
        await call({
          method: 'POST',
          url: '/api/v1/org-units',
          payload: { code: 'CONTRACT-CITY', kind: 'city', name: 'Contract city', operatorId: 'store01' },
        }),
        'body.operatorId',
      ],
    ] as const;
    for (const [method, path, res, field] of refusals) {
      expect(res.statusCode, `${method} ${path}: ${res.body}`).toBe(422);
      expect(res.json()).toMatchObject({
        code: 'BusinessRuleViolated',
        reason: errorCatalogue.BusinessRuleViolated.zh,
      });
      expect(res.json<{ message: string }>().message).toContain(field);
      expect(Object.keys(operation(method, path).responses)).toContain('422');
    }
  });
});
