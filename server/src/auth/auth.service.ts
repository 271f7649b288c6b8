import { LockMode, type EntityManager, type MikroORM } from '@mikro-orm/postgresql';
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import type { AppConfig } from '../config';
import { AppError, unauthenticated } from '../errors';
import type { Outbox } from '../events/outbox';
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

/**
 * Sign-in, refresh-token rotation, sign-out, and turning an access token into a `Viewer`.
 * Deactivated users and tokens from before a tokenVersion bump are refused on every request.
 */
export class AuthService {
  private readonly accountLimiter: RateLimiterPostgres;
  private readonly addressLimiter: RateLimiterPostgres;

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
      points: config.SIGNIN_MAX_ATTEMPTS,
      duration: config.SIGNIN_WINDOW_S,
    };
    this.accountLimiter = new RateLimiterPostgres({ ...common, keyPrefix: 'account' });
    this.addressLimiter = new RateLimiterPostgres({ ...common, keyPrefix: 'address', points: config.SIGNIN_MAX_ATTEMPTS_PER_ADDRESS });
  }

  /**
   * Checks a user name and password. Failed attempts count per account and per client address;
   * past the limit every attempt is refused with RATE_LIMITED until the window passes.
   */
  async signIn(em: EntityManager, input: { username: string; password: string; ip: string }): Promise<AuthResult> {
    const username = input.username.trim().toLowerCase();
    const [account, address] = await Promise.all([this.accountLimiter.get(username), this.addressLimiter.get(input.ip)]);
    if (account && account.consumedPoints >= this.config.SIGNIN_MAX_ATTEMPTS) throw this.rateLimited(account);
    if (address && address.consumedPoints >= this.config.SIGNIN_MAX_ATTEMPTS_PER_ADDRESS) throw this.rateLimited(address);

    const user = await em.findOne(User, { username }, { populate: ['passwordHash', 'agency'] });
    const ok = user ? user.active && user.agency.active && (await verifyPassword(user.passwordHash, input.password)) : (await burnPasswordCheck(input.password), false);
    if (!ok || !user) {
      await Promise.all([
        this.accountLimiter.consume(username).catch(ignoreLimitReached),
        this.addressLimiter.consume(input.ip).catch(ignoreLimitReached),
      ]);
      throw new AppError('UNAUTHENTICATED', BAD_CREDENTIALS);
    }
    await this.accountLimiter.delete(username);
    return this.outbox.transaction(em, async (tx) => {
      const result = await this.openSession(tx.em, user, input.ip);
      await tx.emit({ type: 'auth.signedIn', stream: `user:${user.id}`, actorId: user.id, topics: ['audit'], payload: { ip: input.ip } });
      return result;
    });
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
        if (session.replacedBy) {
          await tx.em.nativeUpdate(AuthSession, { user: session.user.id, revokedAt: null }, { revokedAt: new Date() });
          await tx.emit({ type: 'auth.refreshReuseDetected', stream: `user:${session.user.id}`, actorId: null, topics: ['audit'], payload: { sessionId } });
        }
        return null;
      }
      if (session.expiresAt <= new Date() || !session.user.active) return null;
      const next = await this.openSession(tx.em, session.user, ip);
      session.revokedAt = new Date();
      session.replacedBy = next.refreshToken.split('.')[0];
      return next;
    });
    if (!result) throw unauthenticated(SESSION_ENDED);
    return result;
  }

  /** Revokes the session of `refreshToken` (idempotent; unknown tokens are ignored). */
  async signOut(em: EntityManager, refreshToken: string): Promise<boolean> {
    const [sessionId, secret] = refreshToken.split('.');
    if (!sessionId || !secret || !/^[0-9a-f-]{36}$/.test(sessionId)) return true;
    await em.nativeUpdate(AuthSession, { id: sessionId, secretHash: sha256(secret), revokedAt: null }, { revokedAt: new Date() });
    return true;
  }

  /** The viewer for a bearer token, or null when the token is invalid, expired or voided. */
  async viewerFromToken(em: EntityManager, token: string): Promise<Viewer | null> {
    const claims = await this.tokens.verify(token);
    if (!claims) return null;
    return this.loadViewer(em, claims.userId, claims.tokenVersion, claims.expiresAt);
  }

  /**
   * Loads what the policy needs about a user in one query; null when the user or their agency is
   * inactive or the token's version is stale (that is what makes deactivation immediate).
   */
  async loadViewer(em: EntityManager, userId: string, tokenVersion: number, tokenExpiresAt: number): Promise<Viewer | null> {
    const [row] = await em.getConnection().execute<{ id: string; agency_id: string; kind: string; roles: Role[]; paths: string[] }[]>(
      `select u.id, u.agency_id, a.kind, u.roles,
              coalesce(array_agg(ar.path) filter (where ar.path is not null), '{}') as paths
         from app_user u
         join agency a on a.id = u.agency_id and a.active
         left join agency_coverage c on c.agency_id = a.id
         left join area ar on ar.id = c.area_id and ar.active
        where u.id = ? and u.active and u.token_version = ?
        group by u.id, a.kind`,
      [userId, tokenVersion],
    );
    if (!row) return null;
    return { userId: row.id, agencyId: row.agency_id, agencyKind: row.kind, roles: row.roles, coveredAreaPaths: row.paths, tokenExpiresAt };
  }

  private async openSession(em: EntityManager, user: User, ip: string): Promise<AuthResult> {
    const { secret, hash } = newRefreshSecret();
    const session = em.create(AuthSession, {
      user,
      secretHash: hash,
      expiresAt: new Date(Date.now() + this.config.REFRESH_TOKEN_TTL_S * 1000),
      ip: ip.slice(0, 64),
    });
    await em.persistAndFlush(session);
    const access = await this.tokens.issue(user.id, user.tokenVersion);
    return { accessToken: access.token, accessTokenExpiresAt: access.expiresAt, refreshToken: `${session.id}.${secret}`, user };
  }

  private rateLimited(res: RateLimiterRes): AppError {
    const minutes = Math.max(1, Math.ceil(res.msBeforeNext / 60_000));
    return new AppError('RATE_LIMITED', `Đăng nhập sai quá nhiều lần; vui lòng thử lại sau ${minutes} phút.`, { retryAfterSeconds: Math.ceil(res.msBeforeNext / 1000) });
  }
}

/** `consume` rejects with a RateLimiterRes once the limit is passed; that is expected here. */
function ignoreLimitReached(err: unknown): void {
  if (!(err instanceof RateLimiterRes)) throw err;
}
