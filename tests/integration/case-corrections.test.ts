import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../server/src/app';
import { AgencyKind, makeAgency, makeProvince, makeUser, Role, signIn } from '../support/factories';
import { createTestDatabase, gql, startTestApp } from '../support/harness';

/** Issue 15 item 3: correcting and removing parties and obligations — versioned, logged, refused when money was collected. */
let app: App;
let officerToken: string, otherToken: string;
let communeId: string;

const FIELDS = `id version
  parties { id name role address idNumber { value } }
  obligations { id kind description amountOwed amountCollected debtorId creditorId }`;

async function ok(query: string, variables: Record<string, unknown>, token = officerToken): Promise<any> {
  const res = await gql(app, query, variables, token);
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return Object.values(res.data!)[0];
}
const refused = async (query: string, variables: Record<string, unknown>, token = officerToken) =>
  (await gql(app, query, variables, token)).errors?.[0];

const UPDATE_PARTY = `mutation($input: UpdateCasePartyInput!) { updateCaseParty(input: $input) { ${FIELDS} } }`;
const REMOVE_PARTY = `mutation($input: RemoveCasePartyInput!) { removeCaseParty(input: $input) { ${FIELDS} } }`;
const UPDATE_OBLIGATION = `mutation($input: UpdateObligationInput!) { updateObligation(input: $input) { ${FIELDS} } }`;
const REMOVE_OBLIGATION = `mutation($input: RemoveObligationInput!) { removeObligation(input: $input) { ${FIELDS} } }`;

/** A case with a debtor, a creditor, a party added by mistake and two money obligations. */
/** An obligation of `c` by its description: obligations entered in one request may share their creation millisecond, so their order is not the input order. */
const obligationNamed = (c: { obligations: Array<{ id: string; description: string }> }, description: string) =>
  c.obligations.find((o) => o.description === description)!;

async function makeCase() {
  return ok(`mutation($input: CreateCaseInput!) { createCase(input: $input) { ${FIELDS} } }`, {
    input: {
      judgmentNumber: `SUA-${Math.random().toString(36).slice(2, 8)}`,
      judgmentCourt: 'Tòa án nhân dân khu vực 1',
      judgmentDate: '2026-08-20',
      receivedAt: new Date(Date.now() - 86_400_000).toISOString(),
      kind: 'ON_REQUEST',
      communeId,
      parties: [
        { role: 'DEBTOR', kind: 'PERSON', name: 'Nguyễn Văn Khoa', idNumber: '079085000123' },
        { role: 'CREDITOR', kind: 'PERSON', name: 'Trần Thị Có' },
        { role: 'RELATED', kind: 'PERSON', name: 'Người Nhập Nhầm' },
      ],
      obligations: [
        { kind: 'PAY_MONEY', description: 'Trả nợ', debtorIndex: 0, creditorIndex: 1, amountOwed: '777000000' },
        { kind: 'PAY_MONEY', description: 'Án phí', debtorIndex: 0, amountOwed: '12500000' },
      ],
    },
  });
}

async function eventsOf(caseId: string): Promise<Array<{ type: string; payload: any }>> {
  return app.orm.em
    .fork()
    .getConnection()
    .execute(`select type, payload from event where stream = ? order by stream_seq`, [`case:${caseId}`]);
}

beforeAll(async () => {
  app = await startTestApp(await createTestDatabase());
  const { communeA } = await makeProvince(app.orm);
  communeId = communeA.id;
  const office = await makeAgency(app.orm, AgencyKind.ENFORCEMENT_OFFICE, [communeA]);
  const police = await makeAgency(app.orm, AgencyKind.POLICE, [communeA]);
  officerToken = (await signIn(app, (await makeUser(app.orm, office, [Role.ENFORCEMENT_OFFICER])).username)).accessToken;
  otherToken = (await signIn(app, (await makeUser(app.orm, police, [Role.OFFICER])).username)).accessToken;
}, 60_000);

afterAll(async () => {
  await app?.close();
});

