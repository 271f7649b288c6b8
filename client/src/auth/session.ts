/**
 * The signed-in session: access and refresh tokens kept in sessionStorage (per tab, gone when the
 * tab closes), refreshed shortly before the access token expires, and dropped — back to the sign-in
 * page — when the server says UNAUTHENTICATED and a refresh cannot fix it.
 */
import { useSyncExternalStore } from 'react';
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
import { GraphQLRequestError, request } from '../lib/graphql-http';
import { refreshSessionMutation, signInMutation, signOutMutation } from '../operations';

/** The tokens of a session, as stored. */
export interface SessionTokens {
  accessToken: string;
  /** ISO date-time from the server. */
  accessTokenExpiresAt: string;
  refreshToken: string;
  /** When this access token was received, in client milliseconds (to size the refresh timer). */
  receivedAt: number;
}

/** Why the app is on the sign-in page: first visit, an expired session, or a sign-out. */
export type SignedOutReason = 'initial' | 'expired' | 'signedOut';

/** What the UI renders from. */
export type SessionState = { status: 'signedIn'; tokens: SessionTokens } | { status: 'signedOut'; reason: SignedOutReason };

const STORAGE_KEY = 'phoihop.session';
/** Refresh this long before expiry at most… */
const MAX_LEAD_MS = 60_000;
/** …and never sooner than this after receiving a token (guards against clock skew loops). */
const MIN_DELAY_MS = 10_000;
/** After a failed refresh that was not a rejection (network, rate limit), try again after this. */
const RETRY_DELAY_MS = 15_000;

function readStored(): SessionTokens | null {
  try {
    const raw = window.sessionStorage.getItem(STORAGE_KEY);
    if (!raw) return null;
    const value = JSON.parse(raw) as Partial<SessionTokens>;
    if (typeof value.accessToken !== 'string' || typeof value.refreshToken !== 'string' || typeof value.accessTokenExpiresAt !== 'string') return null;
    return { accessToken: value.accessToken, refreshToken: value.refreshToken, accessTokenExpiresAt: value.accessTokenExpiresAt, receivedAt: Number(value.receivedAt) || 0 };
  } catch {
    return null;
  }
}

function writeStored(tokens: SessionTokens | null): void {
  try {
    if (tokens) window.sessionStorage.setItem(STORAGE_KEY, JSON.stringify(tokens));
    else window.sessionStorage.removeItem(STORAGE_KEY);
  } catch {
    // Storage blocked: the session lives until the page reloads.
  }
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
  private state: SessionState;
  private readonly listeners = new Set<() => void>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private refreshing: Promise<boolean> | undefined;

  constructor() {
    const stored = readStored();
    this.state = stored ? { status: 'signedIn', tokens: stored } : { status: 'signedOut', reason: 'initial' };
    if (stored) this.schedule(stored);
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
    const data = await request(signInMutation, { variables: { input: { username, password } } });
    this.setTokens({ ...data.signIn, receivedAt: Date.now() });
  }

  /** Revokes the refresh token on the server (best effort) and forgets the session. */
  async signOut(): Promise<void> {
    const tokens = this.state.status === 'signedIn' ? this.state.tokens : null;
    if (tokens) {
      try {
        await request(signOutMutation, { variables: { refreshToken: tokens.refreshToken }, token: tokens.accessToken });
      } catch {
        // The server may be unreachable or the session already gone; locally we sign out regardless.
      }
    }
    this.drop('signedOut');
  }

  /**
   * Exchanges the refresh token for new tokens. Resolves true on success, false when the session is
   * over (the store is then signed out with reason 'expired'). Concurrent calls share one request.
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

  private async doRefresh(): Promise<boolean> {
    if (this.state.status !== 'signedIn') return false;
    const { refreshToken } = this.state.tokens;
    try {
      const data = await request(refreshSessionMutation, { variables: { refreshToken } });
      // Signed out (or in again) while the request ran: do not resurrect the old session.
      if (this.state.status !== 'signedIn' || this.state.tokens.refreshToken !== refreshToken) return false;
      this.setTokens({ ...data.refreshSession, receivedAt: Date.now() });
      return true;
    } catch (err) {
      if (err instanceof GraphQLRequestError && (err.code === 'UNAUTHENTICATED' || err.code === 'FORBIDDEN' || err.code === 'BAD_USER_INPUT')) {
        if (this.state.status === 'signedIn' && this.state.tokens.refreshToken === refreshToken) this.drop('expired');
        return false;
      }
      // Unreachable or rate-limited: keep the session (the access token may still be valid) and retry.
      this.clearTimer();
      this.timer = setTimeout(() => void this.refresh(), RETRY_DELAY_MS);
      return false;
    }
  }

  private setTokens(tokens: SessionTokens): void {
    writeStored(tokens);
    this.schedule(tokens);
    this.emit({ status: 'signedIn', tokens });
  }

  private drop(reason: SignedOutReason): void {
    this.clearTimer();
    writeStored(null);
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
