import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../server/src/app';
import type { Agency } from '../../server/src/modules/agencies/agency.entity';
import type { Area } from '../../server/src/modules/areas/area.entity';
import {
  addDaysToLocalDate,
  createLegalCalendar,
  legalCalendar,
  localDayOfWeek,
  toLocalDate,
} from '../../server/src/modules/calendar/legal-calendar';
import { apiAs, coercionOn, communeOffice, deliveredCase, firstError } from '../support/case-api';
import { makeSharedCase } from '../support/factories';
import { createTestDatabase, eventually, gql, itWithRedis, redisUrl, startTestApp } from '../support/harness';
import { withTwoInstances } from '../support/instances';

/** Issue 6, item 4: official ad-hoc days off and make-up working days as data, honoured by every instance. */
let app: App;
let communeA: Area;
let office: Agency, ubndA: Agency;
const tokens: Record<string, string> = {};

const addMutation = 'mutation($input: AddCalendarDayInput!) { addCalendarDay(input: $input) { date kind name source } }';
const removeMutation = 'mutation($date: String!) { removeCalendarDay(date: $date) { date kind } }';
const daysQuery = 'query($from: String!, $to: String!) { calendarDays(from: $from, to: $to) { date kind name source } }';
const assignMutation = 'mutation($input: AssignTaskInput!) { assignTask(input: $input) { id dueAt } }';
const planMutation = 'mutation($input: PlanActionInput!) { planAction(input: $input) { id protectionPlanDueAt } }';

const { call, ok } = apiAs(() => app, tokens);
const err = firstError;
const dayOff = (date: string, name = 'Nghỉ bù Quốc khánh') => ({ date, kind: 'DAY_OFF', name, source: 'Thông báo 6150/TB-BLĐTBXH' });

/** The first library working day (Mon–Fri, not a public holiday) strictly after today (Viet Nam time). */
const nextWorkingDay = () => toLocalDate(legalCalendar().addWorkingDays(new Date(), 1));
/** The first Saturday after today that is not a public holiday. */
function nextPlainSaturday(after = toLocalDate(new Date())): string {
  let day = addDaysToLocalDate(after, 1);
  while (localDayOfWeek(day) !== 6 || legalCalendar().isPublicHoliday(day).holiday) day = addDaysToLocalDate(day, 1);
  return day;
}

/** A case whose voluntary period is over (decision delivered 30 days ago): coercions may be planned. */
const caseAfterVoluntaryPeriod = async (on: App = app): Promise<string> =>
  (await deliveredCase({ call, ok }, { communeId: communeA.id, land: true, on })).id;

/** Province, commune A with its enforcement office, committee, police and procuracy; admin + officer signed in. */
const setUp = async (on: App) => {
  const { commune, office: enforcement, committee } = await communeOffice(on, tokens, ['admin', 'officer']);
  return { commune, enforcement, committee };
};

