import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../server/src/app';
import type { Agency } from '../../server/src/modules/agencies/agency.entity';
import type { Area } from '../../server/src/modules/areas/area.entity';
import { legalCalendar, toLocalDate } from '../../server/src/modules/calendar/legal-calendar';
import { CITATIONS, COERCION_RULES, DEADLINE_RULES, type CitationCode } from '../../server/src/modules/calendar/legal-rules';
import { apiAs, coercionOn, communeOffice, deliveredCase, firstError } from '../support/case-api';
import { createTestDatabase, startTestApp } from '../support/harness';
import { expectedDaysOff, shift, vnTet, weekend } from '../support/lunar-oracle';

/** Issue 13 through the API: forbidden days 2027–2045, Tết directives, calendar changes after planning. */
let app: App;
let commune: Area;
let police: Agency, committee: Agency;
const tokens: Record<string, string> = {};

const ACTION_FIELDS = 'id status version calendarConflict calendarConflictAt protectionPlanDueAt participants { id version agency { id } }';
const planMutation = `mutation($input: PlanActionInput!) { planAction(input: $input) { ${ACTION_FIELDS} } }`;
const stepMutation = `mutation($input: StepActionInput!) { stepAction(input: $input) { ${ACTION_FIELDS} } }`;
const respondMutation = 'mutation($input: RespondInvitationInput!) { respondToInvitation(input: $input) { id status version } }';
const protectionMutation = `mutation($input: RecordProtectionPlanInput!) { recordProtectionPlan(input: $input) { ${ACTION_FIELDS} } }`;
const addDayMutation = 'mutation($input: AddCalendarDayInput!) { addCalendarDay(input: $input) { date kind } }';
const removeDayMutation = 'mutation($date: String!) { removeCalendarDay(date: $date) { date } }';
const setDirective =
  'mutation($input: SetTetDirectiveInput!) { setTetDirective(input: $input) { year tet firstDay lastDay origin source } }';
const removeDirective = 'mutation($y: Int!) { removeTetDirective(tetYear: $y) { year firstDay lastDay origin source } }';
const tetWindowQuery = 'query($y: Int!) { tetWindow(year: $y) { year tet firstDay lastDay origin source } }';
const daysQuery = 'query($from: String!, $to: String!) { calendarDays(from: $from, to: $to) { date kind name source } }';

/** Every legal source the API returned in an error (`extensions.rule`) during this file's run. */
const returnedRules: string[] = [];
const { call, ok } = apiAs(
  () => app,
  tokens,
  (res) => {
    for (const e of res.errors ?? []) if (typeof e.extensions?.rule === 'string') returnedRules.push(e.extensions.rule);
  },
);
const err = firstError;

/** A case whose voluntary period is over (decision delivered `deliveredDaysAgo` days ago): coercions may be planned. */
const caseAfterVoluntaryPeriod = (deliveredDaysAgo = 30) =>
  deliveredCase(
    { call, ok },
    {
      communeId: commune.id,
      land: true,
      judgmentDate: '2026-07-20',
      receivedDaysAgo: deliveredDaysAgo + 10,
      decidedDaysAgo: deliveredDaysAgo + 5,
      deliveredDaysAgo,
    },
  );

const planOn = (caseId: string, day: string) =>
  call('officer', planMutation, {
    input: coercionOn(caseId, day),
  });

beforeAll(async () => {
  app = await startTestApp(await createTestDatabase());
  ({ commune, committee, police } = await communeOffice(app, tokens));
  // The coercions here are rehearsed before their day: the "not before its day" rule reads this clock.
  app.services.actions.now = () => new Date('2031-01-01T00:00:00Z');
});
afterAll(async () => {
  await app?.close();
});

