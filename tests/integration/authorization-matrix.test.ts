import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../server/src/app';
import type { Agency } from '../../server/src/modules/agencies/agency.entity';
import type { Area } from '../../server/src/modules/areas/area.entity';
import { AgencyKind, makeAgency, makeProvince, makeSharedCase, makeUser, Role, signIn } from '../support/factories';
import { createTestDatabase, eventually, gql, type GraphQLResponse, startTestApp } from '../support/harness';
import { collect, connectWs } from '../support/ws';
import { syntheticEvent } from '../support/synthetic-event';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The authorization matrix: every role × in/out of scope × operation, generated from the lists
 * below and run through the real API. `allowed` states the product rule in plain terms; the
 * implementation (policy/abilities.ts + services) must agree on every cell.
 */
type Scope = 'own agency' | 'other agency';
interface World {
  app: App;
  token: string;
  ownAgency: Agency;
  otherAgency: Agency;
  area: Area;
  /** A commune of `area`, where the actor's own office works. */
  commune: Area;
  targetAgency: Agency;
  /** An enforcement office of another commune (the actor's office is not over it). */
  otherOffice: Agency;
  /** A fresh case led by the actor's own office ('own agency') or by another office, not shared. */
  newCase(): Promise<{ id: string; version: number; leadAgencyId: string }>;
}
interface Operation {
  name: string;
  allowed(role: Role, scope: Scope): boolean;
  run(w: World): Promise<GraphQLResponse>;
  /** How a refusal looks for this operation (hidden objects are NOT_FOUND, not FORBIDDEN). */
  refused?(res: GraphQLResponse): boolean;
}

const isAdmin = (r: Role) => r === Role.SYSTEM_ADMIN;
/** Enforcement officers and heads work cases; other roles of the same office only read them. */
const casesWorker = (r: Role) => r === Role.ENFORCEMENT_OFFICER || r === Role.AGENCY_HEAD;
const ownCaseWorker = (r: Role, s: Scope) => s === 'own agency' && casesWorker(r);
const adminOrOwnAgencyAdmin = (r: Role, s: Scope) => isAdmin(r) || (r === Role.AGENCY_ADMIN && s === 'own agency');
const errorCode = (res: GraphQLResponse) => res.errors?.[0]?.extensions?.code;
const deniedCodes = new Set(['FORBIDDEN', 'NOT_FOUND']);
let seq = 0;

