import type { FastifyInstance } from 'fastify';
import { DEMO_PASSWORD } from '../../db/seed';

/** One request to the API as a client makes it. */
export interface ApiCall {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string;
  token?: string;
  /** Sent as JSON; a string is sent as it is (a CSV file, a signed callback's exact bytes). */
  body?: unknown;
  headers?: Record<string, string>;
}

/** The API's answer as a test reads it. */
export interface ApiAnswer {
  status: number;
  text: string;
  json: <T = Record<string, unknown>>() => T;
}

/**
 * The API, however it is reached: in process (`app.inject`) or over HTTP (a replica, a load balancer), so one
 * journey serves a harness test, the history recorder and the topology test alike.
 */
export type Api = (call: ApiCall) => Promise<ApiAnswer>;

const headersOf = (call: ApiCall): Record<string, string> => ({
  ...(call.token ? { authorization: `Bearer ${call.token}` } : {}),
  ...(call.body === undefined ? {} : { 'content-type': 'application/json' }),
  ...call.headers,
});

const payloadOf = (call: ApiCall): string | undefined =>
  call.body === undefined ? undefined : typeof call.body === 'string' ? call.body : JSON.stringify(call.body);

const answer = (status: number, text: string): ApiAnswer => ({
  status,
  text,
  json: <T>() => JSON.parse(text) as T,
});

/** The API of an app in this process. */
export function injectApi(app: FastifyInstance): Api {
  return async (call) => {
    const res = await app.inject({
      method: call.method,
      url: call.url,
      headers: headersOf(call),
      ...(call.body === undefined ? {} : { payload: payloadOf(call) }),
    });
    return answer(res.statusCode, res.body);
  };
}

/** The API at `baseUrl` over HTTP. */
export function httpApi(baseUrl: string): Api {
  return async (call) => {
    const res = await fetch(new URL(call.url, baseUrl), {
      method: call.method,
      headers: headersOf(call),
      ...(call.body === undefined ? {} : { body: payloadOf(call) }),
      signal: AbortSignal.timeout(30_000),
    });
    return answer(res.status, await res.text());
  };
}

/** Signs in (operator, demo password, channel) and returns the bearer token. */
export async function signIn(api: Api, operatorId: string, channelCode = 'STORE-BJ-001'): Promise<string> {
  const res = await api({
    method: 'POST',
    url: '/api/v1/auth/login',
    body: { operatorId, password: DEMO_PASSWORD, channelCode },
  });
  if (res.status !== 200) throw new Error(`sign-in of ${operatorId} failed: ${res.status} ${res.text}`);
  return res.json<{ token: string }>().token;
}