describe('forbidden coercion days 2027–2045 through the API', () => {
  it('refuses, every year, Tết−15, Tết+16, Tết+17, the second Quốc khánh day and every nghỉ bù (sampled set, dates from the independent oracle)', async () => {
    const c = await caseAfterVoluntaryPeriod();
    let checked = 0;
    for (let year = 2027; year <= 2045; year++) {
      const tet = vnTet(year);
      const { compensatory, second } = expectedDaysOff(year);
      const samples: Array<[string, string]> = [
        [shift(tet, -15), 'COERCION_IN_TET_WINDOW'],
        [shift(tet, 16), 'COERCION_IN_TET_WINDOW'],
        [shift(tet, 17), 'COERCION_IN_TET_WINDOW'],
        [second, weekend(second) ? 'COERCION_ON_DAY_OFF' : 'COERCION_ON_PUBLIC_HOLIDAY'],
        ...[...compensatory].filter((d) => d > toLocalDate(new Date())).map((d): [string, string] => [d, 'COERCION_ON_PUBLIC_HOLIDAY']),
      ];
      for (const [day, ruleCode] of samples) {
        const refused = err(await planOn(c.id, day));
        expect(refused.code, `${day}: ${refused.message}`).toBe('RULE_VIOLATION');
        expect(refused.ext.ruleCodes, day).toContain(ruleCode);
        if (ruleCode === 'COERCION_IN_TET_WINDOW') {
          expect(refused.ext.sources.join(' ')).toContain('Khoản 2 Điều 13 Nghị định 62/2015/NĐ-CP');
          expect(refused.message).toContain(`đến hết ${shift(tet, 17).split('-').reverse().join('/')}`);
        }
        checked++;
      }
      // The day after the window is a plain day on which the Tết rule no longer applies.
      const after = err(await planOn(c.id, shift(tet, 18)));
      expect(after.ext.ruleCodes ?? [], shift(tet, 18)).not.toContain('COERCION_IN_TET_WINDOW');
    }
    expect(checked).toBeGreaterThan(19 * 4);
  }, 120_000);

  it('shows the derived days off with their legal basis next to the data, and the data wins', async () => {
    await ok('admin', addDayMutation, {
      input: {
        date: '2027-05-03',
        kind: 'WORKING_DAY',
        name: 'Làm việc bình thường (lịch nghỉ của Thủ tướng)',
        source: 'Thông báo lịch nghỉ năm 2027',
      },
    });
    await ok('admin', addDayMutation, {
      input: { date: '2027-02-12', kind: 'DAY_OFF', name: 'Nghỉ Tết Nguyên đán', source: 'Thông báo lịch nghỉ năm 2027' },
    });
    const days = (await ok('officer', daysQuery, { from: '2027-01-01', to: '2027-12-31' })).calendarDays as Array<{
      date: string;
      kind: string;
      source: string;
    }>;
    const byDate = new Map(days.map((d) => [d.date, d]));
    expect(byDate.get('2027-02-10')).toMatchObject({ kind: 'DERIVED_DAY_OFF', source: 'Khoản 3 Điều 111 Bộ luật Lao động 2019' });
    expect(byDate.get('2027-09-03')).toMatchObject({
      kind: 'DERIVED_DAY_OFF',
      source: expect.stringContaining('Điều 112 Bộ luật Lao động 2019'),
    });
    expect(byDate.get('2027-05-03')).toMatchObject({ kind: 'WORKING_DAY', source: 'Thông báo lịch nghỉ năm 2027' });
    expect(byDate.get('2027-02-12')).toMatchObject({ kind: 'DAY_OFF', source: 'Thông báo lịch nghỉ năm 2027' });
    expect(app.services.calendar.current().isWorkingDay('2027-05-03')).toBe(true);
    // A plain weekday cannot be made a working day (it already is one).
    expect(
      err(await call('admin', addDayMutation, { input: { date: '2027-05-04', kind: 'WORKING_DAY', name: 'Làm bù', source: 'TB 1' } })).code,
    ).toBe('BAD_USER_INPUT');
    await ok('admin', removeDayMutation, { date: '2027-05-03' });
    await ok('admin', removeDayMutation, { date: '2027-02-12' });
  });
});

describe('the Ministry’s Tết directive as data', () => {
  it('replaces the computed window of its year, cites the directive, and can be removed', async () => {
    const c = await caseAfterVoluntaryPeriod();
    const computed = (await ok('officer', tetWindowQuery, { y: 2028 })).tetWindow;
    expect(computed).toMatchObject({ year: 2028, tet: '2028-01-26', firstDay: '2028-01-11', lastDay: '2028-02-12', origin: 'RULE' });
    expect(computed.source).toContain('Khoản 2 Điều 13 Nghị định 62/2015/NĐ-CP');
    // Thursday 17/02/2028 (Tết+22) is allowed by the rule …
    const input = { tetYear: 2028, firstDay: '2028-01-10', lastDay: '2028-02-18', documentNumber: '05/CT-BTP', documentDate: '2027-12-20' };
    expect(err(await call('officer', setDirective, { input })).code).toBe('FORBIDDEN');
    expect(err(await call('admin', setDirective, { input: { ...input, lastDay: '2028-01-27' } })).code).toBe('BAD_USER_INPUT'); // must cover the three Tết days
    const set = (await ok('admin', setDirective, { input })).setTetDirective;
    expect(set).toMatchObject({ firstDay: '2028-01-10', lastDay: '2028-02-18', origin: 'DIRECTIVE' });
    expect(set.source).toContain('05/CT-BTP');
    // … and refused under the directive, which the refusal names.
    const refused = err(await planOn(c.id, '2028-02-17'));
    expect(refused).toMatchObject({ code: 'RULE_VIOLATION', ruleCode: 'COERCION_IN_TET_WINDOW' });
    expect(refused.message).toContain('05/CT-BTP');
    await ok('admin', removeDirective, { y: 2028 });
    expect((await ok('officer', tetWindowQuery, { y: 2028 })).tetWindow.origin).toBe('RULE');
    expect(err(await planOn(c.id, '2028-02-17')).code).toBeUndefined();
  });
});

