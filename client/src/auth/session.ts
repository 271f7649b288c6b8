/**
 * The signed-in session of this browser. The refresh token is an httpOnly, SameSite=Strict cookie
 * scoped to /auth/session (server/src/auth/session-cookie.ts): scripts never see it, and every tab
 * shares it, so a case link opened in a new tab is signed in at once (the tab asks for an access
 * token on start). The access token is kept in memory only, per tab, and refreshed shortly before it
 * expires; tabs take turns refreshing (Web Locks) because each refresh rotates the shared cookie and
 * presenting a spent one revokes every session. Signing out in one tab signs out every tab
 * (BroadcastChannel). UNAUTHENTICATED that a refresh cannot fix returns to the sign-in page.
 */
import { useSyncExternalStore } from 'react';
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
import { GraphQLRequestError, request } from '../lib/graphql-http';
import { userIdOfToken } from '../offline/page-cache';

/** The access token of this tab. */
export interface SessionTokens {
  accessToken: string;
  /** ISO date-time from the server. */
  accessTokenExpiresAt: string;
  /** When this access token was received, in client milliseconds (to size the refresh timer). */
  receivedAt: number;
}

/** Why the app is on the sign-in page: first visit, an expired session, or a sign-out. */
export type SignedOutReason = 'initial' | 'expired' | 'signedOut';

/**
 * What the UI renders from; `restoring` while a new tab asks whether the browser is signed in;
 * `offline` when the app was opened without a connection by a user who never signed out here: the
 * server cannot confirm the session, so nothing is sent, but that user's offline copies are shown
 * and new writes queue under their id (docs/offline.md); the session resumes at the first answer.
 */
export type SessionState =
  | { status: 'restoring' }
  | { status: 'signedIn'; tokens: SessionTokens }
  | { status: 'offline'; userId: string }
  | { status: 'signedOut'; reason: SignedOutReason };

/**
 * The id of the user last signed in on this browser, kept until they sign out or the server ends
 * their session: only to find their offline copies when the app opens without a connection. It
 * grants nothing (the server checks every request); the copies it unlocks are the ones kept in
 * IndexedDB for that user anyway until sign-out.
 */
const LAST_USER_KEY = 'phoihop.lastUser';
function lastUser(): string | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage.getItem(LAST_USER_KEY);
  } catch {
    return null;
  }
}
function rememberUser(userId: string | null): void {
  try {
    if (typeof localStorage === 'undefined') return;
    if (userId) localStorage.setItem(LAST_USER_KEY, userId);
    else localStorage.removeItem(LAST_USER_KEY);
  } catch {
    // Storage blocked: the app simply does not open offline.
  }
}

/** A failure that says nothing about the session: the server was not reached (or a proxy said so). */
function unreachable(err: unknown): boolean {
  return (
    err instanceof GraphQLRequestError &&
    (err.failure === 'network' || (err.failure === 'http' && err.status !== undefined && err.status >= 502 && err.status <= 504))
  );
}

/** The server's session endpoints (same origin). */
export const SESSION_ENDPOINT = '/auth/session';
/** Tabs of this browser tell each other about sign-in and sign-out here. */
const CHANNEL = 'phoihop.session';
/** The Web Lock tabs hold while one of them rotates the refresh cookie. */
const REFRESH_LOCK = 'phoihop.refresh';
/** Refresh this long before expiry at most… */
const MAX_LEAD_MS = 60_000;
/** …and never sooner than this after receiving a token (guards against clock skew loops). */
const MIN_DELAY_MS = 10_000;
/** After a failed refresh that was not a rejection (network, rate limit), try again after this. */
const RETRY_DELAY_MS = 15_000;

type AccessAnswer = { accessToken: string; accessTokenExpiresAt: string };

/**
 * POSTs to a session endpoint (JSON, with the cookie) and returns its answer, or throws a
 * {@link GraphQLRequestError} with the server's message and code (`failure: 'graphql'` when the
 * server explained itself, so the message is shown as it is).
 */
