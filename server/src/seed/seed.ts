import { hashPassword } from '../auth/passwords';
import { Role } from '../auth/viewer';
import { Agency } from '../modules/agencies/agency.entity';
import { Area } from '../modules/areas/area.entity';
import { User } from '../modules/users/user.entity';
import type { AppServices } from '../services';
import { CaseStatus } from '../modules/cases/case-lifecycle';
import {
  CaseKind,
  CaseParticipant,
  CaseParty,
  EnforcementCase,
  Obligation,
  ParticipantRole,
  PartyKind,
  PartyRole,
  ObligationKind,
} from '../modules/cases/case.entity';
import { foldForSearch } from '../modules/cases/search-text';
import { recordCaseState } from '../modules/statistics/case-state';
import { fillDemoSnapshots } from './snapshot-fill';
import { StatisticsTarget } from '../modules/statistics/target.entity';
import { statisticalYearOf } from '../modules/statistics/periods';
import { writeGenerated } from './bulk-insert';
import {
  DEMO_AGENCIES,
  DEMO_AREAS,
  DEMO_CASES,
  DEMO_GENERATED_CASES,
  DEMO_PASSWORD,
  DEMO_TARGETS,
  DEMO_USERS,
  PROVINCE_OFFICES,
} from './demo-data';
import { generateCases } from './province-generator';
import { streams, topics } from '../events/vocabulary';

/**
 * Seeds the demo data (DOMAIN.md's worked example, invented names) once: the `demo.seeded` event in
 * the `system` stream marks it done, so restarts and several instances never seed twice.
 */