describe('official days off and make-up working days (one instance)', () => {
  beforeAll(async () => {
    app = await startTestApp(await createTestDatabase());
    ({ commune: communeA, enforcement: office, committee: ubndA } = await setUp(app));
  });
  afterAll(async () => {
    await app?.close();
  });

  it('a day off on a plain weekday refuses a coercion that day (Điều 46) and is skipped by working-day deadlines', async () => {
    const caseId = await caseAfterVoluntaryPeriod();
    const coercionDay = legalCalendar().nextCoercionDay(new Date(Date.now() + 60 * 86_400_000));
    const soon = nextWorkingDay();
    await ok('admin', addMutation, { input: dayOff(coercionDay, 'Nghỉ bù ngày Giải phóng miền Nam') });
    const added = (await ok('admin', addMutation, { input: dayOff(soon) })).addCalendarDay;
    expect(added).toEqual({ date: soon, kind: 'DAY_OFF', name: 'Nghỉ bù Quốc khánh', source: 'Thông báo 6150/TB-BLĐTBXH' });

    const plan = (day: string) =>
      call('officer', planMutation, {
        input: coercionOn(caseId, day),
      });
    const refused = err(await plan(coercionDay));
    expect(refused).toMatchObject({ code: 'RULE_VIOLATION', ruleCode: 'COERCION_ON_DAY_OFF' });
    expect(refused.message).toContain('Nghỉ bù ngày Giải phóng miền Nam');

    // The police protection plan (3 working days) and a task due in 1 working day skip the day off.
    const withDayOff = createLegalCalendar({ extraDaysOff: [soon, coercionDay] });
    const task = (
      await ok('officer', assignMutation, {
        input: { caseId, agencyId: office.id, kind: 'VERIFY_CONDITIONS', title: 'Xác minh điều kiện thi hành án', dueInWorkingDays: 1 },
      })
    ).assignTask;
    expect(new Date(task.dueAt).getTime()).toBe(withDayOff.addWorkingDays(new Date(), 1).getTime());
    expect(toLocalDate(new Date(task.dueAt))).not.toBe(soon);
    expect(new Date(task.dueAt).getTime()).toBeGreaterThan(legalCalendar().addWorkingDays(new Date(), 1).getTime());

    // Removing the day off makes that day a working day again on which the coercion is accepted.
    expect((await ok('admin', removeMutation, { date: coercionDay })).removeCalendarDay).toEqual({ date: coercionDay, kind: 'DAY_OFF' });
    const accepted = await plan(coercionDay);
    expect(accepted.errors, JSON.stringify(accepted.errors)).toBeUndefined();
    expect(new Date(accepted.data!.planAction.protectionPlanDueAt).getTime()).toBe(
      withDayOff.deadline('POLICE_PROTECTION_PLAN', new Date()).getTime(),
    );

    // The event tells every instance to reload.
    const events = await app.orm.em
      .fork()
      .getConnection()
      .execute<{ type: string; topics: string[]; payload: any }[]>(
        `select type, topics, payload from event where stream = 'calendar' order by stream_seq`,
      );
    expect(events.map((e) => [e.type, e.payload.change, e.payload.date])).toEqual([
      ['calendar.changed', 'added', coercionDay],
      ['calendar.changed', 'added', soon],
      ['calendar.changed', 'removed', coercionDay],
    ]);
    expect(events.every((e) => e.topics.length === 1 && e.topics[0] === 'calendar')).toBe(true);
  });

  it('a make-up working Saturday counts in addWorkingDays', async () => {
    const saturday = nextPlainSaturday(nextWorkingDay());
    const before = app.services.calendar.current();
    expect(before.isWorkingDay(saturday)).toBe(false);
    await ok('admin', addMutation, {
      input: { date: saturday, kind: 'WORKING_DAY', name: 'Làm bù cho ngày nghỉ bù Quốc khánh', source: 'Thông báo 6150/TB-BLĐTBXH' },
    });
    const after = app.services.calendar.current();
    expect(after.isWorkingDay(saturday)).toBe(true);
    const now = new Date();
    expect(after.addWorkingDays(now, 10).getTime()).toBeLessThan(before.addWorkingDays(now, 10).getTime());

    const caseId = (await makeSharedCase(app, tokens.officer, communeA.id, [ubndA.id])).id;
    const task = (
      await ok('officer', assignMutation, {
        input: { caseId, agencyId: ubndA.id, kind: 'SERVE_NOTICE', title: 'Niêm yết thông báo', dueInWorkingDays: 10 },
      })
    ).assignTask;
    expect(new Date(task.dueAt).getTime()).toBe(app.services.calendar.current().addWorkingDays(new Date(), 10).getTime());

    const listed = (await ok('officer', daysQuery, { from: addDaysToLocalDate(saturday, -1), to: addDaysToLocalDate(saturday, 1) }))
      .calendarDays;
    expect(listed).toContainEqual({
      date: saturday,
      kind: 'WORKING_DAY',
      name: 'Làm bù cho ngày nghỉ bù Quốc khánh',
      source: 'Thông báo 6150/TB-BLĐTBXH',
    });
  });

  it('calendarDays merges the library public holidays with the data; at most 2 years', async () => {
    await ok('admin', addMutation, { input: dayOff('2027-09-03', 'Nghỉ Quốc khánh (ngày thứ hai)') });
    const days = (await ok('officer', daysQuery, { from: '2027-01-01', to: '2027-12-31' })).calendarDays as Array<{
      date: string;
      kind: string;
      name: string;
      source: string;
    }>;
    expect(days.find((d) => d.date === '2027-01-01')).toMatchObject({
      kind: 'PUBLIC_HOLIDAY',
      source: 'Khoản 1 Điều 112 Bộ luật Lao động 2019',
    });
    expect(days.find((d) => d.date === '2027-09-02')).toMatchObject({ kind: 'PUBLIC_HOLIDAY' });
    expect(days.find((d) => d.date === '2027-09-03')).toEqual({
      date: '2027-09-03',
      kind: 'DAY_OFF',
      name: 'Nghỉ Quốc khánh (ngày thứ hai)',
      source: 'Thông báo 6150/TB-BLĐTBXH',
    });
    expect(days.map((d) => d.date)).toEqual([...days.map((d) => d.date)].sort());
    expect(err(await call('officer', daysQuery, { from: '2027-01-01', to: '2029-01-02' })).code).toBe('BAD_USER_INPUT');
    expect(err(await call('officer', daysQuery, { from: '2027-02-30', to: '2027-03-01' })).code).toBe('BAD_USER_INPUT');
    expect(err(await gql(app, daysQuery, { from: '2027-01-01', to: '2027-01-31' })).code).toBe('UNAUTHENTICATED');
  });

  it('only system admins change the calendar; bad dates, weekday working days, holidays and duplicates are refused', async () => {
    expect(err(await call('officer', addMutation, { input: dayOff('2027-10-05') })).code).toBe('FORBIDDEN');
    expect(err(await call('officer', removeMutation, { date: '2027-09-03' })).code).toBe('FORBIDDEN');

    const weekdayWorking = err(
      await call('admin', addMutation, { input: { date: '2027-10-06', kind: 'WORKING_DAY', name: 'Làm bù', source: 'Thông báo 1/TB' } }),
    );
    expect(weekdayWorking.code).toBe('BAD_USER_INPUT');
    expect(weekdayWorking.message).toContain('thứ Bảy hoặc Chủ nhật');
    const holiday = err(await call('admin', addMutation, { input: dayOff('2027-04-30') }));
    expect(holiday.code).toBe('BAD_USER_INPUT');
    expect(holiday.message).toContain('ngày lễ');
    expect(err(await call('admin', addMutation, { input: dayOff('2027-02-29') })).code).toBe('BAD_USER_INPUT');
    expect(err(await call('admin', addMutation, { input: dayOff('3/9/2027') })).code).toBe('BAD_USER_INPUT');

    await ok('admin', addMutation, { input: dayOff('2027-10-05') });
    expect(err(await call('admin', addMutation, { input: dayOff('2027-10-05') })).code).toBe('CONFLICT');
    // 2027-10-09 is a Saturday: a make-up day there, then a day off on the same date → CONFLICT (not both kinds).
    await ok('admin', addMutation, { input: { date: '2027-10-09', kind: 'WORKING_DAY', name: 'Làm bù', source: 'Thông báo 1/TB' } });
    expect(err(await call('admin', addMutation, { input: dayOff('2027-10-09') })).code).toBe('CONFLICT');
    expect(err(await call('admin', removeMutation, { date: '2027-10-12' })).code).toBe('NOT_FOUND');
  });
});

