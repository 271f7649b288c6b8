import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../server/src/app';
import type { Area } from '../../server/src/modules/areas/area.entity';
import type { User } from '../../server/src/modules/users/user.entity';
import { AgencyKind, makeAgency, makeProvince, makeSharedCase, makeUser, Role, signIn } from '../support/factories';
import { createTestDatabase, gql, startTestApp } from '../support/harness';

// The API the web app's intake and administration screens stand on (issue 15): global abilities,
// an administrator's password reset, the lifecycle steps offered with their legal source, judgment
// corrections and what a stale edit missed.

let app: App;
let communeA: Area;
let admin: User, officeAdmin: User, officer: User, commune: User, colleague: User;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  app = await startTestApp(await createTestDatabase());
  ({ communeA } = await makeProvince(app.orm));
  const office = await makeAgency(app.orm, AgencyKind.ENFORCEMENT_OFFICE, [communeA]);
  const ubnd = await makeAgency(app.orm, AgencyKind.PEOPLES_COMMITTEE, [communeA]);
  admin = await makeUser(app.orm, office, [Role.SYSTEM_ADMIN]);
  officeAdmin = await makeUser(app.orm, office, [Role.AGENCY_ADMIN]);
  officer = await makeUser(app.orm, office, [Role.ENFORCEMENT_OFFICER]);
  colleague = await makeUser(app.orm, office, [Role.ENFORCEMENT_OFFICER]);
  commune = await makeUser(app.orm, ubnd, [Role.OFFICER]);
  for (const [name, user] of Object.entries({ admin, officeAdmin, officer, commune, colleague }))
    tokens[name] = (await signIn(app, user.username)).accessToken;
});
afterAll(async () => {
  await app?.close();
});

const VIEWER_CAN = '{ viewerCan { createCase manageUsers manageAgencies manageAreas manageCalendar inspectSystem } }';

