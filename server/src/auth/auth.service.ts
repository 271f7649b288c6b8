import { randomUUID } from 'node:crypto';
import { LockMode, type EntityManager, type MikroORM } from '@mikro-orm/postgresql';
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import type { AppConfig } from '../config';
import { AppError, unauthenticated } from '../errors';
import type { Outbox } from '../events/outbox';
import { streams, topics } from '../events/vocabulary';
import { User } from '../modules/users/user.entity';
import { burnPasswordCheck, verifyPassword } from './passwords';
import { AuthSession } from './session.entity';
import { AccessTokens, newRefreshSecret, sha256 } from './tokens';
import type { Role, Viewer } from './viewer';

/** What a successful sign-in or refresh returns. */
export interface AuthResult {
  accessToken: string;
  accessTokenExpiresAt: Date;
  refreshToken: string;
  user: User;
}

/** One message for every credential failure: it must not reveal whether the account exists. */
export const BAD_CREDENTIALS = 'Tên đăng nhập hoặc mật khẩu không đúng.';
const SESSION_ENDED = 'Phiên đăng nhập đã hết hạn hoặc bị thu hồi; vui lòng đăng nhập lại.';

/** The event-log head read by the same statement that loaded each viewer (see `logHeadAtViewerLoad`). */
const logHeads = new WeakMap<Viewer, string>();

/**
 * The log position (`liveCursor`) read by the statement that loaded `viewer`: that statement is the
 * request's first, before any of its data, so it is a correct `liveCursor` for an HTTP request and
 * saves the request a separate head read. Undefined for a viewer not loaded by `loadViewer`.
 */
export function logHeadAtViewerLoad(viewer: Viewer): string | undefined {
  return logHeads.get(viewer);
}

/**
 * Sign-in, refresh-token rotation, sign-out, and turning an access token into a `Viewer`.
 * Deactivated users and tokens from before a tokenVersion bump are refused on every request.
 */
export class AuthService {
  /** Attempts per (account, address) pair: the hard limit, which only that address can trigger. */
  private readonly pairLimiter: RateLimiterPostgres;
  /** Attempts per address across accounts (password spraying from one place). */
  private readonly addressLimiter: RateLimiterPostgres;
  /** Failures per account from anywhere: past the limit, a growing wait (back-off), never a lock. */
  private readonly accountFailures: RateLimiterPostgres;
  /** The current back-off of an account (a block set after each failure past the limit). */
  private readonly accountBackoff: RateLimiterPostgres;

  constructor(
    orm: MikroORM,
    private readonly outbox: Outbox,
    private readonly tokens: AccessTokens,
    private readonly config: AppConfig,
  ) {
    const common = {
      storeClient: orm.em.getKnex(),
      storeType: 'knex',
      tableName: 'signin_throttle',
      tableCreated: true, // created by our migrations (SigninThrottle entity)
      duration: config.SIGNIN_WINDOW_S,
    };
    this.pairLimiter = new RateLimiterPostgres({ ...common, keyPrefix: 'pair', points: config.SIGNIN_MAX_ATTEMPTS });
    this.addressLimiter = new RateLimiterPostgres({ ...common, keyPrefix: 'address', points: config.SIGNIN_MAX_ATTEMPTS_PER_ADDRESS });
    this.accountFailures = new RateLimiterPostgres({ ...common, keyPrefix: 'account', points: Number.MAX_SAFE_INTEGER });
    this.accountBackoff = new RateLimiterPostgres({ ...common, keyPrefix: 'backoff', points: 1, duration: 1 });
  }

