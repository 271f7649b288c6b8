/**
 * The web app's session over HTTP: the refresh token lives in an httpOnly, SameSite=Strict cookie
 * scoped to {@link SESSION_PATH}, so every tab of a browser shares one sign-in and page scripts never
 * see the token. Only the short-lived access token reaches JavaScript (kept in memory per tab).
 *
 *   POST /auth/session/sign-in   {username, password} → sets the cookie, returns the access token
 *   POST /auth/session/refresh   (cookie)             → rotates the cookie, returns a new access token
 *   POST /auth/session/sign-out  (cookie)             → revokes the session, clears the cookie
 *
 * Why it is safe: httpOnly keeps the token from scripts (an XSS cannot copy it out); SameSite=Strict
 * means the browser never sends it with a request started by another site (no CSRF), and every
 * endpoint also requires a JSON body, which a cross-site form cannot send without a CORS preflight
 * this server never grants; Path limits it to these three endpoints (not sent with /graphql or
 * static files); Secure whenever the request came over HTTPS (directly or via TRUST_PROXY). The
 * token still rotates on every refresh and reuse revokes every session (AuthService.refresh).
 * The GraphQL mutations (signIn, refreshSession, signOut) stay for API clients that are not browsers.
 */
import { parse as parseCookies } from 'cookie';
import express, { type Request, type Response, type Router } from 'express';
import type { Logger } from 'pino';
import type { EntityManager } from '@mikro-orm/postgresql';
import { AppError } from '../errors';
import type { AuthResult, AuthService } from './auth.service';

/** Where the session endpoints live (and the only path the cookie is sent to). */
export const SESSION_PATH = '/auth/session';
/** Name of the refresh-token cookie. */
export const REFRESH_COOKIE = 'phoihop_refresh';

/** HTTP status of each error code these endpoints answer with. */
const STATUS: Record<string, number> = { BAD_USER_INPUT: 400, UNAUTHENTICATED: 401, FORBIDDEN: 403, RATE_LIMITED: 429 };

/** Options of {@link sessionCookieRouter}. */
export interface SessionCookieOptions {
  auth: AuthService;
  /** A fresh EntityManager per request. */
  em: () => EntityManager;
  logger: Logger;
  /** Lifetime of the cookie in seconds (the refresh token's lifetime). */
  refreshTokenTtlS: number;
}

/** The router mounted at {@link SESSION_PATH}. */
export function sessionCookieRouter(options: SessionCookieOptions): Router {
  const { auth, em, logger, refreshTokenTtlS } = options;
  const router = express.Router();
  router.use(express.json({ limit: '16kb' }));

  const cookieOptions = (req: Request) => ({ httpOnly: true, sameSite: 'strict' as const, secure: req.secure, path: SESSION_PATH });
  const setCookie = (req: Request, res: Response, result: AuthResult) =>
    res.cookie(REFRESH_COOKIE, result.refreshToken, { ...cookieOptions(req), maxAge: refreshTokenTtlS * 1000 });
  const clearCookie = (req: Request, res: Response) => res.clearCookie(REFRESH_COOKIE, cookieOptions(req));
  const tokenOf = (req: Request): string | undefined => parseCookies(req.headers.cookie ?? '')[REFRESH_COOKIE];
  const answer = (res: Response, result: AuthResult) =>
    res.json({ accessToken: result.accessToken, accessTokenExpiresAt: result.accessTokenExpiresAt.toISOString() });

  /** A JSON body is what keeps cross-site forms out (besides SameSite); say so plainly otherwise. */
  const requireJson = (req: Request, res: Response): boolean => {
    if (req.is('application/json')) return true;
    res.status(415).json({ error: { code: 'BAD_USER_INPUT', message: 'Yêu cầu phải gửi dữ liệu dạng JSON.' } });
    return false;
  };

  /** Known errors become `{ error: { code, message } }` with a matching status; anything else is a 500 without details. */
  const fail = (req: Request, res: Response, err: unknown, clear: boolean) => {
    if (clear) clearCookie(req, res);
    if (err instanceof AppError) {
      res.status(STATUS[err.code] ?? 400).json({ error: { code: err.code, message: err.message, ...err.details } });
      return;
    }
    logger.error({ err }, 'session endpoint failed');
    res.status(500).json({ error: { code: 'INTERNAL', message: 'Máy chủ gặp sự cố; vui lòng thử lại sau.' } });
  };

  router.post('/sign-in', async (req, res) => {
    if (!requireJson(req, res)) return;
    const { username, password } = (req.body ?? {}) as { username?: unknown; password?: unknown };
    if (typeof username !== 'string' || !username.trim() || username.length > 64)
      return fail(req, res, new AppError('BAD_USER_INPUT', 'Nhập tên đăng nhập.', { field: 'username' }), false);
    if (typeof password !== 'string' || !password || password.length > 256)
      return fail(req, res, new AppError('BAD_USER_INPUT', 'Nhập mật khẩu.', { field: 'password' }), false);
    try {
      const result = await auth.signIn(em(), { username, password, ip: req.ip ?? 'unknown' });
      setCookie(req, res, result);
      answer(res, result);
    } catch (err) {
      fail(req, res, err, false);
    }
  });

  router.post('/refresh', async (req, res) => {
    if (!requireJson(req, res)) return;
    const token = tokenOf(req);
    if (!token) return fail(req, res, new AppError('UNAUTHENTICATED', 'Chưa đăng nhập hoặc phiên đã kết thúc; vui lòng đăng nhập.'), false);
    try {
      const result = await auth.refresh(em(), token, req.ip ?? 'unknown');
      setCookie(req, res, result);
      answer(res, result);
    } catch (err) {
      // A refused token is over for good: drop it so no tab sends it again.
      fail(req, res, err, err instanceof AppError && err.code === 'UNAUTHENTICATED');
    }
  });

  router.post('/sign-out', async (req, res) => {
    if (!requireJson(req, res)) return;
    const token = tokenOf(req);
    try {
      if (token) await auth.signOut(em(), token);
      clearCookie(req, res);
      res.json({ signedOut: true });
    } catch (err) {
      fail(req, res, err, true);
    }
  });

  return router;
}
