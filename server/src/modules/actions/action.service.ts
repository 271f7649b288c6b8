import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../../auth/viewer';
import { idempotent, type IdempotentRequest } from '../../db/idempotency';
import { claimVersion } from '../../db/optimistic';
import { columnsOf, insertSqlOf, takePrefixed } from '../../db/raw-rows';
import type { BoundSql } from '../../events/event-log';
import { badInput, conflict, notFound, ruleViolation } from '../../errors';
import { loadCommitted, type Outbox, type Tx } from '../../events/outbox';
import { type ActionBase, type EventsOf, type NewEvent, type PayloadBeyond, streams, type Topic, topics } from '../../events/vocabulary';
import { actionFactsOf, assertAllowed, canOnAction, canOnCase, type ActionAbility, type ActionFacts } from '../../policy/abilities';
import { factsFromRow, lateralCaseFactsSql } from '../../policy/facts';
import { Agency, AgencyKind } from '../agencies/agency.entity';
import { steeringCommitteesCovering } from '../agencies/agencies.surface';
import { Area } from '../areas/area.entity';
import { CaseParticipant, EnforcementCase, ParticipantRole } from '../cases/case.entity';
import {
  type CalendarSource,
  cite,
  citeAll,
  endOfLocalDay,
  formatLocalDateVi,
  startOfLocalDay,
  toLocalDate,
  type LegalCalendar,
  type LocalDate,
} from '../calendar/calendar.surface';
import { CaseStatus, CaseTransition, type CasesInTransaction, FINAL_STATUSES, formatDong } from '../cases/cases.surface';
import { createTaskIn, stepTaskIn, TaskAction } from '../tasks/tasks.surface';
import { Task, TaskKind, TaskPriority } from '../tasks/task.entity';
import { User } from '../users/user.entity';
import { ACTION_KIND_VI, ACTION_STEPS, ACTION_WORKFLOW_RULE, ActionStep, checkActionStep, OPEN_ACTION_STATUSES } from './action-workflow';
import {
  AccountFreeze,
  ActionInvitee,
  ActionKind,
  ActionOutcome,
  ActionOutcomeEntry,
  ActionParticipant,
  ActionStatus,
  CaseAction,
  InvitationStatus,
  type OutcomeCollection,
} from './action.entity';
import {
  checkForbiddenTimes,
  checkPlanContents,
  checkProtectionPlanRecorded,
  checkVoluntaryPeriod,
  coercionSource,
  isLatePostponement,
  lawDateOf,
  protectionPlanDueAt,
} from './coercion-rules';

const MAX_TEXT = 5_000;

/**
 * `text` trimmed, or null when empty. Refused (BAD_USER_INPUT on `field`) when longer than MAX_TEXT
 * (`label` names it: "Lý do", "Nội dung", "Ghi chú"), and when empty while `missing` (the message) is given.
 */
function optionalText(text: string | null | undefined, field: string, label: string, missing?: string | false): string | null {
  const clean = text?.trim() || null;
  if (!clean && missing) throw badInput(missing, { field });
  if ((clean?.length ?? 0) > MAX_TEXT) throw badInput(`${label} tối đa ${MAX_TEXT.toLocaleString('vi-VN')} ký tự.`, { field });
  return clean;
}

/** `optionalText` for a text that must be given: refused with `missing` when empty. */
function requiredText(text: string | null | undefined, field: string, label: string, missing: string): string {
  const clean = optionalText(text, field, label);
  if (!clean) throw badInput(missing, { field });
  return clean;
}
const MAX_MINUTES = 50_000;
/** Rule 8: the freeze decision is due within 24 hours of the record (counted in hours, not days). */
const URGENT_FREEZE_DECISION_MS = 24 * 60 * 60 * 1000;

export interface InvitationInput {
  agencyId: string;
  required: boolean;
}

/** A named person invited who need not be a user (village head, women's union); phone is restricted. */
export interface PersonInvitationInput {
  name: string;
  role: string;
  phone?: string | null;
}

export interface NewActionInput {
  caseId: string;
  kind: ActionKind;
  title?: string | null;
  scheduledStart: Date;
  scheduledEnd: Date;
  place: string;
  leadOfficerId?: string | null;
  invitations?: InvitationInput[] | null;
  people?: PersonInvitationInput[] | null;
  personCoerced?: string | null;
  measure?: string | null;
  method?: string | null;
  forces?: string | null;
  protection?: string | null;
  costEstimate?: string | null;
}

export interface StepInput {
  id: string;
  version: number;
  step: ActionStep;
  reason?: string | null;
  /** RESCHEDULE: the new time. */
  scheduledStart?: Date | null;
  scheduledEnd?: Date | null;
}

/** One obligation paid (or fulfilled) by an outcome; `obligationId` may be missing in input, which is refused. */
export interface CollectionInput {
  obligationId?: string | null;
  amountCollected?: string | null;
  fulfilled?: boolean | null;
}

export interface OutcomeInput {
  id: string;
  version: number;
  outcome: ActionOutcome;
  minutes: string;
  attendees?: string[] | null;
  /** The total money collected at the action; when given, `collections` must split it exactly across obligations. */
  amountCollected?: string | null;
  /** Money collected / obligations fulfilled at the action; recorded on the case (CaseService.progressStep). */
  collections?: CollectionInput[] | null;
  /** Runs the case's COMPLETE transition in the same transaction (Điều 52: every obligation must be met). */
  completeCase?: boolean | null;
  /** Generated when the official submitted (offline queue): a retry returns the first result, nothing doubled. */
  idempotencyKey?: string | null;
}

/** A correcting entry: replaces the outcome entry in force (`correctsId`), with a reason; never an edit in place. */
export interface CorrectionInput {
  id: string;
  version: number;
  correctsId: string;
  reason: string;
  outcome: ActionOutcome;
  /** Defaults to the corrected entry's minutes. */
  minutes?: string | null;
  attendees?: string[] | null;
  amountCollected?: string | null;
  collections?: CollectionInput[] | null;
  idempotencyKey?: string | null;
}

const MAX_PEOPLE = 30;
const PHONE = /^\+?\d{9,15}$/;
const MONEY_DIGITS = /^\d{1,15}$/;

/** For a coercion, the agencies the plan must go to (Điều 72 khoản 4), with their case role and whether they must confirm. */
const COERCION_RECIPIENTS: ReadonlyArray<{ kind: AgencyKind; role: ParticipantRole; required: boolean; label: string }> = [
  { kind: AgencyKind.PROCURACY, role: ParticipantRole.SUPERVISOR, required: false, label: 'Viện kiểm sát nhân dân' },
  { kind: AgencyKind.POLICE, role: ParticipantRole.PROTECTION, required: true, label: 'Cơ quan Công an' },
  { kind: AgencyKind.PEOPLES_COMMITTEE, role: ParticipantRole.SUPPORT, required: true, label: 'Ủy ban nhân dân cấp xã' },
];

/**
 * Coordinated actions on a case: planning (with the coercion rules of coercion-rules.ts), invitations
 * and answers (each invitation creates the agency's "attend action" task), the police protection plan,
 * postponement requests, outcomes and minutes (money goes to the case's obligations through
 * CaseService), and escalation of missed deadlines. Every change is an event on the case's stream.
 */
export class ActionService {
  constructor(
    private readonly outbox: Outbox,
    private readonly cases: CasesInTransaction,
    /** The instance's legal calendar (official days off included): Điều 46 checks and deadlines use it. */
    private readonly calendar: CalendarSource,
  ) {}

  /**
   * The clock the "not before its day" rule reads. Tests that rehearse a visit planned for a later day
   * set it to that day (the rest of the app keeps real time: sessions, deadlines, event order).
   */
  now: () => Date = () => new Date();

  /** The facts the policy needs about one action (built by `actionFactsOf`). */
  async actionFacts(em: EntityManager, actionId: string): Promise<ActionFacts> {
    const rows = await em.find(ActionParticipant, { action: actionId }, { populate: ['agency'] });
    return actionFactsOf(rows.map((r) => r.agency));
  }

  /** One action the viewer may see (anyone who can read its case). */
  async get(em: EntityManager, viewer: Viewer, id: string): Promise<CaseAction> {
    const action = await em.findOne(CaseAction, { id });
    if (!action) throw notFound('buổi làm việc');
    await this.cases.readable(em, viewer, action.case.id, 'buổi làm việc');
    return action;
  }

