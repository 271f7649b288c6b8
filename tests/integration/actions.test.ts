import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../server/src/app';
import type { Agency } from '../../server/src/modules/agencies/agency.entity';
import type { Area } from '../../server/src/modules/areas/area.entity';
import { legalCalendar } from '../../server/src/modules/calendar/legal-calendar';
import type { User } from '../../server/src/modules/users/user.entity';
import { AgencyKind, makeAgency, makeProvince, makeUser, Role, signIn } from '../support/factories';
import { actionOn, apiAs, COERCION_PLAN, coercionOn, deliveredCase, firstError, vn } from '../support/case-api';
import { createTestDatabase, startTestApp } from '../support/harness';
import { cite, type CitationCode } from '../../server/src/modules/calendar/legal-rules';

/** The citation in force for the cases of this file (received after 1 July 2026: the 2025 law). */
const citeNow = (code: CitationCode) => cite(code, new Date().toISOString().slice(0, 10));

/** Issue 6: coordinated actions — persuasion visits, coercion rules (Đ.45, 46, 48, 72), outcomes, deadlines. */
let app: App;
let communeA: Area, communeB: Area;
let office: Agency, ubndA: Agency, ubndB: Agency, policeB: Agency, procuracy: Agency, steering: Agency, womenUnion: Agency;
const users: Record<string, User> = {};
const tokens: Record<string, string> = {};

const CASE_FIELDS =
  'id status version voluntaryPeriodEndsAt totals { owed collected openObligations } obligations { id kind amountCollected } participants { role agency { id } }';
const ACTION_FIELDS = `id kind status version protectionPlanDueAt protectionPlanRecordedAt postponementLate outcome minutes attendees moneyCollected caseId
  participants { id required status declineReason version agency { id } task { id kind status dueAt } }
  viewerCan { plan respondInvitation recordProtectionPlan }`;
const planMutation = `mutation($input: PlanActionInput!) { planAction(input: $input) { ${ACTION_FIELDS} } }`;
const stepMutation = `mutation($input: StepActionInput!) { stepAction(input: $input) { ${ACTION_FIELDS} } }`;
const respondMutation =
  'mutation($input: RespondInvitationInput!) { respondToInvitation(input: $input) { id status declineReason version } }';
const protectionMutation = `mutation($input: RecordProtectionPlanInput!) { recordProtectionPlan(input: $input) { ${ACTION_FIELDS} } }`;
const postponeMutation = `mutation($input: RequestPostponementInput!) { requestActionPostponement(input: $input) { ${ACTION_FIELDS} } }`;
const outcomeMutation = `mutation($input: RecordActionOutcomeInput!) { recordActionOutcome(input: $input) { ${ACTION_FIELDS} } }`;

const { call, ok } = apiAs(() => app, tokens);
const err = firstError;

/** A case in `communeId` taken through the lifecycle via the API; `deliveredDaysAgo` sets the voluntary period. */
const enforcingCase = (opts: {
  communeId: string;
  land?: boolean;
  deliveredDaysAgo?: number;
  urgentSecurity?: boolean;
  enforcing?: boolean;
}) => deliveredCase({ call, ok }, { ...opts, fields: CASE_FIELDS });

async function caseOf(who: string, id: string) {
  return (await ok(who, `query($id: ID!) { case(id: $id) { ${CASE_FIELDS} } }`, { id })).case;
}
async function eventsOf(caseId: string, type: string) {
  return app.orm.em
    .fork()
    .getConnection()
    .execute<{ topics: string[]; payload: any }[]>('select topics, payload from event where stream = ? and type = ? order by stream_seq', [
      `case:${caseId}`,
      type,
    ]);
}

/** The officer moves `action` (as last read: id and version) one workflow step (MARK_READY, START …); its new state. */
const step = async (action: { id: string; version: number }, to: string) =>
  (await ok('officer', stepMutation, { input: { id: action.id, version: action.version, step: to } })).stepAction;

/** The officer records the outcome of `action` (as last read: id and version); its new state. */
const recordOutcome = async (action: { id: string; version: number }, outcome: Record<string, unknown>) =>
  (await ok('officer', outcomeMutation, { input: { id: action.id, version: action.version, ...outcome } })).recordActionOutcome;

/** A persuasion visit on the next coercion day (14:00–16:00), made ready and started: where outcome tests begin. */
async function startedVisit(caseId: string, place: string) {
  const planned = (
    await ok('officer', planMutation, { input: actionOn(caseId, 'PERSUASION_VISIT', place, { from: '14:00', to: '16:00' }) })
  ).planAction;
  const ready = await step(planned, 'MARK_READY');
  return step(ready, 'START');
}