describe('correcting parties', () => {
  it("edits a party's details (restricted fields kept when left out), logged with field names only, versioned", async () => {
    const c = await makeCase();
    const [debtor] = c.parties;
    const edited = await ok(UPDATE_PARTY, {
      input: {
        caseId: c.id,
        version: c.version,
        partyId: debtor.id,
        party: { role: 'DEBTOR', kind: 'PERSON', name: 'Nguyễn Văn Khoa Sửa', address: 'Thôn 2' },
      },
    });
    expect(edited.version).toBe(c.version + 1);
    expect(edited.parties[0]).toMatchObject({ name: 'Nguyễn Văn Khoa Sửa', address: 'Thôn 2', idNumber: { value: '079085000123' } });
    const last = (await eventsOf(c.id)).at(-1)!;
    expect(last).toMatchObject({ type: 'case.partyUpdated', payload: { partyId: debtor.id, changes: { name: true, address: true } } });
    expect(JSON.stringify(last.payload)).not.toContain('Sửa');

    const stale = await refused(UPDATE_PARTY, {
      input: { caseId: c.id, version: c.version, partyId: debtor.id, party: { role: 'DEBTOR', kind: 'PERSON', name: 'Cũ' } },
    });
    expect(stale?.extensions?.code).toBe('CONFLICT');
    expect(stale?.extensions?.missedChanges).toEqual([expect.objectContaining({ type: 'case.partyUpdated', fields: ['name', 'address'] })]);
  });

  it('removes a party added by mistake; refuses removing or re-roling one named on an obligation', async () => {
    const c = await makeCase();
    const [debtor, creditor, mistake] = c.parties;
    const inUse = await refused(REMOVE_PARTY, { input: { caseId: c.id, version: c.version, partyId: creditor.id } });
    expect(inUse?.extensions).toMatchObject({ code: 'RULE_VIOLATION', ruleCode: 'PARTY_IN_OBLIGATION' });
    const roleChange = await refused(UPDATE_PARTY, {
      input: { caseId: c.id, version: c.version, partyId: debtor.id, party: { role: 'RELATED', kind: 'PERSON', name: debtor.name } },
    });
    expect(roleChange?.extensions).toMatchObject({ code: 'RULE_VIOLATION', ruleCode: 'PARTY_IN_OBLIGATION' });
    const removed = await ok(REMOVE_PARTY, { input: { caseId: c.id, version: c.version, partyId: mistake.id } });
    expect(removed.parties.map((p: any) => p.id)).toEqual([debtor.id, creditor.id]);
    expect((await eventsOf(c.id)).at(-1)).toMatchObject({ type: 'case.partyRemoved', payload: { partyId: mistake.id, role: 'RELATED' } });
  });

  it('someone who may not edit the case gets NOT_FOUND and nothing changes', async () => {
    const c = await makeCase();
    const before = (await eventsOf(c.id)).length;
    const err = await refused(REMOVE_PARTY, { input: { caseId: c.id, version: c.version, partyId: c.parties[2].id } }, otherToken);
    expect(err?.extensions?.code).toBe('NOT_FOUND');
    expect((await eventsOf(c.id)).length).toBe(before);
  });
});

describe('correcting obligations', () => {
  it('edits an obligation (amount, creditor) and removes one entered by mistake, each a logged versioned event', async () => {
    const c = await makeCase();
    const pay = obligationNamed(c, 'Trả nợ');
    const fee = obligationNamed(c, 'Án phí');
    const edited = await ok(UPDATE_OBLIGATION, {
      input: {
        caseId: c.id,
        version: c.version,
        obligationId: pay.id,
        kind: 'PAY_MONEY',
        description: 'Trả nợ tiền vay',
        amountOwed: '700000000',
        debtorId: c.parties[0].id,
        creditorId: null,
      },
    });
    expect(obligationNamed(edited, 'Trả nợ tiền vay')).toMatchObject({
      description: 'Trả nợ tiền vay',
      amountOwed: '700000000',
      creditorId: null,
    });
    expect((await eventsOf(c.id)).at(-1)).toMatchObject({
      type: 'case.obligationUpdated',
      payload: { obligationId: pay.id, changes: { description: true, amountOwed: true, creditor: true }, amountOwed: '700000000' },
    });
    expect(Object.keys((await eventsOf(c.id)).at(-1)!.payload.changes).sort()).toEqual(['amountOwed', 'creditor', 'description']);
    const removed = await ok(REMOVE_OBLIGATION, { input: { caseId: c.id, version: edited.version, obligationId: fee.id } });
    expect(removed.obligations.map((o: any) => o.id)).toEqual([pay.id]);
    expect((await eventsOf(c.id)).at(-1)).toMatchObject({ type: 'case.obligationRemoved', payload: { obligationId: fee.id } });
    const stale = await refused(REMOVE_OBLIGATION, { input: { caseId: c.id, version: edited.version, obligationId: pay.id } });
    expect(stale?.extensions?.code).toBe('CONFLICT');
  });

  it('refuses removing an obligation with money collected (MONEY_COLLECTED) and lowering it below the collected amount', async () => {
    const c = await makeCase();
    const pay = obligationNamed(c, 'Trả nợ');
    // Money recorded against it (the recording flow itself is tested in cases.test.ts).
    await app.orm.em.fork().getConnection().execute(`update obligation set amount_collected = 100000000 where id = ?`, [pay.id]);
    const before = (await eventsOf(c.id)).length;
    const err = await refused(REMOVE_OBLIGATION, { input: { caseId: c.id, version: c.version, obligationId: pay.id } });
    expect(err?.extensions).toMatchObject({ code: 'RULE_VIOLATION', ruleCode: 'MONEY_COLLECTED' });
    expect(err?.message).toContain('Đã ghi nhận khoản thu');
    const lower = await refused(UPDATE_OBLIGATION, {
      input: {
        caseId: c.id,
        version: c.version,
        obligationId: pay.id,
        kind: 'PAY_MONEY',
        description: 'Trả nợ',
        amountOwed: '50000000',
        debtorId: c.parties[0].id,
      },
    });
    expect(lower?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'obligation.amountOwed' });
    const kind = await refused(UPDATE_OBLIGATION, {
      input: { caseId: c.id, version: c.version, obligationId: pay.id, kind: 'OTHER', description: 'Trả nợ', debtorId: c.parties[0].id },
    });
    expect(kind?.extensions).toMatchObject({ code: 'RULE_VIOLATION', ruleCode: 'MONEY_COLLECTED' });
    const after = await ok(`query($id: ID!) { case(id: $id) { ${FIELDS} } }`, { id: c.id });
    expect(after.version).toBe(c.version);
    expect(after.obligations).toHaveLength(2);
    expect((await eventsOf(c.id)).length).toBe(before);
  });
});