describe('calendar changes after planning', () => {
  /** A planned coercion on `day` (a coercion day), with both required agencies confirmed. */
  async function plannedCoercion(day: string) {
    const c = await caseAfterVoluntaryPeriod();
    const res = await planOn(c.id, day);
    expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
    const plan = res.data!.planAction;
    for (const [who, agency] of [
      ['police', police],
      ['commune', committee],
    ] as const) {
      const p = plan.participants.find((x: any) => x.agency.id === agency.id);
      await ok(who, respondMutation, { input: { participantId: p.id, version: p.version, confirm: true } });
    }
    return plan as { id: string; version: number };
  }

  it('a day off added after planning blocks a ready coercion from starting and a planned one from becoming ready; it is flagged with an event and a task', async () => {
    const readyDay = legalCalendar().nextCoercionDay(new Date(Date.now() + 90 * 86_400_000));
    const plannedDay = legalCalendar().nextCoercionDay(readyDay);
    let ready = await plannedCoercion(readyDay);
    ready = (
      await ok('police', protectionMutation, { input: { id: ready.id, version: ready.version, note: 'Kế hoạch bảo vệ số 7/KH-CA' } })
    ).recordProtectionPlan;
    ready = (await ok('officer', stepMutation, { input: { id: ready.id, version: ready.version, step: 'MARK_READY' } })).stepAction;
    let planned = await plannedCoercion(plannedDay);
    planned = (
      await ok('police', protectionMutation, { input: { id: planned.id, version: planned.version, note: 'Kế hoạch bảo vệ số 8/KH-CA' } })
    ).recordProtectionPlan;

    for (const day of [readyDay, plannedDay]) {
      await ok('admin', addDayMutation, {
        input: { date: day, kind: 'DAY_OFF', name: 'Nghỉ theo quyết định của Thủ tướng', source: 'Thông báo 99/TB-VPCP' },
      });
    }
    const actions = 'query($caseId: ID!) { caseActions(caseId: $caseId) { id calendarConflict calendarConflictAt version status } }';
    const reread = async (id: string) => {
      const [row] = await app.orm.em
        .fork()
        .getConnection()
        .execute<{ case_id: string }[]>('select case_id from case_action where id = ?', [id]);
      return (await ok('officer', actions, { caseId: row.case_id })).caseActions.find((a: any) => a.id === id);
    };
    const readyNow = await reread(ready.id);
    expect(readyNow.calendarConflictAt).toBeTruthy();
    expect(readyNow.calendarConflict).toContain('Nghỉ theo quyết định của Thủ tướng');

    const start = err(await call('officer', stepMutation, { input: { id: ready.id, version: readyNow.version, step: 'START' } }));
    expect(start).toMatchObject({ code: 'RULE_VIOLATION', ruleCode: 'COERCION_ON_DAY_OFF' });
    expect(start.ext.calendarConflict).toBe(true);
    expect(start.message).toContain('lên lịch lại');
    const plannedNow = await reread(planned.id);
    const markReady = err(
      await call('officer', stepMutation, { input: { id: planned.id, version: plannedNow.version, step: 'MARK_READY' } }),
    );
    expect(markReady).toMatchObject({ code: 'RULE_VIOLATION', ruleCode: 'COERCION_ON_DAY_OFF' });

    const conn = app.orm.em.fork().getConnection();
    const events = await conn.execute<{ payload: any; topics: string[] }[]>(
      `select payload, topics from event where type = 'action.calendarConflict' and payload->>'actionId' in (?, ?)`,
      [ready.id, planned.id],
    );
    expect(events).toHaveLength(2);
    expect(events[0].topics).toEqual(expect.arrayContaining([`agency:${police.id}`, `agency:${committee.id}`]));
    const tasks = await conn.execute<{ title: string; assignee_id: string | null }[]>(
      `select title, assignee_id from case_task where title like 'Lên lịch lại:%' and created_at > now() - interval '1 minute'`,
    );
    expect(tasks).toHaveLength(2);
    expect(tasks.every((t) => t.assignee_id)).toBe(true);

    // Removing the day off clears the flag: the ready coercion may start again.
    await ok('admin', removeDayMutation, { date: readyDay });
    const cleared = await reread(ready.id);
    expect(cleared.calendarConflictAt).toBeNull();
    const started = (await ok('officer', stepMutation, { input: { id: ready.id, version: cleared.version, step: 'START' } })).stepAction;
    expect(started.status).toBe('IN_PROGRESS');
    await ok('admin', removeDayMutation, { date: plannedDay });
  });

  it('recomputes the stored voluntary-period end and verification deadline when a day off lands on them', async () => {
    const c = await caseAfterVoluntaryPeriod(1); // delivered yesterday: the period ends in about 9 days
    const fields = 'query($id: ID!) { case(id: $id) { voluntaryPeriodEndsAt verificationDueAt } }';
    const before = (await ok('officer', fields, { id: c.id })).case;
    const endDay = toLocalDate(new Date(before.voluntaryPeriodEndsAt));
    expect(app.services.calendar.current().isWorkingDay(endDay)).toBe(true);
    await ok('admin', addDayMutation, {
      input: { date: endDay, kind: 'DAY_OFF', name: 'Nghỉ theo quyết định của Thủ tướng', source: 'Thông báo 100/TB-VPCP' },
    });
    const after = (await ok('officer', fields, { id: c.id })).case;
    const expectedEnd = app.services.calendar.current().voluntaryPeriodEnd(new Date(Date.now() - 86_400_000));
    expect(toLocalDate(new Date(after.voluntaryPeriodEndsAt))).toBe(toLocalDate(expectedEnd));
    expect(new Date(after.voluntaryPeriodEndsAt).getTime()).toBeGreaterThan(new Date(before.voluntaryPeriodEndsAt).getTime());
    expect(new Date(after.verificationDueAt).getTime()).toBe(
      app.services.calendar.current().deadline('VERIFICATION', new Date(after.voluntaryPeriodEndsAt)).getTime(),
    );
    const [event] = await app.orm.em
      .fork()
      .getConnection()
      .execute<{ payload: any }[]>(`select payload from event where type = 'case.deadlinesRecalculated' and payload->>'caseId' = ?`, [
        c.id,
      ]);
    expect(event.payload.changed).toContain('voluntaryPeriodEndsAt');
    await ok('admin', removeDayMutation, { date: endDay });
    expect((await ok('officer', fields, { id: c.id })).case.voluntaryPeriodEndsAt).toBe(before.voluntaryPeriodEndsAt);
  });
});