const OPERATIONS: Operation[] = [
  {
    name: 'read a user',
    allowed: (r, s) => s === 'own agency' || isAdmin(r),
    run: async (w) =>
      gql(
        w.app,
        'query($id: ID!) { user(id: $id) { id } }',
        { id: (await makeUser(w.app.orm, w.targetAgency, [Role.OFFICER])).id },
        w.token,
      ),
  },
  {
    name: "list an agency's users",
    allowed: (r, s) => s === 'own agency' || isAdmin(r),
    run: (w) => gql(w.app, 'query($a: ID!) { users(filter: { agencyId: $a }) { totalCount } }', { a: w.targetAgency.id }, w.token),
  },
  {
    name: "read a user's phone",
    allowed: adminOrOwnAgencyAdmin,
    run: async (w) => {
      const target = await makeUser(w.app.orm, w.targetAgency, [Role.OFFICER], { phone: '0912345678' });
      return gql(w.app, 'query($id: ID!) { user(id: $id) { phone { value hidden } } }', { id: target.id }, w.token);
    },
    refused: (res) => deniedCodes.has(errorCode(res)) || (res.data as any)?.user?.phone?.hidden === true,
  },
  {
    name: 'create a user',
    allowed: adminOrOwnAgencyAdmin,
    run: (w) =>
      gql(
        w.app,
        'mutation($i: CreateUserInput!) { createUser(input: $i) { id } }',
        {
          i: {
            agencyId: w.targetAgency.id,
            username: `matrix.${++seq}`,
            fullName: 'Cán bộ Ma Trận',
            roles: ['OFFICER'],
            password: 'Mat-khau-2026',
          },
        },
        w.token,
      ),
  },
  {
    name: 'update a user',
    allowed: adminOrOwnAgencyAdmin,
    run: async (w) => {
      const target = await makeUser(w.app.orm, w.targetAgency, [Role.OFFICER]);
      return gql(
        w.app,
        'mutation($i: UpdateUserInput!) { updateUser(input: $i) { id } }',
        { i: { id: target.id, version: 1, fullName: 'Tên Mới' } },
        w.token,
      );
    },
  },
  {
    name: 'deactivate a user',
    allowed: adminOrOwnAgencyAdmin,
    run: async (w) => {
      const target = await makeUser(w.app.orm, w.targetAgency, [Role.OFFICER]);
      return gql(w.app, 'mutation($id: ID!) { deactivateUser(id: $id) { active } }', { id: target.id }, w.token);
    },
  },
  {
    name: 'list the agency directory',
    allowed: () => true,
    run: (w) => gql(w.app, '{ agencies(first: 5) { totalCount } }', {}, w.token),
  },
  {
    name: 'create an agency',
    allowed: isAdmin,
    run: (w) =>
      gql(
        w.app,
        'mutation($i: CreateAgencyInput!) { createAgency(input: $i) { id } }',
        { i: { code: `MX-${++seq}`, name: 'Cơ quan ma trận', kind: 'OTHER', coveredAreaIds: [w.area.id] } },
        w.token,
      ),
  },
  {
    name: 'update an agency',
    allowed: isAdmin,
    run: async (w) => {
      const target = await makeAgency(w.app.orm, AgencyKind.OTHER, [w.area]);
      return gql(
        w.app,
        'mutation($i: UpdateAgencyInput!) { updateAgency(input: $i) { id } }',
        { i: { id: target.id, version: 1, name: 'Tên mới của cơ quan' } },
        w.token,
      );
    },
  },
  {
    name: 'create an area',
    allowed: isAdmin,
    run: (w) =>
      gql(
        w.app,
        'mutation($i: CreateAreaInput!) { createArea(input: $i) { id } }',
        { i: { code: `MXA${++seq}`, name: 'Xã Ma Trận', kind: 'COMMUNE', parentId: w.area.id } },
        w.token,
      ),
  },
  {
    name: 'rename an area',
    allowed: isAdmin,
    run: async (w) => {
      const { communeA } = await makeProvince(w.app.orm);
      return gql(
        w.app,
        'mutation($i: UpdateAreaInput!) { updateArea(input: $i) { name } }',
        { i: { id: communeA.id, name: 'Xã Đổi Tên' } },
        w.token,
      );
    },
  },
  {
    name: 'read a case',
    allowed: (_r, s) => s === 'own agency',
    run: async (w) => gql(w.app, 'query($id: ID!) { case(id: $id) { id } }', { id: (await w.newCase()).id }, w.token),
  },
  {
    name: 'open a case in the own office',
    allowed: (r) => casesWorker(r),
    run: (w) => gql(w.app, 'mutation($i: CreateCaseInput!) { createCase(input: $i) { id } }', { i: caseInput(w.commune.id) }, w.token),
  },
  {
    name: 'update a case',
    allowed: ownCaseWorker,
    run: async (w) => {
      const c = await w.newCase();
      return gql(
        w.app,
        'mutation($i: UpdateCaseInput!) { updateCase(input: $i) { id } }',
        { i: { id: c.id, version: c.version, notes: 'ghi chú' } },
        w.token,
      );
    },
  },
  {
    name: 'post on a case thread',
    allowed: (_r, s) => s === 'own agency',
    run: async (w) =>
      gql(
        w.app,
        'mutation($i: NewPostInput!) { postToThread(input: $i) { id } }',
        { i: { caseId: (await w.newCase()).id, body: 'Trao đổi' } },
        w.token,
      ),
  },
  {
    name: 'assign a task on a case',
    allowed: ownCaseWorker,
    run: async (w) => {
      const c = await w.newCase();
      return gql(
        w.app,
        'mutation($i: AssignTaskInput!) { assignTask(input: $i) { id } }',
        { i: { caseId: c.id, agencyId: c.leadAgencyId, kind: 'VERIFY_CONDITIONS', title: 'Xác minh', dueInWorkingDays: 5 } },
        w.token,
      );
    },
  },
  {
    name: 'plan a persuasion visit',
    allowed: ownCaseWorker,
    run: async (w) =>
      gql(
        w.app,
        'mutation($i: PlanActionInput!) { planAction(input: $i) { id } }',
        {
          i: {
            caseId: (await w.newCase()).id,
            kind: 'PERSUASION_VISIT',
            place: 'Nhà văn hóa thôn',
            scheduledStart: '2027-03-10T01:00:00.000Z',
            scheduledEnd: '2027-03-10T03:00:00.000Z',
          },
        },
        w.token,
      ),
  },
  {
    name: 'add an official day off',
    allowed: isAdmin,
    // A distinct future weekday per cell (2031 has no VN holiday on these Wednesdays).
    run: (w) =>
      gql(
        w.app,
        'mutation($i: AddCalendarDayInput!) { addCalendarDay(input: $i) { date } }',
        { i: { date: nextWednesday(), kind: 'DAY_OFF', name: 'Nghỉ bù', source: 'Thông báo thử' } },
        w.token,
      ),
  },
  // Statistics (issue 14). The actor's own agency is an enforcement office: everyone there sees its own
  // office's figures; another agency's figures (here a People's Committee of another commune) only
  // system admins. Targets: system admins only among these roles (steering members of a committee
  // covering the office are tested in statistics.test.ts).
  ...(['statistics', 'statisticsTrend', 'stuckOverview'] as const).map((field) => ({
    name: `read ${field}`,
    allowed: (r: Role, s: Scope) => s === 'own agency' || isAdmin(r),
    run: (w: World) =>
      gql(
        w.app,
        field === 'statistics'
          ? 'query($s: StatisticsScopeInput) { statistics(period: { kind: STATISTICAL_YEAR, statisticalYear: 2027 }, scope: $s) { totals { totalAccepted { cases } } } }'
          : field === 'statisticsTrend'
            ? 'query($s: StatisticsScopeInput) { statisticsTrend(scope: $s) { month } }'
            : 'query($s: StatisticsScopeInput) { stuckOverview(scope: $s) { backlogCases } }',
        { s: { agencyId: w.targetAgency.id } },
        w.token,
      ),
  })),
  {
    name: 'list the cases behind a statistics row',
    allowed: (r, s) => s === 'own agency' || isAdmin(r),
    run: (w) =>
      gql(
        w.app,
        'query($s: StatisticsScopeInput) { statisticsCases(period: { kind: STATISTICAL_YEAR, statisticalYear: 2027 }, row: TOTAL_ACCEPTED, scope: $s) { totalCount } }',
        { s: { agencyId: w.targetAgency.id } },
        w.token,
      ),
  },
  {
    name: 'list the cases behind a stuck figure',
    allowed: (r, s) => s === 'own agency' || isAdmin(r),
    run: (w) =>
      gql(
        w.app,
        'query($s: StatisticsScopeInput) { stuckCases(list: BACKLOG, scope: $s) { totalCount } }',
        { s: { agencyId: w.targetAgency.id } },
        w.token,
      ),
  },
  {
    name: 'see an office in statisticsAccess (the unit picker)',
    allowed: (r, s) => s === 'own agency' || isAdmin(r),
    // 'other agency' here is another enforcement office (a People's Committee is never an office to pick).
    run: async (w) => {
      const res = await gql(w.app, '{ statisticsAccess { offices { id } } }', {}, w.token);
      if (res.errors) return res;
      const office = w.targetAgency === w.ownAgency ? w.ownAgency : w.otherOffice;
      const offices: Array<{ id: string }> = (res.data as any).statisticsAccess.offices;
      return { data: { listed: offices.some((o) => o.id === office.id) } };
    },
    refused: (res) => (res.data as any)?.listed !== true,
  },
  {
    name: 'statisticsAccess offers the dashboard',
    allowed: (r) => isAdmin(r) || r === Role.AGENCY_HEAD,
    run: (w) => gql(w.app, '{ statisticsAccess { dashboard targetOffices { id } } }', {}, w.token),
    refused: (res) => (res.data as any)?.statisticsAccess?.dashboard !== true,
  },
  ...(['xlsx', 'csv'] as const).map((ext) => ({
    name: `export the statistics as ${ext} (/export)`,
    allowed: (r: Role, s: Scope) => s === 'own agency' || isAdmin(r),
    run: async (w: World): Promise<GraphQLResponse> => {
      const params = new URLSearchParams({ kind: 'STATISTICAL_YEAR', year: '2027', agencyId: w.targetAgency.id });
      const res = await fetch(`${w.app.url}/export/statistics.${ext}?${params}`, { headers: { authorization: `Bearer ${w.token}` } });
      if (res.ok) {
        expect(res.headers.get('content-type')).toContain(ext === 'csv' ? 'text/csv' : 'spreadsheetml');
        await res.arrayBuffer();
        return { data: {} };
      }
      const body = (await res.json()) as GraphQLResponse;
      expect(res.status).toBe(body.errors?.[0]?.extensions?.code === 'FORBIDDEN' ? 403 : res.status);
      return body;
    },
  })),
  {
    name: 'list the statistics targets',
    allowed: () => true,
    run: (w) => gql(w.app, '{ statisticsTargets(statisticalYear: 2027) { id } }', {}, w.token),
  },
  {
    name: "set an office's statistics target",
    allowed: (r, s) => isAdmin(r) && s === 'own agency',
    // 'other agency' is a People's Committee: targets are set for enforcement offices only.
    run: (w) =>
      gql(
        w.app,
        'mutation($i: SetStatisticsTargetInput!) { setStatisticsTarget(input: $i) { id } }',
        { i: { agencyId: w.targetAgency.id, statisticalYear: 2027, caseRatePercent: '83.25', moneyRatePercent: '46.45' } },
        w.token,
      ),
  },
  {
    name: 'verify the audit chain',
    allowed: isAdmin,
    run: (w) => gql(w.app, '{ verifyAuditChain { ok } }', {}, w.token),
  },
];