export async function seedDemoData(services: AppServices): Promise<void> {
  const em = services.orm.em.fork();
  // Hashed once (argon2 is deliberately slow); every demo account shares the demo password.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await services.outbox.transaction(em, async (tx) => {
    // Serialise concurrent first starts (two instances on a fresh database).
    await tx.em.execute('select pg_advisory_xact_lock(hashtext(?))', ['phoihop:seed']);
    const [done] = await tx.em.execute(`select 1 from event where stream = 'system' and type = 'demo.seeded' limit 1`);
    if (done) return;

    const areas = new Map<string, Area>();
    for (const a of DEMO_AREAS) {
      const parent = a.parent ? areas.get(a.parent)! : null;
      areas.set(a.code, tx.em.create(Area, { code: a.code, name: a.name, kind: a.kind, parent, path: `${parent?.path ?? '/'}${a.code}/` }));
    }
    const agencies = new Map<string, Agency>();
    for (const g of DEMO_AGENCIES) {
      const agency = tx.em.create(Agency, { code: g.code, name: g.name, kind: g.kind, parent: g.parent ? agencies.get(g.parent)! : null });
      agency.coveredAreas.set(g.covers.map((c) => areas.get(c)!));
      agencies.set(g.code, agency);
    }
    // The demo accounts (each with a phone, for the restricted-data screens), then the generated offices' officers.
    const accounts = [
      ...DEMO_USERS.map((u, i) => ({
        username: u.username,
        fullName: u.fullName,
        agency: u.agency,
        roles: [...u.roles],
        phone: '0912' + String(100000 + i).slice(-6),
      })),
      ...PROVINCE_OFFICES().flatMap((office) =>
        office.officers.map((o) => ({
          username: o.username,
          fullName: o.fullName,
          agency: office.code,
          roles: [Role.ENFORCEMENT_OFFICER],
        })),
      ),
    ];
    const users = new Map<string, User>();
    for (const { agency, ...account } of accounts)
      users.set(account.username, tx.em.create(User, { ...account, agency: agencies.get(agency)!, passwordHash }));
    await tx.em.flush();
    const officer = users.get('cb.thads')!;
    const lead = agencies.get('THADS-LS-KV3')!;
    // Both cases: received 40 days ago, decision delivered 30 days ago, so the voluntary period is over.
    const receivedAt = new Date(Date.now() - 40 * 86_400_000);
    const deliveredAt = new Date(Date.now() - 30 * 86_400_000);
    const calendar = services.calendar.current(); // loaded before the seed runs (app.ts)
    for (const d of DEMO_CASES) {
      const voluntaryEnd = calendar.voluntaryPeriodEnd(deliveredAt);
      const c = tx.em.create(EnforcementCase, {
        judgmentNumber: d.judgmentNumber,
        judgmentCourt: d.judgmentCourt,
        judgmentDate: d.judgmentDate,
        receivedAt,
        kind: CaseKind.ON_REQUEST,
        leadAgency: lead,
        officer,
        commune: areas.get(d.commune)!,
        notes: d.notes,
        decisionNumber: d.decisionNumber,
        decisionDate: receivedAt.toISOString().slice(0, 10),
        decisionDueAt: calendar.deadline('ENFORCEMENT_DECISION', receivedAt),
        decisionDeliveredAt: deliveredAt,
        voluntaryPeriodEndsAt: voluntaryEnd,
        verificationDueAt: calendar.deadline('VERIFICATION', voluntaryEnd),
        status: d.key === 'money' ? CaseStatus.ENFORCING : CaseStatus.ENFORCEABLE,
        complex: d.key === 'forest',
      });
      const parties = d.parties.map((p, position) =>
        tx.em.create(CaseParty, {
          case: c,
          position,
          role: p.role as PartyRole,
          kind: p.kind as PartyKind,
          name: p.name,
          address: p.address,
          idNumber: 'idNumber' in p ? p.idNumber : null,
          phone: 'phone' in p ? p.phone : null,
        }),
      );
      for (const [position, o] of d.obligations.entries()) {
        tx.em.create(Obligation, {
          case: c,
          position,
          kind: o.kind as ObligationKind,
          description: o.description,
          debtor: parties[o.debtor],
          creditor: parties[o.creditor],
          amountOwed: 'amountOwed' in o ? o.amountOwed : null,
          landAreaM2: 'landAreaM2' in o ? o.landAreaM2 : null,
        });
      }
      c.searchText = foldForSearch([c.decisionNumber, c.judgmentNumber, ...parties.map((p) => p.name)].join(' | '));
      tx.em.create(CaseParticipant, { case: c, agency: lead, role: ParticipantRole.LEAD, addedBy: officer });
      for (const s of d.shareWith)
        tx.em.create(CaseParticipant, { case: c, agency: agencies.get(s.agency)!, role: s.role as ParticipantRole, addedBy: officer });
      await tx.em.flush();
      await recordCaseState(tx.em, c.id, receivedAt);
      await tx.emit({
        type: 'case.created',
        stream: streams.case(c.id),
        actorId: officer.id,
        topics: [topics.case(c.id), topics.agency(lead.id)],
        payload: {
          caseId: c.id,
          version: 1,
          sameJudgmentCaseIds: [],
          judgmentNumber: c.judgmentNumber,
          communeId: c.commune.id,
          parties: parties.length,
          obligations: d.obligations.length,
          totalOwed: d.obligations.reduce((sum, o) => sum + BigInt('amountOwed' in o ? o.amountOwed : '0'), 0n).toString(),
          demo: true,
        },
      });
    }
    // The rest of the province: generated cases of regional offices 1 and 2 over the previous and the
    // current statistical year (bulk INSERTs with their state history and event log).
    const generated = generateCases(
      {
        offices: PROVINCE_OFFICES().map((o) => ({
          id: agencies.get(o.code)!.id,
          officerIds: o.officers.map((x) => users.get(x.username)!.id),
          procuracyId: agencies.get(o.procuracy.code)!.id,
          communes: o.communes.map((c) => ({
            id: areas.get(c.code)!.id,
            name: c.name,
            peoplesCommitteeId: agencies.get(`UBND-${c.code}`)!.id,
            policeId: agencies.get(`CA-${c.code}`)!.id,
          })),
        })),
      },
      { cases: DEMO_GENERATED_CASES, now: new Date(), numberPrefix: 'LS' },
    );
    await writeGenerated(tx.em, generated);
    const year = statisticalYearOf(new Date());
    for (const statisticalYear of [year - 1, year]) {
      for (const t of DEMO_TARGETS) {
        tx.em.create(StatisticsTarget, {
          agency: agencies.get(t.agency)!,
          statisticalYear,
          caseRatePercent: t.caseRatePercent,
          moneyRatePercent: t.moneyRatePercent,
          setBy: users.get('bcd.lamson')!,
        });
      }
    }
    await tx.em.flush();
    await tx.emit({
      type: 'demo.seeded',
      stream: streams.system,
      actorId: null,
      topics: [],
      payload: {
        areas: DEMO_AREAS.length,
        agencies: DEMO_AGENCIES.length,
        users: users.size,
        cases: DEMO_CASES.length + DEMO_GENERATED_CASES,
      },
    });
    services.logger.info('demo data seeded');
  });
  await fillDemoSnapshots(em);
}
