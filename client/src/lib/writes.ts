/**
 * Truthful, repeatable writes (issue 12 item 5, client side). Every creating mutation of the API takes
 * an `idempotencyKey`; the client makes one per user intent and sends the same key on every retry of
 * that intent, so a retry after a lost answer returns the first result instead of creating a second post.
 *
 * - {@link acceptsIdempotencyKey}: a document that declares `$idempotencyKey` gets a key from `mutate()`.
 * - {@link isUncertainFailure}: the write may or may not have happened (network failure, a proxy's
 *   502–504, OUTCOME_UNKNOWN, SERVICE_UNAVAILABLE): retrying with the same key is safe and settles it.
 * - {@link sendWithRetry}: bounded retries with capped exponential back-off and jitter; it reports each
 *   retry so the UI can say so plainly.
 *
 * Nothing here knows React or the session: `client/src/data.ts` wires it into `mutate()`.
 */
import { GraphQLRequestError } from './graphql-http';

/** True when the operation declares an `$idempotencyKey` variable (the API's creating mutations). */
export function acceptsIdempotencyKey(document: { toString(): string }): boolean {
  return /\$idempotencyKey\s*:/.test(document.toString());
}

/** A fresh key for one user intent (a UUID). */
export function newIntentKey(): string {
  return crypto.randomUUID();
}

/** Codes after which the server may have committed, or will accept the same request later. */
const UNCERTAIN_CODES = new Set(['OUTCOME_UNKNOWN', 'SERVICE_UNAVAILABLE']);

/**
 * True when it is unknown whether the write happened (or it certainly did not, but may succeed on a
 * retry): the request never got an answer, a proxy could not reach the server, or the server said
 * OUTCOME_UNKNOWN / SERVICE_UNAVAILABLE. Coded refusals (BAD_USER_INPUT, CONFLICT …) are final.
 */
export function isUncertainFailure(err: unknown): boolean {
  if (!(err instanceof GraphQLRequestError)) return false;
  if (err.failure === 'network') return true;
  if (err.failure === 'graphql') return err.code !== undefined && UNCERTAIN_CODES.has(err.code);
  return err.status !== undefined && err.status >= 502 && err.status <= 504;
}

/** True for a request that never reached (or never heard back from) the server. */
export function isNetworkFailure(err: unknown): boolean {
  return (
    err instanceof GraphQLRequestError &&
    (err.failure === 'network' || (err.failure === 'http' && err.status !== undefined && err.status >= 502 && err.status <= 504))
  );
}

/** Options of {@link sendWithRetry}. */
export interface RetryOptions {
  /** Attempts in all, the first included. Default 4. */
  attempts?: number;
  /** Delay before the first retry in ms; doubled per retry. Default 500. */
  baseDelayMs?: number;
  /** Ceiling of one delay in ms. Default 8 000. */
  maxDelayMs?: number;
  /** Which failures to retry. Default {@link isUncertainFailure}. */
  retryOn?: (err: unknown) => boolean;
  /** Called before each retry (attempt = the number of the attempt about to start, 2…). */
  onRetry?: (attempt: number, err: unknown, delayMs: number) => void;
  /** Waits; injectable for tests. */
  sleep?: (ms: number) => Promise<void>;
  /** Stops retrying (the error of the last attempt is thrown). */
  signal?: AbortSignal;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The delay before retry number `retry` (1-based): base·2^(retry−1), capped, jittered over its upper half. */
export function retryDelay(retry: number, baseDelayMs: number, maxDelayMs: number, random: () => number = Math.random): number {
  const ceiling = Math.min(maxDelayMs, baseDelayMs * 2 ** (retry - 1));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

/**
 * Runs `send` and retries it while it fails with a retryable error, at most `attempts` times in all.
 * `send` must resend the SAME request (same idempotency key): only then is a retry harmless.
 * Resolves with the first success; rejects with the last error.
 */
export async function sendWithRetry<T>(send: (attempt: number) => Promise<T>, options: RetryOptions = {}): Promise<T> {
  const {
    attempts = 4,
    baseDelayMs = 500,
    maxDelayMs = 8_000,
    retryOn = isUncertainFailure,
    onRetry,
    sleep = defaultSleep,
    signal,
  } = options;
  for (let attempt = 1; ; attempt++) {
    try {
      return await send(attempt);
    } catch (err) {
      if (attempt >= attempts || signal?.aborted || !retryOn(err)) throw err;
      const delay = retryDelay(attempt, baseDelayMs, maxDelayMs);
      onRetry?.(attempt + 1, err, delay);
      await sleep(delay);
    }
  }
}

/** What the app shows about writes being retried (one line above the page). */
export interface WriteStatus {
  /** Writes currently being retried after a lost answer. */
  retrying: number;
}

/** A tiny observable of {@link WriteStatus} (useSyncExternalStore-friendly). */
export function createWriteStatus() {
  let state: WriteStatus = { retrying: 0 };
  const listeners = new Set<() => void>();
  const set = (next: WriteStatus) => {
    state = next;
    for (const l of [...listeners]) l();
  };
  return {
    get: (): WriteStatus => state,
    subscribe(listener: () => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    /** Counts a write as retrying until `done` is called. */
    begin(): () => void {
      set({ retrying: state.retrying + 1 });
      let ended = false;
      return () => {
        if (ended) return;
        ended = true;
        set({ retrying: Math.max(0, state.retrying - 1) });
      };
    },
  };
}
