import { closedLoop, type LatencySummary } from './stats';

export const BENCH_USER = { username: 'cb.thads', password: 'PhoiHop@2026' };

export const BENCH_QUERY = '{ me { id fullName agency { name } } agencies(first: 20) { totalCount edges { node { name } } } }';

export interface GraphQLResponse {
  data?: Record<string, unknown> | null;
  errors?: Array<{ message: string }>;
}

export async function post(url: string, body: unknown, token?: string): Promise<{ status: number; json: GraphQLResponse }> {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as GraphQLResponse };
}

/** Signs the demo user in over HTTP and returns the access token. */
export async function signIn(url: string): Promise<string> {
  const query = `mutation { signIn(input: { username: ${JSON.stringify(BENCH_USER.username)}, password: ${JSON.stringify(BENCH_USER.password)} }) { accessToken } }`;
  const { status, json } = await post(url, { query });
  const token = (json.data?.signIn as { accessToken?: string } | undefined)?.accessToken;
  if (!token) throw new Error(`sign-in failed (HTTP ${status}): ${JSON.stringify(json.errors ?? json).slice(0, 300)}`);
  return token;
}

/** Runs the bench query once and throws unless it returned data without errors. */
export async function queryOnce(url: string, token: string): Promise<GraphQLResponse> {
  const { status, json } = await post(url, { query: BENCH_QUERY }, token);
  if (status !== 200 || json.errors?.length || !json.data?.me) {
    throw new Error(`HTTP ${status}: ${JSON.stringify(json.errors ?? json).slice(0, 300)}`);
  }
  return json;
}

/** Baseline: the cheapest GraphQL operation, no token (HTTP + Express + Apollo, no resolver, no DB). */
export async function typenameOnce(url: string): Promise<void> {
  const { status, json } = await post(url, { query: '{ __typename }' });
  if (status !== 200 || json.errors?.length) throw new Error(`HTTP ${status}: ${JSON.stringify(json).slice(0, 300)}`);
}

/** Baseline: GET /healthz (HTTP + Express only). */
export async function healthzOnce(url: string): Promise<void> {
  const res = await fetch(`${url}/healthz`);
  await res.json();
  if (res.status !== 200) throw new Error(`HTTP ${res.status}`);
}

export interface HttpResult {
  label: string;
  clients: number;
  target: number;
  completed: number;
  errors: number;
  capped: boolean;
  elapsedMs: number;
  requestsPerSec: number;
  /** Per request: fetch() call to the parsed JSON body. */
  latency: LatencySummary;
}

/**
 * `clients` concurrent loops calling `once` share a budget of `target` requests, bounded by `capMs`.
 * Each client awaits its response before sending the next (closed loop).
 */
export async function runHttp(
  label: string,
  once: () => Promise<unknown>,
  opts: { clients: number; target: number; capMs: number },
): Promise<HttpResult> {
  const { completed, errors, firstError, capped, elapsedMs, perSec, latency } = await closedLoop(opts, once);
  if (firstError) console.warn(`  ! ${errors} request(s) failed (${label}, ${opts.clients} client(s)); first: ${firstError}`);
  return { label, clients: opts.clients, target: opts.target, completed, errors, capped, elapsedMs, requestsPerSec: perSec, latency };
}
