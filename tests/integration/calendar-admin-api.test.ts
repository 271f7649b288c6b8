import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../server/src/app';
import type { Agency } from '../../server/src/modules/agencies/agency.entity';
import type { Area } from '../../server/src/modules/areas/area.entity';
import { legalCalendar } from '../../server/src/modules/calendar/legal-calendar';
import { apiAs, coercionOn, communeOffice, deliveredCase, vn } from '../support/case-api';
import { createTestDatabase, gql, startTestApp } from '../support/harness';
import { shift, vnTet } from '../support/lunar-oracle';

/**
 * The API the calendar admin screen and the case page need (issue 13, web app): what a calendar change
 * recalculated (counts in the mutation's answer), and rescheduling a flagged coercion in one step.
 */
let app: App;
let commune: Area;
let police: Agency, committee: Agency;
const tokens: Record<string, string> = {};

const RECALCULATED = 'recalculated { cases protectionPlans tasks coercionsFlagged coercionsCleared }';
const ACTION_FIELDS = 'id status version calendarConflict calendarConflictAt scheduledStart participants { id version agency { id } }';
const planMutation = `mutation($input: PlanActionInput!) { planAction(input: $input) { ${ACTION_FIELDS} } }`;
const stepMutation = `mutation($input: StepActionInput!) { stepAction(input: $input) { ${ACTION_FIELDS} } }`;
const respondMutation = 'mutation($input: RespondInvitationInput!) { respondToInvitation(input: $input) { id status version } }';
const protectionMutation = `mutation($input: RecordProtectionPlanInput!) { recordProtectionPlan(input: $input) { ${ACTION_FIELDS} } }`;
const addDayMutation = `mutation($input: AddCalendarDayInput!) { addCalendarDay(input: $input) { date kind ${RECALCULATED} } }`;
const removeDayMutation = `mutation($date: String!) { removeCalendarDay(date: $date) { date ${RECALCULATED} } }`;
const setDirective = `mutation($input: SetTetDirectiveInput!) { setTetDirective(input: $input) { year origin ${RECALCULATED} } }`;
const removeDirective = `mutation($y: Int!) { removeTetDirective(tetYear: $y) { year origin ${RECALCULATED} } }`;
const daysQuery = `query($from: String!, $to: String!) { calendarDays(from: $from, to: $to) { date ${RECALCULATED} } }`;
const tetQuery = `query($y: Int!) { tetWindow(year: $y) { year ${RECALCULATED} } }`;

const api = apiAs(() => app, tokens);
const { ok } = api;

/** A case whose voluntary period is over, with a coercion on `day` that the police and commune confirmed. */
async function confirmedCoercion(day: string) {
  const c = await deliveredCase(api, { communeId: commune.id, land: true, judgmentDate: '2026-07-20' });
  let a = (
    await ok('officer', planMutation, {
      input: coercionOn(c.id, day),
    })
  ).planAction;
  for (const [who, agency] of [
    ['police', police],
    ['commune', committee],
  ] as const) {
    const p = a.participants.find((x: { agency: { id: string } }) => x.agency.id === agency.id);
    await ok(who, respondMutation, { input: { participantId: p.id, version: p.version, confirm: true } });
  }
  a = (await ok('police', protectionMutation, { input: { id: a.id, version: a.version, note: 'Kế hoạch bảo vệ số 3/KH-CA' } }))
    .recordProtectionPlan;
  return a as { id: string; version: number; status: string };
}

beforeAll(async () => {
  app = await startTestApp(await createTestDatabase());
  ({ commune, committee, police } = await communeOffice(app, tokens));
});
afterAll(async () => {
  await app?.close();
});

