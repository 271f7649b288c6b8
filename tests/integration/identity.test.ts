import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../server/src/app';
import type { Agency } from '../../server/src/modules/agencies/agency.entity';
import type { User } from '../../server/src/modules/users/user.entity';
import { AgencyKind, makeAgency, makeProvince, makeUser, Role, signIn, TEST_PASSWORD } from '../support/factories';
import { createTestDatabase, gql, startTestApp } from '../support/harness';
import { connectWs } from '../support/ws';

let app: App;
let communeA: Agency, communeB: Agency, office: Agency;
let officialA: User, officialB: User, admin: User, officeAdmin: User, officer: User;

beforeAll(async () => {
  app = await startTestApp(await createTestDatabase(), {
    SIGNIN_MAX_ATTEMPTS: 3,
    SIGNIN_MAX_ATTEMPTS_PER_ADDRESS: 1000,
    ACCESS_TOKEN_TTL_S: 60,
  });
  const areas = await makeProvince(app.orm);
  office = await makeAgency(app.orm, AgencyKind.ENFORCEMENT_OFFICE, [areas.communeA, areas.communeB]);
  communeA = await makeAgency(app.orm, AgencyKind.PEOPLES_COMMITTEE, [areas.communeA]);
  communeB = await makeAgency(app.orm, AgencyKind.PEOPLES_COMMITTEE, [areas.communeB]);
  officialA = await makeUser(app.orm, communeA, [Role.OFFICER], { phone: '0912000001' });
  officialB = await makeUser(app.orm, communeB, [Role.OFFICER], { phone: '0912000002' });
  admin = await makeUser(app.orm, office, [Role.SYSTEM_ADMIN]);
  officeAdmin = await makeUser(app.orm, office, [Role.AGENCY_ADMIN]);
  officer = await makeUser(app.orm, office, [Role.ENFORCEMENT_OFFICER], { phone: '0912000003' });
});
afterAll(async () => {
  await app?.close();
});

const countEvents = async (type: string) =>
  Number(
    (await app.orm.em.fork().getConnection().execute<{ n: string }[]>('select count(*)::text as n from event where type = ?', [type]))[0].n,
  );