beforeAll(async () => {
  app = await startTestApp(await createTestDatabase());
  let province: Area;
  ({ province, communeA, communeB } = await makeProvince(app.orm));
  office = await makeAgency(app.orm, AgencyKind.ENFORCEMENT_OFFICE, [communeA, communeB]);
  ubndA = await makeAgency(app.orm, AgencyKind.PEOPLES_COMMITTEE, [communeA]);
  ubndB = await makeAgency(app.orm, AgencyKind.PEOPLES_COMMITTEE, [communeB]);
  policeB = await makeAgency(app.orm, AgencyKind.POLICE, [communeB]);
  await makeAgency(app.orm, AgencyKind.POLICE, [province]); // provincial police: the commune's own is chosen
  procuracy = await makeAgency(app.orm, AgencyKind.PROCURACY, [communeA, communeB]);
  steering = await makeAgency(app.orm, AgencyKind.STEERING_COMMITTEE, [province]);
  womenUnion = await makeAgency(app.orm, AgencyKind.MASS_ORGANISATION, [communeB]);
  Object.assign(users, {
    officer: await makeUser(app.orm, office, [Role.ENFORCEMENT_OFFICER]),
    communeB: await makeUser(app.orm, ubndB, [Role.OFFICER]),
    police: await makeUser(app.orm, policeB, [Role.OFFICER]),
    procurator: await makeUser(app.orm, procuracy, [Role.PROCURATOR]),
    women: await makeUser(app.orm, womenUnion, [Role.OFFICER]),
    outsider: await makeUser(app.orm, ubndA, [Role.OFFICER]),
    steering: await makeUser(app.orm, steering, [Role.STEERING_MEMBER]),
  });
  for (const [name, user] of Object.entries(users)) tokens[name] = (await signIn(app, user.username)).accessToken;
  // Visits here are planned for later days and rehearsed at once: the "not before its day" rule reads this
  // clock, set past every planned day (its own test below puts real time back).
  app.services.actions.now = () => new Date('2031-01-01T00:00:00Z');
});
afterAll(async () => {
  await app?.close();
});