async function postSession(path: string, body: unknown = {}): Promise<AccessAnswer> {
  let response: Response;
  try {
    response = await fetch(`${SESSION_ENDPOINT}/${path}`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  } catch (err) {
    throw new GraphQLRequestError(err instanceof Error ? err.message : String(err), 'network');
  }
  let json: { accessToken?: string; accessTokenExpiresAt?: string; error?: { code?: string; message?: string } } | undefined;
  try {
    json = (await response.json()) as typeof json;
  } catch {
    json = undefined;
  }
  if (json?.error?.message) throw new GraphQLRequestError(json.error.message, 'graphql', json.error.code, response.status);
  if (!response.ok || !json) throw new GraphQLRequestError(`HTTP ${response.status}`, 'http', undefined, response.status);
  return json as AccessAnswer;
}

/** Runs `fn` while holding the browser-wide refresh lock (or directly where Web Locks are missing). */
function withRefreshLock<T>(fn: () => Promise<T>): Promise<T> {
  const locks = typeof navigator !== 'undefined' ? (navigator as Navigator & { locks?: LockManager }).locks : undefined;
  return locks ? (locks.request(REFRESH_LOCK, fn) as Promise<T>) : fn();
}

/** Milliseconds to wait before refreshing a token received at `receivedAt` that expires at `expiresAt`. */
export function refreshDelay(expiresAt: string, receivedAt: number, now: number): number {
  const expiry = Date.parse(expiresAt);
  if (Number.isNaN(expiry)) return MIN_DELAY_MS;
  const lifetime = expiry - receivedAt;
  // Short-lived tokens refresh at 80 % of their life, long-lived ones a minute before the end.
  const refreshAt = receivedAt + Math.max(lifetime - MAX_LEAD_MS, lifetime * 0.8);
  return Math.max(refreshAt - now, now - receivedAt < MIN_DELAY_MS ? MIN_DELAY_MS - (now - receivedAt) : 0);
}

class SessionStore {
  private state: SessionState = { status: 'restoring' };
  private readonly listeners = new Set<() => void>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private refreshing: Promise<boolean> | undefined;
  private readonly channel: BroadcastChannel | null = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(CHANNEL);

  constructor() {
    this.channel?.addEventListener('message', (event: MessageEvent) => {
      if (event.data === 'signedOut' && this.state.status !== 'signedOut') this.drop('signedOut');
      // Another tab signed in: this one joins the same session.
      if (event.data === 'signedIn' && this.state.status === 'signedOut') void this.restore();
    });
    // Opened offline: try again as soon as the browser has a connection.
    if (typeof window !== 'undefined')
      window.addEventListener('online', () => {
        if (this.state.status === 'offline') void this.refresh();
      });
    void this.restore();
  }

  /** For useSyncExternalStore. */
  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** For useSyncExternalStore. */
  readonly getState = (): SessionState => this.state;

  /** The current access token (the live connection calls this on every reconnect). */
  readonly accessToken = (): string | null => (this.state.status === 'signedIn' ? this.state.tokens.accessToken : null);

  /** Signs in; throws {@link GraphQLRequestError} with the server's message on failure. */
  async signIn(username: string, password: string): Promise<void> {
    const data = await postSession('sign-in', { username, password });
    this.setTokens({ ...data, receivedAt: Date.now() });
    this.channel?.postMessage('signedIn');
  }

  /** Ends the session on the server (best effort) and in every tab of this browser. */
  async signOut(): Promise<void> {
    try {
      await postSession('sign-out');
    } catch {
      // The server may be unreachable or the session already gone; locally we sign out regardless.
    }
    this.drop('signedOut');
    this.channel?.postMessage('signedOut');
  }

  /**
   * Exchanges the refresh cookie for a new access token. Resolves true on success, false when the
   * session is over (the store is then signed out with reason 'expired'). Concurrent calls share one request.
   */
  refresh(): Promise<boolean> {
    this.refreshing ??= this.doRefresh().finally(() => {
      this.refreshing = undefined;
    });
    return this.refreshing;
  }

  /**
   * Sends an operation with the access token. On UNAUTHENTICATED it refreshes once and retries; if
   * that fails too, the session ends and the app returns to the sign-in page.
   */
  async request<TResult, TVariables>(
    document: DocumentTypeDecoration<TResult, TVariables> & { toString(): string },
    variables?: TVariables,
    signal?: AbortSignal,
  ): Promise<TResult> {
    try {
      return await request(document, { variables, token: this.accessToken(), signal });
    } catch (err) {
      if (!(err instanceof GraphQLRequestError) || err.code !== 'UNAUTHENTICATED') throw err;
      if (!(await this.refresh())) throw err;
      try {
        return await request(document, { variables, token: this.accessToken(), signal });
      } catch (retryErr) {
        if (retryErr instanceof GraphQLRequestError && retryErr.code === 'UNAUTHENTICATED') this.drop('expired');
        throw retryErr;
      }
    }
  }

  /**
   * GETs a file the server serves to signed-in users (the statistics export) with the access token;
   * on 401 it refreshes once and retries, like {@link request}. Returns the response as it came.
   */
  async fetchFile(url: string): Promise<Response> {
    const get = () => fetch(url, { headers: { authorization: `Bearer ${this.accessToken() ?? ''}` }, credentials: 'omit' });
    const first = await get();
    if (first.status !== 401 || !(await this.refresh())) return first;
    return get();
  }

  /**
   * POSTs a file body (the CSV import upload) with the access token; on 401 it refreshes once and
   * retries, like {@link fetchFile}. Returns the response as it came.
   */
  async postFile(url: string, body: Blob | string, contentType = 'text/csv; charset=utf-8'): Promise<Response> {
    const post = () =>
      fetch(url, {
        method: 'POST',
        body,
        headers: { authorization: `Bearer ${this.accessToken() ?? ''}`, 'content-type': contentType },
        credentials: 'omit',
      });
    const first = await post();
    if (first.status !== 401 || !(await this.refresh())) return first;
    return post();
  }

  /** A new tab (or a reload): is this browser signed in? Asks for an access token with the cookie. */
  private async restore(): Promise<void> {
    try {
      const data = await withRefreshLock(() => postSession('refresh'));
      this.setTokens({ ...data, receivedAt: Date.now() });
    } catch (err) {
      if (this.state.status === 'signedIn') return;
      const userId = lastUser();
      if (userId && unreachable(err)) return this.goOffline(userId);
      if (!unreachable(err)) rememberUser(null);
      this.emit({ status: 'signedOut', reason: 'initial' });
    }
  }

  /** No connection at start: show the last user's offline copies, and keep asking. */
  private goOffline(userId: string): void {
    this.clearTimer();
    this.timer = setTimeout(() => void this.refresh(), RETRY_DELAY_MS);
    this.emit({ status: 'offline', userId });
  }

  private async doRefresh(): Promise<boolean> {
    if (this.state.status === 'offline') {
      const { userId } = this.state;
      try {
        const data = await withRefreshLock(() => postSession('refresh'));
        // Another tab's sign-in or sign-out may have landed meanwhile (TypeScript keeps the narrowing across await).
        const now = this.state as SessionState;
        if (now.status !== 'offline') return now.status === 'signedIn';
        this.setTokens({ ...data, receivedAt: Date.now() });
        return true;
      } catch (err) {
        if (this.state.status !== 'offline') return false;
        if (unreachable(err)) this.goOffline(userId);
        else this.drop('expired');
        return false;
      }
    }
    if (this.state.status !== 'signedIn') return false;
    try {
      const data = await withRefreshLock(() => postSession('refresh'));
      // Signed out while the request ran: do not resurrect the session.
      if (this.state.status !== 'signedIn') return false;
      this.setTokens({ ...data, receivedAt: Date.now() });
      return true;
    } catch (err) {
      if (
        err instanceof GraphQLRequestError &&
        (err.code === 'UNAUTHENTICATED' || err.code === 'FORBIDDEN' || err.code === 'BAD_USER_INPUT')
      ) {
        if (this.state.status === 'signedIn') this.drop('expired');
        return false;
      }
      // Unreachable or rate-limited: keep the session (the access token may still be valid) and retry.
      this.clearTimer();
      this.timer = setTimeout(() => void this.refresh(), RETRY_DELAY_MS);
      return false;
    }
  }

  private setTokens(tokens: SessionTokens): void {
    rememberUser(userIdOfToken(tokens.accessToken));
    this.schedule(tokens);
    this.emit({ status: 'signedIn', tokens });
  }

  private drop(reason: SignedOutReason): void {
    rememberUser(null);
    this.clearTimer();
    this.emit({ status: 'signedOut', reason });
  }

  private schedule(tokens: SessionTokens): void {
    this.clearTimer();
    this.timer = setTimeout(() => void this.refresh(), refreshDelay(tokens.accessTokenExpiresAt, tokens.receivedAt, Date.now()));
  }

  private clearTimer(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private emit(state: SessionState): void {
    this.state = state;
    for (const listener of [...this.listeners]) listener();
  }
}

/** The one session of this tab. */
export const session = new SessionStore();

/** The session state, re-rendering on sign-in, refresh and sign-out. */
export function useSession(): SessionState {
  return useSyncExternalStore(session.subscribe, session.getState);
}
