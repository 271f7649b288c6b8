// Who may be a case's officer is the policy's decision (policy/case-assignment.ts), answered by the
// server: the list the intake and edit forms offer, and the refusal of anyone else (issue 10).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../server/src/app';
import type { Agency } from '../../server/src/modules/agencies/agency.entity';
import type { Area } from '../../server/src/modules/areas/area.entity';
import { User } from '../../server/src/modules/users/user.entity';
import { MAX_PAGE_SIZE } from '../../server/src/db/pagination';
import { AgencyKind, makeAgency, makeProvince, makeUser, Role, signIn } from '../support/factories';
import { createTestDatabase, gql, startTestApp } from '../support/harness';

let app: App;
let communeA: Area;
let office: Agency;
let token: string;
const people: Record<string, User> = {};

const assignableQuery = `query($a: ID, $first: Int, $after: String) {
  users(first: $first, after: $after, filter: { agencyId: $a, mayBeAssignedCases: true }) {
    totalCount pageInfo { hasNextPage endCursor } edges { node { id } } } }`;

function newCase(officerId: string | null) {
  return {
    judgmentNumber: `AS-${Math.random().toString(36).slice(2, 8)}`,
    judgmentCourt: 'Tòa án nhân dân khu vực 3 – Lâm Sơn',
    judgmentDate: '2026-08-20',
    receivedAt: '2026-09-01T02:00:00.000Z',
    kind: 'ON_REQUEST',
    communeId: communeA.id,
    officerId,
    parties: [
      { role: 'DEBTOR', kind: 'PERSON', name: 'Nguyễn Văn Khoa', address: 'Thôn Đồng Mai, xã A' },
      { role: 'CREDITOR', kind: 'PERSON', name: 'Đặng Minh Quân', address: 'Phường Trung Tâm' },
    ],
    obligations: [{ kind: 'PAY_MONEY', description: 'Trả nợ theo bản án', debtorIndex: 0, creditorIndex: 1, amountOwed: '1000000' }],
  };
}

beforeAll(async () => {
  app = await startTestApp(await createTestDatabase());
  ({ communeA } = await makeProvince(app.orm));
  office = await makeAgency(app.orm, AgencyKind.ENFORCEMENT_OFFICE, [communeA]);
  const other = await makeAgency(app.orm, AgencyKind.ENFORCEMENT_OFFICE, [communeA]);
  people.officer = await makeUser(app.orm, office, [Role.ENFORCEMENT_OFFICER]);
  people.headAndOfficer = await makeUser(app.orm, office, [Role.AGENCY_HEAD, Role.ENFORCEMENT_OFFICER]);
  people.head = await makeUser(app.orm, office, [Role.AGENCY_HEAD]);
  people.clerk = await makeUser(app.orm, office, [Role.OFFICER]);
  people.admin = await makeUser(app.orm, office, [Role.AGENCY_ADMIN]);
  people.retired = await makeUser(app.orm, office, [Role.ENFORCEMENT_OFFICER]);
  people.elsewhere = await makeUser(app.orm, other, [Role.ENFORCEMENT_OFFICER]);
  await app.orm.em.fork().nativeUpdate(User, { id: people.retired.id }, { active: false });
  token = (await signIn(app, people.officer.username)).accessToken;
});
afterAll(async () => {
  await app?.close();
});

describe('users(filter: { mayBeAssignedCases: true })', () => {
  it('lists only the active enforcement officers of the agency', async () => {
    const res = await gql(app, assignableQuery, { a: office.id, first: 50 }, token);
    expect(res.errors).toBeUndefined();
    const ids = new Set(res.data!.users.edges.map((e: any) => e.node.id));
    expect(ids).toEqual(new Set([people.officer.id, people.headAndOfficer.id]));
    expect(res.data!.users.totalCount).toBe(2);
    // Without the filter the same agency lists everyone active (the condition is the filter's, not the page's).
    const all = await gql(app, 'query($a: ID) { users(first: 50, filter: { agencyId: $a }) { totalCount } }', { a: office.id }, token);
    expect(all.data!.users.totalCount).toBe(5);
  });

  it('stays a bounded, paged list', async () => {
    const first = await gql(app, assignableQuery, { a: office.id, first: 1 }, token);
    expect(first.data!.users.edges).toHaveLength(1);
    expect(first.data!.users.pageInfo.hasNextPage).toBe(true);
    const second = await gql(app, assignableQuery, { a: office.id, first: 1, after: first.data!.users.pageInfo.endCursor }, token);
    expect(second.data!.users.edges).toHaveLength(1);
    expect(second.data!.users.edges[0].node.id).not.toBe(first.data!.users.edges[0].node.id);
    const tooMany = await gql(app, assignableQuery, { a: office.id, first: MAX_PAGE_SIZE + 1 }, token);
    expect(tooMany.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('assigning a case', () => {
  it('refuses someone the policy does not let be assigned, and changes nothing', async () => {
    const countCases = () => app.orm.em.fork().getConnection().execute<{ n: string }[]>('select count(*)::text as n from enforcement_case');
    const before = (await countCases())[0].n;
    const refused = await gql(
      app,
      'mutation($input: CreateCaseInput!) { createCase(input: $input) { id } }',
      { input: newCase(people.clerk.id) },
      token,
    );
    expect(refused.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(refused.errors?.[0].extensions?.field).toBe('officerId');
    expect((await countCases())[0].n).toBe(before);

    const created = await gql(
      app,
      'mutation($input: CreateCaseInput!) { createCase(input: $input) { id version officer { id } } }',
      { input: newCase(people.headAndOfficer.id) },
      token,
    );
    expect(created.errors).toBeUndefined();
    const c = created.data!.createCase;
    expect(c.officer.id).toBe(people.headAndOfficer.id);

    const update = (officerId: string) =>
      gql(
        app,
        'mutation($input: UpdateCaseInput!) { updateCase(input: $input) { id version officer { id } } }',
        { input: { id: c.id, version: c.version, officerId } },
        token,
      );
    for (const who of ['head', 'clerk', 'admin', 'retired', 'elsewhere']) {
      const res = await update(people[who].id);
      expect(res.errors?.[0].extensions?.code, who).toBe('BAD_USER_INPUT');
      expect(res.errors?.[0].extensions?.field, who).toBe('officerId');
    }
    const after = await gql(app, 'query($id: ID!) { case(id: $id) { version officer { id } } }', { id: c.id }, token);
    expect(after.data!.case).toEqual({ version: c.version, officer: { id: people.headAndOfficer.id } });
    const moved = await update(people.officer.id);
    expect(moved.data!.updateCase.officer.id).toBe(people.officer.id);
  });
});