describe('the forest-land example (DOMAIN.md), end to end', () => {
  it('persuasion fails → coercion: Tết and night refused, March accepted and sent; ready only after the protection plan; coerced → case complete', async () => {
    const c = await enforcingCase({ communeId: communeB.id, land: true, enforcing: true });

    // 1. A persuasion visit with the commune committee (required) and the women's union (optional).
    let visit = (
      await ok('officer', planMutation, {
        input: actionOn(c.id, 'PERSUASION_VISIT', 'Nhà văn hóa thôn', {
          from: '08:00',
          daysAhead: 2,
          invitations: [
            { agencyId: ubndB.id, required: true },
            { agencyId: womenUnion.id, required: false },
          ],
        }),
      })
    ).planAction;
    expect(visit.participants.map((p: any) => [p.agency.id, p.required, p.status, p.task.kind])).toEqual([
      [ubndB.id, true, 'INVITED', 'ATTEND_ACTION'],
      [womenUnion.id, false, 'INVITED', 'ATTEND_ACTION'],
    ]);
    expect((await caseOf('women', c.id)).id).toBe(c.id); // invited → shared
    const notReady = err(await call('officer', stepMutation, { input: { id: visit.id, version: visit.version, step: 'MARK_READY' } }));
    expect(notReady).toMatchObject({
      code: 'RULE_VIOLATION',
      rule: 'Quy trình tổ chức thi hành án phối hợp',
      ext: { ruleCode: 'REQUIRED_PARTICIPANTS_UNCONFIRMED' },
    });
    const ubndPart = visit.participants.find((p: any) => p.agency.id === ubndB.id);
    await ok('communeB', respondMutation, { input: { participantId: ubndPart.id, version: ubndPart.version, confirm: true } });
    visit = await step(visit, 'MARK_READY');
    visit = await step(visit, 'START');
    visit = await recordOutcome(visit, {
      outcome: 'REFUSED',
      minutes: 'Ông Sính không đồng ý giao đất.',
      attendees: ['Chấp hành viên', 'Chủ tịch UBND xã'],
    });
    expect(visit).toMatchObject({ status: 'COMPLETED', outcome: 'REFUSED', attendees: ['Chấp hành viên', 'Chủ tịch UBND xã'] });

    // 2. The coercion plan: a date inside the Tết 2027 window (Tết = 2027-02-06) is refused.
    const coercion = (start: string, end: string, extra: Record<string, unknown> = {}) =>
      call('officer', planMutation, {
        input: {
          caseId: c.id,
          kind: 'COERCION',
          scheduledStart: start,
          scheduledEnd: end,
          place: 'Khu rừng thôn Nà Lầu',
          ...COERCION_PLAN,
          ...extra,
        },
      });
    // Monday 22/02/2027 is Tết+16: inside the window (15 days after the three Tết days, khoản 2 Điều 13 NĐ 62/2015).
    const tet = err(await coercion(vn('2027-02-22', '08:00'), vn('2027-02-22', '11:00')));
    expect(tet).toMatchObject({ code: 'RULE_VIOLATION', rule: citeNow('FORBIDDEN_TIMES'), ext: { ruleCode: 'COERCION_IN_TET_WINDOW' } });
    expect(tet.message).toContain('Tết');
    // … at 23:00 as well.
    const night = err(
      await coercion(vn('2027-03-10', '23:00'), new Date(new Date(vn('2027-03-10', '23:00')).getTime() + 3_600_000).toISOString()),
    );
    expect(night).toMatchObject({ code: 'RULE_VIOLATION', rule: citeNow('FORBIDDEN_TIMES'), ext: { ruleCode: 'COERCION_AT_NIGHT' } });
    // … and on a Saturday.
    expect(err(await coercion(vn('2027-03-13', '08:00'), vn('2027-03-13', '11:00')))).toMatchObject({
      code: 'RULE_VIOLATION',
      rule: citeNow('FORBIDDEN_TIMES'),
      ext: { ruleCode: 'COERCION_ON_DAY_OFF' },
    });
    // An incomplete plan names what is missing (Điều 72).
    const incomplete = err(await coercion(vn('2027-03-10', '08:00'), vn('2027-03-10', '11:00'), { measure: null, costEstimate: null }));
    expect(incomplete).toMatchObject({
      code: 'RULE_VIOLATION',
      rule: citeNow('COERCION_PLAN'),
      ext: { ruleCode: 'COERCION_PLAN_INCOMPLETE', missingFields: ['measure', 'costEstimate'] },
    });

    // 3. Wednesday 10 March 2027, 08:00–11:00: accepted and sent to the procuracy, the police and the commune.
    const accepted = await coercion(vn('2027-03-10', '08:00'), vn('2027-03-10', '11:00'));
    expect(accepted.errors, JSON.stringify(accepted.errors)).toBeUndefined();
    let plan = accepted.data!.planAction;
    expect(plan.status).toBe('PLANNED');
    expect(plan.participants.map((p: any) => p.agency.id).sort()).toEqual([procuracy.id, policeB.id, ubndB.id].sort());
    expect(new Date(plan.protectionPlanDueAt).getTime()).toBe(legalCalendar().deadline('POLICE_PROTECTION_PLAN', new Date()).getTime());
    const tasks = await app.orm.em
      .fork()
      .getConnection()
      .execute<{ kind: string; assignee_agency_id: string }[]>(
        `select kind, assignee_agency_id from case_task where case_id = ? and created_at >= ? order by kind`,
        [c.id, new Date(Date.now() - 60_000)],
      );
    expect(
      tasks
        .filter((t) => t.kind === 'ATTEND_ACTION')
        .map((t) => t.assignee_agency_id)
        .sort(),
    ).toEqual(expect.arrayContaining([procuracy.id, policeB.id, ubndB.id]));
    expect(tasks.filter((t) => t.kind === 'PROTECTION_PLAN').map((t) => t.assignee_agency_id)).toEqual([policeB.id]);
    for (const who of ['police', 'communeB', 'procurator']) {
      expect(
        (await ok(who, 'query($caseId: ID!) { caseActions(caseId: $caseId) { id } }', { caseId: c.id })).caseActions.map((a: any) => a.id),
      ).toContain(plan.id);
    }
    const planned = await eventsOf(c.id, 'action.planned');
    const last = planned[planned.length - 1];
    expect(last.topics).toEqual(
      expect.arrayContaining([`case:${c.id}`, `agency:${policeB.id}`, `agency:${procuracy.id}`, `agency:${ubndB.id}`]),
    );
    expect(last.payload).toMatchObject({ caseId: c.id, actionId: plan.id, kind: 'COERCION' });
    expect(JSON.stringify(last.payload)).not.toContain('Sính'); // no personal data in the log

    // 4. The required participants confirm; still not ready without the police protection plan.
    for (const [who, agency] of [
      ['police', policeB],
      ['communeB', ubndB],
    ] as const) {
      const p = plan.participants.find((x: any) => x.agency.id === agency.id);
      await ok(who, respondMutation, { input: { participantId: p.id, version: p.version, confirm: true } });
    }
    const refused = err(await call('officer', stepMutation, { input: { id: plan.id, version: plan.version, step: 'MARK_READY' } }));
    expect(refused).toMatchObject({
      code: 'RULE_VIOLATION',
      rule: citeNow('PROTECTION_PLAN'),
      ext: { ruleCode: 'PROTECTION_PLAN_MISSING' },
    });
    // Only the invited police record it.
    expect(
      err(await call('communeB', protectionMutation, { input: { id: plan.id, version: plan.version, note: 'KH số 12/KH-CA' } })).code,
    ).toBe('FORBIDDEN');
    plan = (await ok('police', protectionMutation, { input: { id: plan.id, version: plan.version, note: 'Kế hoạch bảo vệ số 12/KH-CA' } }))
      .recordProtectionPlan;
    expect(plan.protectionPlanRecordedAt).toBeTruthy();
    const [protectionTask] = await app.orm.em
      .fork()
      .getConnection()
      .execute<{ status: string }[]>(`select status from case_task where case_id = ? and kind = 'PROTECTION_PLAN'`, [c.id]);
    expect(protectionTask.status).toBe('DONE');

    // 5. ready → in progress → completed with COERCED; the land is handed over and the case completes.
    plan = await step(plan, 'MARK_READY');
    plan = await step(plan, 'START');
    expect(plan.status).toBe('IN_PROGRESS');
    plan = await recordOutcome(plan, {
      outcome: 'COERCED',
      minutes: 'Đã đo đạc, cắm mốc và giao 4.000 m² đất rừng cho Ban quản lý rừng phòng hộ.',
      attendees: ['Chấp hành viên', 'Công an xã', 'UBND xã', 'Kiểm sát viên'],
      collections: [{ obligationId: c.obligations[0].id, fulfilled: true }],
      completeCase: true,
    });
    expect(plan).toMatchObject({ status: 'COMPLETED', outcome: 'COERCED' });
    const done = await caseOf('officer', c.id);
    expect(done).toMatchObject({ status: 'COMPLETED', totals: { openObligations: 0 } });
  }, 60_000);
});