  /** Actions of one case, in schedule order. */
  async listForCase(em: EntityManager, viewer: Viewer, caseId: string): Promise<CaseAction[]> {
    await this.cases.readable(em, viewer, caseId);
    return em.find(CaseAction, { case: caseId }, { orderBy: { scheduledStart: 'asc', id: 'asc' } });
  }

  /**
   * Plans an action (lead office officers). A coercion must pass the rules of coercion-rules.ts and
   * is sent at once to the procuracy, the police and the People's Committee covering the case's
   * commune: they join the case if needed, get an "attend action" task and an event; the police also
   * get the PROTECTION_PLAN task, due within 3 working days (Điều 72 khoản 4).
   */
  async plan(em: EntityManager, viewer: Viewer, input: NewActionInput, idempotencyKey?: string | null): Promise<CaseAction> {
    const place = input.place?.trim() ?? '';
    if (!place) throw badInput('Hãy nhập địa điểm.', { field: 'place' });
    if (!(input.scheduledEnd > input.scheduledStart))
      throw badInput('Thời gian kết thúc phải sau thời gian bắt đầu.', { field: 'scheduledEnd' });
    if (input.scheduledStart <= new Date()) throw badInput('Thời gian bắt đầu phải ở tương lai.', { field: 'scheduledStart' });
    if (input.costEstimate != null && !/^\d{1,18}$/.test(input.costEstimate))
      throw badInput('Dự trù chi phí là số nguyên đồng không âm.', { field: 'costEstimate' });
    const people = cleanPeople(input.people);
    const coercion = input.kind === ActionKind.COERCION;
    if (coercion) {
      const forbiddenTime = checkForbiddenTimes(input.scheduledStart, input.scheduledEnd, this.calendar.current());
      if (forbiddenTime) throw forbiddenTime;
    }
    const actionId = await this.outbox.transaction(em, (tx) =>
      idempotent(tx, viewer.userId, { key: idempotencyKey, operation: 'planAction', input }, async () => {
        const { c, facts } = await this.cases.readable(tx.em, viewer, input.caseId);
        assertAllowed(
          canOnCase(viewer, 'case.update', facts),
          'lên kế hoạch buổi làm việc, cưỡng chế (chỉ chấp hành viên, thủ trưởng cơ quan chủ trì)',
        );
        if (FINAL_STATUSES.has(c.status))
          throw ruleViolation('Việc thi hành án đã kết thúc; không lên kế hoạch thêm.', ACTION_WORKFLOW_RULE, { status: c.status });
        if (coercion) {
          const incomplete = checkPlanContents({ ...input, place }, c);
          if (incomplete) throw incomplete;
          const early = checkVoluntaryPeriod(c, input.scheduledStart);
          if (early) throw early;
        }
        const leadOfficer = await tx.em.findOne(User, { id: input.leadOfficerId ?? viewer.userId, agency: c.leadAgency.id, active: true });
        if (!leadOfficer) throw badInput('Người chủ trì phải là cán bộ đang hoạt động của cơ quan chủ trì.', { field: 'leadOfficerId' });
        const now = new Date();
        const action = tx.em.create(CaseAction, {
          case: c,
          kind: input.kind,
          title: input.title?.trim() || ACTION_KIND_VI[input.kind],
          scheduledStart: input.scheduledStart,
          scheduledEnd: input.scheduledEnd,
          place,
          leadOfficer,
          createdBy: tx.em.getReference(User, viewer.userId),
          personCoerced: input.personCoerced?.trim() || null,
          measure: input.measure?.trim() || null,
          method: input.method?.trim() || null,
          forces: input.forces?.trim() || null,
          protection: input.protection?.trim() || null,
          costEstimate: input.costEstimate ?? null,
          protectionPlanDueAt: coercion ? protectionPlanDueAt(now, this.calendar.current()) : null,
        });
        await tx.em.flush();
        const invitations: Array<{ agency: Agency; required: boolean; role: ParticipantRole }> = [];
        if (coercion) {
          const commune = await tx.em.findOneOrFail(Area, { id: c.commune.id });
          for (const r of COERCION_RECIPIENTS) {
            const agency = await localAgency(tx.em, r.kind, commune.path);
            if (!agency) {
              throw ruleViolation(
                `Không tìm thấy ${r.label} phụ trách địa bàn ${commune.name} để gửi kế hoạch cưỡng chế; hãy bổ sung danh bạ cơ quan.`,
                coercionSource('PLAN_CONTENTS', c),
                { agencyKind: r.kind },
              );
            }
            invitations.push({ agency, required: r.required, role: r.role });
          }
        }
        for (const inv of input.invitations ?? []) {
          if (invitations.some((i) => i.agency.id === inv.agencyId)) continue;
          if (inv.agencyId === c.leadAgency.id) throw badInput('Cơ quan chủ trì không cần mời.', { field: 'invitations' });
          const agency = await tx.em.findOne(Agency, { id: inv.agencyId, active: true });
          if (!agency) throw badInput('Không tìm thấy cơ quan được mời.', { field: 'invitations' });
          invitations.push({ agency, required: inv.required, role: ParticipantRole.SUPPORT });
        }
        for (const inv of invitations) await this.inviteIn(tx, viewer, c, action, inv.agency, inv.required, inv.role);
        for (const person of people) tx.em.create(ActionInvitee, { action, ...person });
        await tx.em.flush();
        const police = coercion ? invitations.find((i) => i.agency.kind === AgencyKind.POLICE)!.agency : null;
        if (police) {
          action.protectionTask = await createTaskIn(
            tx,
            viewer.userId,
            c,
            police,
            {
              kind: TaskKind.PROTECTION_PLAN,
              title: 'Lập kế hoạch bảo vệ cưỡng chế',
              priority: TaskPriority.HIGH,
              dueAt: action.protectionPlanDueAt,
            },
            { actionId: action.id, legalSource: coercionSource('PROTECTION_PLAN', c) },
          );
          await tx.em.flush();
        }
        await emitAction(
          tx,
          viewer.userId,
          action,
          'action.planned',
          {
            invitedAgencyIds: invitations.map((i) => i.agency.id),
            invitedPeople: people.length,
            protectionPlanDueAt: action.protectionPlanDueAt?.toISOString() ?? null,
            ...(coercion ? { legalSource: coercionSource('PLAN_CONTENTS', c) } : {}),
          },
          topics.agencies(invitations.map((i) => i.agency.id)),
        );
        return action.id;
      }),
    );
    return loadCommitted(() => em.fork().findOneOrFail(CaseAction, { id: actionId }));
  }

  /** Invites one agency: shares the case with it if needed, creates its "attend action" task. */
  private async inviteIn(
    tx: Tx,
    viewer: Viewer,
    c: EnforcementCase,
    action: CaseAction,
    agency: Agency,
    required: boolean,
    role: ParticipantRole,
  ): Promise<void> {
    const taking = await tx.em.findOne(CaseParticipant, { case: c.id, agency: agency.id, removedAt: null });
    if (!taking) await this.cases.changeIn(tx, viewer, c.id, null, 'case.share', this.cases.shareStep({ agencyId: agency.id, role }));
    const task = await createTaskIn(
      tx,
      viewer.userId,
      c,
      agency,
      {
        kind: TaskKind.ATTEND_ACTION,
        title: `Tham gia: ${action.title}`,
        priority: action.kind === ActionKind.COERCION ? TaskPriority.HIGH : TaskPriority.NORMAL,
        dueAt: action.scheduledStart,
      },
      { actionId: action.id },
    );
    tx.em.create(ActionParticipant, { action, agency, required, task });
    await tx.em.flush();
  }

