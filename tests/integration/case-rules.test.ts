import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../server/src/app';
import type { Area } from '../../server/src/modules/areas/area.entity';
import { cite } from '../../server/src/modules/calendar/legal-rules';
import { AgencyKind, makeAgency, makeProvince, makeUser, Role, signIn } from '../support/factories';
import { createTestDatabase, gql, startTestApp } from '../support/harness';

/** Issue 13, item 6: rule 7 (nothing recorded after termination; a new case for the judgment is linked) and deconfliction. */
let app: App;
let commune: Area;
const tokens: Record<string, string> = {};
let procuracyId = '';
const FIELDS =
  'id version status obligations { id } sameJudgmentCases { caseId status leadAgencyName terminatedOnWithdrawal } sameDebtorCases { caseId leadAgencyName status }';

const call = (who: string, query: string, variables: Record<string, unknown> = {}) => gql(app, query, variables, tokens[who]);
async function ok(who: string, query: string, variables: Record<string, unknown> = {}) {
  const res = await call(who, query, variables);
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return res.data!;
}
const createCase = (who: string, judgmentNumber: string, idNumber: string) =>
  ok(who, `mutation($input: CreateCaseInput!) { createCase(input: $input) { ${FIELDS} } }`, {
    input: {
      judgmentNumber,
      judgmentCourt: 'Tòa án nhân dân khu vực 3',
      judgmentDate: '2026-08-20',
      receivedAt: new Date(Date.now() - 40 * 86_400_000).toISOString(),
      kind: 'ON_REQUEST',
      communeId: commune.id,
      parties: [
        { role: 'DEBTOR', kind: 'PERSON', name: 'Hà Văn Tỉnh', idNumber, address: 'Bản Nà Lầu, xã Tân Hòa', phone: '0912345678' },
        { role: 'CREDITOR', kind: 'PERSON', name: 'Lường Thị Mai' },
      ],
      obligations: [{ kind: 'PAY_MONEY', description: 'Trả 120.000.000 đồng', debtorIndex: 0, creditorIndex: 1, amountOwed: '120000000' }],
    },
  }).then((d) => d.createCase);
const transition = (who: string, input: Record<string, unknown>) =>
  call(who, `mutation($input: TransitionCaseInput!) { transitionCase(input: $input) { ${FIELDS} } }`, { input });

beforeAll(async () => {
  app = await startTestApp(await createTestDatabase());
  ({ communeA: commune } = await makeProvince(app.orm));
  const officeA = await makeAgency(app.orm, AgencyKind.ENFORCEMENT_OFFICE, [commune], 'Phòng THADS khu vực 1');
  const officeB = await makeAgency(app.orm, AgencyKind.ENFORCEMENT_OFFICE, [commune], 'Phòng THADS khu vực 2');
  const committee = await makeAgency(app.orm, AgencyKind.PEOPLES_COMMITTEE, [commune]);
  procuracyId = (await makeAgency(app.orm, AgencyKind.PROCURACY, [commune])).id;
  tokens.officerA = (await signIn(app, (await makeUser(app.orm, officeA, [Role.ENFORCEMENT_OFFICER])).username)).accessToken;
  tokens.officerB = (await signIn(app, (await makeUser(app.orm, officeB, [Role.ENFORCEMENT_OFFICER])).username)).accessToken;
  tokens.commune = (await signIn(app, (await makeUser(app.orm, committee, [Role.OFFICER])).username)).accessToken;
});
afterAll(async () => {
  await app?.close();
});