describe('coercion rules', () => {
  const nextDay = () => legalCalendar().nextCoercionDay(new Date(Date.now() + 2 * 86_400_000));

  it('refuses a coercion before the voluntary period ends (Điều 45), unless the case is flagged urgent', async () => {
    const c = await enforcingCase({ communeId: communeB.id, land: true, deliveredDaysAgo: 0 });
    const day = nextDay();
    const input = coercionOn(c.id, day, 'Thôn Nà Lầu');
    expect(err(await call('officer', planMutation, { input }))).toMatchObject({
      code: 'RULE_VIOLATION',
      rule: citeNow('VOLUNTARY_PERIOD'),
      ext: { ruleCode: 'COERCION_BEFORE_VOLUNTARY_PERIOD_END' },
    });
    const urgent = await enforcingCase({ communeId: communeB.id, land: true, deliveredDaysAgo: 0, urgentSecurity: true });
    const res = await call('officer', planMutation, { input: { ...input, caseId: urgent.id } });
    expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  });

  /** A two-hour persuasion visit planned to start `hours` from now. */
  const visitInHours = async (caseId: string, hours: number) =>
    (
      await ok('officer', planMutation, {
        input: {
          caseId,
          kind: 'PERSUASION_VISIT',
          scheduledStart: new Date(Date.now() + hours * 3_600_000).toISOString(),
          scheduledEnd: new Date(Date.now() + (hours + 2) * 3_600_000).toISOString(),
          place: 'UBND xã',
        },
      })
    ).planAction;

  it('flags a postponement request arriving under 24 h before the start (Điều 48), not one arriving earlier', async () => {
    const c = await enforcingCase({ communeId: communeB.id });
    const soon = await visitInHours(c.id, 10);
    const lateReq = (await ok('officer', postponeMutation, { input: { id: soon.id, version: soon.version, reason: 'Đương sự khiếu nại' } }))
      .requestActionPostponement;
    expect(lateReq.postponementLate).toBe(true);
    const [event] = await eventsOf(c.id, 'action.postponementRequested');
    expect(event.payload).toMatchObject({ late: true, legalSource: citeNow('POSTPONEMENT') });
    const later = await visitInHours(c.id, 72);
    expect(
      (await ok('officer', postponeMutation, { input: { id: later.id, version: later.version, reason: 'Đương sự khiếu nại' } }))
        .requestActionPostponement.postponementLate,
    ).toBe(false);
  });

  it('escalates a missed protection-plan deadline once, to the lead office, the steering committee and the police', async () => {
    const c = await enforcingCase({ communeId: communeB.id, land: true, enforcing: true });
    const plan = (
      await ok('officer', planMutation, {
        input: coercionOn(c.id, '2027-03-11', 'Thôn Nà Lầu'),
      })
    ).planAction;
    const later = new Date(new Date(plan.protectionPlanDueAt).getTime() + 60_000);
    const first = await app.services.actions.escalateMissedDeadlines(app.orm.em.fork(), later);
    expect(first).toContain(plan.id);
    expect(await app.services.actions.escalateMissedDeadlines(app.orm.em.fork(), later)).not.toContain(plan.id);
    const events = (await eventsOf(c.id, 'case.deadlineMissed')).filter((e) => e.payload.subjectId === plan.id);
    expect(events).toHaveLength(1);
    expect(events[0].payload).toMatchObject({ caseId: c.id, deadline: 'POLICE_PROTECTION_PLAN', legalSource: citeNow('PROTECTION_PLAN') });
    expect(events[0].topics).toEqual(expect.arrayContaining([`agency:${office.id}`, `agency:${steering.id}`, `agency:${policeB.id}`]));
  });
});

