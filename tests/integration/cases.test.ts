import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../server/src/app';
import type { Agency } from '../../server/src/modules/agencies/agency.entity';
import type { Area } from '../../server/src/modules/areas/area.entity';
import type { User } from '../../server/src/modules/users/user.entity';
import { AgencyKind, makeAgency, makeProvince, makeUser, Role, signIn } from '../support/factories';
import { createTestDatabase, gql, startTestApp } from '../support/harness';
import { cite } from '../../server/src/modules/calendar/legal-rules';

/** DOMAIN.md's worked example: case 12/QĐ-THA, 777,000,000 đ, commune A, persuasion, full payment. */
let app: App;
let communeA: Area, communeB: Area;
let office: Agency, ubndA: Agency, policeA: Agency, procuracy: Agency, ubndB: Agency, otherOffice: Agency;
let officer: User;
const tokens: Record<string, string> = {};

const CASE_FIELDS = `id status version decisionNumber voluntaryPeriodEndsAt verificationDueAt
  totals { owed collected openObligations }
  obligations { id kind amountOwed amountCollected }
  parties { id name role idNumber { value hidden reason } }
  participants { role agency { id } }
  viewerCan { update share transition readRestricted }`;

const createCaseMutation = `mutation($input: CreateCaseInput!, $key: String) { createCase(input: $input, idempotencyKey: $key) { ${CASE_FIELDS} } }`;
const transitionMutation = `mutation($input: TransitionCaseInput!) { transitionCase(input: $input) { ${CASE_FIELDS} } }`;

function workedExample(overrides: Record<string, unknown> = {}) {
  return {
    judgmentNumber: '45/2026/DS-ST',
    judgmentCourt: 'Tòa án nhân dân khu vực 3 – Lâm Sơn',
    judgmentDate: '2026-08-20',
    receivedAt: '2026-09-01T02:00:00.000Z',
    kind: 'ON_REQUEST',
    communeId: communeA.id,
    parties: [
      {
        role: 'DEBTOR',
        kind: 'PERSON',
        name: 'Nguyễn Văn Khoa',
        address: 'Thôn Đồng Mai, xã A',
        idNumber: '036080001234',
        phone: '0912345001',
      },
      { role: 'DEBTOR', kind: 'PERSON', name: 'Trịnh Thị Hoa', address: 'Thôn Đồng Mai, xã A' },
      { role: 'CREDITOR', kind: 'PERSON', name: 'Đặng Minh Quân', address: 'Phường Trung Tâm' },
    ],
    obligations: [{ kind: 'PAY_MONEY', description: 'Trả nợ theo bản án', debtorIndex: 0, creditorIndex: 2, amountOwed: '777000000' }],
    ...overrides,
  };
}

async function events(caseId: string) {
  return app.orm.em
    .fork()
    .getConnection()
    .execute<{ type: string; actor_id: string; payload: any }[]>(
      `select type, actor_id, payload from event where stream = ? order by stream_seq`,
      [`case:${caseId}`],
    );
}

beforeAll(async () => {
  app = await startTestApp(await createTestDatabase());
  ({ communeA, communeB } = await makeProvince(app.orm));
  office = await makeAgency(app.orm, AgencyKind.ENFORCEMENT_OFFICE, [communeA, communeB]);
  otherOffice = await makeAgency(app.orm, AgencyKind.ENFORCEMENT_OFFICE, [communeB]);
  ubndA = await makeAgency(app.orm, AgencyKind.PEOPLES_COMMITTEE, [communeA]);
  ubndB = await makeAgency(app.orm, AgencyKind.PEOPLES_COMMITTEE, [communeB]);
  policeA = await makeAgency(app.orm, AgencyKind.POLICE, [communeA]);
  procuracy = await makeAgency(app.orm, AgencyKind.PROCURACY, [communeA, communeB]);
  officer = await makeUser(app.orm, office, [Role.ENFORCEMENT_OFFICER]);
  const people: Record<string, User> = {
    officer,
    otherOfficer: await makeUser(app.orm, otherOffice, [Role.ENFORCEMENT_OFFICER]),
    communeA: await makeUser(app.orm, ubndA, [Role.OFFICER]),
    communeB: await makeUser(app.orm, ubndB, [Role.OFFICER]),
    police: await makeUser(app.orm, policeA, [Role.OFFICER]),
    procurator: await makeUser(app.orm, procuracy, [Role.PROCURATOR]),
  };
  for (const [name, user] of Object.entries(people)) tokens[name] = (await signIn(app, user.username)).accessToken;
});
afterAll(async () => {
  await app?.close();
});

