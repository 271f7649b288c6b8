import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../server/src/app';
import { REFRESH_COOKIE, SESSION_PATH } from '../../server/src/auth/session-cookie';
import { AgencyKind, makeAgency, makeProvince, makeUser, Role, TEST_PASSWORD } from '../support/factories';
import { createTestDatabase, gql, startTestApp } from '../support/harness';

/** Issue 16: one sign-in per browser — the refresh token as an httpOnly cookie on /auth/session. */
let app: App;
const PASSWORD = TEST_PASSWORD;
let username: string;

beforeAll(async () => {
  app = await startTestApp(await createTestDatabase());
  const { communeA } = await makeProvince(app.orm);
  const office = await makeAgency(app.orm, AgencyKind.ENFORCEMENT_OFFICE, [communeA]);
  username = (await makeUser(app.orm, office, [Role.ENFORCEMENT_OFFICER])).username;
});
afterAll(() => app?.close());

/** POSTs JSON to a session endpoint with an optional Cookie header. */
async function post(path: string, body: unknown = {}, cookie?: string, contentType = 'application/json') {
  const res = await fetch(`${app.url}${SESSION_PATH}/${path}`, {
    method: 'POST',
    headers: { 'content-type': contentType, ...(cookie ? { cookie } : {}) },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const setCookie = res.headers.getSetCookie();
  return { status: res.status, body: (await res.json()) as Record<string, any>, setCookie };
}
/** `name=value` of the refresh cookie set by a response (what a browser would send back). */
const cookieOf = (setCookie: string[]) => setCookie.find((c) => c.startsWith(`${REFRESH_COOKIE}=`))!.split(';')[0]!;

describe('the browser session cookie', () => {
  it('signs in with an httpOnly, SameSite=Strict cookie on the session path and gives scripts only the access token', async () => {
    const signIn = await post('sign-in', { username, password: PASSWORD });
    expect(signIn.status).toBe(200);
    expect(Object.keys(signIn.body).sort()).toEqual(['accessToken', 'accessTokenExpiresAt']);
    const header = signIn.setCookie.find((c) => c.startsWith(`${REFRESH_COOKIE}=`))!;
    expect(header).toMatch(/; HttpOnly/i);
    expect(header).toMatch(/; SameSite=Strict/i);
    expect(header).toMatch(new RegExp(`; Path=${SESSION_PATH}(;|$)`, 'i'));
    expect(header).toMatch(/; Max-Age=\d+/i);
    expect(header).not.toMatch(/; Secure/i); // plain http here; Secure whenever the request came over https
    const me = await gql(app, '{ me { username } }', {}, signIn.body.accessToken);
    expect(me.data?.me.username).toBe(username);
  });

  it('rotates the cookie on refresh; a spent cookie ends every session; sign-out clears it', async () => {
    const first = cookieOf((await post('sign-in', { username, password: PASSWORD })).setCookie);
    const refreshed = await post('refresh', {}, first);
    expect(refreshed.status).toBe(200);
    const second = cookieOf(refreshed.setCookie);
    expect(second).not.toBe(first);
    expect((await gql(app, '{ me { username } }', {}, refreshed.body.accessToken)).data?.me.username).toBe(username);

    // Presenting the spent cookie again is treated as theft: refused, cleared, and the newer one is revoked too.
    const reused = await post('refresh', {}, first);
    expect(reused.status).toBe(401);
    expect(reused.body.error).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(reused.body.error.message).toMatch(/phiên/i);
    expect(reused.setCookie.some((c) => c.startsWith(`${REFRESH_COOKIE}=;`))).toBe(true);
    expect((await post('refresh', {}, second)).status).toBe(401);

    // Sign-out revokes the session and clears the cookie.
    const third = cookieOf((await post('sign-in', { username, password: PASSWORD })).setCookie);
    const out = await post('sign-out', {}, third);
    expect(out).toMatchObject({ status: 200, body: { signedOut: true } });
    expect(out.setCookie.some((c) => c.startsWith(`${REFRESH_COOKIE}=;`))).toBe(true);
    expect((await post('refresh', {}, third)).status).toBe(401);
  });

  it('refuses wrong passwords with the server message, missing cookies, and bodies that are not JSON', async () => {
    const wrong = await post('sign-in', { username, password: 'sai' });
    expect(wrong.status).toBe(401);
    expect(wrong.body.error.code).toBe('UNAUTHENTICATED');
    expect(wrong.body.error.message).toMatch(/mật khẩu/);
    expect(wrong.setCookie.some((c) => c.startsWith(`${REFRESH_COOKIE}=`))).toBe(false);
    const empty = await post('sign-in', { username: ' ', password: PASSWORD });
    expect(empty).toMatchObject({ status: 400, body: { error: { code: 'BAD_USER_INPUT', field: 'username' } } });
    expect((await post('refresh')).status).toBe(401);
    // A cross-site form can only send form encodings: refused before anything is read.
    const form = await post(
      'sign-in',
      `username=${username}&password=${encodeURIComponent(PASSWORD)}`,
      undefined,
      'application/x-www-form-urlencoded',
    );
    expect(form.status).toBe(415);
  });
});