describe('case deadlines', () => {
  it('shows the voluntary-period end, verification due and protection plan due; escalates a missed verification once', async () => {
    const c = await enforcingCase({ communeId: communeB.id, land: true });
    const plan = (
      await ok('officer', planMutation, {
        input: coercionOn(c.id, '2027-03-12', 'Thôn Nà Lầu'),
      })
    ).planAction;
    const { deadlines } = (
      await ok(
        'communeB',
        'query($id: ID!) { case(id: $id) { actions { id } deadlines { kind dueAt legalSource actionId passed missed } } }',
        { id: c.id },
      )
    ).case;
    expect(deadlines.map((d: any) => [d.kind, d.missed, d.actionId])).toEqual([
      ['VOLUNTARY_PERIOD_END', false, null],
      ['VERIFICATION', true, null],
      ['POLICE_PROTECTION_PLAN', false, plan.id],
    ]);
    const now = new Date();
    expect(await app.services.actions.escalateMissedDeadlines(app.orm.em.fork(), now)).toContain(c.id);
    expect(await app.services.actions.escalateMissedDeadlines(app.orm.em.fork(), now)).not.toContain(c.id);
    const [event] = (await eventsOf(c.id, 'case.deadlineMissed')).filter((e) => e.payload.deadline === 'VERIFICATION');
    expect(event.payload).toMatchObject({ caseId: c.id, subjectId: c.id, legalSource: citeNow('VERIFICATION') });
    expect(event.topics).toEqual(expect.arrayContaining([`agency:${office.id}`, `agency:${steering.id}`]));
  });
});