  /**
   * Checks a user name and password. Before the password is looked at, one attempt is consumed
   * atomically (one SQL upsert each) for the (account, address) pair and for the address, so parallel
   * guesses cannot slip past the limit. Past SIGNIN_MAX_ATTEMPTS failures on an account from anywhere,
   * each further attempt must wait 2^k seconds (at most SIGNIN_BACKOFF_MAX_S) — except from an address
   * the account signed in from before, so an attacker cannot lock the owner out.
   */
  async signIn(em: EntityManager, input: { username: string; password: string; ip: string }): Promise<AuthResult> {
    const username = input.username.trim().toLowerCase();
    const pairKey = `${username}|${input.ip}`;
    try {
      await this.pairLimiter.consume(pairKey);
      await this.addressLimiter.consume(input.ip);
    } catch (err) {
      if (err instanceof RateLimiterRes) throw this.rateLimited(err);
      throw err;
    }

    const user = await em.findOne(User, { username }, { populate: ['passwordHash', 'agency'] });
    if (user && !(await this.knownAddress(em, user.id, input.ip))) {
      const backoff = await this.accountBackoff.get(username);
      if (backoff && backoff.consumedPoints > 1 && backoff.msBeforeNext > 0) throw this.rateLimited(backoff);
    }
    const ok = user
      ? user.active && user.agency.active && (await verifyPassword(user.passwordHash, input.password))
      : (await burnPasswordCheck(input.password), false);
    if (!ok || !user) {
      if (user) {
        const failures = await this.accountFailures.consume(username);
        const over = failures.consumedPoints - this.config.SIGNIN_MAX_ATTEMPTS;
        if (over > 0) await this.accountBackoff.block(username, Math.min(2 ** Math.min(over, 20), this.config.SIGNIN_BACKOFF_MAX_S));
      }
      throw new AppError('UNAUTHENTICATED', BAD_CREDENTIALS);
    }
    // A success gives back this attempt: the pair starts over, the address gets its point back.
    await Promise.all([this.pairLimiter.delete(pairKey), this.addressLimiter.reward(input.ip, 1)]);
    return this.outbox.transaction(em, async (tx) => {
      const result = await this.openSession(tx.em, user, input.ip, null);
      await tx.emit({
        type: 'auth.signedIn',
        stream: streams.user(user.id),
        actorId: user.id,
        topics: [topics.audit],
        payload: { ip: input.ip },
      });
      return result;
    });
  }

  /** True when `userId` signed in from `ip` within the refresh lifetime (a device of the owner). */
  private async knownAddress(em: EntityManager, userId: string, ip: string): Promise<boolean> {
    const since = new Date(Date.now() - this.config.REFRESH_TOKEN_TTL_S * 1000);
    return (await em.count(AuthSession, { user: userId, ip: ip.slice(0, 64), createdAt: { $gte: since } })) > 0;
  }

  /**
   * Exchanges a refresh token for a new pair (rotation). Presenting an already-rotated token is
   * treated as theft: every session of that user is revoked.
   */
  async refresh(em: EntityManager, refreshToken: string, ip: string): Promise<AuthResult> {
    const [sessionId, secret] = refreshToken.split('.');
    if (!sessionId || !secret || !/^[0-9a-f-]{36}$/.test(sessionId)) throw unauthenticated(SESSION_ENDED);
    const result = await this.outbox.transaction(em, async (tx) => {
      const session = await tx.em.findOne(AuthSession, { id: sessionId }, { lockMode: LockMode.PESSIMISTIC_WRITE, populate: ['user'] });
      if (!session || session.secretHash !== sha256(secret)) return null;
      if (session.revokedAt) {
        if (session.replacedBy && !session.endedAt) {
          // Theft: end every session of the user, so their access tokens and sockets die now too.
          const now = new Date();
          await tx.em.nativeUpdate(AuthSession, { user: session.user.id, revokedAt: null }, { revokedAt: now });
          await tx.em.nativeUpdate(AuthSession, { user: session.user.id, endedAt: null }, { endedAt: now });
          await tx.emit({
            type: 'auth.refreshReuseDetected',
            stream: streams.user(session.user.id),
            actorId: null,
            topics: [topics.audit],
            payload: { sessionId },
          });
          await tx.emit({
            type: 'auth.sessionEnded',
            stream: streams.user(session.user.id),
            actorId: null,
            topics: [topics.sessions],
            payload: { userId: session.user.id, allSessions: true },
          });
        }
        return null;
      }
      if (session.endedAt || session.expiresAt <= new Date() || !session.user.active) return null;
      const next = await this.openSession(tx.em, session.user, ip, session.familyId ?? session.id);
      session.revokedAt = new Date();
      session.replacedBy = next.refreshToken.split('.')[0];
      return next;
    });
    if (!result) throw unauthenticated(SESSION_ENDED);
    return result;
  }

