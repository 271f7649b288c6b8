import { now, summarize, type LatencySummary } from './stats';

/** GraphQL over HTTP to one instance; throws on HTTP errors and GraphQL errors (the message names the first). */
export async function gql<T = Record<string, any>>(
  baseUrl: string,
  query: string,
  variables: Record<string, unknown> = {},
  token?: string,
): Promise<T> {
  const res = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: T; errors?: Array<{ message: string; extensions?: { code?: string } }> };
  if (res.status !== 200 || body.errors?.length || !body.data) {
    const e = body.errors?.[0];
    throw new Error(`HTTP ${res.status}${e ? `, ${e.extensions?.code ?? ''}: ${e.message}` : ''}`.slice(0, 300));
  }
  return body.data;
}

export async function signIn(baseUrl: string, username: string, password: string): Promise<string> {
  const data = await gql<{ signIn: { accessToken: string } }>(baseUrl, 'mutation($i: SignInInput!) { signIn(input: $i) { accessToken } }', {
    i: { username, password },
  });
  return data.signIn.accessToken;
}

export interface LoadResult {
  label: string;
  clients: number;
  target: number;
  completed: number;
  errors: number;
  firstError?: string;
  capped: boolean;
  elapsedMs: number;
  perSec: number;
  latency: LatencySummary;
}

/**
 * `clients` closed loops (each sends its next request when the previous answer arrived) share a budget
 * of `target` requests, bounded by `capMs`. `once(client, n)` gets the client's index and the request's
 * number within that client (to pick the instance, the case, the task).
 */
export async function runLoad(
  label: string,
  once: (client: number, n: number) => Promise<unknown>,
  opts: { clients: number; target: number; capMs: number },
): Promise<LoadResult> {
  const latencies: number[] = [];
  let issued = 0;
  let errors = 0;
  let firstError: string | undefined;
  const start = now();
  const deadline = start + opts.capMs;
  await Promise.all(
    Array.from({ length: opts.clients }, async (_, client) => {
      for (let n = 0; issued < opts.target && now() < deadline; n++) {
        issued++;
        const t0 = now();
        try {
          await once(client, n);
          latencies.push(now() - t0);
        } catch (err) {
          errors++;
          firstError ??= (err as Error).message;
        }
      }
    }),
  );
  const elapsedMs = now() - start;
  if (firstError) console.warn(`  ! ${errors} request(s) failed (${label}); first: ${firstError}`);
  return {
    label,
    clients: opts.clients,
    target: opts.target,
    completed: latencies.length,
    errors,
    firstError,
    capped: latencies.length + errors < opts.target,
    elapsedMs,
    perSec: (latencies.length / elapsedMs) * 1000,
    latency: summarize(latencies),
  };
}