describe('persuasion and invitations', () => {
  it('a persuasion visit with full payment completes the case; money updates the obligation and totals', async () => {
    const c = await enforcingCase({ communeId: communeB.id });
    let visit = await startedVisit(c.id, 'Nhà ông Sính');
    visit = await recordOutcome(visit, {
      outcome: 'VOLUNTARY_COMPLIANCE',
      minutes: 'Gia đình tự nguyện nộp đủ tiền.',
      collections: [{ obligationId: c.obligations[0].id, amountCollected: '777000000' }],
      completeCase: true,
    });
    expect(visit).toMatchObject({ status: 'COMPLETED', moneyCollected: '777000000' });
    expect(await caseOf('officer', c.id)).toMatchObject({
      status: 'COMPLETED',
      totals: { owed: '777000000', collected: '777000000', openObligations: 0 },
    });
  });

  it('completeCase with an obligation still open is refused and nothing is recorded (Điều 52)', async () => {
    const c = await enforcingCase({ communeId: communeB.id });
    const visit = await startedVisit(c.id, 'Nhà ông Sính');
    const res = await call('officer', outcomeMutation, {
      input: {
        id: visit.id,
        version: visit.version,
        outcome: 'PARTIAL_PAYMENT',
        minutes: 'Nộp một phần.',
        collections: [{ obligationId: c.obligations[0].id, amountCollected: '100000000' }],
        completeCase: true,
      },
    });
    expect(err(res)).toMatchObject({ code: 'RULE_VIOLATION', rule: citeNow('COMPLETION') });
    expect(await caseOf('officer', c.id)).toMatchObject({ totals: { collected: '0' } });
  });

  it('an invited agency declines with a reason; its task is declined; a decline without reason is refused', async () => {
    const c = await enforcingCase({ communeId: communeB.id });
    const visit = (
      await ok('officer', planMutation, {
        input: actionOn(c.id, 'COORDINATION_MEETING', 'UBND xã', { invitations: [{ agencyId: womenUnion.id, required: true }] }),
      })
    ).planAction;
    const p = visit.participants[0];
    expect(err(await call('women', respondMutation, { input: { participantId: p.id, version: p.version, confirm: false } })).code).toBe(
      'BAD_USER_INPUT',
    );
    expect(
      err(await call('communeB', respondMutation, { input: { participantId: p.id, version: p.version, confirm: false, reason: 'x' } }))
        .code,
    ).toBe('NOT_FOUND'); // not shared with ubndB: no hint it exists
    const declined = (
      await ok('women', respondMutation, {
        input: { participantId: p.id, version: p.version, confirm: false, reason: 'Trùng lịch đại hội hội phụ nữ' },
      })
    ).respondToInvitation;
    expect(declined).toMatchObject({ status: 'DECLINED', declineReason: 'Trùng lịch đại hội hội phụ nữ' });
    const after = (await ok('officer', `query($id: ID!) { action(id: $id) { ${ACTION_FIELDS} } }`, { id: visit.id })).action;
    expect(after.participants[0].task.status).toBe('DECLINED');
    expect((await eventsOf(c.id, 'action.invitationDeclined'))[0].payload).toMatchObject({ caseId: c.id, agencyId: womenUnion.id });
  });

  it('a stale version gets CONFLICT; an outsider cannot see actions', async () => {
    const c = await enforcingCase({ communeId: communeB.id });
    const visit = (await ok('officer', planMutation, { input: actionOn(c.id, 'VERIFICATION_VISIT', 'Thôn Nà Lầu') })).planAction;
    await step(visit, 'MARK_READY');
    expect(
      err(await call('officer', stepMutation, { input: { id: visit.id, version: visit.version, step: 'CANCEL', reason: 'Đổi lịch' } }))
        .code,
    ).toBe('CONFLICT');
    expect(err(await call('outsider', `query($id: ID!) { action(id: $id) { id } }`, { id: visit.id })).code).toBe('NOT_FOUND');
    expect(err(await call('outsider', 'query($caseId: ID!) { caseActions(caseId: $caseId) { id } }', { caseId: c.id })).code).toBe(
      'NOT_FOUND',
    );
    expect(err(await call('communeB', planMutation, { input: actionOn(c.id, 'PERSUASION_VISIT', 'x') })).code).toBe('NOT_FOUND');
  });
});