describe('sign-in', () => {
  it('gives the same message for an unknown user and a wrong password', async () => {
    const unknown = await gql(app, 'mutation { signIn(input: { username: "no-such-user", password: "x" }) { accessToken } }');
    const wrong = await gql(app, `mutation { signIn(input: { username: "${officer.username}", password: "wrong" }) { accessToken } }`);
    expect(unknown.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(wrong.errors?.[0].message).toBe(unknown.errors?.[0].message);
  });

  it('limits failed attempts per account, then refuses even the right password until the window passes', async () => {
    const victim = await makeUser(app.orm, communeA, [Role.OFFICER]);
    for (let i = 0; i < 3; i++)
      await gql(app, `mutation { signIn(input: { username: "${victim.username}", password: "bad-${i}" }) { accessToken } }`);
    const blocked = await gql(
      app,
      `mutation { signIn(input: { username: "${victim.username}", password: "${TEST_PASSWORD}" }) { accessToken } }`,
    );
    expect(blocked.errors?.[0].extensions?.code).toBe('RATE_LIMITED');
    expect(blocked.errors?.[0].extensions?.retryAfterSeconds).toBeGreaterThan(0);
  });

  it('limits failed attempts per client address across accounts', async () => {
    const strict = await startTestApp(await createTestDatabase(), { SIGNIN_MAX_ATTEMPTS: 100, SIGNIN_MAX_ATTEMPTS_PER_ADDRESS: 2 });
    try {
      const u = await makeUser(strict.orm, await makeAgency(strict.orm, AgencyKind.BANK, []), [Role.OFFICER]);
      await gql(strict, 'mutation { signIn(input: { username: "guess-1", password: "x" }) { accessToken } }');
      await gql(strict, 'mutation { signIn(input: { username: "guess-2", password: "x" }) { accessToken } }');
      const res = await gql(
        strict,
        `mutation { signIn(input: { username: "${u.username}", password: "${TEST_PASSWORD}" }) { accessToken } }`,
      );
      expect(res.errors?.[0].extensions?.code).toBe('RATE_LIMITED');
    } finally {
      await strict.close();
    }
  });

  it('answers me with the signed-in user and rejects a forged token', async () => {
    const { accessToken } = await signIn(app, officialA.username);
    const me = await gql(app, '{ me { id username agency { id kind } } }', {}, accessToken);
    expect(me.data?.me).toMatchObject({ id: officialA.id, agency: { id: communeA.id, kind: 'PEOPLES_COMMITTEE' } });
    const forged = accessToken.slice(0, -4) + 'AAAA';
    const bad = await gql(app, '{ me { id } }', {}, forged);
    expect(bad.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('rotates refresh tokens and revokes the family when a spent one is presented again', async () => {
    const first = await signIn(app, officer.username);
    const q = 'mutation($t: String!) { refreshSession(refreshToken: $t) { accessToken refreshToken } }';
    const second = await gql(app, q, { t: first.refreshToken });
    expect(second.data?.refreshSession.refreshToken).toBeTruthy();
    const replay = await gql(app, q, { t: first.refreshToken });
    expect(replay.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    // The thief's replay also killed the legitimate successor.
    const afterTheft = await gql(app, q, { t: second.data!.refreshSession.refreshToken });
    expect(afterTheft.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(await countEvents('auth.refreshReuseDetected')).toBeGreaterThan(0);
  });
});

describe('sign-in that cannot be raced, and sessions that end at once', () => {
  it('consumes attempts before checking passwords: 20 wrong guesses at once, only the limit is checked', async () => {
    const target = await makeUser(app.orm, communeA, [Role.OFFICER]);
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        gql(app, `mutation { signIn(input: { username: "${target.username}", password: "race-${i}" }) { accessToken } }`),
      ),
    );
    const codes = results.map((r) => r.errors?.[0].extensions?.code);
    expect(codes.filter((c) => c === 'UNAUTHENTICATED')).toHaveLength(3); // SIGNIN_MAX_ATTEMPTS of this app
    expect(codes.filter((c) => c === 'RATE_LIMITED')).toHaveLength(17);
  });

  it('an attacker from other addresses slows the account down but cannot lock its owner out', async () => {
    const proxied = await startTestApp(await createTestDatabase(), { TRUST_PROXY: 1, SIGNIN_MAX_ATTEMPTS: 3, SIGNIN_BACKOFF_MAX_S: 30 });
    try {
      const owner = await makeUser(proxied.orm, await makeAgency(proxied.orm, AgencyKind.BANK, []), [Role.OFFICER]);
      const from = (ip: string, password: string) =>
        fetch(`${proxied.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-forwarded-for': ip },
          body: JSON.stringify({
            query: 'mutation($i: SignInInput!) { signIn(input: $i) { accessToken } }',
            variables: { i: { username: owner.username, password } },
          }),
        }).then((r) => r.json() as Promise<{ data?: any; errors?: any[] }>);
      // The owner signed in from the office once.
      expect((await from('10.0.0.7', TEST_PASSWORD)).data?.signIn.accessToken).toBeTruthy();
      // Guesses from many addresses, each staying under its own pair limit.
      for (let i = 0; i < 6; i++) await from(`192.0.2.${i}`, `guess-${i}`);
      // A new address must now wait (back-off with retryAfter), even with the right password …
      const stranger = await from('198.51.100.1', TEST_PASSWORD);
      expect(stranger.errors?.[0].extensions?.code).toBe('RATE_LIMITED');
      expect(stranger.errors?.[0].extensions?.retryAfterSeconds).toBeLessThanOrEqual(30);
      // … but the owner's known address is not locked out.
      expect((await from('10.0.0.7', TEST_PASSWORD)).data?.signIn.accessToken).toBeTruthy();
    } finally {
      await proxied.close();
    }
  });

  it('sign-out voids the access tokens of that session at once and closes its sockets with 4401', async () => {
    const kept = await signIn(app, officialA.username);
    const ended = await signIn(app, officialA.username);
    const socket = connectWs(app, ended.accessToken);
    await socket.connected;
    expect((await gql(app, '{ me { id } }', {}, ended.accessToken)).data?.me.id).toBe(officialA.id);
    await gql(app, 'mutation($t: String!) { signOut(refreshToken: $t) }', { t: ended.refreshToken });
    expect((await gql(app, '{ me { id } }', {}, ended.accessToken)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect((await socket.closed).code).toBe(4401);
    // Another session of the same user goes on.
    expect((await gql(app, '{ me { id } }', {}, kept.accessToken)).data?.me.id).toBe(officialA.id);
  });

  it('detected refresh-token reuse voids every access token of the user at once', async () => {
    const victim = await makeUser(app.orm, communeA, [Role.OFFICER]);
    const first = await signIn(app, victim.username);
    const other = await signIn(app, victim.username);
    const q = 'mutation($t: String!) { refreshSession(refreshToken: $t) { accessToken refreshToken } }';
    const second = (await gql(app, q, { t: first.refreshToken })).data!.refreshSession;
    expect((await gql(app, '{ me { id } }', {}, second.accessToken)).data?.me.id).toBe(victim.id);
    await gql(app, q, { t: first.refreshToken }); // the stolen copy comes back
    for (const token of [first.accessToken, second.accessToken, other.accessToken]) {
      expect((await gql(app, '{ me { id } }', {}, token)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    }
  });
});

describe('visibility between communes', () => {
  it('a commune-A official sees only colleagues of commune A, and commune-B accounts do not exist for them', async () => {
    const { accessToken } = await signIn(app, officialA.username);
    const list = await gql(app, '{ users(first: 100) { totalCount edges { node { id agency { id } } } } }', {}, accessToken);
    const agencies = new Set(list.data?.users.edges.map((e: any) => e.node.agency.id));
    expect([...agencies]).toEqual([communeA.id]);
    const other = await gql(app, 'query($id: ID!) { user(id: $id) { id } }', { id: officialB.id }, accessToken);
    expect(other.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const filtered = await gql(app, 'query($a: ID!) { users(filter: { agencyId: $a }) { totalCount } }', { a: communeB.id }, accessToken);
    expect(filtered.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});

describe('restricted personal data', () => {
  it('withholds a colleague phone number with a reason, shows one’s own, and audits each disclosure', async () => {
    const colleague = await makeUser(app.orm, communeA, [Role.OFFICER], { phone: '0912999888' });
    const { accessToken } = await signIn(app, officialA.username);
    const before = await countEvents('personalData.read');
    const res = await gql(
      app,
      'query($id: ID!) { me { phone { value hidden } } user(id: $id) { phone { value hidden reason } } }',
      { id: colleague.id },
      accessToken,
    );
    expect(res.data?.me.phone).toEqual({ value: '0912000001', hidden: false });
    expect(res.data?.user.phone).toMatchObject({ value: null, hidden: true });
    expect(res.data?.user.phone.reason).toMatch(/13\/2023/);
    expect(await countEvents('personalData.read')).toBe(before + 1);
  });

  it('batches the audit of a whole page into one event', async () => {
    const { accessToken } = await signIn(app, admin.username);
    const before = await countEvents('personalData.read');
    const res = await gql(app, '{ users(first: 50) { edges { node { phone { value hidden } } } } }', {}, accessToken);
    const shown = res.data?.users.edges.filter((e: any) => !e.node.phone.hidden).length;
    expect(shown).toBeGreaterThan(3);
    expect(await countEvents('personalData.read')).toBe(before + 1);
  });
});

describe('user administration', () => {
  it('lets an agency admin create users in their own agency only, and never grant system admin', async () => {
    const { accessToken } = await signIn(app, officeAdmin.username);
    const m = 'mutation($i: CreateUserInput!) { createUser(input: $i) { id username agency { id } roles } }';
    const base = { fullName: 'Cán bộ Mới', roles: ['OFFICER'], password: 'Mat-khau-2026' };
    const ok = await gql(app, m, { i: { ...base, agencyId: office.id, username: 'moi.cb1' } }, accessToken);
    expect(ok.data?.createUser).toMatchObject({ username: 'moi.cb1', agency: { id: office.id } });
    const elsewhere = await gql(app, m, { i: { ...base, agencyId: communeB.id, username: 'moi.cb2' } }, accessToken);
    expect(elsewhere.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const escalate = await gql(app, m, { i: { ...base, agencyId: office.id, username: 'moi.cb3', roles: ['SYSTEM_ADMIN'] } }, accessToken);
    expect(escalate.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('rejects bad input with BAD_USER_INPUT naming each field, and writes nothing', async () => {
    const { accessToken } = await signIn(app, admin.username);
    const before = await countEvents('user.created');
    const res = await gql(
      app,
      'mutation($i: CreateUserInput!) { createUser(input: $i) { id } }',
      {
        i: { agencyId: office.id, username: 'x', fullName: 'A', roles: [], password: 'short', phone: 'abc' },
      },
      accessToken,
    );
    expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const fields = res.errors?.[0].extensions?.fields.map((f: any) => f.field).sort();
    expect(fields).toEqual(['fullName', 'password', 'phone', 'roles', 'username']);
    expect(JSON.stringify(res)).not.toMatch(/at .*\.ts|select |insert /i);
    expect(await countEvents('user.created')).toBe(before);
  });

  it('refuses a duplicate user name with CONFLICT and leaves no half-written account', async () => {
    const { accessToken } = await signIn(app, admin.username);
    const res = await gql(
      app,
      'mutation($i: CreateUserInput!) { createUser(input: $i) { id } }',
      {
        i: { agencyId: office.id, username: officer.username, fullName: 'Trùng Tên', roles: ['OFFICER'], password: 'Mat-khau-2026' },
      },
      accessToken,
    );
    expect(res.errors?.[0].extensions?.code).toBe('CONFLICT');
    const n = await app.orm.em.fork().getConnection().execute(`select count(*)::int as n from app_user where full_name = 'Trùng Tên'`);
    expect(n[0].n).toBe(0);
  });

  it('gives CONFLICT to an update carrying a stale version instead of overwriting', async () => {
    const target = await makeUser(app.orm, office, [Role.OFFICER]);
    const { accessToken } = await signIn(app, admin.username);
    const m = 'mutation($i: UpdateUserInput!) { updateUser(input: $i) { fullName version } }';
    const first = await gql(app, m, { i: { id: target.id, version: 1, fullName: 'Tên Thứ Nhất' } }, accessToken);
    expect(first.data?.updateUser).toEqual({ fullName: 'Tên Thứ Nhất', version: 2 });
    const stale = await gql(app, m, { i: { id: target.id, version: 1, fullName: 'Tên Thứ Hai' } }, accessToken);
    expect(stale.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', currentVersion: 2 });
    const me = await gql(app, 'query($id: ID!) { user(id: $id) { fullName } }', { id: target.id }, accessToken);
    expect(me.data?.user.fullName).toBe('Tên Thứ Nhất');
  });

  it('deactivation takes effect at once: the old token stops working and the open socket closes', async () => {
    const target = await makeUser(app.orm, office, [Role.ENFORCEMENT_OFFICER]);
    const session = await signIn(app, target.username);
    const socket = connectWs(app, session.accessToken);
    await socket.connected;
    expect((await gql(app, '{ me { id } }', {}, session.accessToken)).data?.me.id).toBe(target.id);

    const { accessToken } = await signIn(app, officeAdmin.username);
    const res = await gql(app, 'mutation($id: ID!) { deactivateUser(id: $id) { active } }', { id: target.id }, accessToken);
    expect(res.data?.deactivateUser.active).toBe(false);

    expect((await gql(app, '{ me { id } }', {}, session.accessToken)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const refresh = await gql(app, 'mutation($t: String!) { refreshSession(refreshToken: $t) { accessToken } }', {
      t: session.refreshToken,
    });
    expect(refresh.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const closed = await socket.closed;
    expect(closed.code).toBe(4401);
    const again = connectWs(app, session.accessToken);
    expect((await again.closed).code).toBe(4403);
  });

  it('a socket without a valid token is refused', async () => {
    const anonymous = connectWs(app);
    expect((await anonymous.closed).code).toBe(4403);
  });

  it('closes a socket with 4401 when its access token expires', async () => {
    const shortLived = await startTestApp(await createTestDatabase(), { ACCESS_TOKEN_TTL_S: 2 });
    try {
      const u = await makeUser(shortLived.orm, await makeAgency(shortLived.orm, AgencyKind.POLICE, []), [Role.OFFICER]);
      const session = await signIn(shortLived, u.username);
      const socket = connectWs(shortLived, session.accessToken);
      await socket.connected;
      const closed = await socket.closed;
      expect(closed.code).toBe(4401);
      expect(Date.now()).toBeGreaterThanOrEqual(new Date(session.accessTokenExpiresAt).getTime() - 1000);
    } finally {
      await shortLived.close();
    }
  });
});