/** A case in a commune of `areaId`'s province (any commune; visibility here comes from the lead office). */
const caseInput = (communeId: string) => ({
  judgmentNumber: `MX-${++seq}`,
  judgmentCourt: 'TAND khu vực',
  judgmentDate: '2026-08-01',
  receivedAt: '2026-09-01T02:00:00.000Z',
  kind: 'ON_REQUEST',
  communeId,
  parties: [{ role: 'DEBTOR', kind: 'PERSON', name: 'Người Ma Trận' }],
  obligations: [],
});

let wednesday = Date.UTC(2031, 0, 1); // a Wednesday
const nextWednesday = () => new Date((wednesday += 7 * 86_400_000)).toISOString().slice(0, 10);

const ROLES = Object.values(Role);
const SCOPES: Scope[] = ['own agency', 'other agency'];

let app: App;
/** Which office the next `newCase()` is led by; set per cell before it runs. */
let currentScope: 'own' | 'other' = 'own';
const worlds = new Map<Role, Omit<World, 'targetAgency'>>();

beforeAll(async () => {
  app = await startTestApp(await createTestDatabase());
  const { province, communeA, communeB } = await makeProvince(app.orm);
  const ownAgency = await makeAgency(app.orm, AgencyKind.ENFORCEMENT_OFFICE, [communeA]);
  const otherAgency = await makeAgency(app.orm, AgencyKind.PEOPLES_COMMITTEE, [communeB]);
  const otherOffice = await makeAgency(app.orm, AgencyKind.ENFORCEMENT_OFFICE, [communeB]);
  const officerToken = async (agency: Agency) =>
    (await signIn(app, (await makeUser(app.orm, agency, [Role.ENFORCEMENT_OFFICER])).username)).accessToken;
  const leadTokens = { own: await officerToken(ownAgency), other: await officerToken(otherOffice) };
  const openCase = async (which: 'own' | 'other') => {
    const res = await gql(
      app,
      'mutation($i: CreateCaseInput!) { createCase(input: $i) { id version leadAgency { id } } }',
      { i: caseInput(which === 'own' ? communeA.id : communeB.id) },
      leadTokens[which],
    );
    if (!res.data) throw new Error(JSON.stringify(res.errors));
    return { id: res.data.createCase.id, version: res.data.createCase.version, leadAgencyId: res.data.createCase.leadAgency.id };
  };
  for (const role of ROLES) {
    const actor = await makeUser(app.orm, ownAgency, [role]);
    const { accessToken } = await signIn(app, actor.username);
    worlds.set(role, {
      app,
      token: accessToken,
      ownAgency,
      otherAgency,
      otherOffice,
      area: province,
      commune: communeA,
      newCase: async () => openCase(currentScope),
    });
  }
});
afterAll(async () => {
  await app?.close();
});