describe('the worked example, end to end', () => {
  it('opens, shares, drives through the lifecycle, records full payment and completes', async () => {
    // Intake, retried with the same idempotency key: one case.
    const key = 'intake-12-qd-tha';
    const [first, retry] = await Promise.all([
      gql(app, createCaseMutation, { input: workedExample(), key }, tokens.officer),
      gql(app, createCaseMutation, { input: workedExample(), key }, tokens.officer),
    ]);
    expect(first.errors).toBeUndefined();
    expect(retry.errors).toBeUndefined();
    const created = first.data!.createCase;
    expect(retry.data!.createCase.id).toBe(created.id);
    const sequential = await gql(app, createCaseMutation, { input: workedExample(), key }, tokens.officer);
    expect(sequential.data!.createCase.id).toBe(created.id);
    expect((await events(created.id)).filter((e) => e.type === 'case.created')).toHaveLength(1);
    expect(created).toMatchObject({ status: 'RECEIVED', version: 1, totals: { owed: '777000000', collected: '0', openObligations: 1 } });
    expect(created.viewerCan).toEqual({ update: true, share: true, transition: true, readRestricted: true });
    expect(created.parties[0].idNumber).toEqual({ value: '036080001234', hidden: false, reason: null });
    const id = created.id;

    // Before sharing: commune A and the police see nothing; the procuracy supervises the area.
    const read = (who: string) =>
      gql(
        app,
        `query($id: ID!) { case(id: $id) { id parties { name idNumber { hidden } } viewerCan { update readRestricted } } }`,
        { id },
        tokens[who],
      );
    expect((await read('communeA')).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect((await read('procurator')).data?.case).toMatchObject({ id, viewerCan: { update: false, readRestricted: true } });
    // A malformed link is the caller's error (the id must be a UUID), an unknown one is "not found";
    // never a server error. The web app shows "not found" for both.
    for (const bad of ['khong-co', '12%2FQĐ-THA']) {
      const res = await gql(app, `query($id: ID!) { case(id: $id) { id } }`, { id: bad }, tokens.officer);
      expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
    }
    const unknown = await gql(
      app,
      `query($id: ID!) { case(id: $id) { id } }`,
      { id: '00000000-0000-4000-8000-000000000000' },
      tokens.officer,
    );
    expect(unknown.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect(unknown.errors?.[0].message).toMatch(/việc thi hành án/);

    // Share with commune A's committee and police.
    let version = created.version;
    const share = async (agencyId: string, role: string) => {
      const res = await gql(
        app,
        `mutation($input: ShareCaseInput!) { shareCase(input: $input) { version participants { role agency { id } } } }`,
        { input: { caseId: id, version, agencyId, role } },
        tokens.officer,
      );
      expect(res.errors).toBeUndefined();
      version = res.data!.shareCase.version;
      return res.data!.shareCase;
    };
    await share(ubndA.id, 'SUPPORT');
    const shared = await share(policeA.id, 'PROTECTION');
    expect(shared.participants.map((p: any) => p.agency.id).sort()).toEqual([office.id, ubndA.id, policeA.id].sort());
    const communeView = (await read('communeA')).data!.case;
    expect(communeView.viewerCan).toEqual({ update: false, readRestricted: false });
    expect(communeView.parties.every((p: any) => p.idNumber.hidden)).toBe(true);
    expect((await read('communeB')).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const listB = await gql(app, '{ cases(first: 50) { totalCount } }', {}, tokens.communeB);
    expect(listB.data?.cases.totalCount).toBe(0);
    // The commune cannot change the case, even knowing its id and version.
    const intrude = await gql(
      app,
      transitionMutation,
      { input: { id, version, transition: 'ISSUE_DECISION', decisionNumber: 'X', decisionDate: '2026-09-02' } },
      tokens.communeA,
    );
    expect(intrude.errors?.[0].extensions?.code).toBe('FORBIDDEN');

    const step = async (input: Record<string, unknown>) => {
      const res = await gql(app, transitionMutation, { input: { id, version, ...input } }, tokens.officer);
      expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
      version = res.data!.transitionCase.version;
      return res.data!.transitionCase;
    };

    // An illegal jump names its rule.
    const jump = await gql(app, transitionMutation, { input: { id, version, transition: 'COMPLETE' } }, tokens.officer);
    expect(jump.errors?.[0].extensions).toMatchObject({ code: 'RULE_VIOLATION', rule: cite('COMPLETION', '2026-09-01') });

    await step({ transition: 'ISSUE_DECISION', decisionNumber: '12/QĐ-THA', decisionDate: '2026-09-03' });
    // Delivered today: the voluntary period runs; verification for coercion must wait (Đ.45).
    const delivered = await step({ transition: 'RECORD_DELIVERY', deliveredAt: new Date(Date.now() - 60_000).toISOString() });
    expect(new Date(delivered.voluntaryPeriodEndsAt).getTime()).toBeGreaterThan(Date.now() + 9 * 86_400_000);
    expect(new Date(delivered.verificationDueAt).getTime()).toBeGreaterThan(new Date(delivered.voluntaryPeriodEndsAt).getTime());
    const early = await gql(app, transitionMutation, { input: { id, version, transition: 'START_VERIFICATION' } }, tokens.officer);
    expect(early.errors?.[0].extensions).toMatchObject({ code: 'RULE_VIOLATION', rule: cite('VOLUNTARY_PERIOD', '2026-09-01') });
    expect(early.errors?.[0].message).toMatch(/tự nguyện/);

    // Persuasion worked: the debtors pay in full during the voluntary period.
    const pay = await gql(
      app,
      `mutation($input: ObligationProgressInput!) { recordObligationProgress(input: $input) { version totals { owed collected openObligations } } }`,
      {
        input: { caseId: id, version, obligationId: created.obligations[0].id, amountCollected: '777000000' },
      },
      tokens.officer,
    );
    expect(pay.data?.recordObligationProgress.totals).toEqual({ owed: '777000000', collected: '777000000', openObligations: 0 });
    version = pay.data!.recordObligationProgress.version;
    const done = await step({ transition: 'COMPLETE' });
    expect(done.status).toBe('COMPLETED');

    // Every step is an event with its actor on the case's own hash chain.
    const log = await events(id);
    expect(log.map((e) => e.type)).toEqual([
      'case.created',
      'case.shared',
      'case.shared',
      'case.transitioned',
      'case.transitioned',
      'case.progressRecorded',
      'case.transitioned',
    ]);
    expect(log.every((e) => e.actor_id === officer.id)).toBe(true);
    expect(log.filter((e) => e.type === 'case.transitioned').map((e) => e.payload.to)).toEqual([
      'DECISION_ISSUED',
      'VOLUNTARY_PERIOD',
      'COMPLETED',
    ]);
    expect(log[5].payload.totalCollected).toBe('777000000');

    // Finished is finished.
    const reopen = await gql(app, transitionMutation, { input: { id, version, transition: 'POSTPONE', reason: 'thử' } }, tokens.officer);
    expect(reopen.errors?.[0].extensions?.code).toBe('RULE_VIOLATION');

    // Revoking sharing hides the case from the police at once.
    const unshare = await gql(
      app,
      `mutation($input: UnshareCaseInput!) { unshareCase(input: $input) { version } }`,
      { input: { caseId: id, version, agencyId: policeA.id } },
      tokens.officer,
    );
    expect(unshare.errors).toBeUndefined();
    expect((await read('police')).errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });
});

describe('case rules', () => {
  async function newCase(overrides: Record<string, unknown> = {}) {
    const res = await gql(app, createCaseMutation, { input: workedExample(overrides) }, tokens.officer);
    expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
    return res.data!.createCase as { id: string; version: number; obligations: Array<{ id: string; amountOwed: string }> };
  }
  const transition = (id: string, version: number, input: Record<string, unknown>) =>
    gql(app, transitionMutation, { input: { id, version, ...input } }, tokens.officer);

  it('keeps money above 2^31 exact and refuses floats', async () => {
    const c = await newCase({ obligations: [{ kind: 'PAY_MONEY', description: 'Bồi thường', debtorIndex: 0, amountOwed: '4600000000' }] });
    expect(c.obligations[0].amountOwed).toBe('4600000000');
    const float = await gql(
      app,
      createCaseMutation,
      { input: workedExample({ obligations: [{ kind: 'PAY_MONEY', description: 'Sai', debtorIndex: 0, amountOwed: '4.6' }] }) },
      tokens.officer,
    );
    expect(float.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const beyond = await gql(
      app,
      `mutation($input: ObligationProgressInput!) { recordObligationProgress(input: $input) { version } }`,
      {
        input: { caseId: c.id, version: c.version, obligationId: c.obligations[0].id, amountCollected: '5000000000' },
      },
      tokens.officer,
    );
    expect(beyond.errors?.[0].extensions?.code).toBe('RULE_VIOLATION'); // no decision delivered yet
  });

  it('keeps obligations in the order they were entered (position), on the case page, in lists and after corrections', async () => {
    const descriptions = ['Thứ nhất', 'Thứ hai', 'Thứ ba', 'Thứ tư', 'Thứ năm'];
    const obligations = descriptions.map((description) => ({ kind: 'OTHER', description, debtorIndex: 0, creditorIndex: 2 }));
    // Entered in one request, they share their createdAt millisecond (nearly always): ordered by time and
    // id they came back shuffled in most of these cases.
    const ids: string[] = [];
    for (let i = 0; i < 6; i++) ids.push((await newCase({ obligations })).id);
    const pageQuery = `query($id: ID!) { case(id: $id) { obligations { description } } }`;
    for (const id of ids) {
      const page = await gql(app, pageQuery, { id }, tokens.officer);
      expect(page.errors).toBeUndefined();
      expect(page.data!.case.obligations.map((o: { description: string }) => o.description)).toEqual(descriptions);
    }
    // The list's loader path (obligationsByCase) orders the same way.
    const list = await gql(app, `query { cases(first: 100) { edges { node { id obligations { description } } } } }`, {}, tokens.officer);
    expect(list.errors).toBeUndefined();
    const listed = list.data!.cases.edges.filter((e: { node: { id: string } }) => ids.includes(e.node.id));
    expect(listed).toHaveLength(ids.length);
    for (const e of listed) expect(e.node.obligations.map((o: { description: string }) => o.description)).toEqual(descriptions);
    const stored = await app.orm.em
      .fork()
      .getConnection()
      .execute<{ description: string; position: number }[]>(
        'select description, position from obligation where case_id = ? order by position',
        [ids[0]],
      );
    expect(stored.map((o) => [o.description, o.position])).toEqual(descriptions.map((d, i) => [d, i]));
    // Removing one and adding another: the new one comes last, not at a position still taken.
    const fields = 'version obligations { id description }';
    const before = await gql(app, `query($id: ID!) { case(id: $id) { ${fields} } }`, { id: ids[0] }, tokens.officer);
    const second = before.data!.case.obligations[1].id;
    const removed = await gql(
      app,
      `mutation($input: RemoveObligationInput!) { removeObligation(input: $input) { ${fields} } }`,
      { input: { caseId: ids[0], version: before.data!.case.version, obligationId: second } },
      tokens.officer,
    );
    expect(removed.errors).toBeUndefined();
    const added = await gql(
      app,
      `mutation($input: AddObligationInput!) { addObligation(input: $input) { ${fields} } }`,
      { input: { caseId: ids[0], version: removed.data!.removeObligation.version, kind: 'OTHER', description: 'Bổ sung' } },
      tokens.officer,
    );
    expect(added.errors).toBeUndefined();
    expect(added.data!.addObligation.obligations.map((o: { description: string }) => o.description)).toEqual([
      'Thứ nhất',
      'Thứ ba',
      'Thứ tư',
      'Thứ năm',
      'Bổ sung',
    ]);
  });

  it('terminating after the creditor withdraws is final (Điều 50)', async () => {
    const c = await newCase();
    const noReason = await transition(c.id, c.version, { transition: 'TERMINATE', creditorWithdrawal: true });
    expect(noReason.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
    const ended = await transition(c.id, c.version, {
      transition: 'TERMINATE',
      creditorWithdrawal: true,
      reason: 'Người được thi hành án rút đơn',
    });
    expect(ended.data?.transitionCase.status).toBe('TERMINATED');
    for (const t of ['RESUME', 'ISSUE_DECISION', 'POSTPONE']) {
      const res = await transition(c.id, ended.data!.transitionCase.version, {
        transition: t,
        reason: 'mở lại',
        decisionNumber: '1/QĐ',
        decisionDate: '2026-09-02',
      });
      expect(res.errors?.[0].extensions).toMatchObject({ code: 'RULE_VIOLATION', rule: expect.stringContaining('Luật THADS') });
    }
    const message = (await transition(c.id, ended.data!.transitionCase.version, { transition: 'RESUME' })).errors?.[0].message;
    expect(message).toContain(`không thể mở lại (${cite('TERMINATION', '2026-09-01')})`);
  });

  it('postpones with a reason and resumes to where it was', async () => {
    const c = await newCase();
    let r = await transition(c.id, c.version, {
      transition: 'ISSUE_DECISION',
      decisionNumber: `P-${c.id.slice(0, 6)}`,
      decisionDate: '2026-09-02',
    });
    r = await transition(c.id, r.data!.transitionCase.version, { transition: 'RECORD_DELIVERY', deliveredAt: '2026-09-05T03:00:00.000Z' });
    r = await transition(c.id, r.data!.transitionCase.version, { transition: 'START_VERIFICATION' }); // the voluntary period has ended
    expect(r.data?.transitionCase.status).toBe('VERIFICATION');
    r = await transition(c.id, r.data!.transitionCase.version, { transition: 'POSTPONE', reason: 'Đương sự ốm nặng' });
    expect(r.data?.transitionCase.status).toBe('POSTPONED');
    r = await transition(c.id, r.data!.transitionCase.version, { transition: 'RESUME' });
    expect(r.data?.transitionCase.status).toBe('VERIFICATION');
  });

  it('gives CONFLICT for a stale version and changes nothing', async () => {
    const c = await newCase();
    const ok = await gql(
      app,
      'mutation($input: UpdateCaseInput!) { updateCase(input: $input) { version complex } }',
      { input: { id: c.id, version: 1, complex: true } },
      tokens.officer,
    );
    expect(ok.data?.updateCase).toEqual({ version: 2, complex: true });
    const stale = await gql(
      app,
      'mutation($input: UpdateCaseInput!) { updateCase(input: $input) { version } }',
      { input: { id: c.id, version: 1, complex: false, backlog: true } },
      tokens.officer,
    );
    expect(stale.errors?.[0].extensions).toMatchObject({
      code: 'CONFLICT',
      currentVersion: 2,
      expectedVersion: 1,
      changed: ['complex'],
      changedBy: ['case.updated'],
    });
    const now = await gql(app, 'query($id: ID!) { case(id: $id) { version complex backlog } }', { id: c.id }, tokens.officer);
    expect(now.data?.case).toEqual({ version: 2, complex: true, backlog: false });
  });

  it('refuses bad intake with clear errors and writes nothing', async () => {
    const before = await app.orm.em.fork().getConnection().execute(`select count(*)::int as n from enforcement_case`);
    const noDebtor = await gql(
      app,
      createCaseMutation,
      { input: workedExample({ parties: [{ role: 'CREDITOR', kind: 'PERSON', name: 'Chỉ Có Chủ Nợ' }], obligations: [] }) },
      tokens.officer,
    );
    expect(noDebtor.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'parties' } });
    const badIndex = await gql(
      app,
      createCaseMutation,
      { input: workedExample({ obligations: [{ kind: 'PAY_MONEY', description: 'Nợ', debtorIndex: 9, amountOwed: '1000' }] }) },
      tokens.officer,
    );
    expect(badIndex.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const province = await gql(
      app,
      createCaseMutation,
      { input: workedExample({ communeId: (await makeProvince(app.orm)).province.id }) },
      tokens.officer,
    );
    expect(province.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'communeId' });
    const notOffice = await gql(app, createCaseMutation, { input: workedExample() }, tokens.communeA);
    expect(notOffice.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const after = await app.orm.em.fork().getConnection().execute(`select count(*)::int as n from enforcement_case`);
    expect(after[0].n).toBe(before[0].n);
  });

  it('finds cases by party name or number regardless of diacritics', async () => {
    const c = await newCase({ parties: [{ role: 'DEBTOR', kind: 'PERSON', name: 'Phạm Đức Thắng' }], obligations: [] });
    const find = async (search: string) =>
      (
        await gql(
          app,
          'query($s: String) { cases(first: 100, filter: { search: $s }) { edges { node { id } } } }',
          { s: search },
          tokens.officer,
        )
      ).data!.cases.edges.map((e: any) => e.node.id);
    expect(await find('pham duc thang')).toContain(c.id);
    expect(await find('PHẠM ĐỨC')).toContain(c.id);
    expect(await find('duc tha')).toContain(c.id);
    expect(await find('nguyen van khoa')).not.toContain(c.id);
    const byNumber = await find('45/2026');
    expect(byNumber).toContain(c.id);
    // Someone outside the case finds nothing, whatever they search.
    const outsider = await gql(
      app,
      'query { cases(first: 100, filter: { search: "pham duc thang" }) { totalCount } }',
      {},
      tokens.otherOfficer,
    );
    expect(outsider.data?.cases.totalCount).toBe(0);
  });

  it('loads a page of 50 cases with nested data in a constant number of SQL statements', async () => {
    const extra = await makeAgency(app.orm, AgencyKind.ENFORCEMENT_OFFICE, [communeA]);
    const worker = await makeUser(app.orm, extra, [Role.ENFORCEMENT_OFFICER]);
    const token = (await signIn(app, worker.username)).accessToken;
    const make = async (n: number) => {
      for (let i = 0; i < n; i++) {
        const res = await gql(app, createCaseMutation, { input: workedExample({ judgmentNumber: `NQ-${i}` }) }, token);
        expect(res.errors).toBeUndefined();
      }
    };
    const query = `{ cases(first: 50) { totalCount edges { node { ${CASE_FIELDS} leadAgency { name } commune { name } officer { fullName } overdue } } } }`;
    const countStatements = async () => {
      let statements = 0;
      const knex = app.orm.em.getConnection().getKnex();
      // Only this request's reads: the dispatcher's sequencer passes and the statistics ticks run in the
      // background on the same connection pool and are not part of answering the page.
      const background = /event_sequencer|event_position|pg_advisory|lock_timeout|^\s*(begin|commit|rollback)\b/i;
      const onQuery = (q: { sql: string }) => {
        if (!background.test(q.sql)) statements++;
      };
      knex.on('query', onQuery);
      const res = await gql(app, query, {}, token);
      knex.removeListener('query', onQuery);
      expect(res.errors).toBeUndefined();
      return { statements, rows: res.data!.cases.edges.length };
    };
    await make(5);
    const small = await countStatements();
    await make(45);
    const large = await countStatements();
    expect(small.rows).toBe(5);
    expect(large.rows).toBe(50);
    // Ten times the cases, (almost) the same statements: an N+1 would add at least 45 here.
    expect(large.statements - small.statements).toBeLessThanOrEqual(2);
    expect(large.statements).toBeLessThanOrEqual(20);
  }, 60_000);
});

describe('the remaining lifecycle steps', () => {
  it('walks verification → not yet enforceable → re-verify → enforceable → enforcing → suspend → resume, and returns a request', async () => {
    const created = await gql(app, createCaseMutation, { input: workedExample({ judgmentNumber: 'LC-1' }) }, tokens.officer);
    const id = created.data!.createCase.id;
    let version = created.data!.createCase.version;
    const step = async (input: Record<string, unknown>, expected: string) => {
      const res = await gql(app, transitionMutation, { input: { id, version, ...input } }, tokens.officer);
      expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
      expect(res.data!.transitionCase.status).toBe(expected);
      version = res.data!.transitionCase.version;
    };
    await step({ transition: 'ISSUE_DECISION', decisionNumber: 'LC-1/QĐ-THA', decisionDate: '2026-09-02' }, 'DECISION_ISSUED');
    await step({ transition: 'RECORD_DELIVERY', deliveredAt: '2026-09-04T03:00:00.000Z' }, 'VOLUNTARY_PERIOD');
    await step({ transition: 'START_VERIFICATION' }, 'VERIFICATION');
    await step({ transition: 'RECORD_NOT_YET_ENFORCEABLE', reason: 'Không có tài sản, thu nhập' }, 'NOT_YET_ENFORCEABLE');
    const filtered = await gql(app, '{ cases(first: 100, filter: { enforceable: false }) { edges { node { id } } } }', {}, tokens.officer);
    expect(filtered.data!.cases.edges.map((e: any) => e.node.id)).toContain(id);
    await step({ transition: 'REVERIFY', reason: 'Phát hiện tài sản mới' }, 'VERIFICATION');
    await step({ transition: 'RECORD_ENFORCEABLE' }, 'ENFORCEABLE');
    await step({ transition: 'START_ENFORCING' }, 'ENFORCING');
    await step({ transition: 'SUSPEND', reason: 'Tòa án có văn bản đề nghị tạm đình chỉ' }, 'SUSPENDED');
    await step({ transition: 'RESUME' }, 'ENFORCING');

    const other = await gql(app, createCaseMutation, { input: workedExample({ judgmentNumber: 'LC-2' }) }, tokens.officer);
    const returned = await gql(
      app,
      transitionMutation,
      {
        input: { id: other.data!.createCase.id, version: 1, transition: 'RETURN_REQUEST', reason: 'Đơn không đủ điều kiện' },
      },
      tokens.officer,
    );
    expect(returned.data?.transitionCase.status).toBe('RETURNED');
  });

  it('flags overdue cases: a request received long ago without a decision', async () => {
    const old = await gql(
      app,
      createCaseMutation,
      { input: workedExample({ judgmentNumber: 'OLD-1', receivedAt: '2025-01-02T02:00:00.000Z' }) },
      tokens.officer,
    );
    const res = await gql(app, '{ cases(first: 100, filter: { overdue: true }) { edges { node { id overdue } } } }', {}, tokens.officer);
    const hit = res.data!.cases.edges.find((e: any) => e.node.id === old.data!.createCase.id);
    expect(hit?.node.overdue).toBe(true);
    expect(res.data!.cases.edges.every((e: any) => e.node.overdue)).toBe(true);
  });
});

describe('list and single reads agree', () => {
  it('for every agency in the world, `cases` lists exactly the cases `case(id)` lets it open', async () => {
    const ids: string[] = [];
    for (const [i, communeId] of [communeA.id, communeB.id, communeA.id].entries()) {
      const res = await gql(app, createCaseMutation, { input: workedExample({ judgmentNumber: `AGREE-${i}`, communeId }) }, tokens.officer);
      ids.push(res.data!.createCase.id);
    }
    const share = await gql(
      app,
      `mutation($input: ShareCaseInput!) { shareCase(input: $input) { id } }`,
      { input: { caseId: ids[2], version: 1, agencyId: ubndB.id, role: 'SUPPORT' } },
      tokens.officer,
    );
    expect(share.errors).toBeUndefined();
    for (const who of Object.keys(tokens)) {
      const listed = new Set<string>(
        (
          await gql(app, '{ cases(first: 100, filter: { search: "agree" }) { edges { node { id } } } }', {}, tokens[who])
        ).data!.cases.edges.map((e: any) => e.node.id),
      );
      for (const id of ids) {
        const single = await gql(app, 'query($id: ID!) { case(id: $id) { id } }', { id }, tokens[who]);
        expect(listed.has(id), `${who} list vs read for ${id}`).toBe(!single.errors);
      }
    }
  });
});

describe('filters', () => {
  it('filters by commune, participating agency, officer and flags', async () => {
    const second = await makeUser(app.orm, office, [Role.ENFORCEMENT_OFFICER]);
    const inA = await gql(
      app,
      createCaseMutation,
      { input: workedExample({ judgmentNumber: 'FLT-A', officerId: second.id, complex: true }) },
      tokens.officer,
    );
    const inB = await gql(
      app,
      createCaseMutation,
      { input: workedExample({ judgmentNumber: 'FLT-B', communeId: communeB.id, backlog: true }) },
      tokens.officer,
    );
    const a = inA.data!.createCase;
    const b = inB.data!.createCase;
    await gql(
      app,
      `mutation($input: ShareCaseInput!) { shareCase(input: $input) { id } }`,
      { input: { caseId: b.id, version: b.version, agencyId: ubndB.id, role: 'SUPPORT' } },
      tokens.officer,
    );
    const ids = async (filter: Record<string, unknown>) =>
      (
        await gql(
          app,
          'query($f: CaseFilterInput) { cases(first: 100, filter: $f) { edges { node { id } } } }',
          { f: { search: 'flt', ...filter } },
          tokens.officer,
        )
      )
        .data!.cases.edges.map((e: any) => e.node.id)
        .sort();
    expect(await ids({})).toEqual([a.id, b.id].sort());
    expect(await ids({ communeId: communeA.id })).toEqual([a.id]);
    expect(await ids({ agencyId: ubndB.id })).toEqual([b.id]);
    expect(await ids({ officerId: second.id })).toEqual([a.id]);
    expect(await ids({ complex: true })).toEqual([a.id]);
    expect(await ids({ backlog: true })).toEqual([b.id]);
    expect(await ids({ statuses: ['RECEIVED'] })).toEqual([a.id, b.id].sort());
    expect(await ids({ statuses: ['COMPLETED'] })).toEqual([]);
  });
});