  /** Moves an action along its workflow (lead office officers); coercion preconditions are checked here. */
  async step(em: EntityManager, viewer: Viewer, input: StepInput): Promise<CaseAction> {
    const rule = ACTION_STEPS[input.step];
    if (input.step === ActionStep.COMPLETE)
      throw badInput('Hãy ghi nhận kết quả và biên bản để kết thúc buổi làm việc.', { field: 'step' });
    const reason = optionalText(input.reason, 'reason', 'Lý do', rule.needsReason && 'Hãy ghi rõ lý do.');
    return this.change(em, viewer, {
      id: input.id,
      version: input.version,
      ...byLeadOffice('thay đổi buổi làm việc'),
      apply: async (tx, action, c) => {
        const to = checkedStep(action, input.step, c, { step: input.step });
        const extra: Record<string, unknown> = {};
        const participants = await tx.em.find(ActionParticipant, { action: action.id }, { populate: ['agency', 'task'] });
        if ((input.step === ActionStep.MARK_READY || input.step === ActionStep.START) && action.kind === ActionKind.COERCION) {
          // The calendar may have changed since planning (a day off added, a Tết directive): judge the
          // time against the calendar in force now; such a coercion must be postponed and rescheduled.
          const forbidden = checkForbiddenTimes(action.scheduledStart, action.scheduledEnd, this.calendar.current());
          if (forbidden) {
            const { rule, ...facts } = forbidden.details;
            throw ruleViolation(
              `${forbidden.message} Lịch ngày nghỉ đã thay đổi sau khi lập kế hoạch: hãy hoãn và lên lịch lại cuộc cưỡng chế.`,
              rule as string,
              { ...facts, calendarConflict: true },
            );
          }
        }
        if (input.step === ActionStep.START) {
          const day = toLocalDate(action.scheduledStart);
          if (this.now() < startOfLocalDay(day))
            throw ruleViolation(
              `Buổi làm việc được lên lịch ngày ${formatLocalDateVi(day)}; chưa thể bắt đầu trước ngày đó. Nếu cần làm sớm hơn, hãy hoãn và lên lịch lại.`,
              stepSource(action, input.step, c),
              { ruleCode: 'ACTION_NOT_YET_DUE', scheduledStart: action.scheduledStart.toISOString() },
            );
        }
        if (input.step === ActionStep.MARK_READY) {
          if (action.kind === ActionKind.COERCION) {
            const missing = checkProtectionPlanRecorded(action, c);
            if (missing) throw missing;
          }
          const unconfirmed = participants.filter((p) => p.required && p.status !== InvitationStatus.CONFIRMED);
          if (unconfirmed.length) {
            throw ruleViolation(
              `Còn ${unconfirmed.length} cơ quan bắt buộc chưa xác nhận tham gia (${unconfirmed.map((p) => p.agency.name).join('; ')}); chưa thể chuyển sang sẵn sàng.`,
              action.kind === ActionKind.COERCION ? coercionSource('PLAN_CONTENTS', c) : ACTION_WORKFLOW_RULE,
              { ruleCode: 'REQUIRED_PARTICIPANTS_UNCONFIRMED', agencyIds: unconfirmed.map((p) => p.agency.id) },
            );
          }
        }
        if (input.step === ActionStep.RESCHEDULE) {
          const start = input.scheduledStart,
            end = input.scheduledEnd;
          if (!start || !end || !(end > start))
            throw badInput('Hãy nhập thời gian mới (kết thúc sau bắt đầu).', { field: 'scheduledStart' });
          if (start <= new Date()) throw badInput('Thời gian bắt đầu phải ở tương lai.', { field: 'scheduledStart' });
          if (action.kind === ActionKind.COERCION) {
            const refused = checkForbiddenTimes(start, end, this.calendar.current()) ?? checkVoluntaryPeriod(c, start);
            if (refused) throw refused;
          }
          action.scheduledStart = start;
          action.scheduledEnd = end;
          action.postponementRequestedAt = null;
          action.postponementLate = false;
          action.calendarConflictAt = null;
          action.calendarConflict = null;
          Object.assign(extra, { scheduledStart: start.toISOString(), scheduledEnd: end.toISOString() });
        }
        if (input.step === ActionStep.POSTPONE || input.step === ActionStep.CANCEL) action.reason = reason;
        if (input.step === ActionStep.CANCEL) {
          for (const p of participants) if (p.task) await stepTaskIn(tx, viewer.userId, p.task, TaskAction.CANCEL, { reason });
        }
        const from = action.status;
        action.status = to;
        // COMPLETE was refused above: it goes through recordOutcome, whose event carries the outcome.
        const type = rule.event as Exclude<(typeof rule)['event'], 'action.completed'>;
        return { type, payload: { from, to: action.status, reason, ...extra } };
      },
    });
  }

  /** An invited agency confirms or declines (with a reason); its "attend action" task follows. */
  async respondToInvitation(
    em: EntityManager,
    viewer: Viewer,
    input: { participantId: string; version: number; confirm: boolean; reason?: string | null },
    idempotencyKey?: string | null,
  ): Promise<ActionParticipant> {
    const reason = optionalText(
      input.reason,
      'reason',
      'Lý do',
      !input.confirm && 'Hãy ghi rõ lý do không tham gia để cơ quan chủ trì bố trí lại.',
    );
    await this.outbox.transaction(em, (tx) =>
      idempotent(tx, viewer.userId, { key: idempotencyKey, operation: 'respondToInvitation', input }, async () => {
        const p = await tx.em.findOne(ActionParticipant, { id: input.participantId }, { populate: ['action', 'agency', 'task'] });
        if (!p) throw notFound('lời mời');
        const action = p.action as CaseAction;
        const { facts } = await this.cases.readable(tx.em, viewer, action.case.id, 'lời mời');
        assertAllowed(
          canOnAction(viewer, 'action.respondInvitation', await this.actionFacts(tx.em, action.id), facts) &&
            viewer.agencyId === p.agency.id,
          'trả lời lời mời này (chỉ cán bộ của cơ quan được mời)',
        );
        assertOpen(action, 'không thể trả lời lời mời');
        await claimVersion(tx.em, ActionParticipant, p.id, input.version, 'lời mời');
        p.version = input.version + 1;
        p.status = input.confirm ? InvitationStatus.CONFIRMED : InvitationStatus.DECLINED;
        p.declineReason = input.confirm ? null : reason;
        p.respondedAt = new Date();
        p.respondedBy = tx.em.getReference(User, viewer.userId);
        await tx.em.flush();
        if (p.task) await stepTaskIn(tx, viewer.userId, p.task as Task, input.confirm ? TaskAction.ACCEPT : TaskAction.DECLINE, { reason });
        await emitAction(
          tx,
          viewer.userId,
          action,
          input.confirm ? 'action.invitationConfirmed' : 'action.invitationDeclined',
          { participantId: p.id, agencyId: p.agency.id, reason },
          [topics.agency(p.agency.id), topics.user(action.leadOfficer.id)],
        );
        return p.id;
      }),
    );
    return loadCommitted(() => em.fork().findOneOrFail(ActionParticipant, { id: input.participantId }));
  }

  /** The invited police record their protection plan (Điều 72 khoản 4); their PROTECTION_PLAN task is completed. */
  async recordProtectionPlan(em: EntityManager, viewer: Viewer, input: { id: string; version: number; note: string }): Promise<CaseAction> {
    const note = requiredText(input.note, 'note', 'Nội dung', 'Hãy nhập nội dung (hoặc số, ngày) của kế hoạch bảo vệ cưỡng chế.');
    return this.change(em, viewer, {
      id: input.id,
      version: input.version,
      ability: 'action.recordProtectionPlan',
      refusal: 'ghi nhận kế hoạch bảo vệ cưỡng chế (chỉ cán bộ Công an được mời)',
      apply: async (tx, action, c) => {
        if (action.kind !== ActionKind.COERCION) throw badInput('Chỉ cuộc cưỡng chế mới cần kế hoạch bảo vệ.', { field: 'id' });
        if (!OPEN_ACTION_STATUSES.includes(action.status))
          throw ruleViolation('Cuộc cưỡng chế đã diễn ra hoặc đã hủy.', coercionSource('PROTECTION_PLAN', c), { status: action.status });
        const now = new Date();
        action.protectionPlanRecordedAt = now;
        action.protectionPlanNote = note;
        action.protectionPlanRecordedBy = tx.em.getReference(User, viewer.userId);
        if (action.protectionTask) {
          const task = await tx.em.findOneOrFail(Task, { id: action.protectionTask.id });
          await stepTaskIn(tx, viewer.userId, task, TaskAction.ACCEPT);
          await stepTaskIn(tx, viewer.userId, task, TaskAction.COMPLETE, { note: 'Đã gửi kế hoạch bảo vệ cưỡng chế.' });
        }
        const late = !!action.protectionPlanDueAt && now > action.protectionPlanDueAt;
        return {
          type: 'action.protectionPlanRecorded',
          payload: { late, dueAt: action.protectionPlanDueAt?.toISOString() ?? null, legalSource: coercionSource('PROTECTION_PLAN', c) },
        };
      },
    });
  }