describe('viewerCan (global abilities for the navigation)', () => {
  it('answers from the policy for each kind of viewer', async () => {
    const asAdmin = await gql(app, VIEWER_CAN, {}, tokens.admin);
    const asOfficeAdmin = await gql(app, VIEWER_CAN, {}, tokens.officeAdmin);
    const asOfficer = await gql(app, VIEWER_CAN, {}, tokens.officer);
    const asCommune = await gql(app, VIEWER_CAN, {}, tokens.commune);
    expect(asAdmin.data?.viewerCan).toEqual({
      createCase: false,
      manageUsers: true,
      manageAgencies: true,
      manageAreas: true,
      manageCalendar: true,
      inspectSystem: true,
    });
    expect(asOfficeAdmin.data?.viewerCan).toMatchObject({ manageUsers: true, manageAgencies: false, inspectSystem: false });
    expect(asOfficer.data?.viewerCan).toMatchObject({ createCase: true, manageUsers: false, manageAreas: false });
    expect(asCommune.data?.viewerCan).toMatchObject({ createCase: false, manageUsers: false });
  });

  it('needs a sign-in', async () => {
    expect((await gql(app, VIEWER_CAN)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });
});

const RESET = 'mutation($id: ID!, $p: String!) { resetUserPassword(id: $id, newPassword: $p) { id version } }';

describe('resetUserPassword', () => {
  it('sets a new password, ends the old sessions and records the event', async () => {
    const target = await makeUser(app.orm, commune.agency as never, [Role.OFFICER]);
    const old = await signIn(app, target.username);
    const res = await gql(app, RESET, { id: target.id, p: 'Moi-Mat-Khau-2026' }, tokens.admin);
    expect(res.errors).toBeUndefined();
    expect((await gql(app, '{ me { id } }', {}, old.accessToken)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const refreshed = await gql(app, 'mutation($t: String!) { refreshSession(refreshToken: $t) { accessToken } }', {
      t: old.refreshToken,
    });
    expect(refreshed.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect((await signIn(app, target.username, 'Moi-Mat-Khau-2026')).accessToken).toBeTruthy();
    const events = await app.orm.em
      .fork()
      .getConnection()
      .execute<{ n: string }[]>(`select count(*)::text as n from event where type = 'user.passwordReset' and stream = ?`, [
        `user:${target.id}`,
      ]);
    expect(events[0].n).toBe('1');
  });

  it('refuses a weak password, another agency (agency admin) and a plain officer, with codes', async () => {
    const weak = await gql(app, RESET, { id: colleague.id, p: 'short' }, tokens.admin);
    expect(weak.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(weak.errors?.[0].message).toMatch(/Mật khẩu/);
    const foreign = await gql(app, RESET, { id: commune.id, p: 'Moi-Mat-Khau-2026' }, tokens.officeAdmin);
    expect(foreign.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const officerTry = await gql(app, RESET, { id: colleague.id, p: 'Moi-Mat-Khau-2026' }, tokens.officer);
    expect(officerTry.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    // The colleague can still sign in with the old password: nothing changed.
    expect((await signIn(app, colleague.username)).accessToken).toBeTruthy();
  });
});

const CASE = `query($id: ID!) { case(id: $id) { version status judgmentNumber availableTransitions { transition to legalSource needsReason } } }`;
const UPDATE = 'mutation($input: UpdateCaseInput!) { updateCase(input: $input) { version judgmentNumber judgmentCourt notes } }';

describe('case editing support', () => {
  it('offers the steps of the transition table with their legal source, only to who may move the case', async () => {
    const { id } = await makeSharedCase(app, tokens.officer, communeA.id);
    const mine = await gql(app, CASE, { id }, tokens.officer);
    const steps = mine.data?.case.availableTransitions as Array<{
      transition: string;
      to: string;
      legalSource: string;
      needsReason: boolean;
    }>;
    expect(steps.map((s) => s.transition)).toEqual(['ISSUE_DECISION', 'TERMINATE', 'RETURN_REQUEST']);
    expect(steps[0]).toMatchObject({ to: 'DECISION_ISSUED', needsReason: false });
    expect(steps[0].legalSource).toMatch(/Luật/);
    expect(steps.find((s) => s.transition === 'TERMINATE')?.needsReason).toBe(true);
    const shared = await makeSharedCase(app, tokens.officer, communeA.id, [commune.agency.id]);
    const theirs = await gql(app, CASE, { id: shared.id }, tokens.commune);
    expect(theirs.data?.case.availableTransitions).toEqual([]);
  });

  it('corrects the judgment number and court', async () => {
    const { id, version } = await makeSharedCase(app, tokens.officer, communeA.id);
    const res = await gql(
      app,
      UPDATE,
      { input: { id, version, judgmentNumber: ' 99/2026/DS-ST ', judgmentCourt: 'Tòa án nhân dân khu vực 2' } },
      tokens.officer,
    );
    expect(res.data?.updateCase).toMatchObject({
      version: version + 1,
      judgmentNumber: '99/2026/DS-ST',
      judgmentCourt: 'Tòa án nhân dân khu vực 2',
    });
    const badDate = await gql(app, UPDATE, { input: { id, version: version + 1, judgmentDate: '20/08/2026' } }, tokens.officer);
    expect(badDate.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('a stale edit gets CONFLICT with the current version and what changed since, and changes nothing', async () => {
    const { id, version } = await makeSharedCase(app, tokens.officer, communeA.id);
    const first = await gql(app, UPDATE, { input: { id, version, notes: 'Đã liên hệ UBND xã', complex: true } }, tokens.officer);
    expect(first.errors).toBeUndefined();
    const stale = await gql(app, UPDATE, { input: { id, version, notes: 'Ghi chú khác' } }, tokens.colleague);
    const err = stale.errors?.[0];
    expect(err?.extensions?.code).toBe('CONFLICT');
    expect(err?.extensions?.currentVersion).toBe(version + 1);
    expect(err?.extensions?.missedChanges).toEqual([
      { version: version + 1, type: 'case.updated', fields: expect.arrayContaining(['notes', 'complex']), at: expect.any(String) },
    ]);
    const now = await gql(app, 'query($id: ID!) { case(id: $id) { version notes } }', { id }, tokens.officer);
    expect(now.data?.case).toEqual({ version: version + 1, notes: 'Đã liên hệ UBND xã' });
  });
});