  /**
   * Ends the sign-in session of `refreshToken` (idempotent; unknown tokens are ignored): its refresh
   * token is revoked, every access token of the session is refused from the next request on, and its
   * sockets close with 4401 on every instance (`auth.sessionEnded` on the `sessions` topic).
   */
  async signOut(em: EntityManager, refreshToken: string): Promise<boolean> {
    const [sessionId, secret] = refreshToken.split('.');
    if (!sessionId || !secret || !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(sessionId)) return true;
    await this.outbox.transaction(em, async (tx) => {
      const session = await tx.em.findOne(
        AuthSession,
        { id: sessionId, secretHash: sha256(secret) },
        { lockMode: LockMode.PESSIMISTIC_WRITE },
      );
      if (!session || session.endedAt) return;
      const familyId = session.familyId ?? session.id;
      const now = new Date();
      await tx.em.nativeUpdate(AuthSession, { $or: [{ familyId }, { id: familyId }], endedAt: null }, { endedAt: now });
      await tx.em.nativeUpdate(AuthSession, { $or: [{ familyId }, { id: familyId }], revokedAt: null }, { revokedAt: now });
      await tx.emit({
        type: 'auth.sessionEnded',
        stream: streams.user(session.user.id),
        actorId: session.user.id,
        topics: [topics.sessions, topics.audit],
        payload: { userId: session.user.id, sessionId: familyId },
      });
    });
    return true;
  }

  /** The viewer for a bearer token, or null when the token is invalid, expired or voided. */
  async viewerFromToken(em: EntityManager, token: string): Promise<Viewer | null> {
    const claims = await this.tokens.verify(token);
    if (!claims) return null;
    return this.loadViewer(em, claims.userId, claims.tokenVersion, claims.expiresAt, claims.sessionId);
  }

  /**
   * Loads what the policy needs about a user in one query; null when the user or their agency is
   * inactive, the token's version is stale (that is what makes deactivation immediate) or its
   * sign-in session has ended (sign-out, detected refresh-token reuse).
   */
  async loadViewer(
    em: EntityManager,
    userId: string,
    tokenVersion: number,
    tokenExpiresAt: number,
    sessionId: string,
  ): Promise<Viewer | null> {
    const [row] = await em
      .getConnection()
      .execute<{ id: string; agency_id: string; kind: string; roles: Role[]; paths: string[]; head: string | null }[]>(
        `select u.id, u.agency_id, a.kind, u.roles,
              coalesce(array_agg(ar.path) filter (where ar.path is not null), '{}') as paths,
              (select max(position)::text from event_position) as head
         from app_user u
         join agency a on a.id = u.agency_id and a.active
         left join agency_coverage c on c.agency_id = a.id
         left join area ar on ar.id = c.area_id and ar.active
        where u.id = ? and u.active and u.token_version = ?
          and not exists (select 1 from auth_session s where s.family_id = ? and s.ended_at is not null)
        group by u.id, a.kind`,
        [userId, tokenVersion, sessionId],
      );
    if (!row) return null;
    const viewer: Viewer = {
      userId: row.id,
      agencyId: row.agency_id,
      agencyKind: row.kind,
      roles: row.roles,
      coveredAreaPaths: row.paths,
      tokenExpiresAt,
      sessionId,
    };
    logHeads.set(viewer, row.head ?? '0');
    return viewer;
  }

  private async openSession(em: EntityManager, user: User, ip: string, familyId: string | null): Promise<AuthResult> {
    const { secret, hash } = newRefreshSecret();
    const id = randomUUID();
    const session = em.create(AuthSession, {
      id,
      familyId: familyId ?? id,
      user,
      secretHash: hash,
      expiresAt: new Date(Date.now() + this.config.REFRESH_TOKEN_TTL_S * 1000),
      ip: ip.slice(0, 64),
    });
    await em.persistAndFlush(session);
    const access = await this.tokens.issue(user.id, user.tokenVersion, session.familyId!);
    return { accessToken: access.token, accessTokenExpiresAt: access.expiresAt, refreshToken: `${session.id}.${secret}`, user };
  }

  private rateLimited(res: RateLimiterRes): AppError {
    const minutes = Math.max(1, Math.ceil(res.msBeforeNext / 60_000));
    return new AppError('RATE_LIMITED', `Đăng nhập sai quá nhiều lần; vui lòng thử lại sau ${minutes} phút.`, {
      retryAfterSeconds: Math.ceil(res.msBeforeNext / 1000),
    });
  }
}