  /**
   * Records a postponement request (lead office officers, on behalf of the requester). Under Điều 48
   * a request arriving less than 24 h before the start does not count: it is recorded and flagged
   * `postponementLate`, and the officer decides (POSTPONE or go ahead).
   */
  async requestPostponement(
    em: EntityManager,
    viewer: Viewer,
    input: { id: string; version: number; reason: string; receivedAt?: Date | null },
  ): Promise<CaseAction> {
    const reason = requiredText(input.reason, 'reason', 'Lý do', 'Hãy ghi rõ lý do đề nghị hoãn.');
    const now = new Date();
    const receivedAt = input.receivedAt ?? now;
    if (receivedAt > now) throw badInput('Thời điểm nhận đề nghị không thể ở tương lai.', { field: 'receivedAt' });
    return this.change(em, viewer, {
      id: input.id,
      version: input.version,
      ...byLeadOffice('ghi nhận đề nghị hoãn'),
      apply: async (_tx, action, c) => {
        if (![ActionStatus.PLANNED, ActionStatus.READY].includes(action.status))
          throw ruleViolation('Chỉ ghi nhận đề nghị hoãn trước khi buổi làm việc diễn ra.', coercionSource('LATE_POSTPONEMENT', c), {
            status: action.status,
          });
        action.postponementRequestedAt = receivedAt;
        action.postponementReason = reason;
        action.postponementLate = isLatePostponement(action.scheduledStart, receivedAt);
        return {
          type: 'action.postponementRequested',
          payload: {
            receivedAt: receivedAt.toISOString(),
            late: action.postponementLate,
            legalSource: coercionSource('LATE_POSTPONEMENT', c),
          },
        };
      },
    });
  }

  /**
   * Records the outcome and the minutes (biên bản) of an action in progress, and completes it. Money
   * must name the obligation it pays (or be split across obligations, the parts summing to the total);
   * it is recorded on the case through CaseService.progressStep, and the outcome is kept as the first
   * ActionOutcomeEntry. With `completeCase` the case's COMPLETE transition runs in the same transaction.
   */
  async recordOutcome(em: EntityManager, viewer: Viewer, input: OutcomeInput, idempotencyKey?: string | null): Promise<CaseAction> {
    const minutes = cleanMinutes(input.minutes);
    const attendees = (input.attendees ?? []).map((a) => a.trim()).filter(Boolean);
    const collections = checkCollections(input.outcome, input.amountCollected, input.collections);
    const completeStep = input.completeCase ? this.cases.transitionStep({ transition: CaseTransition.COMPLETE }) : null;
    return this.change(em, viewer, {
      id: input.id,
      version: input.version,
      ...byLeadOffice('ghi nhận kết quả buổi làm việc'),
      apply: async (tx, action, c) => {
        const to = checkedStep(action, ActionStep.COMPLETE, c);
        const collected = await this.applyCollections(tx, viewer, c.id, collections);
        if (completeStep) await this.cases.changeIn(tx, viewer, c.id, null, 'case.transition', completeStep);
        // Not through the unit of work: the entry's insert rides in its event's statement (one round trip fewer).
        const entry = tx.em.create(
          ActionOutcomeEntry,
          {
            action,
            outcome: input.outcome,
            minutes,
            attendees,
            collections,
            moneyCollected: collected.toString(),
            recordedBy: tx.em.getReference(User, viewer.userId),
          },
          { persist: false },
        );
        action.status = to;
        showEntry(action, entry);
        action.completedAt = new Date();
        return {
          alongside: insertSqlOf(tx.em, entry),
          type: 'action.completed',
          payload: {
            outcome: input.outcome,
            entryId: entry.id,
            moneyCollected: action.moneyCollected,
            obligationIds: collections.map((col) => col.obligationId),
            attendees: attendees.length,
            caseCompleted: !!completeStep,
          },
        };
      },
      request: { key: idempotencyKey, operation: 'recordActionOutcome', input },
    });
  }

  /**
   * Corrects an outcome recorded by mistake with a correcting entry (lead office officers): the entry in
   * force is never edited; a new entry linked to it (with the reason) takes its place. The earlier entry's
   * money is taken back from its obligations and the new entry's recorded, in one transaction, so the
   * obligation and case totals and the statistics state history follow. Not on a case already ended.
   */
  async correctOutcome(em: EntityManager, viewer: Viewer, input: CorrectionInput): Promise<CaseAction> {
    const reason = input.reason?.trim() ?? '';
    if (!reason) throw badInput('Hãy ghi rõ lý do điều chỉnh kết quả (được lưu cùng lịch sử).', { field: 'reason' });
    if (reason.length > MAX_TEXT) throw badInput(`Lý do tối đa ${MAX_TEXT.toLocaleString('vi-VN')} ký tự.`, { field: 'reason' });
    const collections = checkCollections(input.outcome, input.amountCollected, input.collections);
    return this.change(em, viewer, {
      id: input.id,
      version: input.version,
      ...byLeadOffice('điều chỉnh kết quả buổi làm việc'),
      apply: async (tx, action, c) => {
        if (action.status !== ActionStatus.COMPLETED)
          throw ruleViolation('Chỉ điều chỉnh kết quả của buổi làm việc đã kết thúc.', ACTION_WORKFLOW_RULE, { status: action.status });
        if (FINAL_STATUSES.has(c.status))
          throw ruleViolation(
            'Việc thi hành án đã kết thúc; không thể điều chỉnh kết quả. Hãy liên hệ thủ trưởng cơ quan để xử lý theo quy định.',
            ACTION_WORKFLOW_RULE,
            { status: c.status },
          );
        const earlier = await tx.em.findOne(ActionOutcomeEntry, { id: input.correctsId, action: action.id });
        if (!earlier) throw notFound('kết quả cần điều chỉnh của buổi làm việc này', { field: 'correctsId' });
        const later = await tx.em.count(ActionOutcomeEntry, { corrects: earlier.id });
        if (later) throw conflict('Kết quả này đã được điều chỉnh; hãy tải lại và điều chỉnh bản ghi mới nhất.', { field: 'correctsId' });
        for (const col of earlier.collections) {
          if (col.amountCollected === '0' && !col.fulfilled) continue;
          await this.cases.changeIn(
            tx,
            viewer,
            c.id,
            null,
            'case.update',
            this.cases.reverseProgressStep({
              obligationId: col.obligationId,
              amountReversed: col.amountCollected,
              unfulfil: !!col.fulfilled,
            }),
          );
        }
        const collected = await this.applyCollections(tx, viewer, c.id, collections);
        const entry = tx.em.create(ActionOutcomeEntry, {
          action,
          outcome: input.outcome,
          minutes: input.minutes?.trim() ? cleanMinutes(input.minutes) : earlier.minutes,
          attendees: input.attendees ? input.attendees.map((a) => a.trim()).filter(Boolean) : earlier.attendees,
          collections,
          moneyCollected: collected.toString(),
          corrects: earlier,
          correctionReason: reason,
          recordedBy: tx.em.getReference(User, viewer.userId),
        });
        showEntry(action, entry);
        return {
          type: 'action.outcomeCorrected',
          payload: {
            entryId: entry.id,
            correctsId: earlier.id,
            outcome: entry.outcome,
            moneyCollected: entry.moneyCollected,
            previousMoneyCollected: earlier.moneyCollected,
            obligationIds: [...new Set([...earlier.collections, ...collections].map((col) => col.obligationId))],
          },
        };
      },
      request: { key: input.idempotencyKey, operation: 'correctActionOutcome', input },
    });
  }

  /** Records each collection on its obligation (one case change each); returns the money total. */
  private async applyCollections(tx: Tx, viewer: Viewer, caseId: string, collections: OutcomeCollection[]): Promise<bigint> {
    let collected = 0n;
    for (const col of collections) {
      const amount = col.amountCollected === '0' ? null : col.amountCollected;
      const step = this.cases.progressStep({ obligationId: col.obligationId, amountCollected: amount, fulfilled: col.fulfilled });
      await this.cases.changeIn(tx, viewer, caseId, null, 'case.update', step);
      collected += BigInt(col.amountCollected);
    }
    return collected;
  }

  /** Outcome entries of actions the caller may already read, oldest first (a field of the action). */
  outcomeEntries(em: EntityManager, actionId: string): Promise<ActionOutcomeEntry[]> {
    return em.find(ActionOutcomeEntry, { action: actionId }, { orderBy: { recordedAt: 'asc', id: 'asc' } });
  }