describe('tasks due in N working days when the calendar changes', () => {
  const assignMutation = 'mutation($input: AssignTaskInput!) { assignTask(input: $input) { id version dueAt dueWorkingDays status } }';
  const transitionMutation = 'mutation($input: TransitionTaskInput!) { transitionTask(input: $input) { id version status dueAt } }';
  const taskQuery = 'query($id: ID!) { task(id: $id) { id version dueAt dueWorkingDays status } }';

  it('moves an open task’s due date past a day off added inside its window and back when it is removed; a done task and a task with an explicit date stay', async () => {
    const c = await caseAfterVoluntaryPeriod();
    const officeId = (await ok('officer', 'query { me { agency { id } } }')).me.agency.id;
    const assign = (input: Record<string, unknown>) =>
      ok('officer', assignMutation, {
        input: { caseId: c.id, agencyId: officeId, kind: 'OTHER', title: 'Báo cáo kết quả xác minh', ...input },
      });
    const open = (await assign({ dueInWorkingDays: 10 })).assignTask;
    let done = (await assign({ dueInWorkingDays: 10 })).assignTask;
    const explicitDue = new Date(open.dueAt).toISOString();
    const explicit = (await assign({ dueAt: explicitDue })).assignTask;
    expect(open.dueWorkingDays).toBe(10);
    expect(explicit.dueWorkingDays).toBeNull();
    for (const action of ['ACCEPT', 'COMPLETE'])
      done = (await ok('officer', transitionMutation, { input: { id: done.id, version: done.version, action } })).transitionTask;
    expect(done.status).toBe('DONE');

    // A working day strictly inside the window (not the due day itself): the count has to skip it.
    const calendar = app.services.calendar.current();
    const dueDay = toLocalDate(new Date(open.dueAt));
    const inside = toLocalDate(calendar.addWorkingDays(new Date(), 3));
    expect(inside < dueDay).toBe(true);
    expect(calendar.isWorkingDay(inside)).toBe(true);
    await ok('admin', addDayMutation, {
      input: { date: inside, kind: 'DAY_OFF', name: 'Nghỉ theo quyết định của Thủ tướng', source: 'Thông báo 101/TB-VPCP' },
    });
    const moved = (await ok('officer', taskQuery, { id: open.id })).task;
    expect(new Date(moved.dueAt).getTime()).toBeGreaterThan(new Date(open.dueAt).getTime());
    expect(app.services.calendar.current().isWorkingDay(toLocalDate(new Date(moved.dueAt)))).toBe(true);
    // Exactly one working day later: the day off took one working day out of the window.
    expect(new Date(moved.dueAt).getTime()).toBe(app.services.calendar.current().addWorkingDays(new Date(open.dueAt), 1).getTime());
    expect(moved.version).toBe(open.version + 1);
    expect((await ok('officer', taskQuery, { id: done.id })).task.dueAt).toBe(done.dueAt);
    expect((await ok('officer', taskQuery, { id: explicit.id })).task.dueAt).toBe(explicit.dueAt);
    const conn = app.orm.em.fork().getConnection();
    const events = await conn.execute<{ payload: any }[]>(
      `select payload from event where type = 'task.deadlineRecalculated' and payload->>'caseId' = ? order by id`,
      [c.id],
    );
    expect(events.map((e) => e.payload.taskId)).toEqual([open.id]);
    expect(events[0].payload).toMatchObject({ previousDueAt: new Date(open.dueAt).toISOString(), dueWorkingDays: 10 });

    await ok('admin', removeDayMutation, { date: inside });
    const back = (await ok('officer', taskQuery, { id: open.id })).task;
    expect(back.dueAt).toBe(open.dueAt);
    expect((await ok('officer', taskQuery, { id: done.id })).task.dueAt).toBe(done.dueAt);
  });
});