describe('authorization matrix (roles × scope × operations)', () => {
  const cells = ROLES.flatMap((role) => SCOPES.flatMap((scope) => OPERATIONS.map((op) => ({ role, scope, op }))));
  it.each(cells.map((c) => [`${c.role} · ${c.scope} · ${c.op.name}`, c] as const))('%s', async (_label, { role, scope, op }) => {
    const base = worlds.get(role)!;
    currentScope = scope === 'own agency' ? 'own' : 'other';
    const world: World = { ...base, targetAgency: scope === 'own agency' ? base.ownAgency : base.otherAgency };
    const res = await op.run(world);
    const refused = op.refused ? op.refused(res) : deniedCodes.has(errorCode(res));
    if (op.allowed(role, scope)) {
      expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
      expect(refused).toBe(false);
    } else {
      expect(refused, `expected a refusal, got ${JSON.stringify(res)}`).toBe(true);
    }
  });
});

/**
 * Live subscriptions re-check access whenever something they depend on changes: participation, the
 * agency's covered areas, the agency or user being deactivated, roles, sign-out. A lost case ends
 * `caseActivity` with FORBIDDEN; a lost standing closes the socket (4401, or 4412 "access changed,
 * reconnect" for coverage); `myFeed` drops events of cases the viewer can no longer read.
 */