  /**
   * Invites more agencies and named people to an action that still lies ahead (lead office officers).
   * Agencies join the case if needed and get their "attend action" task, as at planning.
   */
  async invite(
    em: EntityManager,
    viewer: Viewer,
    input: { id: string; version: number; invitations?: InvitationInput[] | null; people?: PersonInvitationInput[] | null },
  ): Promise<CaseAction> {
    const people = cleanPeople(input.people);
    if (!people.length && !input.invitations?.length)
      throw badInput('Hãy chọn cơ quan hoặc nhập người được mời.', { field: 'invitations' });
    return this.change(em, viewer, {
      id: input.id,
      version: input.version,
      ...byLeadOffice('mời tham gia buổi làm việc'),
      apply: async (tx, action, c) => {
        assertOpen(action, 'không thể mời thêm');
        const already = await tx.em.find(ActionParticipant, { action: action.id }, { fields: ['agency'] });
        const agencyIds: string[] = [];
        for (const inv of input.invitations ?? []) {
          if (already.some((p) => p.agency.id === inv.agencyId) || agencyIds.includes(inv.agencyId)) continue;
          if (inv.agencyId === c.leadAgency.id) throw badInput('Cơ quan chủ trì không cần mời.', { field: 'invitations' });
          const agency = await tx.em.findOne(Agency, { id: inv.agencyId, active: true });
          if (!agency) throw badInput('Không tìm thấy cơ quan được mời.', { field: 'invitations' });
          await this.inviteIn(tx, viewer, c, action, agency, inv.required, ParticipantRole.SUPPORT);
          agencyIds.push(agency.id);
        }
        for (const person of people) tx.em.create(ActionInvitee, { action, ...person });
        return { type: 'action.invited', payload: { invitedAgencyIds: agencyIds, invitedPeople: people.length } };
      },
      extraTopics: (payload) => topics.agencies(payload.invitedAgencyIds as string[]),
    });
  }

  /** The lead office records a named person's answer (they are not users): confirmed or declined, with a note. */
  async recordInviteeAnswer(
    em: EntityManager,
    viewer: Viewer,
    input: { inviteeId: string; version: number; status: InvitationStatus; note?: string | null },
  ): Promise<ActionInvitee> {
    if (input.status === InvitationStatus.INVITED) throw badInput('Hãy chọn "Đã xác nhận" hoặc "Từ chối".', { field: 'status' });
    const note = optionalText(
      input.note,
      'note',
      'Ghi chú',
      input.status === InvitationStatus.DECLINED && 'Hãy ghi rõ lý do người được mời từ chối để bố trí lại.',
    );
    const invitee = await em.findOne(ActionInvitee, { id: input.inviteeId });
    if (!invitee) throw notFound('người được mời');
    await this.change(em, viewer, {
      id: invitee.action.id,
      version: null,
      ...byLeadOffice('ghi nhận trả lời của người được mời'),
      apply: async (tx, action) => {
        assertOpen(action, 'không thể ghi nhận trả lời');
        await claimVersion(tx.em, ActionInvitee, invitee.id, input.version, 'người được mời');
        const p = await tx.em.findOneOrFail(ActionInvitee, { id: invitee.id }, { refresh: true });
        p.version = input.version + 1;
        p.status = input.status;
        p.note = note;
        p.respondedAt = new Date();
        p.recordedBy = tx.em.getReference(User, viewer.userId);
        return {
          type: input.status === InvitationStatus.CONFIRMED ? 'action.inviteeConfirmed' : 'action.inviteeDeclined',
          payload: { inviteeId: p.id },
        };
      },
    });
    return em.fork().findOneOrFail(ActionInvitee, { id: invitee.id });
  }

  /**
   * The case's legal deadlines, computed from stored dates: end of the voluntary period (Điều 45),
   * verification due (Điều 44) and each open coercion's police protection plan (Điều 72 khoản 4).
   * `missed` means the deadline passed while the thing it demands is still outstanding.
   */
  async deadlines(
    em: EntityManager,
    c: EnforcementCase,
    now: Date = new Date(),
    actionsOfCase?: readonly CaseAction[],
  ): Promise<CaseDeadline[]> {
    const out: CaseDeadline[] = [];
    if (c.voluntaryPeriodEndsAt)
      out.push({
        kind: 'VOLUNTARY_PERIOD_END',
        dueAt: c.voluntaryPeriodEndsAt,
        legalSource: cite('VOLUNTARY_PERIOD', lawDateOf(c)),
        actionId: null,
        missed: false,
        passed: c.voluntaryPeriodEndsAt < now,
      });
    if (c.verificationDueAt) {
      const outstanding = [CaseStatus.VOLUNTARY_PERIOD, CaseStatus.VERIFICATION].includes(c.status);
      out.push({
        kind: 'VERIFICATION',
        dueAt: c.verificationDueAt,
        legalSource: cite('VERIFICATION', lawDateOf(c)),
        actionId: null,
        missed: outstanding && c.verificationDueAt < now,
        passed: c.verificationDueAt < now,
      });
    }
    // Given the case's actions (in schedule order, from the request's loader), no query is needed.
    const coercions = actionsOfCase
      ? actionsOfCase.filter(
          (a) =>
            a.kind === ActionKind.COERCION &&
            (OPEN_ACTION_STATUSES as readonly string[]).includes(a.status) &&
            a.protectionPlanDueAt != null,
        )
      : await em.find(
          CaseAction,
          { case: c.id, kind: ActionKind.COERCION, status: { $in: [...OPEN_ACTION_STATUSES] }, protectionPlanDueAt: { $ne: null } },
          { orderBy: { scheduledStart: 'asc', id: 'asc' } },
        );
    for (const a of coercions) {
      out.push({
        kind: 'POLICE_PROTECTION_PLAN',
        dueAt: a.protectionPlanDueAt!,
        legalSource: coercionSource('PROTECTION_PLAN', c),
        actionId: a.id,
        missed: !a.protectionPlanRecordedAt && a.protectionPlanDueAt! < now,
        passed: a.protectionPlanDueAt! < now,
      });
    }
    return out;
  }

  /**
   * Escalates missed legal deadlines: verification (Điều 44, `case.verificationDueAt` while the case
   * is still before the verification result) and the police protection plan (Điều 72 khoản 4). One
   * `case.deadlineMissed` event per deadline, to the lead office and the steering committees covering
   * the commune (and the police for their plan). Once only: a `deadline_escalation` row is inserted
   * with ON CONFLICT DO NOTHING in the event's transaction. Returns the escalated subject ids.
   */
  async escalateMissedDeadlines(em: EntityManager, now: Date = new Date()): Promise<string[]> {
    const fork = em.fork();
    const candidates: Array<{ kind: string; caseId: string; subjectId: string; dueAt: Date; source: string; extraAgencyIds: string[] }> =
      [];
    const late = await fork.find(
      EnforcementCase,
      { status: { $in: [CaseStatus.VOLUNTARY_PERIOD, CaseStatus.VERIFICATION] }, verificationDueAt: { $lt: now } },
      { limit: 1000, orderBy: { verificationDueAt: 'asc', id: 'asc' } },
    );
    for (const c of late)
      candidates.push({
        kind: 'VERIFICATION',
        caseId: c.id,
        subjectId: c.id,
        dueAt: c.verificationDueAt!,
        source: cite('VERIFICATION', lawDateOf(c)),
        extraAgencyIds: [],
      });
    const plans = await fork.find(
      CaseAction,
      {
        kind: ActionKind.COERCION,
        status: { $in: [...OPEN_ACTION_STATUSES] },
        protectionPlanRecordedAt: null,
        protectionPlanDueAt: { $lt: now },
      },
      { limit: 1000, orderBy: { protectionPlanDueAt: 'asc', id: 'asc' }, populate: ['case'] },
    );
    for (const a of plans) {
      const police = (await this.actionFacts(fork, a.id)).invitedPoliceAgencyIds;
      candidates.push({
        kind: 'POLICE_PROTECTION_PLAN',
        caseId: a.case.id,
        subjectId: a.id,
        dueAt: a.protectionPlanDueAt!,
        source: coercionSource('PROTECTION_PLAN', a.case as EnforcementCase),
        extraAgencyIds: [...police],
      });
    }
    const freezes = await fork.find(
      AccountFreeze,
      { decidedAt: null, decisionDueAt: { $lt: now } },
      { limit: 1000, orderBy: { decisionDueAt: 'asc', id: 'asc' }, populate: ['case'] },
    );
    for (const f of freezes) {
      const c = f.case as EnforcementCase;
      const procuracies = await fork.find(
        CaseParticipant,
        { case: c.id, role: ParticipantRole.SUPERVISOR, removedAt: null },
        { populate: ['agency'] },
      );
      candidates.push({
        kind: 'URGENT_FREEZE',
        caseId: c.id,
        subjectId: f.id,
        dueAt: f.decisionDueAt,
        source: cite('URGENT_FREEZE', lawDateOf(c)),
        extraAgencyIds: procuracies.filter((p) => p.agency.kind === AgencyKind.PROCURACY).map((p) => p.agency.id),
      });
    }
    const escalated: string[] = [];
    for (const cand of candidates) {
      const done = await this.outbox.transaction(em, async (tx) => {
        const inserted = await tx.em.execute<{ id: string }[]>(
          `insert into deadline_escalation (id, case_id, kind, subject_id, due_at, escalated_at) values (gen_random_uuid(), ?, ?, ?, ?, ?)
           on conflict (kind, subject_id) do nothing returning id`,
          [cand.caseId, cand.kind, cand.subjectId, cand.dueAt, now],
        );
        if (!inserted.length) return false;
        const c = await tx.em.findOneOrFail(EnforcementCase, { id: cand.caseId }, { populate: ['commune'] });
        const steering = await steeringCommitteesCovering(tx.em, c.commune.path);
        const addressed = [...new Set([c.leadAgency.id, ...steering, ...cand.extraAgencyIds])];
        await tx.emit({
          type: 'case.deadlineMissed',
          stream: streams.case(c.id),
          actorId: null,
          topics: [topics.case(c.id), topics.statistics, ...topics.agencies(addressed)],
          payload: {
            caseId: c.id,
            deadline: cand.kind,
            subjectId: cand.subjectId,
            dueAt: cand.dueAt.toISOString(),
            legalSource: cand.source,
            addressedAgencyIds: addressed,
          },
        });
        return true;
      });
      if (done) escalated.push(cand.subjectId);
    }
    return escalated;
  }