describe('visits and outcomes that match the work (issue 16)', () => {
  const HISTORY =
    'outcomeHistory { id outcome moneyCollected correctsId correctionReason collections { obligationId amountCollected fulfilled } }';
  const FULL = `${ACTION_FIELDS} invitees { id name role status note version phone { value hidden } } ${HISTORY}`;
  const correctMutation = `mutation($input: CorrectActionOutcomeInput!, $key: String) { correctActionOutcome(input: $input, idempotencyKey: $key) { ${FULL} } }`;
  const outcomeKeyed = `mutation($input: RecordActionOutcomeInput!, $key: String) { recordActionOutcome(input: $input, idempotencyKey: $key) { ${FULL} } }`;

  /** A two-obligation money case (500,000,000 + 277,000,000 đ) with a persuasion visit in progress. */
  async function visitInProgress() {
    const c = await enforcingCase({ communeId: communeB.id });
    const withParties = (await ok('officer', 'query($id: ID!) { case(id: $id) { version parties { id role } } }', { id: c.id })).case;
    const debtor = withParties.parties.find((p: any) => p.role === 'DEBTOR');
    await ok('officer', `mutation($input: AddObligationInput!) { addObligation(input: $input) { ${CASE_FIELDS} } }`, {
      input: {
        caseId: c.id,
        version: withParties.version,
        kind: 'PAY_MONEY',
        description: 'Án phí',
        debtorId: debtor.id,
        amountOwed: '27000000',
      },
    });
    const fresh = await caseOf('officer', c.id);
    const visit = await startedVisit(c.id, 'Nhà văn hóa thôn');
    return { c: fresh, visit };
  }

  it('invites an agency and named people (village head, women’s union) to a persuasion visit; answers read as states', async () => {
    const c = await enforcingCase({ communeId: communeB.id });
    const plan = (
      await ok('officer', `mutation($input: PlanActionInput!) { planAction(input: $input) { ${FULL} } }`, {
        input: actionOn(c.id, 'PERSUASION_VISIT', 'Nhà ông Sính', {
          from: '08:00',
          invitations: [{ agencyId: womenUnion.id, required: false }],
          people: [
            { name: 'Hà Văn Tuấn', role: 'Trưởng thôn Bản Mòng', phone: '0912 345 678' },
            { name: 'Lường Thị Mai', role: 'Chi hội Phụ nữ thôn' },
          ],
        }),
      })
    ).planAction;
    expect(plan.participants).toHaveLength(1);
    expect(plan.participants[0].task).toMatchObject({ kind: 'ATTEND_ACTION' });
    expect(plan.invitees.map((p: any) => [p.name, p.status, p.phone.value])).toEqual([
      ['Hà Văn Tuấn', 'INVITED', '0912345678'],
      ['Lường Thị Mai', 'INVITED', null],
    ]);
    // The invited women's union sees the visit but not the village head's phone (restricted personal data).
    const seen = (
      await ok('women', `query($caseId: ID!) { caseActions(caseId: $caseId) { invitees { name phone { value hidden } } } }`, {
        caseId: c.id,
      })
    ).caseActions[0];
    expect(seen.invitees[0]).toEqual({ name: 'Hà Văn Tuấn', phone: { value: null, hidden: true } });
    const answer = 'mutation($input: RecordInviteeAnswerInput!) { recordInviteeAnswer(input: $input) { id status note version } }';
    const head = plan.invitees[0];
    expect(
      (
        await ok('officer', answer, {
          input: { inviteeId: head.id, version: head.version, status: 'CONFIRMED', note: 'Gọi điện xác nhận' },
        })
      ).recordInviteeAnswer,
    ).toMatchObject({ status: 'CONFIRMED', version: 2 });
    const mai = plan.invitees[1];
    expect(err(await call('officer', answer, { input: { inviteeId: mai.id, version: mai.version, status: 'DECLINED' } }))).toMatchObject({
      code: 'BAD_USER_INPUT',
      ext: { field: 'note' },
    });
    expect(err(await call('women', answer, { input: { inviteeId: mai.id, version: mai.version, status: 'CONFIRMED' } })).code).toBe(
      'FORBIDDEN',
    );
    expect((await eventsOf(c.id, 'action.inviteeConfirmed')).length).toBe(1);
    // More people can be invited later; the event never carries their names or phones.
    const later = (
      await ok('officer', `mutation($input: InviteToActionInput!) { inviteToAction(input: $input) { ${FULL} } }`, {
        input: { id: plan.id, version: plan.version + 1, people: [{ name: 'Vì Văn Lả', role: 'Người có uy tín' }] },
      })
    ).inviteToAction;
    expect(later.invitees).toHaveLength(3);
    const [invited] = await eventsOf(c.id, 'action.invited');
    expect(JSON.stringify(invited.payload)).not.toContain('Vì Văn Lả');
  });

  it('refuses to start a visit before its day (RULE_VIOLATION), and nothing changes', async () => {
    const c = await enforcingCase({ communeId: communeB.id });
    const input = actionOn(c.id, 'PERSUASION_VISIT', 'Thôn 3', { from: '08:00', daysAhead: 2 });
    // 08:00 in Viet Nam is 01:00 UTC: the ISO date is the local day.
    const day = input.scheduledStart.slice(0, 10);
    let visit = (await ok('officer', planMutation, { input })).planAction;
    visit = await step(visit, 'MARK_READY');
    const clock = app.services.actions.now;
    app.services.actions.now = () => new Date();
    try {
      const refused = err(await call('officer', stepMutation, { input: { id: visit.id, version: visit.version, step: 'START' } }));
      expect(refused).toMatchObject({ code: 'RULE_VIOLATION', ext: { ruleCode: 'ACTION_NOT_YET_DUE' } });
      expect(refused.message).toContain(`${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`);
    } finally {
      app.services.actions.now = clock;
    }
    const after = (await ok('officer', `query($id: ID!) { action(id: $id) { status version } }`, { id: visit.id })).action;
    expect(after).toEqual({ status: 'READY', version: visit.version });
  });

  it('money must name its obligation or be split exactly; Vietnamese amounts accepted; refusals record nothing', async () => {
    const { c, visit } = await visitInProgress();
    const [debt, fee] = c.obligations;
    const record = (input: Record<string, unknown>) =>
      call('officer', outcomeKeyed, {
        input: { id: visit.id, version: visit.version, outcome: 'PARTIAL_PAYMENT', minutes: 'Nộp một phần.', ...input },
      });
    // The reported bug: 100,000,000 đ with no obligation chosen.
    expect(err(await record({ amountCollected: '100.000.000' }))).toMatchObject({ code: 'BAD_USER_INPUT', ext: { field: 'obligationId' } });
    expect(err(await record({ collections: [{ amountCollected: '100000000' }] }))).toMatchObject({ ext: { field: 'obligationId' } });
    expect(err(await record({}))).toMatchObject({ code: 'BAD_USER_INPUT', ext: { field: 'amountCollected' } });
    expect(
      err(
        await record({
          amountCollected: '100.000.000',
          collections: [
            { obligationId: debt.id, amountCollected: '90.000.000' },
            { obligationId: fee?.id ?? debt.id, amountCollected: '5000000' },
          ],
        }),
      ),
    ).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(err(await record({ amountCollected: '1.5', collections: [{ obligationId: debt.id, amountCollected: '1.5' }] })).code).toBe(
      'BAD_USER_INPUT',
    );
    expect((await caseOf('officer', c.id)).totals.collected).toBe('0');
    // Split across the two obligations, written the Vietnamese way; the key makes a resend a no-op.
    const collections = fee
      ? [
          { obligationId: debt.id, amountCollected: '90.000.000' },
          { obligationId: fee.id, amountCollected: '10.000.000' },
        ]
      : [{ obligationId: debt.id, amountCollected: '100.000.000' }];
    const key = 'offline-outcome-1';
    // The offline queue resends the very same request with the same key.
    const request = {
      input: {
        id: visit.id,
        version: visit.version,
        outcome: 'PARTIAL_PAYMENT',
        minutes: 'Nộp một phần.',
        amountCollected: '100.000.000',
        collections,
      },
      key,
    };
    const first = await ok('officer', outcomeKeyed, request);
    const again = await ok('officer', outcomeKeyed, request);
    expect(first.recordActionOutcome).toMatchObject({ status: 'COMPLETED', moneyCollected: '100000000' });
    expect(again.recordActionOutcome.version).toBe(first.recordActionOutcome.version);
    const after = await caseOf('officer', c.id);
    expect(after.totals.collected).toBe('100000000');
    expect(after.obligations.find((o: any) => o.id === debt.id).amountCollected).toBe(fee ? '90000000' : '100000000');
    expect((await eventsOf(c.id, 'action.completed')).length).toBe(1);
  });

  it('a mistaken outcome is corrected by a correcting entry: money moves back, history keeps both, statistics follow', async () => {
    const { c, visit } = await visitInProgress();
    const debt = c.obligations[0];
    const done = (
      await ok('officer', outcomeKeyed, {
        input: {
          id: visit.id,
          version: visit.version,
          outcome: 'PARTIAL_PAYMENT',
          minutes: 'Nộp 100 triệu.',
          amountCollected: '100000000',
          collections: [{ obligationId: debt.id, amountCollected: '100000000' }],
        },
      })
    ).recordActionOutcome;
    const firstEntry = done.outcomeHistory[0];
    expect(
      err(
        await call('officer', correctMutation, {
          input: { id: done.id, version: done.version, correctsId: firstEntry.id, reason: ' ', outcome: 'REFUSED' },
        }),
      ),
    ).toMatchObject({ code: 'BAD_USER_INPUT', ext: { field: 'reason' } });
    const corrected = (
      await ok('officer', correctMutation, {
        input: {
          id: done.id,
          version: done.version,
          correctsId: firstEntry.id,
          reason: 'Ghi nhầm: số tiền thực nộp là 10.000.000 đ.',
          outcome: 'PARTIAL_PAYMENT',
          amountCollected: '10.000.000',
          collections: [{ obligationId: debt.id, amountCollected: '10.000.000' }],
        },
        key: 'fix-1',
      })
    ).correctActionOutcome;
    expect(corrected.moneyCollected).toBe('10000000');
    expect(corrected.outcomeHistory.map((e: any) => [e.moneyCollected, e.correctsId, e.correctionReason])).toEqual([
      ['100000000', null, null],
      ['10000000', firstEntry.id, 'Ghi nhầm: số tiền thực nộp là 10.000.000 đ.'],
    ]);
    expect((await caseOf('officer', c.id)).totals.collected).toBe('10000000');
    // The statistics history's current interval (valid_to null) carries the corrected total.
    const [state] = await app.orm.em
      .fork()
      .getConnection()
      .execute<{ collected: string }[]>(
        'select amount_collected as collected from case_state_history where case_id = ? and valid_to is null',
        [c.id],
      );
    expect(String(state.collected)).toBe('10000000');
    // The earlier entry cannot be corrected twice; a stale version conflicts.
    const twice = err(
      await call('officer', correctMutation, {
        input: { id: done.id, version: corrected.version, correctsId: firstEntry.id, reason: 'Lần nữa', outcome: 'REFUSED' },
      }),
    );
    expect(twice.code).toBe('CONFLICT');
    expect((await eventsOf(c.id, 'action.outcomeCorrected')).map((e) => e.payload.correctsId)).toEqual([firstEntry.id]);
    expect((await eventsOf(c.id, 'case.progressReversed')).length).toBe(1);
  });
});
