import { closedLoop, type LoopRun } from './stats';

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

export interface LoadResult extends LoopRun {
  label: string;
  clients: number;
  target: number;
}

/** `closedLoop` under a label, warning once when requests failed. */
export async function runLoad(
  label: string,
  once: (client: number, n: number) => Promise<unknown>,
  opts: { clients: number; target: number; capMs: number },
): Promise<LoadResult> {
  const run = await closedLoop(opts, once);
  if (run.firstError) console.warn(`  ! ${run.errors} request(s) failed (${label}); first: ${run.firstError}`);
  return { label, clients: opts.clients, target: opts.target, ...run };
}