  /**
   * What a calendar change means for actions (a CalendarChangeHook, run in the change's transaction):
   * outstanding police protection plans whose counting period touches a changed date get their
   * deadline (and their PROTECTION_PLAN task's) recomputed, and every planned or ready coercion on a
   * changed date is re-checked against Điều 46: one now on a forbidden day is flagged
   * (`calendarConflict`), its lead officer gets a task and the case an `action.calendarConflict` event;
   * one no longer forbidden is unflagged. Bounded by the changed dates (indexed queries, no full scan).
   */
  async applyCalendarChange(
    tx: Tx,
    calendar: LegalCalendar,
    changedDates: LocalDate[],
    actorId: string,
  ): Promise<{ protectionPlans: number; coercionsFlagged: number; coercionsCleared: number }> {
    const counts = { protectionPlans: 0, coercionsFlagged: 0, coercionsCleared: 0 };
    if (!changedDates.length) return counts;
    const sorted = [...changedDates].sort();
    const from = startOfLocalDay(sorted[0]);
    const to = endOfLocalDay(sorted[sorted.length - 1]);
    const plans = await tx.em.find(
      CaseAction,
      {
        kind: ActionKind.COERCION,
        status: { $in: [...OPEN_ACTION_STATUSES] },
        protectionPlanRecordedAt: null,
        protectionPlanDueAt: { $gte: from },
        createdAt: { $lte: to },
      },
      { populate: ['protectionTask', 'case'] },
    );
    for (const a of plans) {
      const due = protectionPlanDueAt(a.createdAt, calendar);
      if (due.getTime() === a.protectionPlanDueAt!.getTime()) continue;
      counts.protectionPlans++;
      a.protectionPlanDueAt = due;
      if (a.protectionTask) (a.protectionTask as Task).dueAt = due;
      await tx.em.flush();
      await emitAction(
        tx,
        actorId,
        a,
        'action.deadlineRecalculated',
        {
          deadline: 'POLICE_PROTECTION_PLAN',
          dueAt: due.toISOString(),
          legalSource: coercionSource('PROTECTION_PLAN', a.case as EnforcementCase),
        },
        [],
      );
    }
    const coercions = await tx.em.find(
      CaseAction,
      {
        kind: ActionKind.COERCION,
        status: { $in: [ActionStatus.PLANNED, ActionStatus.READY] },
        scheduledStart: { $lte: to },
        scheduledEnd: { $gte: from },
      },
      { populate: ['case', 'leadOfficer'] },
    );
    for (const a of coercions) {
      const refusal = checkForbiddenTimes(a.scheduledStart, a.scheduledEnd, calendar);
      if (refusal && !a.calendarConflictAt) {
        counts.coercionsFlagged++;
        a.calendarConflictAt = new Date();
        a.calendarConflict = refusal.message;
        const c = a.case as EnforcementCase;
        const lead = a.leadOfficer as User;
        await createTaskIn(
          tx,
          actorId,
          c,
          tx.em.getReference(Agency, c.leadAgency.id),
          {
            kind: TaskKind.OTHER,
            title: `Lên lịch lại: ${a.title}`,
            details: `${refusal.message} Hãy hoãn và lên lịch lại cuộc cưỡng chế; trước đó không thể chuyển sang sẵn sàng hoặc bắt đầu.`,
            assignee: lead,
            priority: TaskPriority.HIGH,
            dueAt: a.scheduledStart,
          },
          { actionId: a.id, legalSource: refusal.details.rule as string },
        );
        await tx.em.flush();
        const participants = await tx.em.find(ActionParticipant, { action: a.id }, { fields: ['agency'] });
        await emitAction(
          tx,
          actorId,
          a,
          'action.calendarConflict',
          {
            ruleCodes: refusal.details.ruleCodes as string[],
            dates: refusal.details.dates as string[],
            legalSource: refusal.details.rule as string,
          },
          [topics.user(lead.id), ...topics.agencies(participants.map((p) => p.agency.id))],
        );
      } else if (!refusal && a.calendarConflictAt) {
        counts.coercionsCleared++;
        a.calendarConflictAt = null;
        a.calendarConflict = null;
        await tx.em.flush();
        await emitAction(tx, actorId, a, 'action.calendarConflictCleared', {}, [topics.user(a.leadOfficer.id)]);
      }
    }
    return counts;
  }

  /**
   * Rule 8: records an urgent account freeze (lead office officers). The decision is due 24 hours after
   * the record: the lead office gets a HIGH task due then; the record goes at once to the procuracy
   * covering the commune (which joins the case as supervisor if needed) through an event on its topic.
   */
  async recordUrgentFreeze(
    em: EntityManager,
    viewer: Viewer,
    input: { caseId: string; version: number; recordedAt?: Date | null; note: string },
    idempotencyKey?: string | null,
  ): Promise<AccountFreeze> {
    const note = requiredText(input.note, 'note', 'Nội dung', 'Hãy nhập nội dung hoặc số biên bản phong tỏa (không ghi số tài khoản).');
    const now = new Date();
    const recordedAt = input.recordedAt ?? now;
    if (recordedAt > now) throw badInput('Thời điểm lập biên bản không thể ở tương lai.', { field: 'recordedAt' });
    const id = await this.outbox.transaction(em, (tx) =>
      idempotent(tx, viewer.userId, { key: idempotencyKey, operation: 'recordUrgentFreeze', input }, async () => {
        let freezeId = '';
        await this.cases.changeIn(tx, viewer, input.caseId, input.version, 'case.update', async (tx2, c) => {
          if (FINAL_STATUSES.has(c.status))
            throw ruleViolation('Việc thi hành án đã kết thúc; không thể phong tỏa tài khoản.', cite('URGENT_FREEZE', lawDateOf(c)), {
              status: c.status,
            });
          const legalSource = cite('URGENT_FREEZE', lawDateOf(c));
          const commune = await tx2.em.findOneOrFail(Area, { id: c.commune.id });
          const procuracy = await localAgency(tx2.em, AgencyKind.PROCURACY, commune.path);
          if (!procuracy)
            throw ruleViolation(
              `Không tìm thấy Viện kiểm sát nhân dân phụ trách địa bàn ${commune.name} để gửi biên bản phong tỏa; hãy bổ sung danh bạ cơ quan.`,
              legalSource,
              { agencyKind: AgencyKind.PROCURACY },
            );
          const joined = await tx2.em.findOne(CaseParticipant, { case: c.id, agency: procuracy.id, removedAt: null });
          if (!joined)
            tx2.em.create(CaseParticipant, {
              case: c,
              agency: procuracy,
              role: ParticipantRole.SUPERVISOR,
              addedBy: tx2.em.getReference(User, viewer.userId),
            });
          const decisionDueAt = new Date(recordedAt.getTime() + URGENT_FREEZE_DECISION_MS);
          const task = await createTaskIn(
            tx2,
            viewer.userId,
            c,
            tx2.em.getReference(Agency, c.leadAgency.id),
            {
              kind: TaskKind.FREEZE_ACCOUNT,
              title: 'Ra quyết định phong tỏa tài khoản (trong 24 giờ kể từ khi lập biên bản)',
              priority: TaskPriority.HIGH,
              dueAt: decisionDueAt,
              assignee: c.officer ? (c.officer as User) : tx2.em.getReference(User, viewer.userId),
            },
            { legalSource },
          );
          const freeze = tx2.em.create(AccountFreeze, {
            case: c,
            recordedAt,
            decisionDueAt,
            note,
            task,
            createdBy: tx2.em.getReference(User, viewer.userId),
          });
          freezeId = freeze.id;
          return {
            type: 'case.urgentFreezeRecorded',
            payload: {
              freezeId: freeze.id,
              recordedAt: recordedAt.toISOString(),
              decisionDueAt: decisionDueAt.toISOString(),
              procuracyId: procuracy.id,
              legalSource,
            },
            topics: topics.agencies([procuracy.id, c.leadAgency.id]),
          };
        });
        return freezeId;
      }),
    );
    return loadCommitted(() => em.fork().findOneOrFail(AccountFreeze, { id }));
  }