describe('live access is re-checked when what it depends on changes (caseActivity, myFeed)', () => {
  const CASE_ACTIVITY = 'subscription($caseId: ID!) { caseActivity(caseId: $caseId) { type payload } }';
  const MY_FEED = 'subscription { myFeed { type payload } }';
  let app: App;
  let province: Area;
  let communeA: Area;
  let communeB: Area;
  let office: Agency;
  let officerToken: string;
  let adminToken: string;
  beforeAll(async () => {
    app = await startTestApp(await createTestDatabase(), { EVENT_POLL_MS: 200 });
    ({ province, communeA, communeB } = await makeProvince(app.orm));
    office = await makeAgency(app.orm, AgencyKind.ENFORCEMENT_OFFICE, [communeA]);
    officerToken = (await signIn(app, (await makeUser(app.orm, office, [Role.ENFORCEMENT_OFFICER])).username)).accessToken;
    adminToken = (await signIn(app, (await makeUser(app.orm, office, [Role.SYSTEM_ADMIN])).username)).accessToken;
  });
  afterAll(async () => {
    await app?.close();
  });

  const types = (events: any[], field: 'caseActivity' | 'myFeed') => events.map((e) => e[field].type as string);
  const versionOf = async (table: 'agency' | 'enforcement_case' | 'app_user', id: string) =>
    (await app.orm.em.fork().getConnection().execute<{ version: number }[]>(`select version from ${table} where id = ?`, [id]))[0].version;
  /** An event about the case, addressed to the case and to the watcher's agency (reaches both feeds). */
  const probe = (caseId: string, agencyId: string, n: number) =>
    app.services.outbox.transaction(app.orm.em.fork(), (tx) =>
      tx.emit(
        syntheticEvent({
          type: 'test.probe',
          stream: `case:${caseId}:probe`,
          actorId: null,
          topics: [`case:${caseId}`, `agency:${agencyId}`],
          payload: { caseId, n },
        }),
      ),
    );
  /** An event for the agency that concerns no case: proves myFeed is still live when a probe is filtered. */
  const barrier = (agencyId: string) =>
    app.services.outbox.transaction(app.orm.em.fork(), (tx) =>
      tx.emit(
        syntheticEvent({
          type: 'test.barrier',
          stream: `agency:${agencyId}:barrier`,
          actorId: null,
          topics: [`agency:${agencyId}`],
          payload: {},
        }),
      ),
    );

  /** A watcher (commune official the case is shared with, or a procurator whose agency covers the province) following a fresh case on both feeds. */
  async function watcher(kind: 'commune' | 'procuracy') {
    const agency =
      kind === 'commune'
        ? await makeAgency(app.orm, AgencyKind.PEOPLES_COMMITTEE, [communeA])
        : await makeAgency(app.orm, AgencyKind.PROCURACY, [province]);
    const user = await makeUser(app.orm, agency, [kind === 'commune' ? Role.OFFICER : Role.PROCURATOR]);
    const token = (await signIn(app, user.username)).accessToken;
    const c = await makeSharedCase(app, officerToken, communeA.id, kind === 'commune' ? [agency.id] : []);
    const ws = connectWs(app, token);
    await ws.connected;
    const activity = collect(ws.client, CASE_ACTIVITY, { caseId: c.id });
    const feed = collect(ws.client, MY_FEED, {});
    // Both feeds are live once a probe arrives on each.
    await probe(c.id, agency.id, 0);
    await eventually(
      () => types(activity.events, 'caseActivity').includes('test.probe') && types(feed.events, 'myFeed').includes('test.probe'),
      'both feeds live',
    );
    return { agency, user, token, caseId: c.id, ws, activity, feed };
  }

  it('unshare: caseActivity ends with FORBIDDEN, myFeed drops that case and stays live', async () => {
    const w = await watcher('commune');
    const res = await gql(
      app,
      'mutation($i: UnshareCaseInput!) { unshareCase(input: $i) { id } }',
      { i: { caseId: w.caseId, version: await versionOf('enforcement_case', w.caseId), agencyId: w.agency.id } },
      officerToken,
    );
    expect(res.errors).toBeUndefined();
    await eventually(() => w.activity.errors.length > 0, 'caseActivity ended');
    expect(w.activity.errors[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'ACCESS_REVOKED' });
    const seen = types(w.activity.events, 'caseActivity').length;
    await probe(w.caseId, w.agency.id, 1);
    await barrier(w.agency.id);
    await eventually(() => types(w.feed.events, 'myFeed').includes('test.barrier'), 'myFeed still live');
    expect(w.feed.events.filter((e) => e.myFeed.type === 'test.probe' && e.myFeed.payload.n === 1)).toEqual([]);
    expect(types(w.activity.events, 'caseActivity')).toHaveLength(seen);
    await w.ws.dispose();
  });

  it('coverage removed: the socket closes with 4412; after reconnecting caseActivity is refused and myFeed drops the case', async () => {
    const w = await watcher('procuracy');
    const res = await gql(
      app,
      'mutation($i: UpdateAgencyInput!) { updateAgency(input: $i) { id } }',
      { i: { id: w.agency.id, version: await versionOf('agency', w.agency.id), coveredAreaIds: [communeB.id] } },
      adminToken,
    );
    expect(res.errors).toBeUndefined();
    expect((await w.ws.closed).code).toBe(4412);
    const again = connectWs(app, w.token);
    await again.connected;
    const activity = collect(again.client, CASE_ACTIVITY, { caseId: w.caseId });
    const feed = collect(again.client, MY_FEED, {});
    await eventually(() => activity.errors.length > 0, 'caseActivity refused');
    expect(activity.errors[0].extensions?.code).toBe('NOT_FOUND');
    await sleep(100);
    await probe(w.caseId, w.agency.id, 1);
    await barrier(w.agency.id);
    await eventually(() => types(feed.events, 'myFeed').includes('test.barrier'), 'myFeed live');
    expect(types(feed.events, 'myFeed')).not.toContain('test.probe');
    await again.dispose();
  });

  it('agency deactivated: the socket closes with 4401 and cannot come back', async () => {
    const w = await watcher('commune');
    const res = await gql(
      app,
      'mutation($i: UpdateAgencyInput!) { updateAgency(input: $i) { id } }',
      { i: { id: w.agency.id, version: await versionOf('agency', w.agency.id), active: false } },
      adminToken,
    );
    expect(res.errors).toBeUndefined();
    expect((await w.ws.closed).code).toBe(4401);
    expect((await connectWs(app, w.token).closed).code).toBe(4403);
  });

  it('user deactivated: the socket closes with 4401 and cannot come back', async () => {
    const w = await watcher('commune');
    const res = await gql(app, 'mutation($id: ID!) { deactivateUser(id: $id) { id } }', { id: w.user.id }, adminToken);
    expect(res.errors).toBeUndefined();
    expect((await w.ws.closed).code).toBe(4401);
    expect((await connectWs(app, w.token).closed).code).toBe(4403);
  });

  it('role change: the socket closes with 4401', async () => {
    const w = await watcher('procuracy');
    const res = await gql(
      app,
      'mutation($i: UpdateUserInput!) { updateUser(input: $i) { id } }',
      { i: { id: w.user.id, version: await versionOf('app_user', w.user.id), roles: ['OFFICER'] } },
      adminToken,
    );
    expect(res.errors).toBeUndefined();
    expect((await w.ws.closed).code).toBe(4401);
    expect(w.activity.events.filter((e) => e.caseActivity.type === 'test.probe')).toHaveLength(1);
  });

  it('sign-out (a sessions-topic event naming the user): the socket closes with 4401', async () => {
    // Sign-out does not emit an event yet (session versioning is issue 11 item 3); any sessions-topic
    // event that is not known to be harmless closes the user's sockets, so the one it adds will too.
    const w = await watcher('commune');
    await app.services.outbox.transaction(app.orm.em.fork(), (tx) =>
      tx.emit(
        syntheticEvent({
          type: 'auth.signedOut',
          stream: `user:${w.user.id}`,
          actorId: w.user.id,
          topics: ['sessions', `user:${w.user.id}`],
          payload: { userId: w.user.id },
        }),
      ),
    );
    expect((await w.ws.closed).code).toBe(4401);
  });
});
