/**
 * GraphQL over HTTP with plain fetch: POST /graphql with the typed documents from codegen.
 */
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';

/** Why a request failed: the server answered with GraphQL errors, an HTTP error, or was unreachable. */
export type RequestFailure = 'graphql' | 'http' | 'network';

/** A failed GraphQL request. For `graphql` failures `message` is the server's message, meant for people. */
export class GraphQLRequestError extends Error {
  override name = 'GraphQLRequestError';

  constructor(
    message: string,
    /** What kind of failure this is. */
    readonly failure: RequestFailure,
    /** `errors[0].extensions.code` (UNAUTHENTICATED, BAD_USER_INPUT, FORBIDDEN, RATE_LIMITED …). */
    readonly code?: string,
    /** The HTTP status, when there was a response. */
    readonly status?: number,
    /** `errors[0].extensions.rule`: the legal or business rule behind a RULE_VIOLATION (e.g. "Điều 46 Luật THADS"). */
    readonly rule?: string,
    /** All of `errors[0].extensions` (e.g. CONFLICT's `currentVersion` and `changed`). */
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

/** Options of one request. */
export interface RequestOptions<TVariables> {
  variables?: TVariables;
  /** Access token sent as `authorization: Bearer <token>`. */
  token?: string | null;
  signal?: AbortSignal;
}

interface GraphQLResponseBody<TResult> {
  data?: TResult | null;
  errors?: Array<{ message?: string; extensions?: { code?: unknown; rule?: unknown; [key: string]: unknown } }>;
}

/** The endpoint: same origin as the app (the Vite dev server proxies it to the API). */
export const GRAPHQL_PATH = '/graphql';

/**
 * Sends one operation and returns its `data`, or throws a {@link GraphQLRequestError} carrying the
 * first error's message and code.
 */
export async function request<TResult, TVariables>(
  document: DocumentTypeDecoration<TResult, TVariables> & { toString(): string },
  options: RequestOptions<TVariables> = {},
): Promise<TResult> {
  let response: Response;
  try {
    response = await fetch(GRAPHQL_PATH, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/graphql-response+json, application/json',
        ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      },
      body: JSON.stringify({ query: document.toString(), variables: options.variables ?? {} }),
      signal: options.signal,
    });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new GraphQLRequestError(err instanceof Error ? err.message : String(err), 'network');
  }

  let body: GraphQLResponseBody<TResult> | undefined;
  if ((response.headers.get('content-type') ?? '').includes('json')) {
    try {
      body = (await response.json()) as GraphQLResponseBody<TResult>;
    } catch {
      body = undefined;
    }
  }
  const first = body?.errors?.[0];
  if (first) {
    const code = typeof first.extensions?.code === 'string' ? first.extensions.code : undefined;
    const rule = typeof first.extensions?.rule === 'string' ? first.extensions.rule : undefined;
    throw new GraphQLRequestError(
      first.message ?? `HTTP ${response.status}`,
      'graphql',
      code,
      response.status,
      rule,
      first.extensions ?? {},
    );
  }
  if (!response.ok || !body || body.data == null) {
    throw new GraphQLRequestError(`HTTP ${response.status}`, 'http', undefined, response.status);
  }
  return body.data;
}