  /** Urgent account freezes of a case the caller already may read (a field of the case), oldest first. */
  accountFreezes(em: EntityManager, c: EnforcementCase): Promise<AccountFreeze[]> {
    return em.find(AccountFreeze, { case: c.id }, { orderBy: { recordedAt: 'asc', id: 'asc' } });
  }

  /** Rule 8: the freeze decision is issued (lead office officers); it goes to the procuracy at once; late if after 24 h. */
  async recordFreezeDecision(
    em: EntityManager,
    viewer: Viewer,
    input: { caseId: string; version: number; freezeId: string; decisionNumber: string },
  ): Promise<AccountFreeze> {
    const decisionNumber = input.decisionNumber?.trim() ?? '';
    if (!decisionNumber) throw badInput('Hãy nhập số quyết định phong tỏa tài khoản.', { field: 'decisionNumber' });
    await this.outbox.transaction(em, async (tx) => {
      await this.cases.changeIn(tx, viewer, input.caseId, input.version, 'case.update', async (tx2, c) => {
        const freeze = await tx2.em.findOne(AccountFreeze, { id: input.freezeId, case: c.id }, { populate: ['task'] });
        if (!freeze) throw notFound('biên bản phong tỏa của việc này', { field: 'freezeId' });
        if (freeze.decidedAt) throw conflict(`Đã ghi nhận quyết định phong tỏa số ${freeze.decisionNumber}.`, { field: 'freezeId' });
        const now = new Date();
        freeze.decidedAt = now;
        freeze.decisionNumber = decisionNumber;
        if (freeze.task) {
          await stepTaskIn(tx2, viewer.userId, freeze.task as Task, TaskAction.ACCEPT);
          await stepTaskIn(tx2, viewer.userId, freeze.task as Task, TaskAction.COMPLETE, {
            note: `Quyết định phong tỏa số ${decisionNumber}.`,
          });
        }
        const procuracies = await tx2.em.find(
          CaseParticipant,
          { case: c.id, role: ParticipantRole.SUPERVISOR, removedAt: null },
          { populate: ['agency'] },
        );
        return {
          type: 'case.freezeDecisionIssued',
          payload: {
            freezeId: freeze.id,
            decisionNumber,
            late: now > freeze.decisionDueAt,
            decisionDueAt: freeze.decisionDueAt.toISOString(),
            legalSource: cite('URGENT_FREEZE', lawDateOf(c)),
          },
          topics: topics.agencies(procuracies.filter((p) => p.agency.kind === AgencyKind.PROCURACY).map((p) => p.agency.id)),
        };
      });
    });
    return loadCommitted(() => em.fork().findOneOrFail(AccountFreeze, { id: input.freezeId }));
  }

  /**
   * Claim the version, check the ability, apply, flush, emit — one transaction. With `version` null the
   * action's current version is claimed (a change to a child row that claimed its own version). With an
   * idempotency key, a retry of a request that already committed returns the action unchanged.
   */
  private async change(em: EntityManager, viewer: Viewer, change: ActionChange): Promise<CaseAction> {
    const { id, version, ability, refusal, apply, request = { operation: 'change', input: null }, extraTopics = () => [] } = change;
    let changed: CaseAction | undefined;
    await this.outbox.transaction(em, (tx) =>
      idempotent(tx, viewer.userId, request, async () => {
        const { action, c, facts, af } = await this.lockForChange(tx.em, id);
        if (!action || !c || !facts || !canOnCase(viewer, 'case.read', facts)) throw notFound('buổi làm việc');
        assertAllowed(canOnAction(viewer, ability, af, facts), refusal);
        const expected = version ?? action.version;
        // The row is locked (`for update`) until commit: a stale version cannot become current meanwhile.
        if (action.version !== expected)
          await claimVersion(tx.em, CaseAction, id, expected, 'buổi làm việc', {
            stream: streams.case(action.case.id),
            idKey: 'actionId',
            typePrefix: 'action.',
          });
        action.version = expected + 1;
        const event = await apply(tx, action, c);
        await tx.em.flush();
        await emitAction(
          tx,
          viewer.userId,
          action,
          event.type,
          event.payload,
          [...topics.agencies(af.invitedAgencyIds), ...extraTopics(event.payload as Record<string, unknown>)],
          event.alongside,
        );
        changed = action;
        return id;
      }),
    );
    // The transaction's entity is what was committed (field resolvers load relations by id); an
    // idempotent replay reads the action back.
    return changed ?? loadCommitted(() => em.fork().findOneOrFail(CaseAction, { id }));
  }

  /**
   * One statement for a change of an action: the action row locked until commit (the compare-and-set
   * of its version then happens in the flush, see db/optimistic.ts), its case, the case's policy
   * facts and the invited agencies. Entities are registered in `em` as a find would.
   */
  private async lockForChange(em: EntityManager, id: string) {
    if (!/^[0-9a-f-]{36}$/i.test(id)) return { action: null, c: null, facts: undefined, af: actionFactsOf([]) };
    const [row] = await em.execute<Record<string, unknown>[]>(
      `select ${columnsOf(em, CaseAction, 'a', 'a')}, ${columnsOf(em, EnforcementCase, 'c', 'c')}, facts.*,
              coalesce((select json_agg(json_build_object('id', g.id, 'kind', g.kind) order by ap.id)
                          from action_participant ap join agency g on g.id = ap.agency_id where ap.action_id = a.id), '[]') as invited
         from case_action a
         join enforcement_case c on c.id = a.case_id
         ${lateralCaseFactsSql('a.case_id')}
        where a.id = ?
          for update of a`,
      [id],
    );
    if (!row) return { action: null, c: null, facts: undefined, af: actionFactsOf([]) };
    const { facts, rest } = factsFromRow(row);
    const caseRow = takePrefixed(rest, 'c');
    const actionRow = takePrefixed(rest, 'a');
    const c = caseRow ? em.map(EnforcementCase, caseRow) : null;
    const action = actionRow ? em.map(CaseAction, actionRow) : null;
    return { action, c, facts, af: actionFactsOf(row.invited as Array<{ id: string; kind: string }>) };
  }
}

/** One change of an action, for `ActionService.change` (claim version, check ability, apply, emit). */
interface ActionChange {
  /** The action changed. */
  id: string;
  /** The version the client saw; null claims the current one (a child row already claimed its own version). */
  version: number | null;
  ability: ActionAbility;
  /** What the viewer may not do, for the FORBIDDEN message ("… (chỉ chấp hành viên …)"). */
  refusal: string;
  /** Applies the change; `alongside`, a row insert of the change, is sent in the event's statement (Tx.emit). */
  apply: (tx: Tx, action: CaseAction, c: EnforcementCase) => Promise<ActionEvent & { alongside?: BoundSql }>;
  /** With an idempotency key, a retry of a request that already committed returns the action unchanged. */
  request?: IdempotentRequest;
  /** Topics beyond the invited agencies', from the event's payload (e.g. newly invited agencies). */
  extraTopics?: (payload: Record<string, unknown>) => Topic[];
}

