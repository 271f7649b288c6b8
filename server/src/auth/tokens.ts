import { createHash, randomBytes } from 'node:crypto';
import { errors, jwtVerify, SignJWT } from 'jose';

/** Claims inside an access token. */
export interface AccessClaims {
  userId: string;
  /** The user's tokenVersion when issued: a bumped version (deactivation, password change) voids it. */
  tokenVersion: number;
  /** Expiry, seconds since epoch. */
  expiresAt: number;
  /** The sign-in session (refresh family) it belongs to: ending that session voids the token at once. */
  sessionId: string;
}

const ISSUER = 'phoi-hop';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const AUDIENCE = 'phoi-hop-api';

/** Signs and verifies short-lived HS256 access tokens (jose). */
export class AccessTokens {
  private readonly key: Uint8Array;

  constructor(
    secret: string,
    private readonly ttlSeconds: number,
  ) {
    this.key = new TextEncoder().encode(secret);
  }

  /** Issues a token for `userId`; returns it with its expiry. */
  async issue(userId: string, tokenVersion: number, sessionId: string): Promise<{ token: string; expiresAt: Date }> {
    const now = Math.floor(Date.now() / 1000);
    const exp = now + this.ttlSeconds;
    const token = await new SignJWT({ tv: tokenVersion, sid: sessionId })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(userId)
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt(now)
      .setExpirationTime(exp)
      .sign(this.key);
    return { token, expiresAt: new Date(exp * 1000) };
  }

  /** Verifies signature, issuer, audience and expiry; null for any invalid or expired token. */
  async verify(token: string): Promise<AccessClaims | null> {
    try {
      const { payload } = await jwtVerify(token, this.key, { issuer: ISSUER, audience: AUDIENCE, algorithms: ['HS256'] });
      if (
        typeof payload.sub !== 'string' ||
        typeof payload.tv !== 'number' ||
        typeof payload.exp !== 'number' ||
        typeof payload.sid !== 'string'
      )
        return null;
      if (!UUID.test(payload.sub) || !UUID.test(payload.sid)) return null;
      return { userId: payload.sub, tokenVersion: payload.tv, expiresAt: payload.exp, sessionId: payload.sid };
    } catch (err) {
      if (err instanceof errors.JOSEError) return null;
      throw err;
    }
  }
}

/** A new opaque refresh secret and its stored hash. */
export function newRefreshSecret(): { secret: string; hash: string } {
  const secret = randomBytes(32).toString('base64url');
  return { secret, hash: sha256(secret) };
}

/** Hex sha256 (refresh secrets are high-entropy, so a fast hash is right here). */
export function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

/** Extracts the token from an `Authorization: Bearer …` value. */
export function bearerToken(header: unknown): string | null {
  if (typeof header !== 'string') return null;
  const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
  return match ? match[1] : null;
}