describe('rule 7: termination on the creditor’s withdrawal', () => {
  it('records nothing more on the case, and a new case for the same judgment is linked and warned about', async () => {
    const old = await createCase('officerA', 'BA-77/2026/DS-ST', '001234567890');
    const ended = await transition('officerA', {
      id: old.id,
      version: old.version,
      transition: 'TERMINATE',
      creditorWithdrawal: true,
      reason: 'Người được thi hành án rút đơn yêu cầu',
    });
    expect(ended.errors, JSON.stringify(ended.errors)).toBeUndefined();
    const terminated = ended.data!.transitionCase;
    // The case page learns up front that nothing more may be recorded, and why (before anyone tries).
    const closedQuery = 'query($id: ID!) { case(id: $id) { recordingClosed { reason legalSource } } }';
    const closed = (await ok('officerA', closedQuery, { id: old.id })).case.recordingClosed;
    expect(closed.reason).toContain('không thể mở lại');
    expect(closed.legalSource).toBe(cite('TERMINATION', new Date().toISOString().slice(0, 10)));

    const progress = await call(
      'officerA',
      'mutation($input: ObligationProgressInput!) { recordObligationProgress(input: $input) { id } }',
      { input: { caseId: old.id, version: terminated.version, obligationId: old.obligations[0].id, amountCollected: '1000000' } },
    );
    expect(progress.errors?.[0].extensions).toMatchObject({
      code: 'RULE_VIOLATION',
      ruleCode: 'CASE_TERMINATED',
      rule: cite('TERMINATION', new Date().toISOString().slice(0, 10)),
    });
    const obligation = await call('officerA', 'mutation($input: AddObligationInput!) { addObligation(input: $input) { id } }', {
      input: { caseId: old.id, version: terminated.version, kind: 'PAY_MONEY', description: 'Án phí', amountOwed: '500000' },
    });
    expect(obligation.errors?.[0].extensions?.ruleCode).toBe('CASE_TERMINATED');
    const [row] = await app.orm.em
      .fork()
      .getConnection()
      .execute<{ amount_collected: string; n: string }[]>(
        `select (select amount_collected from obligation where case_id = ?) as amount_collected, (select count(*) from obligation where case_id = ?) as n`,
        [old.id, old.id],
      );
    expect(row).toEqual({ amount_collected: '0', n: '1' }); // nothing half-written
    expect(
      (await transition('officerA', { id: old.id, version: terminated.version, transition: 'RESUME' })).errors?.[0].extensions?.code,
    ).toBe('RULE_VIOLATION');

    const fresh = await createCase('officerA', 'BA-77/2026/DS-ST', '001234567890');
    expect((await ok('officerA', closedQuery, { id: fresh.id })).case.recordingClosed).toBeNull();
    expect(fresh.sameJudgmentCases).toEqual([
      { caseId: old.id, status: 'TERMINATED', leadAgencyName: 'Phòng THADS khu vực 1', terminatedOnWithdrawal: true },
    ]);
    const [created] = await app.orm.em
      .fork()
      .getConnection()
      .execute<{ payload: any }[]>(`select payload from event where type = 'case.created' and payload->>'caseId' = ?`, [fresh.id]);
    expect(created.payload.sameJudgmentCaseIds).toEqual([old.id]);
  });
});

describe('deconfliction', () => {
  it('warns an office that another office has an open case against a debtor with the same ID number, without showing the number', async () => {
    const a = await createCase('officerA', 'BA-88/2026/DS-ST', '079099001122');
    const b = await createCase('officerB', 'BA-91/2026/KDTM-ST', '079099001122');
    expect(b.sameDebtorCases).toEqual([{ caseId: a.id, leadAgencyName: 'Phòng THADS khu vực 1', status: 'RECEIVED' }]);
    const seenByA = (await ok('officerA', `query($id: ID!) { case(id: $id) { ${FIELDS} } }`, { id: a.id })).case;
    expect(seenByA.sameDebtorCases.map((r: any) => r.caseId)).toEqual([b.id]);
    expect(JSON.stringify(seenByA)).not.toContain('079099001122');
    const other = await createCase('officerB', 'BA-92/2026/DS-ST', '079099009999');
    expect(other.sameDebtorCases).toEqual([]);
  });
});

describe('rule 6: a not-yet-enforceable case is published', () => {
  it('gives a notice with the debtor, address and obligation only, and none before that status', async () => {
    let c = await createCase('officerA', 'BA-95/2026/DS-ST', '001199887766');
    const notice = `query($id: ID!) { case(id: $id) { status version publicNotice { debtors { name address } obligations legalSource text } } }`;
    expect((await ok('officerA', notice, { id: c.id })).case.publicNotice).toBeNull();
    const step = async (input: Record<string, unknown>) => {
      const res = await transition('officerA', { id: c.id, version: c.version, ...input });
      expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
      c = res.data!.transitionCase;
    };
    await step({
      transition: 'ISSUE_DECISION',
      decisionNumber: '95/QĐ-THA',
      decisionDate: new Date(Date.now() - 35 * 86_400_000).toISOString().slice(0, 10),
    });
    await step({ transition: 'RECORD_DELIVERY', deliveredAt: new Date(Date.now() - 30 * 86_400_000).toISOString() });
    await step({ transition: 'START_VERIFICATION' });
    await step({ transition: 'RECORD_NOT_YET_ENFORCEABLE', reason: 'Người phải thi hành án không có tài sản, thu nhập' });
    const published = (await ok('officerA', notice, { id: c.id })).case.publicNotice;
    expect(published.debtors).toEqual([{ name: 'Hà Văn Tỉnh', address: 'Bản Nà Lầu, xã Tân Hòa' }]);
    expect(published.obligations).toEqual(['Trả 120.000.000 đồng']);
    expect(published.legalSource).toBe(cite('NOT_YET_ENFORCEABLE', new Date().toISOString().slice(0, 10)));
    expect(published.text).toContain('Quyết định thi hành án số 95/QĐ-THA');
    expect(published.text).toContain('Hà Văn Tỉnh; địa chỉ: Bản Nà Lầu, xã Tân Hòa');
    for (const secret of ['001199887766', '0912345678', 'Lường Thị Mai']) expect(JSON.stringify(published)).not.toContain(secret);
  });
});