describe('citations returned by the API', () => {
  it('come from the versioned table, and for cases received after 1 July 2026 never show a 2008 article number', async () => {
    // A few more paths that return a legal source: a refused lifecycle step, a postponement, the deadlines.
    const c = await caseAfterVoluntaryPeriod();
    const caseFields = 'id version';
    const refusedComplete = await call(
      'officer',
      `mutation($input: TransitionCaseInput!) { transitionCase(input: $input) { ${caseFields} } }`,
      { input: { id: c.id, version: c.version, transition: 'COMPLETE' } },
    );
    expect(refusedComplete.errors?.[0]?.extensions?.code).toBe('RULE_VIOLATION');
    const day = legalCalendar().nextCoercionDay(new Date(Date.now() + 120 * 86_400_000));
    const plan = (await planOn(c.id, day)).data!.planAction;
    expect(err(await call('officer', stepMutation, { input: { id: plan.id, version: plan.version, step: 'MARK_READY' } })).code).toBe(
      'RULE_VIOLATION',
    );
    await ok('officer', `mutation($input: RequestPostponementInput!) { requestActionPostponement(input: $input) { id } }`, {
      input: { id: plan.id, version: plan.version, reason: 'Đương sự có đơn khiếu nại' },
    });
    const deadlines = (await ok('officer', 'query($id: ID!) { case(id: $id) { deadlines { kind legalSource } } }', { id: c.id })).case
      .deadlines as Array<{ legalSource: string }>;
    expect(deadlines.length).toBeGreaterThanOrEqual(3);

    const events = await app.orm.em
      .fork()
      .getConnection()
      .execute<{ source: string }[]>(`select distinct payload->>'legalSource' as source from event where payload ? 'legalSource'`);
    const returned = [...new Set([...returnedRules, ...deadlines.map((d) => d.legalSource), ...events.map((e) => e.source)])];
    expect(returned.length).toBeGreaterThanOrEqual(8);

    const table = new Set<string>([
      ...(Object.keys(CITATIONS) as CitationCode[]).flatMap((code) => CITATIONS[code].map((v) => v.text)),
      ...[...Object.values(COERCION_RULES), ...Object.values(DEADLINE_RULES)].flatMap((versions) => versions.map((v) => v.source)),
      'Quy trình tổ chức thi hành án phối hợp', // the workflow's own (non-legal) rule name
    ]);
    for (const source of returned) {
      expect(source.split('; ').every((part) => table.has(part)) || table.has(source), source).toBe(true);
      expect(source, source).not.toMatch(/26\/2008|Điều (36|39|44a?|45|46|48|49|50|51|52|67|72)\b/);
    }
  });
});
