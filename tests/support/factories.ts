import { randomBytes, randomUUID } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/postgresql';
import { hashPassword } from '../../server/src/auth/passwords';
import { Role, type Viewer } from '../../server/src/auth/viewer';
import { Agency, AgencyKind } from '../../server/src/modules/agencies/agency.entity';
import { Area, AreaKind } from '../../server/src/modules/areas/area.entity';
import { User } from '../../server/src/modules/users/user.entity';
import type { App } from '../../server/src/app';
import { gql } from './harness';

/** The password of every factory-made user. */
export const TEST_PASSWORD = 'Test-Password-2026';
let hashed: Promise<string> | null = null;
/** argon2 is slow on purpose; factories hash the shared test password once. */
const testPasswordHash = () => (hashed ??= hashPassword(TEST_PASSWORD));

const unique = (prefix: string) => `${prefix}-${randomBytes(4).toString('hex')}`;

/** A province with two communes (A and B), written straight to the database. */
export async function makeProvince(orm: MikroORM) {
  const em = orm.em.fork();
  const code = unique('P').toUpperCase();
  const province = em.create(Area, { code, name: `Tỉnh ${code}`, kind: AreaKind.PROVINCE, path: `/${code}/` });
  const communeA = em.create(Area, {
    code: `${code}-A`,
    name: `Xã A ${code}`,
    kind: AreaKind.COMMUNE,
    parent: province,
    path: `/${code}/${code}-A/`,
  });
  const communeB = em.create(Area, {
    code: `${code}-B`,
    name: `Xã B ${code}`,
    kind: AreaKind.COMMUNE,
    parent: province,
    path: `/${code}/${code}-B/`,
  });
  await em.flush();
  return { province, communeA, communeB };
}

/** An agency covering `areas`. */
export async function makeAgency(orm: MikroORM, kind: AgencyKind, areas: Area[], name?: string): Promise<Agency> {
  const em = orm.em.fork();
  const code = unique(kind.slice(0, 4)).toUpperCase();
  const agency = em.create(Agency, { code, name: name ?? `${kind} ${code}`, kind });
  agency.coveredAreas.set(areas.map((a) => em.getReference(Area, a.id)));
  await em.flush();
  return agency;
}

/** A user with `roles` in `agency` (password TEST_PASSWORD). */
export async function makeUser(orm: MikroORM, agency: Agency, roles: Role[], extra: { phone?: string } = {}): Promise<User> {
  const em = orm.em.fork();
  const username = unique('u');
  const user = em.create(User, {
    username,
    fullName: `Cán bộ ${username}`,
    agency: em.getReference(Agency, agency.id),
    roles,
    passwordHash: await testPasswordHash(),
    phone: extra.phone ?? null,
  });
  await em.flush();
  return user;
}

/** Signs in through the API and returns the access and refresh tokens. */
export async function signIn(app: App, username: string, password = TEST_PASSWORD) {
  const res = await gql<{ signIn: { accessToken: string; refreshToken: string; accessTokenExpiresAt: string } }>(
    app,
    'mutation($input: SignInInput!) { signIn(input: $input) { accessToken refreshToken accessTokenExpiresAt } }',
    { input: { username, password } },
  );
  if (!res.data?.signIn) throw new Error(`sign-in failed for ${username}: ${JSON.stringify(res.errors)}`);
  return res.data.signIn;
}

/** The Viewer the server builds for `username` (signed in with the test password): for calling services directly. */
export async function viewerOf(app: App, username: string): Promise<Viewer> {
  const { accessToken } = await signIn(app, username);
  const viewer = await app.services.auth.viewerFromToken(app.orm.em.fork(), accessToken);
  if (!viewer) throw new Error(`no viewer for ${username}`);
  return viewer;
}

export { AgencyKind, Role };

/**
 * A case opened through the API by `officerToken` in commune `communeId`, shared with `shareWith`
 * (agency ids, role SUPPORT). Returns the case id and its current version.
 */
export async function makeSharedCase(
  app: App,
  officerToken: string,
  communeId: string,
  shareWith: string[] = [],
): Promise<{ id: string; version: number }> {
  const created = await gql<{ createCase: { id: string; version: number } }>(
    app,
    'mutation($input: CreateCaseInput!) { createCase(input: $input) { id version } }',
    {
      input: {
        judgmentNumber: unique('BA'),
        judgmentCourt: 'Tòa án nhân dân khu vực 1',
        judgmentDate: '2026-08-20',
        receivedAt: new Date(Date.now() - 86_400_000).toISOString(),
        kind: 'ON_REQUEST',
        communeId,
        parties: [{ role: 'DEBTOR', kind: 'PERSON', name: 'Nguyễn Văn Khoa' }],
        obligations: [{ kind: 'PAY_MONEY', description: 'Trả nợ', debtorIndex: 0, amountOwed: '777000000' }],
      },
    },
    officerToken,
  );
  if (!created.data?.createCase) throw new Error(`createCase failed: ${JSON.stringify(created.errors)}`);
  let { id, version } = created.data.createCase;
  for (const agencyId of shareWith) {
    const shared = await gql<{ shareCase: { version: number } }>(
      app,
      'mutation($input: ShareCaseInput!) { shareCase(input: $input) { version } }',
      { input: { caseId: id, version, agencyId, role: 'SUPPORT' } },
      officerToken,
    );
    if (!shared.data?.shareCase) throw new Error(`shareCase failed: ${JSON.stringify(shared.errors)}`);
    version = shared.data.shareCase.version;
  }
  return { id, version };
}

/** One step of a hand-written state history: the state from `at` until the next step's instant. */
export type HistoryStep = [at: Date, status: string, owed: string, collected: string];

/**
 * A case and its hand-written history, inserted with plain SQL: each step is the state from its
 * instant until the next step's (the last one is current). Accepted = the first step not RECEIVED.
 * The rows go straight into the tables, so the statistics under test read data no app code wrote.
 */
export async function insertCaseHistory(
  orm: MikroORM,
  judgmentNumber: string,
  lead: Agency,
  commune: Area,
  officer: User | null,
  steps: readonly HistoryStep[],
): Promise<string> {
  const id = randomUUID();
  const conn = orm.em.getConnection();
  const last = steps[steps.length - 1];
  await conn.execute(
    `insert into enforcement_case (id, judgment_number, judgment_court, judgment_date, received_at, kind, lead_agency_id, officer_id, commune_id, status, version, created_at, updated_at, search_text)
     values (?, ?, 'TAND khu vực 1', '2025-01-01', ?, 'ON_REQUEST', ?, ?, ?, ?, 1, ?, now(), '')`,
    [id, judgmentNumber, steps[0][0], lead.id, officer?.id ?? null, commune.id, last[1], steps[0][0]],
  );
  await conn.execute(
    `insert into obligation (id, case_id, kind, description, amount_owed, amount_collected, fulfilled, created_at) values (?, ?, 'PAY_MONEY', 'Trả tiền', ?, ?, false, now())`,
    [randomUUID(), id, last[2], last[3]],
  );
  const accepted = steps.find((s) => s[1] !== 'RECEIVED')?.[0] ?? null;
  for (let i = 0; i < steps.length; i++) {
    const [from, status, owed, collected] = steps[i];
    const to = steps[i + 1]?.[0] ?? null;
    await conn.execute(
      `insert into case_state_history (case_id, valid_from, valid_to, status, lead_agency_id, commune_id, officer_id, amount_owed, amount_collected, accepted_at)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [id, from, to, status, lead.id, commune.id, officer?.id ?? null, owed, collected, accepted && accepted <= from ? accepted : null],
    );
  }
  return id;
}
