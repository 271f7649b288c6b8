import { randomUUID } from 'node:crypto';
import type { FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../../auth/viewer';
import { idempotent } from '../../db/idempotency';
import { claimVersion } from '../../db/optimistic';
import { findPage, type PageArgs } from '../../db/pagination';
import { AppError, badInput, conflict, notFound, ruleViolation } from '../../errors';
import { loadCommitted, type Outbox, type Tx } from '../../events/outbox';
import {
  type CaseChangeBase,
  type EventPayloads,
  type EventsOf,
  type NewEvent,
  type PayloadBeyond,
  streams,
  type Topic,
  topics,
} from '../../events/vocabulary';
import { assertAllowed, canCreateCase, canOnCase, type CaseAbility, type CaseFacts } from '../../policy/abilities';
import { mayBeAssignedCases } from '../../policy/case-assignment';
import { visibleCaseIdsSql } from '../../policy/case-visibility';
import { caseFactsOnce, factsFromRow, lateralCaseFactsSql, loadCaseFacts, rememberedPerEm, rememberFacts } from '../../policy/facts';
import { columnsOf, jsonObjectOf, takePrefixed } from '../../db/raw-rows';
import { CaseAction } from '../actions/action.entity';
import { Agency } from '../agencies/agency.entity';
import { Area, AreaKind } from '../areas/area.entity';
import {
  type CalendarSource,
  endOfLocalDay,
  startOfLocalDay,
  toLocalDate,
  type LegalCalendar,
  type LocalDate,
} from '../calendar/calendar.surface';
import { User } from '../users/user.entity';
import { cite } from '../calendar/calendar.surface';
import { CaseStatus, CaseTransition, checkTransition, TRANSITIONS } from './case-lifecycle';
import {
  CaseKind,
  CaseParticipant,
  CaseParty,
  EnforcementCase,
  Obligation,
  ObligationKind,
  ParticipantRole,
  PartyKind,
  PartyRole,
} from './case.entity';
import { foldForSearch } from './search-text';
import { recordCaseState } from '../statistics/statistics.surface';
import { formatDong } from './money-text';

export interface PartyInput {
  role: PartyRole;
  kind: PartyKind;
  name: string;
  address?: string | null;
  idNumber?: string | null;
  phone?: string | null;
}

export interface ObligationInput {
  kind: ObligationKind;
  description: string;
  /** Index into the case's parties (create) or a party id (add). */
  debtor?: number | string | null;
  creditor?: number | string | null;
  /** Đồng as a decimal string. */
  amountOwed?: string | null;
  landAreaM2?: string | null;
}

export interface NewCaseInput {
  judgmentNumber: string;
  judgmentCourt: string;
  judgmentDate: string;
  receivedAt: Date;
  kind: CaseKind;
  communeId: string;
  officerId?: string | null;
  complex?: boolean | null;
  backlog?: boolean | null;
  urgentSecurity?: boolean | null;
  notes?: string | null;
  parties: PartyInput[];
  obligations: ObligationInput[];
}

export interface CasePatch {
  id: string;
  version: number;
  /** Corrections of the judgment the case enforces (a typo at intake). */
  judgmentNumber?: string | null;
  judgmentCourt?: string | null;
  judgmentDate?: string | null;
  kind?: CaseKind | null;
  officerId?: string | null;
  complex?: boolean | null;
  backlog?: boolean | null;
  urgentSecurity?: boolean | null;
  notes?: string | null;
}

export interface TransitionInput {
  id: string;
  version: number;
  transition: CaseTransition;
  reason?: string | null;
  /** ISSUE_DECISION */
  decisionNumber?: string | null;
  decisionDate?: string | null;
  /** RECORD_DELIVERY: when the debtor received the decision. */
  deliveredAt?: Date | null;
  /** TERMINATE: the creditor withdrew the request (Đ.50 khoản 1 điểm c): final. */
  creditorWithdrawal?: boolean | null;
}

export interface CaseFilter {
  statuses?: CaseStatus[] | null;
  communeId?: string | null;
  /** Cases this agency leads or takes part in. */
  agencyId?: string | null;
  officerId?: string | null;
  enforceable?: boolean | null;
  overdue?: boolean | null;
  complex?: boolean | null;
  backlog?: boolean | null;
  urgentSecurity?: boolean | null;
  /** Decision/judgment number or party name; diacritics ignored. */
  search?: string | null;
}

const DIGITS = /^\d{1,18}$/;
/** The text form of a uuid (any version): what a case id must look like before it reaches SQL. */
const UUID_TEXT = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Enforcement cases: intake, parties and obligations, the lifecycle, sharing between agencies.
 * Every change claims the case's version (stale writes get CONFLICT) and appends an event to the
 * case's stream in the same transaction.
 */
/** `readable` loads per EntityManager (one request or one transaction), so parallel root fields share one. */
const readableLoads = rememberedPerEm<Promise<{ c: EnforcementCase | null; facts: CaseFacts | undefined }>>();

/** The case row and its policy facts in one statement (the case page, every read by id). */
async function loadWithFacts(em: EntityManager, caseId: string): Promise<{ c: EnforcementCase | null; facts: CaseFacts | undefined }> {
  if (!UUID_TEXT.test(caseId)) return { c: null, facts: undefined };
  const [row] = await em.execute<Record<string, unknown>[]>(
    `select ${columnsOf(em, EnforcementCase, 'c', 'c')}, facts.* from enforcement_case c ${lateralCaseFactsSql('c.id')} where c.id = ?`,
    [caseId],
  );
  if (!row) return { c: null, facts: undefined };
  const { facts, rest } = factsFromRow(row);
  const caseRow = takePrefixed(rest, 'c');
  rememberFacts(em, caseId, facts);
  return { c: caseRow ? em.map(EnforcementCase, caseRow) : null, facts };
}

/** What the case page shows beside the case row, read by the same statement (see `loadCasePage`). */
export interface CasePageRows {
  parties: CaseParty[];
  obligations: Obligation[];
  participants: CaseParticipant[];
  /** The lead office and every agency taking part. */
  agencies: Agency[];
  commune: Area | null;
  officer: User | null;
  /** Every action of the case in schedule order (the deadlines read its open coercions from them). */
  actions: CaseAction[];
}

/**
 * The case page's case in ONE statement: the case row, the policy facts (lateral join), and as JSON
 * arrays its parties, obligations, active participants, their agencies, its commune, officer and actions.
 * Issue 18: the ORM's loaders cost one round trip per relation (seven for this page); the rows are
 * hydrated with `em.map` exactly as a find would (restricted, lazy party columns are not read here).
 * The children are read whether or not the viewer may see the case; the caller decides access on the
 * facts and drops everything when not.
 */
async function loadCasePage(
  em: EntityManager,
  caseId: string,
): Promise<{ c: EnforcementCase | null; facts: CaseFacts | undefined; rows: CasePageRows | null }> {
  const [row] = await em.execute<Record<string, unknown>[]>(
    `select ${columnsOf(em, EnforcementCase, 'c', 'c')}, facts.*,
            (select ${jsonObjectOf(em, Area, 'ar')} from area ar where ar.id = c.commune_id) as page_commune,
            (select ${jsonObjectOf(em, User, 'u')} from app_user u where u.id = c.officer_id) as page_officer,
            (select coalesce(json_agg(${jsonObjectOf(em, Agency, 'ag')}), '[]') from agency ag
              where ag.id = c.lead_agency_id
                 or ag.id in (select pa.agency_id from case_participant pa where pa.case_id = c.id and pa.removed_at is null)) as page_agencies,
            (select coalesce(json_agg(${jsonObjectOf(em, CaseParty, 'p')} order by p.position, p.id), '[]')
               from case_party p where p.case_id = c.id) as page_parties,
            (select coalesce(json_agg(${jsonObjectOf(em, Obligation, 'o')} order by o.position, o.id), '[]')
               from obligation o where o.case_id = c.id) as page_obligations,
            (select coalesce(json_agg(${jsonObjectOf(em, CaseParticipant, 'cp')} order by cp.added_at, cp.id), '[]')
               from case_participant cp where cp.case_id = c.id and cp.removed_at is null) as page_participants,
            (select coalesce(json_agg(${jsonObjectOf(em, CaseAction, 'ca')} order by ca.scheduled_start, ca.id), '[]')
               from case_action ca where ca.case_id = c.id) as page_actions
       from enforcement_case c ${lateralCaseFactsSql('c.id')} where c.id = ?`,
    [caseId],
  );
  if (!row) return { c: null, facts: undefined, rows: null };
  const { page_commune, page_officer, page_agencies, page_parties, page_obligations, page_participants, page_actions, ...caseColumns } =
    row;
  const { facts, rest } = factsFromRow(caseColumns);
  const caseRow = takePrefixed(rest, 'c');
  rememberFacts(em, caseId, facts);
  if (!caseRow) return { c: null, facts: undefined, rows: null };
  const c = em.map(EnforcementCase, caseRow);
  const many = <T extends object>(entity: new () => T, value: unknown) =>
    ((value as Record<string, unknown>[] | null) ?? []).map((r) => em.map(entity, r));
  return {
    c,
    facts,
    rows: {
      parties: many(CaseParty, page_parties),
      obligations: many(Obligation, page_obligations),
      participants: many(CaseParticipant, page_participants),
      agencies: many(Agency, page_agencies),
      commune: page_commune ? em.map(Area, page_commune as Record<string, unknown>) : null,
      officer: page_officer ? em.map(User, page_officer as Record<string, unknown>) : null,
      actions: many(CaseAction, page_actions),
    },
  };
}

export class CaseService {
  constructor(
    private readonly outbox: Outbox,
    /** The instance's legal calendar (official days off included): deadlines are computed with it. */
    private readonly calendar: CalendarSource,
  ) {}

  /**
   * What a calendar change means for cases (a CalendarChangeHook, run in the change's transaction): the
   * stored legal deadlines whose counting period touches a changed date are recomputed with the new
   * calendar — the decision due date (Đ.36) of cases not yet decided, and the end of the voluntary
   * period (Đ.45) with the verification due date (Đ.44) of open cases. Each changed case gets a
   * `case.deadlinesRecalculated` event. Bounded by the changed dates (no scan of every case).
   */
  async applyCalendarChange(tx: Tx, calendar: LegalCalendar, changedDates: LocalDate[], actorId: string): Promise<{ cases: number }> {
    if (!changedDates.length) return { cases: 0 };
    let moved = 0;
    const sorted = [...changedDates].sort();
    const from = startOfLocalDay(sorted[0]);
    const to = endOfLocalDay(sorted[sorted.length - 1]);
    const open = { $nin: [CaseStatus.COMPLETED, CaseStatus.TERMINATED, CaseStatus.RETURNED] };
    const candidates = await tx.em.find(EnforcementCase, {
      status: open,
      $or: [
        { status: CaseStatus.RECEIVED, decisionDueAt: { $gte: from }, receivedAt: { $lte: to } },
        { verificationDueAt: { $gte: from }, decisionDeliveredAt: { $ne: null, $lte: to } },
      ],
    });
    for (const c of candidates) {
      const before = {
        decisionDueAt: c.decisionDueAt ?? null,
        voluntaryPeriodEndsAt: c.voluntaryPeriodEndsAt ?? null,
        verificationDueAt: c.verificationDueAt ?? null,
      };
      if (c.status === CaseStatus.RECEIVED) c.decisionDueAt = calendar.deadline('ENFORCEMENT_DECISION', c.receivedAt);
      if (c.decisionDeliveredAt) {
        c.voluntaryPeriodEndsAt = calendar.voluntaryPeriodEnd(c.decisionDeliveredAt);
        c.verificationDueAt = calendar.deadline('VERIFICATION', c.voluntaryPeriodEndsAt);
      }
      const changed = (Object.keys(before) as Array<keyof typeof before>).filter(
        (k) => (before[k]?.getTime() ?? null) !== (c[k]?.getTime() ?? null),
      );
      if (!changed.length) continue;
      moved++;
      await tx.em.flush();
      await tx.emit({
        type: 'case.deadlinesRecalculated',
        stream: streams.case(c.id),
        actorId,
        topics: [topics.case(c.id), topics.agency(c.leadAgency.id)],
        payload: {
          caseId: c.id,
          version: c.version,
          changed,
          decisionDueAt: c.decisionDueAt ?? null,
          voluntaryPeriodEndsAt: c.voluntaryPeriodEndsAt ?? null,
          verificationDueAt: c.verificationDueAt ?? null,
        },
      });
    }
    return { cases: moved };
  }

  /**
   * Warnings for the lead office about other cases (rule 7 and deconfliction): cases of the same judgment
   * (number and court) — e.g. a new case after an earlier one was terminated on the creditor's withdrawal
   * (Điều 50: that one cannot be reopened) — and open cases of OTHER offices against a debtor with the
   * same ID number. Only the lead office's officers get them (empty otherwise); the ID number itself is
   * never returned. Both lookups use indexes (judgment_number, id_number).
   */
  async relatedCases(
    em: EntityManager,
    viewer: Viewer,
    c: EnforcementCase,
  ): Promise<{ sameJudgment: RelatedCase[]; sameDebtor: RelatedCase[] }> {
    const facts = (await caseFactsOnce(em, [c.id])).get(c.id);
    if (!facts || !canOnCase(viewer, 'case.update', facts)) return { sameJudgment: [], sameDebtor: [] };
    const conn = em.getConnection();
    const sameJudgment = await conn.execute<RelatedCaseRow[]>(
      `select c.id, c.status, c.lead_agency_id, a.name as agency_name, c.decision_number,
              exists (select 1 from event e where e.stream = 'case:' || c.id and e.type = 'case.transitioned'
                        and e.payload->>'to' = 'TERMINATED' and (e.payload->>'creditorWithdrawal')::boolean) as withdrawn
         from enforcement_case c join agency a on a.id = c.lead_agency_id
        where c.judgment_number = ? and c.judgment_court = ? and c.id <> ?
        order by c.received_at limit 20`,
      [c.judgmentNumber, c.judgmentCourt, c.id],
    );
    const sameDebtor = await conn.execute<RelatedCaseRow[]>(
      `select distinct c.id, c.status, c.lead_agency_id, a.name as agency_name, c.decision_number, false as withdrawn
         from case_party mine
         join case_party other on other.id_number = mine.id_number and other.role = 'DEBTOR' and other.case_id <> mine.case_id
         join enforcement_case c on c.id = other.case_id
         join agency a on a.id = c.lead_agency_id
        where mine.case_id = ? and mine.role = 'DEBTOR' and mine.id_number is not null and mine.id_number <> ''
          and c.lead_agency_id <> ? and c.status not in ('COMPLETED', 'TERMINATED', 'RETURNED')
        limit 20`,
      [c.id, c.leadAgency.id],
    );
    const toRelated = (r: RelatedCaseRow): RelatedCase => ({
      caseId: r.id,
      status: r.status,
      leadAgencyId: r.lead_agency_id,
      leadAgencyName: r.agency_name,
      decisionNumber: r.decision_number,
      terminatedOnWithdrawal: Boolean(r.withdrawn),
    });
    return { sameJudgment: sameJudgment.map(toRelated), sameDebtor: sameDebtor.map(toRelated) };
  }

  /**
   * Rule 6 (Điều 44a): the public notice of a case recorded as not yet enforceable — the debtor's name,
   * address and obligation, for posting at the commune. Only that is published: ID numbers, phones and
   * the creditor's data stay restricted. Null for any other status. Visible to whoever reads the case.
   */
  async publicNotice(em: EntityManager, c: EnforcementCase): Promise<PublicNotice | null> {
    if (c.status !== CaseStatus.NOT_YET_ENFORCEABLE) return null;
    const debtors = await em.find(
      CaseParty,
      { case: c.id, role: PartyRole.DEBTOR },
      { fields: ['name', 'address'], orderBy: { position: 'asc' } },
    );
    const obligations = await em.find(Obligation, { case: c.id }, { orderBy: { position: 'asc', id: 'asc' } });
    const office = await em.findOneOrFail(Agency, { id: c.leadAgency.id }, { fields: ['name'] });
    const commune = await em.findOneOrFail(Area, { id: c.commune.id }, { fields: ['name'] });
    const legalSource = cite('NOT_YET_ENFORCEABLE', toLocalDate(c.receivedAt));
    const lines = [
      'THÔNG BÁO',
      'Về việc người phải thi hành án chưa có điều kiện thi hành án',
      `Căn cứ ${legalSource};`,
      `${office.name} thông báo: theo ${c.decisionNumber ? `Quyết định thi hành án số ${c.decisionNumber}` : `bản án, quyết định số ${c.judgmentNumber}`}, người phải thi hành án chưa có điều kiện thi hành án.`,
      ...debtors.map((d) => `Người phải thi hành án: ${d.name}${d.address ? `; địa chỉ: ${d.address}` : ''}.`),
      ...obligations.map((o) => `Nghĩa vụ phải thi hành: ${o.description}${o.amountOwed ? ` (${formatDong(BigInt(o.amountOwed))})` : ''}.`),
      `Thông báo được niêm yết tại trụ sở Ủy ban nhân dân ${commune.name}.`,
    ];
    return {
      debtors: debtors.map((d) => ({ name: d.name, address: d.address ?? null })),
      obligations: obligations.map((o) => o.description),
      legalSource,
      text: lines.join('\n'),
    };
  }

  /**
   * Loads a case the viewer may read, with its policy facts; NOT_FOUND otherwise (no hint that it
   * exists). `what` names the thing asked for in that message (a task, an action … of the case).
   */
  async readable(
    em: EntityManager,
    viewer: Viewer,
    caseId: string,
    what = 'việc thi hành án',
    field?: string,
  ): Promise<{ c: EnforcementCase; facts: CaseFacts }> {
    // One load and one access decision per case per request: the case page's root fields resolve in parallel.
    const loads = readableLoads(em);
    let load = loads.get(caseId);
    if (!load) {
      load = em.getUnitOfWork().getById<EnforcementCase>(EnforcementCase.name, caseId)
        ? em
            .findOne(EnforcementCase, { id: caseId })
            .then(async (c) => ({ c, facts: c ? (await caseFactsOnce(em, [c.id])).get(c.id) : undefined }))
        : loadWithFacts(em, caseId);
      loads.set(caseId, load);
      load.catch(() => loads.delete(caseId));
    }
    const { c, facts } = await load;
    if (!c || !facts || !canOnCase(viewer, 'case.read', facts)) throw notFound(what, field ? { field } : undefined);
    return { c, facts };
  }

  /**
   * The policy facts of a case the viewer may read, without loading the case row (one statement,
   * remembered per EntityManager like `readable`); NOT_FOUND otherwise. For writes that need only the
   * case's id and who is on it (a post, a task step).
   */
  async factsIfReadable(em: EntityManager, viewer: Viewer, caseId: string, what = 'việc thi hành án', field?: string): Promise<CaseFacts> {
    if (!UUID_TEXT.test(caseId)) throw notFound(what, field ? { field } : undefined);
    const facts = (await caseFactsOnce(em, [caseId])).get(caseId);
    if (!facts || !canOnCase(viewer, 'case.read', facts)) throw notFound(what, field ? { field } : undefined);
    return facts;
  }

  /**
   * The case page's case with the rows it shows (`loadCasePage`, one statement), when this request has
   * not loaded the case yet (`rows` is null otherwise: the loaders read them). Access is decided once,
   * as in `readable`, and the load is shared with the page's other root fields (thread, tasks).
   */
  async getPage(em: EntityManager, viewer: Viewer, id: string): Promise<{ c: EnforcementCase; rows: CasePageRows | null }> {
    if (!UUID_TEXT.test(id)) throw notFound('việc thi hành án');
    const loads = readableLoads(em);
    let page: ReturnType<typeof loadCasePage> | undefined;
    if (!loads.has(id) && !em.getUnitOfWork().getById<EnforcementCase>(EnforcementCase.name, id)) {
      page = loadCasePage(em, id);
      const load = page.then(({ c, facts }) => ({ c, facts }));
      loads.set(id, load);
      load.catch(() => loads.delete(id));
    }
    const { c } = await this.readable(em, viewer, id);
    return { c, rows: page ? (await page).rows : null };
  }

  /** Loads a case the viewer may read (NOT_FOUND otherwise: no hint that it exists). */
  async get(em: EntityManager, viewer: Viewer, id: string): Promise<EnforcementCase> {
    // A malformed link is simply not a case (PostgreSQL would reject it as a uuid: a server error).
    if (!UUID_TEXT.test(id)) throw notFound('việc thi hành án');
    return (await this.readable(em, viewer, id)).c;
  }

  /** Cases the viewer may see, newest first, filtered. */
  list(em: EntityManager, viewer: Viewer, filter: CaseFilter, page: PageArgs) {
    // The SQL form of 'case.read' (policy/case-visibility.ts), so a page never holds a case the
    // viewer may not open; a test checks that list and single reads agree for every viewer.
    const visible = visibleCaseIdsSql(viewer);
    const and: FilterQuery<EnforcementCase>[] = [{ id: { $in: em.getKnex().raw(visible.sql, visible.params as never[]) as never } }];
    if (filter.statuses?.length) and.push({ status: { $in: filter.statuses } });
    if (filter.communeId) and.push({ commune: filter.communeId });
    if (filter.officerId) and.push({ officer: filter.officerId });
    if (filter.agencyId) {
      and.push({
        $or: [
          { leadAgency: filter.agencyId },
          {
            id: {
              $in: em
                .createQueryBuilder(CaseParticipant, 'q')
                .select('q.case_id')
                .where({ agency: filter.agencyId, removedAt: null })
                .getKnexQuery() as never,
            },
          },
        ],
      });
    }
    if (filter.enforceable === true) and.push({ status: { $in: [CaseStatus.ENFORCEABLE, CaseStatus.ENFORCING] } });
    if (filter.enforceable === false) and.push({ status: CaseStatus.NOT_YET_ENFORCEABLE });
    for (const flag of ['complex', 'backlog', 'urgentSecurity'] as const) if (filter[flag] != null) and.push({ [flag]: filter[flag] });
    if (filter.overdue) {
      const now = new Date();
      and.push({
        $or: [
          { status: CaseStatus.RECEIVED, decisionDueAt: { $lt: now } },
          { status: { $in: [CaseStatus.VOLUNTARY_PERIOD, CaseStatus.VERIFICATION] }, verificationDueAt: { $lt: now } },
        ],
      });
    }
    if (filter.search?.trim()) and.push({ searchText: { $like: `%${escapeLike(foldForSearch(filter.search))}%` } });
    // The total in its own statement: the page then walks enforcement_case_created_at_id_idx and stops.
    return findPage(em, EnforcementCase, { $and: and }, { createdAt: 'desc', id: 'desc' }, page, { separateCount: true });
  }

  /** Opens a case in the viewer's own office. With an idempotency key, a retry returns the first result. */
  async create(em: EntityManager, viewer: Viewer, input: NewCaseInput, idempotencyKey?: string | null): Promise<EnforcementCase> {
    assertAllowed(canCreateCase(viewer), 'mở việc thi hành án (chỉ chấp hành viên, thủ trưởng cơ quan thi hành án)');
    validateParties(input.parties);
    input.obligations.forEach((o, i) => validateObligation(o, `obligations[${i}]`));
    const newId = randomUUID();
    const caseId = await this.outbox.transaction(em, async (tx) => {
      return idempotent(tx, viewer.userId, { key: idempotencyKey, operation: 'createCase', input }, async () => {
        const commune = await tx.em.findOne(Area, { id: input.communeId });
        if (!commune || commune.kind !== AreaKind.COMMUNE)
          throw badInput('Hãy chọn xã/phường nơi tổ chức thi hành án.', { field: 'communeId' });
        const officer = input.officerId ? await this.officerOf(tx.em, viewer.agencyId, input.officerId) : null;
        const lead = tx.em.getReference(Agency, viewer.agencyId);
        const c = tx.em.create(EnforcementCase, {
          id: newId,
          judgmentNumber: input.judgmentNumber.trim(),
          judgmentCourt: input.judgmentCourt.trim(),
          judgmentDate: input.judgmentDate,
          receivedAt: input.receivedAt,
          kind: input.kind,
          leadAgency: lead,
          officer,
          commune,
          complex: input.complex ?? false,
          backlog: input.backlog ?? false,
          urgentSecurity: input.urgentSecurity ?? false,
          notes: input.notes?.trim() || null,
          decisionDueAt: this.calendar.current().deadline('ENFORCEMENT_DECISION', input.receivedAt),
        });
        const parties = input.parties.map((p, position) => tx.em.create(CaseParty, { case: c, position, ...cleanParty(p) }));
        for (const [position, o] of input.obligations.entries()) {
          tx.em.create(Obligation, {
            case: c,
            position,
            kind: o.kind,
            description: o.description.trim(),
            debtor: partyByIndex(parties, o.debtor, 'debtor'),
            creditor: partyByIndex(parties, o.creditor, 'creditor'),
            amountOwed: o.amountOwed ?? null,
            landAreaM2: o.landAreaM2 ?? null,
          });
        }
        tx.em.create(CaseParticipant, {
          case: c,
          agency: lead,
          role: ParticipantRole.LEAD,
          addedBy: tx.em.getReference(User, viewer.userId),
        });
        c.searchText = searchTextOf(c, parties);
        await tx.em.flush();
        // Rule 7: a new request for a judgment whose case was terminated is a new case, linked to the old
        // one (see relatedCases); the event records the link so the office is warned in its feed.
        const sameJudgment = await tx.em.find(
          EnforcementCase,
          { judgmentNumber: c.judgmentNumber, judgmentCourt: c.judgmentCourt, id: { $ne: c.id } },
          { fields: ['id'], limit: 20 },
        );
        await recordCaseState(tx.em, c.id);
        await emitCase(tx, viewer, c, {
          type: 'case.created',
          payload: {
            sameJudgmentCaseIds: sameJudgment.map((o) => o.id),
            judgmentNumber: c.judgmentNumber,
            communeId: commune.id,
            parties: parties.length,
            obligations: input.obligations.length,
            totalOwed: sumMoney(input.obligations.map((o) => o.amountOwed)),
          },
          topics: [topics.agency(viewer.agencyId)],
        });
        return c.id;
      });
    });
    return loadCommitted(() => em.fork().findOneOrFail(EnforcementCase, { id: caseId }));
  }

  /** Changes the officer, flags, notes, or corrects the judgment's number, court, date or the case kind. */
  async update(em: EntityManager, viewer: Viewer, patch: CasePatch): Promise<EnforcementCase> {
    return this.change(em, viewer, patch.id, patch.version, 'case.update', async (tx, c) => {
      const changes: Record<string, unknown> = {};
      for (const field of ['judgmentNumber', 'judgmentCourt', 'judgmentDate'] as const) {
        const value = patch[field]?.trim();
        if (value && value !== c[field]) c[field] = changes[field] = value;
      }
      if (patch.kind && patch.kind !== c.kind) c.kind = changes.kind = patch.kind;
      if (changes.judgmentNumber) c.searchText = searchTextOf(c, await tx.em.find(CaseParty, { case: c.id }));
      if (patch.officerId !== undefined && patch.officerId !== (c.officer?.id ?? null)) {
        c.officer = patch.officerId ? await this.officerOf(tx.em, c.leadAgency.id, patch.officerId) : null;
        changes.officerId = patch.officerId;
      }
      for (const flag of ['complex', 'backlog', 'urgentSecurity'] as const) {
        if (patch[flag] != null && patch[flag] !== c[flag]) c[flag] = changes[flag] = patch[flag]!;
      }
      if (patch.notes !== undefined && (patch.notes?.trim() || null) !== (c.notes ?? null)) {
        c.notes = patch.notes?.trim() || null;
        changes.notes = 'changed';
      }
      return { type: 'case.updated', payload: { changes } };
    });
  }

  /** Moves the case along its lifecycle; illegal moves give RULE_VIOLATION naming the rule. */
  async transition(em: EntityManager, viewer: Viewer, input: TransitionInput): Promise<EnforcementCase> {
    return this.change(em, viewer, input.id, input.version, 'case.transition', this.transitionStep(input));
  }

  /**
   * The lifecycle step as a change to apply (used by `transition`, and by other services inside their
   * own transaction through `changeIn`, e.g. completing the case when an action's outcome fulfils it).
   */
  transitionStep(input: Omit<TransitionInput, 'id' | 'version'>): CaseChange {
    const rule = TRANSITIONS[input.transition];
    if (rule.needsReason && !input.reason?.trim()) throw badInput('Hãy ghi rõ lý do (được lưu vào nhật ký của việc).', { field: 'reason' });
    return async (tx, c) => {
      const lawDate = toLocalDate(c.receivedAt);
      const check = checkTransition(c.status, input.transition, c.resumeStatus, lawDate);
      if (!check.ok) throw ruleViolation(check.message, check.source, { transition: input.transition, status: c.status });
      const extra: Record<string, unknown> = {};
      const now = new Date();
      switch (input.transition) {
        case CaseTransition.ISSUE_DECISION: {
          const number = input.decisionNumber?.trim();
          if (!number || !input.decisionDate)
            throw badInput('Quyết định thi hành án cần số và ngày ban hành.', { field: 'decisionNumber' });
          const clash = await tx.em.count(EnforcementCase, { leadAgency: c.leadAgency.id, decisionNumber: number, id: { $ne: c.id } });
          if (clash) throw conflict(`Số quyết định "${number}" đã được dùng cho một việc khác của cơ quan.`, { field: 'decisionNumber' });
          c.decisionNumber = number;
          c.decisionDate = input.decisionDate;
          c.searchText = searchTextOf(c, await tx.em.find(CaseParty, { case: c.id }));
          Object.assign(extra, { decisionNumber: number, decisionDate: input.decisionDate });
          break;
        }
        case CaseTransition.RECORD_DELIVERY: {
          const deliveredAt = input.deliveredAt ?? now;
          if (deliveredAt > now) throw badInput('Ngày đương sự nhận quyết định không thể ở tương lai.', { field: 'deliveredAt' });
          c.decisionDeliveredAt = deliveredAt;
          const calendar = this.calendar.current();
          c.voluntaryPeriodEndsAt = calendar.voluntaryPeriodEnd(deliveredAt);
          c.verificationDueAt = calendar.deadline('VERIFICATION', c.voluntaryPeriodEndsAt);
          Object.assign(extra, { deliveredAt, voluntaryPeriodEndsAt: c.voluntaryPeriodEndsAt, verificationDueAt: c.verificationDueAt });
          break;
        }
        case CaseTransition.START_VERIFICATION:
          if (!c.urgentSecurity && c.voluntaryPeriodEndsAt && now < c.voluntaryPeriodEndsAt) {
            throw ruleViolation(
              `Thời hạn tự nguyện thi hành án chưa hết (đến hết ${formatVi(c.voluntaryPeriodEndsAt)}); chưa được xác minh để cưỡng chế, trừ khi việc được đánh dấu cần áp dụng biện pháp bảo đảm khẩn cấp.`,
              cite('VOLUNTARY_PERIOD', lawDate),
              { voluntaryPeriodEndsAt: c.voluntaryPeriodEndsAt.toISOString() },
            );
          }
          break;
        case CaseTransition.COMPLETE: {
          const open = (await tx.em.find(Obligation, { case: c.id })).filter((o) => !isSatisfied(o));
          if (open.length) {
            throw ruleViolation(
              `Còn ${open.length} nghĩa vụ chưa thi hành xong (${open.map((o) => o.description).join('; ')}); chưa thể xác nhận thi hành xong.`,
              cite('COMPLETION', lawDate),
              {
                openObligationIds: open.map((o) => o.id),
              },
            );
          }
          break;
        }
        case CaseTransition.POSTPONE:
        case CaseTransition.SUSPEND:
          c.resumeStatus = c.status;
          break;
        case CaseTransition.RESUME:
          c.resumeStatus = null;
          break;
        case CaseTransition.TERMINATE:
          extra.creditorWithdrawal = Boolean(input.creditorWithdrawal);
          break;
      }
      const from = c.status;
      c.status = check.to;
      return {
        type: 'case.transitioned',
        payload: {
          transition: input.transition,
          from,
          to: c.status,
          reason: input.reason?.trim() || null,
          legalSource: check.source,
          ...extra,
        },
      };
    };
  }

  /** Adds a party to a case. */
  async addParty(em: EntityManager, viewer: Viewer, caseId: string, version: number, party: PartyInput): Promise<EnforcementCase> {
    validateParties([party], true);
    return this.change(em, viewer, caseId, version, 'case.update', async (tx, c) => {
      refuseIfTerminated(c, 'thêm đương sự');
      const existing = await tx.em.find(CaseParty, { case: c.id });
      const created = tx.em.create(CaseParty, { case: c, position: existing.length, ...cleanParty(party) });
      c.searchText = searchTextOf(c, [...existing, created]);
      return { type: 'case.partyAdded', payload: { partyId: created.id, role: created.role, kind: created.kind } };
    });
  }

  /** Adds an obligation to a case. */
  async addObligation(
    em: EntityManager,
    viewer: Viewer,
    caseId: string,
    version: number,
    input: ObligationInput,
  ): Promise<EnforcementCase> {
    validateObligation(input, 'obligation');
    return this.change(em, viewer, caseId, version, 'case.update', async (tx, c) => {
      refuseIfTerminated(c, 'thêm nghĩa vụ');
      const party = async (id: number | string | null | undefined, field: string) => {
        if (id == null) return null;
        const p = await tx.em.findOne(CaseParty, { id: String(id), case: c.id });
        if (!p) throw notFound('đương sự trong việc này', { field });
        return p;
      };
      const created = tx.em.create(Obligation, {
        case: c,
        position: await nextObligationPosition(tx.em, c.id),
        kind: input.kind,
        description: input.description.trim(),
        debtor: await party(input.debtor, 'debtor'),
        creditor: await party(input.creditor, 'creditor'),
        amountOwed: input.amountOwed ?? null,
        landAreaM2: input.landAreaM2 ?? null,
      });
      return {
        type: 'case.obligationAdded',
        payload: { obligationId: created.id, kind: created.kind, amountOwed: created.amountOwed ?? null },
      };
    });
  }

  /**
   * Corrects a party's details. Restricted fields (ID number, phone) left undefined keep their value, so
   * an editor who may not read them cannot wipe them; a debtor named on an obligation keeps the debtor role.
   */
  async updateParty(
    em: EntityManager,
    viewer: Viewer,
    input: { caseId: string; version: number; partyId: string; party: PartyInput },
  ): Promise<EnforcementCase> {
    validateParties([input.party], true);
    return this.change(em, viewer, input.caseId, input.version, 'case.update', async (tx, c) => {
      refuseIfTerminated(c, 'sửa đương sự');
      const parties = await tx.em.find(CaseParty, { case: c.id }, { orderBy: { position: 'asc' }, populate: ['idNumber', 'phone'] });
      const p = parties.find((x) => x.id === input.partyId);
      if (!p) throw notFound('đương sự trong việc này', { field: 'partyId' });
      const next = cleanParty(input.party);
      if (p.role !== next.role) {
        const named = await tx.em.count(Obligation, { case: c.id, $or: [{ debtor: p.id }, { creditor: p.id }] });
        if (named) throw partyInUse('đổi tư cách của đương sự');
        if (p.role === PartyRole.DEBTOR && !parties.some((x) => x.id !== p.id && x.role === PartyRole.DEBTOR))
          throw badInput('Việc thi hành án cần ít nhất một người phải thi hành án.', { field: 'party.role' });
      }
      const changes: Record<string, true> = {};
      for (const field of ['role', 'kind', 'name', 'address', 'idNumber', 'phone'] as const) {
        if ((field === 'idNumber' || field === 'phone') && input.party[field] === undefined) continue;
        if (p[field] !== next[field]) {
          (p as unknown as Record<string, unknown>)[field] = next[field];
          changes[field] = true;
        }
      }
      if (!Object.keys(changes).length) throw badInput('Không có thay đổi nào để lưu.', { field: 'party' });
      c.searchText = searchTextOf(c, parties);
      return { type: 'case.partyUpdated', payload: { partyId: p.id, changes } };
    });
  }

  /** Removes a party added by mistake: refused while an obligation names it, or when it is the last debtor. */
  async removeParty(
    em: EntityManager,
    viewer: Viewer,
    input: { caseId: string; version: number; partyId: string },
  ): Promise<EnforcementCase> {
    return this.change(em, viewer, input.caseId, input.version, 'case.update', async (tx, c) => {
      refuseIfTerminated(c, 'xóa đương sự');
      const parties = await tx.em.find(CaseParty, { case: c.id }, { orderBy: { position: 'asc' } });
      const p = parties.find((x) => x.id === input.partyId);
      if (!p) throw notFound('đương sự trong việc này', { field: 'partyId' });
      const named = await tx.em.count(Obligation, { case: c.id, $or: [{ debtor: p.id }, { creditor: p.id }] });
      if (named) throw partyInUse('xóa đương sự');
      const rest = parties.filter((x) => x.id !== p.id);
      if (p.role === PartyRole.DEBTOR && !rest.some((x) => x.role === PartyRole.DEBTOR))
        throw badInput('Không thể xóa người phải thi hành án duy nhất của việc.', { field: 'partyId' });
      tx.em.remove(p);
      c.searchText = searchTextOf(c, rest);
      return { type: 'case.partyRemoved', payload: { partyId: p.id, role: p.role } };
    });
  }

  /** Corrects an obligation; the amount owed may not drop below what was already collected. */
  async updateObligation(
    em: EntityManager,
    viewer: Viewer,
    input: { caseId: string; version: number; obligationId: string; obligation: ObligationInput },
  ): Promise<EnforcementCase> {
    validateObligation(input.obligation, 'obligation');
    return this.change(em, viewer, input.caseId, input.version, 'case.update', async (tx, c) => {
      refuseIfTerminated(c, 'sửa nghĩa vụ');
      const o = await tx.em.findOne(Obligation, { id: input.obligationId, case: c.id });
      if (!o) throw notFound('nghĩa vụ trong việc này', { field: 'obligationId' });
      const next = input.obligation;
      const recorded = BigInt(o.amountCollected) > 0n || o.fulfilled;
      if (recorded && next.kind !== o.kind) throw moneyCollected('đổi loại nghĩa vụ');
      if (next.amountOwed != null && BigInt(next.amountOwed) < BigInt(o.amountCollected))
        throw badInput('Số tiền phải thi hành không thể nhỏ hơn số tiền đã thu.', {
          field: 'obligation.amountOwed',
          amountCollected: o.amountCollected,
        });
      const party = async (id: number | string | null | undefined, field: string) => {
        if (id == null) return null;
        const p = await tx.em.findOne(CaseParty, { id: String(id), case: c.id });
        if (!p) throw notFound('đương sự trong việc này', { field });
        return p;
      };
      const debtor = await party(next.debtor, 'debtorId');
      const creditor = await party(next.creditor, 'creditorId');
      const values = {
        kind: next.kind,
        description: next.description.trim(),
        amountOwed: next.amountOwed ?? null,
        landAreaM2: next.landAreaM2 ?? null,
        debtor: debtor?.id ?? null,
        creditor: creditor?.id ?? null,
      };
      const current = {
        kind: o.kind,
        description: o.description,
        amountOwed: o.amountOwed == null ? null : String(o.amountOwed),
        landAreaM2: o.landAreaM2 == null ? null : String(o.landAreaM2),
        debtor: o.debtor?.id ?? null,
        creditor: o.creditor?.id ?? null,
      };
      const changes: Record<string, true> = {};
      for (const key of Object.keys(values) as Array<keyof typeof values>) if (values[key] !== current[key]) changes[key] = true;
      if (!Object.keys(changes).length) throw badInput('Không có thay đổi nào để lưu.', { field: 'obligation' });
      o.kind = values.kind;
      o.description = values.description;
      o.amountOwed = values.amountOwed;
      o.landAreaM2 = values.landAreaM2;
      o.debtor = debtor;
      o.creditor = creditor;
      return { type: 'case.obligationUpdated', payload: { obligationId: o.id, changes, amountOwed: o.amountOwed ?? null } };
    });
  }

  /** Removes an obligation entered by mistake: refused (RULE_VIOLATION, MONEY_COLLECTED) once anything was recorded against it. */
  async removeObligation(
    em: EntityManager,
    viewer: Viewer,
    input: { caseId: string; version: number; obligationId: string },
  ): Promise<EnforcementCase> {
    return this.change(em, viewer, input.caseId, input.version, 'case.update', async (tx, c) => {
      refuseIfTerminated(c, 'xóa nghĩa vụ');
      const o = await tx.em.findOne(Obligation, { id: input.obligationId, case: c.id });
      if (!o) throw notFound('nghĩa vụ trong việc này', { field: 'obligationId' });
      if (BigInt(o.amountCollected) > 0n || o.fulfilled) throw moneyCollected('xóa nghĩa vụ');
      tx.em.remove(o);
      return {
        type: 'case.obligationRemoved',
        payload: { obligationId: o.id, kind: o.kind, amountOwed: o.amountOwed == null ? null : String(o.amountOwed) },
      };
    });
  }

  /** Records money collected towards an obligation (đồng, exact) or marks a non-money obligation done. */
  async recordProgress(
    em: EntityManager,
    viewer: Viewer,
    input: { caseId: string; version: number } & ProgressInput,
  ): Promise<EnforcementCase> {
    return this.change(em, viewer, input.caseId, input.version, 'case.update', this.progressStep(input));
  }

  /** Recording progress as a change to apply (exact bigint arithmetic in one place; see `changeIn`). */
  progressStep(input: ProgressInput): CaseChange {
    if (input.amountCollected != null && !DIGITS.test(input.amountCollected))
      throw badInput('Số tiền phải là số nguyên đồng không âm.', { field: 'amountCollected' });
    return async (tx, c) => {
      refuseIfTerminated(c, 'ghi nhận khoản thu, kết quả thi hành');
      if ([CaseStatus.RECEIVED, CaseStatus.DECISION_ISSUED].includes(c.status)) {
        throw ruleViolation(
          'Chưa có quyết định thi hành án được giao cho đương sự; chưa thể ghi nhận kết quả thi hành.',
          cite('NOTIFICATION', toLocalDate(c.receivedAt)),
        );
      }
      const o = await tx.em.findOne(Obligation, { id: input.obligationId, case: c.id });
      if (!o) throw notFound('nghĩa vụ trong việc này', { field: 'obligationId' });
      const payload: PayloadBeyond<'case.progressRecorded', keyof CaseChangeBase> = { obligationId: o.id };
      if (input.amountCollected != null) {
        if (o.kind !== ObligationKind.PAY_MONEY)
          throw badInput('Chỉ nghĩa vụ trả tiền mới ghi nhận số tiền đã thu.', { field: 'amountCollected' });
        const total = BigInt(o.amountCollected) + BigInt(input.amountCollected);
        if (o.amountOwed != null && total > BigInt(o.amountOwed)) {
          throw badInput(`Tổng số tiền đã thu (${formatDong(total)}) vượt số phải thi hành (${formatDong(BigInt(o.amountOwed))}).`, {
            field: 'amountCollected',
          });
        }
        o.amountCollected = total.toString();
        Object.assign(payload, { collected: input.amountCollected, totalCollected: o.amountCollected });
      }
      if (input.fulfilled != null) {
        o.fulfilled = input.fulfilled;
        payload.fulfilled = input.fulfilled;
      }
      return { type: 'case.progressRecorded', payload };
    };
  }

  /** Adds an agency to the case with a role; it sees the case at once. */
  async share(
    em: EntityManager,
    viewer: Viewer,
    input: { caseId: string; version: number; agencyId: string; role: ParticipantRole },
  ): Promise<EnforcementCase> {
    return this.change(em, viewer, input.caseId, input.version, 'case.share', this.shareStep(input));
  }

  /** Sharing as a change to apply (see `changeIn`); refuses an agency that already takes part. */
  shareStep(input: { agencyId: string; role: ParticipantRole }): CaseChange {
    if (input.role === ParticipantRole.LEAD) throw badInput('Mỗi việc chỉ có một cơ quan chủ trì.', { field: 'role' });
    return async (tx, c, viewer) => {
      const agency = await tx.em.findOne(Agency, { id: input.agencyId, active: true });
      if (!agency) throw notFound('cơ quan', { field: 'agencyId' });
      const existing = await tx.em.findOne(CaseParticipant, { case: c.id, agency: agency.id, removedAt: null });
      if (existing) throw conflict(`${agency.name} đã tham gia việc này.`, { field: 'agencyId' });
      tx.em.create(CaseParticipant, { case: c, agency, role: input.role, addedBy: tx.em.getReference(User, viewer.userId) });
      return {
        type: 'case.shared',
        payload: { agencyId: agency.id, agencyName: agency.name, role: input.role },
        topics: [topics.agency(agency.id)],
      };
    };
  }

  /** Removes an agency from the case; it stops seeing it at once (supervision by area is unaffected). */
  async unshare(em: EntityManager, viewer: Viewer, input: { caseId: string; version: number; agencyId: string }): Promise<EnforcementCase> {
    return this.change(em, viewer, input.caseId, input.version, 'case.share', async (tx, c) => {
      if (input.agencyId === c.leadAgency.id) throw badInput('Không thể rút cơ quan chủ trì khỏi việc.', { field: 'agencyId' });
      const row = await tx.em.findOne(CaseParticipant, { case: c.id, agency: input.agencyId, removedAt: null });
      if (!row) throw notFound('cơ quan đang tham gia việc này', { field: 'agencyId' });
      row.removedAt = new Date();
      return { type: 'case.unshared', payload: { agencyId: input.agencyId }, topics: [topics.agency(input.agencyId)] };
    });
  }

  /**
   * The shape of every change: claim the version (CONFLICT if stale), check the ability, apply, flush,
   * append the event — all in one transaction.
   */
  private async change(
    em: EntityManager,
    viewer: Viewer,
    caseId: string,
    version: number,
    ability: CaseAbility,
    apply: CaseChange,
  ): Promise<EnforcementCase> {
    await this.outbox.transaction(em, (tx) => this.changeIn(tx, viewer, caseId, version, ability, apply));
    return loadCommitted(() => em.fork().findOneOrFail(EnforcementCase, { id: caseId }));
  }

  /**
   * Takes back what an earlier progress record added to an obligation (a correcting entry of an action
   * outcome): the amount is subtracted from the obligation's total and, when the earlier record marked
   * it fulfilled, the mark is removed. Never below zero; the case's state history follows via changeIn.
   */
  reverseProgressStep(input: { obligationId: string; amountReversed: string; unfulfil: boolean }): CaseChange {
    return async (tx, c) => {
      refuseIfTerminated(c, 'điều chỉnh khoản thu');
      const o = await tx.em.findOne(Obligation, { id: input.obligationId, case: c.id });
      if (!o) throw notFound('nghĩa vụ trong việc này', { field: 'obligationId' });
      const total = BigInt(o.amountCollected) - BigInt(input.amountReversed);
      if (total < 0n)
        throw conflict('Khoản thu đã bị điều chỉnh trước đó; không thể hoàn lại số tiền lớn hơn số đã thu.', { field: 'obligationId' });
      o.amountCollected = total.toString();
      if (input.unfulfil) o.fulfilled = false;
      return {
        type: 'case.progressReversed',
        payload: { obligationId: o.id, reversed: input.amountReversed, totalCollected: o.amountCollected, unfulfilled: input.unfulfil },
      };
    };
  }

  /**
   * `change` inside the caller's transaction (another service changing the case as part of its own
   * work, e.g. an action outcome recording money). With `version` null the case's current version is
   * claimed: the caller already claimed its own aggregate, and a concurrent case change still gets
   * CONFLICT rather than a lost update.
   */
  async changeIn(
    tx: Tx,
    viewer: Viewer,
    caseId: string,
    version: number | null,
    ability: CaseAbility,
    apply: CaseChange,
  ): Promise<EnforcementCase> {
    const c = await tx.em.findOne(EnforcementCase, { id: caseId }, { refresh: true });
    const facts = c ? (await loadCaseFacts(tx.em, [c.id])).get(c.id) : undefined;
    if (!c || !facts || !canOnCase(viewer, 'case.read', facts)) throw notFound('việc thi hành án');
    assertAllowed(canOnCase(viewer, ability, facts), 'thay đổi việc này (chỉ chấp hành viên, thủ trưởng cơ quan chủ trì)');
    const expected = version ?? c.version;
    try {
      await claimVersion(tx.em, EnforcementCase, caseId, expected, 'việc thi hành án', {
        stream: streams.case(caseId),
        idKey: 'caseId',
        typePrefix: 'case.',
      });
    } catch (err) {
      // A stale edit: besides the field names (`changed`), tell the edit page each change it missed, so the person can re-apply.
      if (err instanceof AppError && err.code === 'CONFLICT') err.details.missedChanges = await changesSince(tx.em, caseId, expected);
      throw err;
    }
    c.version = expected + 1;
    const event = await apply(tx, c, viewer);
    await tx.em.flush();
    // As-of statistics (rule 9): the state history row commits with the change.
    await recordCaseState(tx.em, c.id);
    await emitCase(tx, viewer, c, event);
    return c;
  }

  private async officerOf(em: EntityManager, agencyId: string, userId: string): Promise<User> {
    const user = await em.findOne(User, { id: userId, agency: agencyId, active: true });
    if (!user || !mayBeAssignedCases(user))
      throw badInput('Người được phân công phải là chấp hành viên đang hoạt động của cơ quan chủ trì.', { field: 'officerId' });
    return user;
  }
}

/** The public notice of a not-yet-enforceable case (rule 6, see CaseService.publicNotice). */
export interface PublicNotice {
  debtors: Array<{ name: string; address: string | null }>;
  obligations: string[];
  legalSource: string;
  /** The notice as posted, in Vietnamese, one paragraph per line. */
  text: string;
}

/** Another case a lead office should know about (see CaseService.relatedCases). */
export interface RelatedCase {
  caseId: string;
  status: CaseStatus;
  leadAgencyId: string;
  leadAgencyName: string;
  decisionNumber: string | null;
  /** Terminated because the creditor withdrew the request (Điều 50): it cannot be reopened. */
  terminatedOnWithdrawal: boolean;
}

interface RelatedCaseRow {
  id: string;
  status: CaseStatus;
  lead_agency_id: string;
  agency_name: string;
  decision_number: string | null;
  withdrawn: boolean;
}

/**
 * Rule 7 (Điều 50): after termination nothing more is recorded on the case — no payments, obligations
 * or parties; a new request for the same judgment is a new case (linked through `relatedCases`).
 */
/** Why an obligation with recorded results may not be removed or change kind: the collected money must stay accounted for. */
function moneyCollected(what: string) {
  return ruleViolation(
    `Đã ghi nhận khoản thu hoặc kết quả thi hành cho nghĩa vụ này; không thể ${what}. Nếu ghi nhầm, hãy điều chỉnh khoản thu trước.`,
    'Sổ theo dõi thu, chi tiền thi hành án: khoản đã thu phải gắn với nghĩa vụ',
    { ruleCode: 'MONEY_COLLECTED', field: 'obligationId' },
  );
}

/** A party still named on an obligation: the obligation must be corrected first. */
function partyInUse(what: string) {
  return ruleViolation(`Đương sự đang được ghi trong nghĩa vụ của việc; hãy sửa hoặc xóa nghĩa vụ đó trước khi ${what}.`, ACTION_RULE, {
    ruleCode: 'PARTY_IN_OBLIGATION',
    field: 'partyId',
  });
}

const ACTION_RULE = 'Hồ sơ thi hành án: nghĩa vụ phải chỉ rõ người phải thi hành và người được thi hành';

function refuseIfTerminated(c: EnforcementCase, what: string): void {
  if (c.status !== CaseStatus.TERMINATED) return;
  throw ruleViolation(`Việc đã đình chỉ thi hành án; không thể ${what}. ${NEW_CASE_HINT}`, cite('TERMINATION', toLocalDate(c.receivedAt)), {
    ruleCode: 'CASE_TERMINATED',
    status: c.status,
  });
}

const NEW_CASE_HINT = 'Nếu có yêu cầu mới đối với cùng bản án, hãy mở việc thi hành án mới (hệ thống sẽ liên kết với việc đã đình chỉ).';

/** Why nothing more may be recorded on a case (rule 7), for the UI to say so up front; null while it is open to records. */
export function recordingClosedOf(c: EnforcementCase): { reason: string; legalSource: string } | null {
  if (c.status !== CaseStatus.TERMINATED) return null;
  return {
    reason: `Việc đã đình chỉ thi hành án: không ghi nhận thêm khoản thu, nghĩa vụ, đương sự và không thể mở lại. ${NEW_CASE_HINT}`,
    legalSource: cite('TERMINATION', toLocalDate(c.receivedAt)),
  };
}

/** A change to one case, applied by `CaseService.changeIn` after the version is claimed; returns its event. */
export type CaseChange = (tx: Tx, c: EnforcementCase, viewer: Viewer) => Promise<CaseEvent>;

/** Event types a change of the case itself appends (each carries the case's new version). */
export type CaseChangeEventType = {
  [K in EventsOf<'case'>]: EventPayloads[K] extends CaseChangeBase ? K : never;
}[EventsOf<'case'>];

/** What a change of the case reports: its event type, the facts beyond the case and version, extra topics. */
export type CaseEvent = {
  [K in CaseChangeEventType]: { type: K; payload: PayloadBeyond<K, keyof CaseChangeBase>; topics?: Topic[] };
}[CaseChangeEventType];

/** What `recordProgress` adds to an obligation. */
export interface ProgressInput {
  obligationId: string;
  /** Đồng collected now (added to the total), as a decimal string. */
  amountCollected?: string | null;
  fulfilled?: boolean | null;
}

/** One change a stale editor missed (CONFLICT `extensions.missedChanges`): its version, event type and the fields it touched. */
export interface MissedChange {
  version: number;
  type: string;
  fields: string[];
  at: string;
}

/**
 * The case's events after `version`, oldest first (bounded: a stale form misses a handful). Field names
 * only — values are re-read by the client, and personal data never travels in an error.
 */
async function changesSince(em: EntityManager, caseId: string, version: number): Promise<MissedChange[]> {
  const rows = await em.execute<Array<{ type: string; payload: Record<string, unknown>; occurred_at: Date }>>(
    `select type, payload, occurred_at from event
      where stream = ? and (payload->>'version')::int > ?
      order by stream_seq limit 50`,
    [streams.case(caseId), version],
  );
  return rows.map((r) => {
    const changes = r.payload.changes;
    return {
      version: Number(r.payload.version),
      type: r.type,
      fields: changes && typeof changes === 'object' ? Object.keys(changes) : [],
      at: new Date(r.occurred_at).toISOString(),
    };
  });
}

/**
 * The position after the case's last obligation (0 for the first): after a removal the gap stays, and
 * a new obligation still comes last (a count would give it the position of one still there).
 */
async function nextObligationPosition(em: EntityManager, caseId: string): Promise<number> {
  const [row] = await em.execute<{ next: number }[]>(
    'select coalesce(max(position) + 1, 0)::int as next from obligation where case_id = ?',
    [caseId],
  );
  return row.next;
}

/** Appends a case event: stream = the case (its own hash chain), topics = the case, the statistics, plus extras. */
function emitCase(tx: Tx, viewer: Viewer, c: EnforcementCase, event: CaseEvent) {
  // The statistics topic: live dashboards refresh (batched) when a case changes.
  return tx.emit({
    type: event.type,
    stream: streams.case(c.id),
    actorId: viewer.userId,
    topics: [topics.case(c.id), topics.statistics, ...(event.topics ?? [])],
    payload: { caseId: c.id, version: c.version, ...event.payload },
  } as NewEvent);
}

function validateParties(parties: PartyInput[], adding = false): void {
  if (!adding && !parties.some((p) => p.role === PartyRole.DEBTOR))
    throw badInput('Việc thi hành án cần ít nhất một người phải thi hành án.', { field: 'parties' });
  parties.forEach((p, i) => {
    if (p.idNumber && !/^\d{9,12}$/.test(p.idNumber))
      throw badInput(`Số định danh của đương sự thứ ${i + 1} phải gồm 9–12 chữ số.`, { field: `parties[${i}].idNumber` });
    if (p.phone && !/^\+?\d{9,15}$/.test(p.phone))
      throw badInput(`Số điện thoại của đương sự thứ ${i + 1} không hợp lệ.`, { field: `parties[${i}].phone` });
  });
}

function validateObligation(o: ObligationInput, field: string): void {
  if (o.kind === ObligationKind.PAY_MONEY) {
    if (!o.amountOwed || !DIGITS.test(o.amountOwed) || BigInt(o.amountOwed) === 0n) {
      throw badInput('Nghĩa vụ trả tiền cần số tiền phải thi hành: số nguyên đồng dương, không dấu chấm phẩy.', {
        field: `${field}.amountOwed`,
      });
    }
  } else if (o.amountOwed != null) {
    throw badInput('Chỉ nghĩa vụ trả tiền mới có số tiền phải thi hành.', { field: `${field}.amountOwed` });
  }
  if (o.landAreaM2 != null && !/^\d{1,12}(\.\d{1,2})?$/.test(o.landAreaM2))
    throw badInput('Diện tích đất ghi bằng m², tối đa 2 chữ số thập phân.', { field: `${field}.landAreaM2` });
}

function partyByIndex(parties: CaseParty[], ref: number | string | null | undefined, field: string): CaseParty | null {
  if (ref == null) return null;
  const p = typeof ref === 'number' ? parties[ref] : undefined;
  if (!p) throw badInput(`Nghĩa vụ tham chiếu đương sự không tồn tại (${field} = ${ref}).`, { field });
  return p;
}

const cleanParty = (p: PartyInput) => ({
  role: p.role,
  kind: p.kind,
  name: p.name.trim(),
  address: p.address?.trim() || null,
  idNumber: p.idNumber?.trim() || null,
  phone: p.phone?.trim() || null,
});

function searchTextOf(c: EnforcementCase, parties: CaseParty[]): string {
  return foldForSearch([c.decisionNumber ?? '', c.judgmentNumber, ...parties.map((p) => p.name)].join(' | '));
}

/** A money obligation is met when collected ≥ owed; others when marked fulfilled. */
export function isSatisfied(o: Obligation): boolean {
  return o.kind === ObligationKind.PAY_MONEY ? o.amountOwed != null && BigInt(o.amountCollected) >= BigInt(o.amountOwed) : o.fulfilled;
}

const sumMoney = (values: Array<string | null | undefined>) => values.reduce((sum, v) => sum + BigInt(v ?? '0'), 0n).toString();
const formatVi = (d: Date) => d.toLocaleString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh' });
const escapeLike = (s: string) => s.replace(/[\\%_]/g, (m) => `\\${m}`);