/** One legal deadline of a case (see ActionService.deadlines). */
export interface CaseDeadline {
  kind: 'VOLUNTARY_PERIOD_END' | 'VERIFICATION' | 'POLICE_PROTECTION_PLAN';
  dueAt: Date;
  legalSource: string;
  /** The coercion concerned (protection plan), or null. */
  actionId: string | null;
  /** The deadline passed. */
  passed: boolean;
  /** The deadline passed with its duty still outstanding. */
  missed: boolean;
}

/** The most local active agency of `kind` whose coverage contains the commune (longest covered path). */
async function localAgency(em: EntityManager, kind: AgencyKind, communePath: string): Promise<Agency | null> {
  const rows = await em.getConnection().execute<{ id: string }[]>(
    `select a.id from agency a
       join agency_coverage ac on ac.agency_id = a.id
       join area ar on ar.id = ac.area_id
      where a.kind = ? and a.active and left(?, length(ar.path)) = ar.path
      order by length(ar.path) desc, a.code asc limit 1`,
    [kind, communePath],
  );
  return rows.length ? em.findOne(Agency, { id: rows[0].id }) : null;
}

/** Appends an action event on its case's stream. Payloads carry ids, kinds and times only — never the coerced person or the place. */
function emitAction<T extends ActionEventType>(
  tx: Tx,
  actorId: string,
  action: CaseAction,
  type: T,
  payload: PayloadBeyond<T, keyof ActionBase>,
  extraTopics: Topic[],
  alongside?: BoundSql,
) {
  const caseId = action.case.id;
  const leadAgencyId = (action.case as EnforcementCase).leadAgency?.id;
  return tx.emit(
    {
      type,
      stream: streams.case(caseId),
      actorId,
      // The statistics topic: upcoming coercions, their readiness and persuasion visits are dashboard figures.
      topics: [
        ...new Set([topics.case(caseId), ...(leadAgencyId ? [topics.agency(leadAgencyId)] : []), topics.statistics, ...extraTopics]),
      ],
      payload: {
        caseId,
        actionId: action.id,
        kind: action.kind,
        version: action.version,
        status: action.status,
        scheduledStart: action.scheduledStart.toISOString(),
        scheduledEnd: action.scheduledEnd.toISOString(),
        ...payload,
      },
    } as NewEvent,
    alongside,
  );
}

/** Event types on an action (each carries the action's base facts). */
export type ActionEventType = EventsOf<'action'>;

/** What a change of an action reports: its event type and the facts beyond the action's base. */
export type ActionEvent = {
  [K in ActionEventType]: { type: K; payload: PayloadBeyond<K, keyof ActionBase> };
}[ActionEventType];

/** Trims and validates named invitees (name and role required; phone digits only). */
function cleanPeople(people: PersonInvitationInput[] | null | undefined): Array<{ name: string; role: string; phone: string | null }> {
  const list = people ?? [];
  if (list.length > MAX_PEOPLE) throw badInput(`Mời tối đa ${MAX_PEOPLE} người mỗi lần.`, { field: 'people' });
  return list.map((p, i) => {
    const name = p.name?.trim() ?? '';
    const role = p.role?.trim() ?? '';
    const phone = p.phone?.replace(/[\s.-]/g, '') || null;
    if (!name || name.length > 200)
      throw badInput(`Hãy nhập họ tên người được mời thứ ${i + 1} (tối đa 200 ký tự).`, { field: `people[${i}].name` });
    if (!role || role.length > 200)
      throw badInput(`Hãy nhập vai trò của người được mời thứ ${i + 1}, ví dụ "Trưởng thôn" (tối đa 200 ký tự).`, {
        field: `people[${i}].role`,
      });
    if (phone && !PHONE.test(phone))
      throw badInput(`Số điện thoại của người được mời thứ ${i + 1} không hợp lệ.`, { field: `people[${i}].phone` });
    return { name, role, phone };
  });
}

/** The ability and FORBIDDEN message of a change only the lead office's officers may make; `what` names the change. */
function byLeadOffice(what: string): Pick<ActionChange, 'ability' | 'refusal'> {
  return { ability: 'action.plan', refusal: `${what} (chỉ chấp hành viên, thủ trưởng cơ quan chủ trì)` };
}

/** Refuses a change to an action that has already taken place or been cancelled; `consequence` says what cannot be done. */
function assertOpen(action: CaseAction, consequence: string): void {
  if (!OPEN_ACTION_STATUSES.includes(action.status))
    throw ruleViolation(`Buổi làm việc đã diễn ra hoặc đã hủy; ${consequence}.`, ACTION_WORKFLOW_RULE, { status: action.status });
}

/** The status a workflow step leads to from the action's; a step its status does not allow is a rule violation citing the step's law. */
function checkedStep(action: CaseAction, step: ActionStep, c: EnforcementCase, facts: Record<string, unknown> = {}): ActionStatus {
  const check = checkActionStep(action.status, step);
  if (!check.ok) throw ruleViolation(check.message, stepSource(action, step, c), { status: action.status, ...facts });
  return check.to;
}

/**
 * The legal source a refused step cites: for a coercion the articles of that step (by the law in force
 * for the case), for any other action the workflow rule.
 */
function stepSource(action: CaseAction, step: ActionStep, c: EnforcementCase): string {
  return action.kind === ActionKind.COERCION ? citeAll(ACTION_STEPS[step].coercionCitations, lawDateOf(c)) : ACTION_WORKFLOW_RULE;
}

function cleanMinutes(text: string | null | undefined): string {
  const minutes = text?.trim() ?? '';
  if (!minutes) throw badInput('Hãy nhập nội dung biên bản.', { field: 'minutes' });
  if (minutes.length > MAX_MINUTES) throw badInput(`Biên bản tối đa ${MAX_MINUTES.toLocaleString('vi-VN')} ký tự.`, { field: 'minutes' });
  return minutes;
}

/**
 * The money rule of an outcome: every amount names the obligation it pays; with a total, the parts
 * must add up to it exactly; a partial payment carries money or a fulfilled obligation. Pure.
 */
export function checkCollections(
  outcome: ActionOutcome,
  total: string | null | undefined,
  input: CollectionInput[] | null | undefined,
): OutcomeCollection[] {
  const list = input ?? [];
  const seen = new Set<string>();
  const out: OutcomeCollection[] = [];
  let sum = 0n;
  for (const [i, col] of list.entries()) {
    const amount = col.amountCollected ?? '0';
    if (!MONEY_DIGITS.test(amount))
      throw badInput('Số tiền phải là số nguyên đồng không âm.', { field: `collections[${i}].amountCollected` });
    if (!col.obligationId) {
      if (amount === '0' && col.fulfilled == null) continue;
      throw badInput('Hãy chọn nghĩa vụ mà khoản tiền này thanh toán (hoặc chia số tiền cho từng nghĩa vụ).', { field: 'obligationId' });
    }
    if (seen.has(col.obligationId)) throw badInput('Mỗi nghĩa vụ chỉ ghi một lần trong một kết quả.', { field: 'obligationId' });
    seen.add(col.obligationId);
    sum += BigInt(amount);
    out.push({ obligationId: col.obligationId, amountCollected: BigInt(amount).toString(), fulfilled: col.fulfilled ?? null });
  }
  if (total != null && total !== '' && BigInt(total) > 0n) {
    if (!MONEY_DIGITS.test(total)) throw badInput('Số tiền phải là số nguyên đồng không âm.', { field: 'amountCollected' });
    if (sum === 0n)
      throw badInput(`Khoản thu ${formatDong(BigInt(total))} chưa ghi cho nghĩa vụ nào: hãy chọn nghĩa vụ được thanh toán.`, {
        field: 'obligationId',
      });
    if (sum !== BigInt(total))
      throw badInput(`Tổng các khoản chia (${formatDong(sum)}) phải bằng số tiền đã thu (${formatDong(BigInt(total))}).`, {
        field: 'collections',
      });
  }
  if (outcome === ActionOutcome.PARTIAL_PAYMENT && sum === 0n && !out.some((col) => col.fulfilled))
    throw badInput('Thi hành được một phần: hãy nhập số tiền đã thu và chọn nghĩa vụ được thanh toán.', { field: 'amountCollected' });
  return out;
}

/** The action shows the outcome entry in force (a projection; the entries are the record). */
function showEntry(action: CaseAction, entry: ActionOutcomeEntry): void {
  action.outcome = entry.outcome;
  action.minutes = entry.minutes;
  action.attendees = entry.attendees;
  action.moneyCollected = entry.moneyCollected;
}