describe('official days off across instances', () => {
  itWithRedis(
    'a day off added on instance A is honoured by instance B',
    async () => {
      await withTwoInstances({ REDIS_URL: redisUrl() }, async ({ a, b }) => {
        const { commune, enforcement } = await setUp(a);
        const soon = nextWorkingDay();
        expect(b.services.calendar.current().isWorkingDay(soon)).toBe(true);
        await ok('admin', addMutation, { input: dayOff(soon) }, a);
        await eventually(() => !b.services.calendar.current().isWorkingDay(soon), 'instance B reloads its calendar', 5_000);
        // … and B's deadlines use it.
        const caseId = (await makeSharedCase(b, tokens.officer, commune.id)).id;
        const task = (
          await ok(
            'officer',
            assignMutation,
            { input: { caseId, agencyId: enforcement.id, kind: 'VERIFY_CONDITIONS', title: 'Xác minh', dueInWorkingDays: 1 } },
            b,
          )
        ).assignTask;
        expect(new Date(task.dueAt).getTime()).toBe(
          createLegalCalendar({ extraDaysOff: [soon] })
            .addWorkingDays(new Date(), 1)
            .getTime(),
        );
        // Removing it on B is seen by A.
        await ok('admin', removeMutation, { date: soon }, b);
        await eventually(() => a.services.calendar.current().isWorkingDay(soon), 'instance A reloads its calendar', 5_000);
      });
    },
    30_000,
  );
});
