import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../server/src/app';
import type { Agency } from '../../server/src/modules/agencies/agency.entity';
import { AgencyKind, makeAgency, makeProvince, makeUser, Role, signIn } from '../support/factories';
import { createTestDatabase, gql, startTestApp } from '../support/harness';
import { connectWs } from '../support/ws';

/** Issue 15 item 4: an office admin changes a user's roles; the change takes effect on the user's next request. */
let app: App;
let office: Agency;
let adminToken: string;
let systemToken: string;
let otherOffice: Agency;

const UPDATE = 'mutation($input: UpdateUserInput!) { updateUser(input: $input) { id version roles } }';
const versionOf = async (id: string) =>
  (await app.orm.em.fork().getConnection().execute('select version from app_user where id = ?', [id]))[0].version as number;

beforeAll(async () => {
  app = await startTestApp(await createTestDatabase());
  const { communeA } = await makeProvince(app.orm);
  office = await makeAgency(app.orm, AgencyKind.ENFORCEMENT_OFFICE, [communeA]);
  adminToken = (await signIn(app, (await makeUser(app.orm, office, [Role.AGENCY_ADMIN])).username)).accessToken;
  otherOffice = await makeAgency(app.orm, AgencyKind.ENFORCEMENT_OFFICE, [communeA]);
  systemToken = (await signIn(app, (await makeUser(app.orm, office, [Role.SYSTEM_ADMIN])).username)).accessToken;
}, 60_000);

afterAll(async () => {
  await app?.close();
});

describe('changing a user’s roles', () => {
  it('takes effect on the next request: the old token is refused, a new sign-in has the new abilities', async () => {
    const user = await makeUser(app.orm, office, [Role.ENFORCEMENT_OFFICER]);
    const { accessToken } = await signIn(app, user.username);
    const can = 'query { viewerCan { createCase manageUsers } }';
    expect((await gql(app, can, {}, accessToken)).data?.viewerCan).toEqual({ createCase: true, manageUsers: false });

    const res = await gql(app, UPDATE, { input: { id: user.id, version: await versionOf(user.id), roles: ['OFFICER'] } }, adminToken);
    expect(res.data?.updateUser.roles).toEqual(['OFFICER']);
    expect((await gql(app, can, {}, accessToken)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const fresh = await signIn(app, user.username);
    expect((await gql(app, can, {}, fresh.accessToken)).data?.viewerCan).toEqual({ createCase: false, manageUsers: false });
  });

  it('an office admin may not grant SYSTEM_ADMIN nor change a user of another agency; nothing changes', async () => {
    const user = await makeUser(app.orm, office, [Role.ENFORCEMENT_OFFICER]);
    const version = await versionOf(user.id);
    const grant = await gql(app, UPDATE, { input: { id: user.id, version, roles: ['SYSTEM_ADMIN'] } }, adminToken);
    expect(grant.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const other = await makeUser(app.orm, await makeAgency(app.orm, AgencyKind.POLICE, []), [Role.OFFICER]);
    const elsewhere = await gql(
      app,
      UPDATE,
      { input: { id: other.id, version: await versionOf(other.id), roles: ['AGENCY_ADMIN'] } },
      adminToken,
    );
    expect(['FORBIDDEN', 'NOT_FOUND']).toContain(elsewhere.errors?.[0]?.extensions?.code);
    expect(await versionOf(user.id)).toBe(version);
    const stale = await gql(app, UPDATE, { input: { id: user.id, version: version + 5, roles: ['OFFICER'] } }, adminToken);
    expect(stale.errors?.[0]?.extensions?.code).toBe('CONFLICT');
  });
});

describe('moving a user to another agency (a transfer)', () => {
  const MOVE = 'mutation($input: UpdateUserInput!) { updateUser(input: $input) { id version agency { id } } }';
  const agencyOf = async (id: string) =>
    (await app.orm.em.fork().getConnection().execute('select agency_id from app_user where id = ?', [id]))[0].agency_id as string;

  it('a system administrator moves an officer: the old token and socket end at once, a new sign-in belongs to the new agency', async () => {
    const user = await makeUser(app.orm, office, [Role.ENFORCEMENT_OFFICER]);
    const { accessToken } = await signIn(app, user.username);
    const ws = connectWs(app, accessToken);
    await ws.connected;
    const res = await gql(app, MOVE, { input: { id: user.id, version: await versionOf(user.id), agencyId: otherOffice.id } }, systemToken);
    expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
    expect(res.data?.updateUser.agency.id).toBe(otherOffice.id);
    expect((await ws.closed).code).toBe(4401);
    const me = 'query { me { agency { id } } }';
    expect((await gql(app, me, {}, accessToken)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const fresh = await signIn(app, user.username);
    expect((await gql(app, me, {}, fresh.accessToken)).data?.me.agency.id).toBe(otherOffice.id);
  });

  it('an office admin may not move a user out of the office, nor anyone to an unknown agency; nothing changes', async () => {
    const user = await makeUser(app.orm, office, [Role.ENFORCEMENT_OFFICER]);
    const version = await versionOf(user.id);
    const out = await gql(app, MOVE, { input: { id: user.id, version, agencyId: otherOffice.id } }, adminToken);
    expect(out.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const unknown = await gql(
      app,
      MOVE,
      { input: { id: user.id, version, agencyId: '00000000-0000-4000-8000-000000000000' } },
      systemToken,
    );
    expect(unknown.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const malformed = await gql(app, MOVE, { input: { id: user.id, version, agencyId: 'not-an-id' } }, systemToken);
    expect(malformed.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(await versionOf(user.id)).toBe(version);
    expect(await agencyOf(user.id)).toBe(office.id);
  });
});