describe('what a calendar change recalculated', () => {
  it('counts the coercions a day off flags and its removal clears; queries answer null', async () => {
    const day = legalCalendar().nextCoercionDay(new Date(Date.now() + 120 * 86_400_000));
    let a = await confirmedCoercion(day);
    a = (await ok('officer', stepMutation, { input: { id: a.id, version: a.version, step: 'MARK_READY' } })).stepAction;
    expect(a.status).toBe('READY');

    const added = (
      await ok('admin', addDayMutation, { input: { date: day, kind: 'DAY_OFF', name: 'Nghỉ đột xuất', source: 'Thông báo 12/TB-VPCP' } })
    ).addCalendarDay;
    expect(added.recalculated.coercionsFlagged).toBe(1);
    expect(added.recalculated.coercionsCleared).toBe(0);

    const removed = (await ok('admin', removeDayMutation, { date: day })).removeCalendarDay;
    expect(removed.recalculated).toMatchObject({ coercionsFlagged: 0, coercionsCleared: 1 });

    // A query is not a change: no counts.
    expect((await ok('officer', daysQuery, { from: day, to: day })).calendarDays).toEqual([]);
    expect((await ok('officer', tetQuery, { y: 2030 })).tetWindow.recalculated).toBeNull();
  });

  it('a Tết directive reports its counts too (none here: nothing planned in 2041)', async () => {
    const tet = vnTet(2041);
    const input = {
      tetYear: 2041,
      firstDay: shift(tet, -16),
      lastDay: shift(tet, 18),
      documentNumber: '02/CT-BTP',
      documentDate: '2040-12-15',
    };
    const set = (await ok('admin', setDirective, { input })).setTetDirective;
    expect(set.origin).toBe('DIRECTIVE');
    expect(set.recalculated).toEqual({ cases: 0, protectionPlans: 0, tasks: 0, coercionsFlagged: 0, coercionsCleared: 0 });
    const back = (await ok('admin', removeDirective, { y: 2041 })).removeTetDirective;
    expect(back.origin).toBe('RULE');
    expect(back.recalculated.coercionsFlagged).toBe(0);
  });
});

describe('rescheduling a coercion the calendar put on a forbidden day', () => {
  it('moves a READY coercion in one step to a legal day (flag cleared, planned again); a forbidden new day is refused and changes nothing', async () => {
    const day = legalCalendar().nextCoercionDay(new Date(Date.now() + 150 * 86_400_000));
    let a = await confirmedCoercion(day);
    a = (await ok('officer', stepMutation, { input: { id: a.id, version: a.version, step: 'MARK_READY' } })).stepAction;
    await ok('admin', addDayMutation, { input: { date: day, kind: 'DAY_OFF', name: 'Nghỉ đột xuất', source: 'Thông báo 13/TB-VPCP' } });

    const actionQuery = `query($id: ID!) { action(id: $id) { ${ACTION_FIELDS} } }`;
    const flagged = (await ok('officer', actionQuery, { id: a.id })).action;
    expect(flagged.calendarConflict).toContain('Nghỉ đột xuất');
    expect(flagged.status).toBe('READY');

    // Into the Tết window of next-but-one year: refused with the decree's citation; the action is unchanged.
    const tet = vnTet(new Date().getUTCFullYear() + 2);
    const refused = await gql(
      app,
      stepMutation,
      {
        input: {
          id: a.id,
          version: flagged.version,
          step: 'RESCHEDULE',
          scheduledStart: vn(shift(tet, 16), '08:00'),
          scheduledEnd: vn(shift(tet, 16), '10:00'),
        },
      },
      tokens.officer,
    );
    expect(refused.errors?.[0]?.extensions?.code).toBe('RULE_VIOLATION');
    expect(refused.errors?.[0]?.extensions?.ruleCodes).toContain('COERCION_IN_TET_WINDOW');
    expect(String(refused.errors?.[0]?.extensions?.sources)).toContain('Điều 13 Nghị định 62/2015/NĐ-CP');
    expect(String(refused.errors?.[0]?.extensions?.rule)).not.toMatch(/Điều 46/); // a 2028 act: the 2025 law, never the 2008 article
    const unchanged = (await ok('officer', actionQuery, { id: a.id })).action;
    expect(unchanged).toMatchObject({ status: 'READY', version: flagged.version, scheduledStart: flagged.scheduledStart });

    const newDay = legalCalendar().nextCoercionDay(new Date(Date.now() + 170 * 86_400_000));
    const moved = (
      await ok('officer', stepMutation, {
        input: {
          id: a.id,
          version: flagged.version,
          step: 'RESCHEDULE',
          scheduledStart: vn(newDay, '08:00'),
          scheduledEnd: vn(newDay, '10:00'),
        },
      })
    ).stepAction;
    expect(moved.status).toBe('PLANNED');
    expect(moved.calendarConflict).toBeNull();
    expect(moved.calendarConflictAt).toBeNull();
    expect(moved.scheduledStart).toBe(vn(newDay, '08:00'));
    const ready = (await ok('officer', stepMutation, { input: { id: a.id, version: moved.version, step: 'MARK_READY' } })).stepAction;
    expect(ready.status).toBe('READY');
    await ok('admin', removeDayMutation, { date: day });
  });
});