describe('rule 8: urgent account freeze', () => {
  it('makes the decision due 24 h after the record, sends both to the procuracy at once, and escalates a missing decision once', async () => {
    let c = await createCase('officerA', 'BA-99/2026/KDTM-ST', '001188776655');
    const freezeMutation =
      'mutation($input: RecordUrgentFreezeInput!) { recordUrgentFreeze(input: $input) { id recordedAt decisionDueAt decidedAt } }';
    const recordedAt = new Date(Date.now() - 60 * 60_000);
    const freeze = (
      await ok('officerA', freezeMutation, {
        input: {
          caseId: c.id,
          version: c.version,
          recordedAt: recordedAt.toISOString(),
          note: 'Biên bản phong tỏa số 3/BB-THA tại Ngân hàng Nông nghiệp chi nhánh khu vực',
        },
      })
    ).recordUrgentFreeze;
    expect(new Date(freeze.decisionDueAt).getTime() - new Date(freeze.recordedAt).getTime()).toBe(24 * 3_600_000);
    const conn = app.orm.em.fork().getConnection();
    const [recorded] = await conn.execute<{ topics: string[]; payload: any }[]>(
      `select topics, payload from event where type = 'case.urgentFreezeRecorded' and payload->>'freezeId' = ?`,
      [freeze.id],
    );
    expect(recorded.topics).toContain(`agency:${procuracyId}`);
    expect(recorded.payload.legalSource).toBe(cite('URGENT_FREEZE', new Date().toISOString().slice(0, 10)));
    // The case page shows the same source beside the freeze (from the table, never typed in the client).
    const source = (await ok('officerA', 'query($id: ID!) { case(id: $id) { urgentFreezeSource } }', { id: c.id })).case.urgentFreezeSource;
    expect(source).toBe(recorded.payload.legalSource);
    expect(JSON.stringify(recorded.payload)).not.toContain('Ngân hàng'); // the record's content stays out of the log
    const [task] = await conn.execute<{ status: string; due_at: Date; priority: string }[]>(
      `select t.status, t.due_at, t.priority from case_task t join account_freeze f on f.task_id = t.id where f.id = ?`,
      [freeze.id],
    );
    expect(task).toMatchObject({ status: 'OPEN', priority: 'HIGH' });
    expect(new Date(task.due_at).toISOString()).toBe(freeze.decisionDueAt);

    // Nothing decided 25 h after the record: escalated once, to the procuracy too.
    const later = new Date(recordedAt.getTime() + 25 * 3_600_000);
    expect(await app.services.actions.escalateMissedDeadlines(app.orm.em, later)).toContain(freeze.id);
    expect(await app.services.actions.escalateMissedDeadlines(app.orm.em, later)).not.toContain(freeze.id);
    const [missed] = await conn.execute<{ topics: string[] }[]>(
      `select topics from event where type = 'case.deadlineMissed' and payload->>'subjectId' = ?`,
      [freeze.id],
    );
    expect(missed.topics).toContain(`agency:${procuracyId}`);

    c = (await ok('officerA', `query($id: ID!) { case(id: $id) { ${FIELDS} } }`, { id: c.id })).case;
    const decided = (
      await ok(
        'officerA',
        'mutation($input: RecordFreezeDecisionInput!) { recordFreezeDecision(input: $input) { id decidedAt decisionNumber } }',
        { input: { caseId: c.id, version: c.version, freezeId: freeze.id, decisionNumber: '12/QĐ-PTTK' } },
      )
    ).recordFreezeDecision;
    expect(decided).toMatchObject({ decisionNumber: '12/QĐ-PTTK' });
    const [issued] = await conn.execute<{ topics: string[]; payload: any }[]>(
      `select topics, payload from event where type = 'case.freezeDecisionIssued' and payload->>'freezeId' = ?`,
      [freeze.id],
    );
    expect(issued.topics).toContain(`agency:${procuracyId}`);
    expect(issued.payload.late).toBe(false);
    const [done] = await conn.execute<{ status: string }[]>(
      `select t.status from case_task t join account_freeze f on f.task_id = t.id where f.id = ?`,
      [freeze.id],
    );
    expect(done.status).toBe('DONE');
    // The commune's officer may not record one.
    expect(
      (await call('commune', freezeMutation, { input: { caseId: c.id, version: c.version + 1, note: 'x' } })).errors?.[0].extensions?.code,
    ).toMatch(/FORBIDDEN|NOT_FOUND/);
  });
});
