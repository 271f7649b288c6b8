import type { FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../../auth/viewer';
import { idempotent, type IdempotentRequest } from '../../db/idempotency';
import { claimVersion } from '../../db/optimistic';
import { findPage, type Page, type PageArgs } from '../../db/pagination';
import { badInput, notFound, ruleViolation } from '../../errors';
import { loadCommitted, type Outbox, type Tx } from '../../events/outbox';
import {
  type EventPayloads,
  type EventsOf,
  type NewEvent,
  type PayloadBeyond,
  streams,
  type TaskBase,
  type Topic,
  topics,
} from '../../events/vocabulary';
import { assertAllowed, type CaseFacts, canOnCase, canOnTask, canOnThread, type TaskAbility } from '../../policy/abilities';
import { factsFromRow, lateralCaseFactsSql } from '../../policy/facts';
import { Agency } from '../agencies/agency.entity';
import { steeringCommitteesCovering } from '../agencies/agencies.surface';
import { type CalendarSource, endOfLocalDay, startOfLocalDay, type LegalCalendar, type LocalDate } from '../calendar/calendar.surface';
import { CaseStatus, type CasesInTransaction } from '../cases/cases.surface';
import { visibleCaseIdsSql } from '../../policy/case-visibility';
import { EnforcementCase } from '../cases/case.entity';
import { User } from '../users/user.entity';
import { ACTIVE_TASK_STATUSES, checkTaskAction, TASK_ACTIONS, TASK_WORKFLOW_RULE, TaskAction } from './task-workflow';
import { Task, TaskKind, TaskPriority, TaskStatus } from './task.entity';

/** Default grace period after a task's deadline before it is escalated, in working days. */
export const DEFAULT_ESCALATION_GRACE_WORKING_DAYS = 2;
const MAX_TITLE = 300;
const MAX_TEXT = 5_000;
/** Case statuses after which no new task makes sense (the case is closed). */
const CLOSED_CASE_STATUSES: readonly CaseStatus[] = [
  CaseStatus.COMPLETED,
  CaseStatus.TERMINATED,
  CaseStatus.RETURNED,
  CaseStatus.ENTRUSTED,
];

export interface NewTaskInput {
  caseId: string;
  agencyId: string;
  assigneeId?: string | null;
  kind: TaskKind;
  title: string;
  details?: string | null;
  priority?: TaskPriority | null;
  /** An exact deadline … */
  dueAt?: Date | null;
  /** … or a number of working days from now (legal calendar: weekends and public holidays skipped). */
  dueInWorkingDays?: number | null;
}

export interface TaskFilter {
  statuses?: TaskStatus[] | null;
  dueBefore?: Date | null;
  dueAfter?: Date | null;
  /** Only tasks still needing work whose deadline has passed. */
  overdue?: boolean | null;
  /** myTasks: only tasks naming me (not the rest of my agency's). */
  mineOnly?: boolean | null;
}

export interface TaskServiceOptions {
  /** Working days after the deadline before an overdue task is escalated (default 2). */
  escalationGraceWorkingDays?: number;
}

/**
 * Tasks on cases: assigned to a participating agency (optionally a named person), moved through
 * their workflow by that agency, reassigned within it, escalated when long overdue. Every change is
 * an event on the case's stream, addressed to the agencies and people concerned.
 */
export class TaskService {
  readonly escalationGraceWorkingDays: number;

  constructor(
    private readonly outbox: Outbox,
    options: TaskServiceOptions = {},
    private readonly cases: CasesInTransaction,
    /** The instance's legal calendar (official days off included). */
    private readonly calendar: CalendarSource,
  ) {
    this.escalationGraceWorkingDays = options.escalationGraceWorkingDays ?? DEFAULT_ESCALATION_GRACE_WORKING_DAYS;
  }

  /** One task the viewer may see (anyone who can read its case). */
  async get(em: EntityManager, viewer: Viewer, id: string): Promise<Task> {
    const task = await em.findOne(Task, { id });
    if (!task) throw notFound('nhiệm vụ');
    await this.cases.readable(em, viewer, task.case.id, 'nhiệm vụ');
    return task;
  }

  /** Tasks of one case, newest first. */
  async listForCase(em: EntityManager, viewer: Viewer, caseId: string, filter: TaskFilter, page: PageArgs): Promise<Page<Task>> {
    await this.cases.readable(em, viewer, caseId);
    return findPage(em, Task, { $and: [{ case: caseId }, ...filterWhere(filter)] }, { createdAt: 'desc', id: 'desc' }, page, {
      joined: ['createdBy', 'assignee', 'assigneeAgency'],
    });
  }

  /** Tasks for me or my agency on cases I can read, newest first, filterable by status and deadline. */
  myTasks(em: EntityManager, viewer: Viewer, filter: TaskFilter, page: PageArgs): Promise<Page<Task>> {
    const visible = visibleCaseIdsSql(viewer);
    const mine: FilterQuery<Task> = filter.mineOnly
      ? { assignee: viewer.userId }
      : { $or: [{ assigneeAgency: viewer.agencyId }, { assignee: viewer.userId }] };
    const and: FilterQuery<Task>[] = [
      mine,
      { case: { $in: em.getKnex().raw(visible.sql, visible.params as never[]) as never } },
      ...filterWhere(filter),
    ];
    return findPage(em, Task, { $and: and }, { createdAt: 'desc', id: 'desc' }, page);
  }

  /** Assigns a task to an agency taking part in the case (lead office officers; steering members). */
  async assign(em: EntityManager, viewer: Viewer, input: NewTaskInput, idempotencyKey?: string | null): Promise<Task> {
    const title = input.title?.trim() ?? '';
    if (!title) throw badInput('Hãy nhập tên nhiệm vụ.', { field: 'title' });
    if (title.length > MAX_TITLE) throw badInput(`Tên nhiệm vụ tối đa ${MAX_TITLE} ký tự.`, { field: 'title' });
    const details = input.details?.trim() || null;
    if (details && details.length > MAX_TEXT)
      throw badInput(`Nội dung nhiệm vụ tối đa ${MAX_TEXT.toLocaleString('vi-VN')} ký tự.`, { field: 'details' });
    const now = new Date();
    let dueAt: Date | null = null;
    if (input.dueAt && input.dueInWorkingDays != null)
      throw badInput('Chỉ chọn một cách đặt hạn: ngày cụ thể hoặc số ngày làm việc.', { field: 'dueInWorkingDays' });
    if (input.dueInWorkingDays != null) {
      if (!Number.isInteger(input.dueInWorkingDays) || input.dueInWorkingDays < 1 || input.dueInWorkingDays > 250) {
        throw badInput('Số ngày làm việc phải từ 1 đến 250.', { field: 'dueInWorkingDays' });
      }
      dueAt = this.calendar.current().addWorkingDays(now, input.dueInWorkingDays);
    } else if (input.dueAt) {
      if (input.dueAt <= now) throw badInput('Hạn hoàn thành phải ở tương lai.', { field: 'dueAt' });
      dueAt = input.dueAt;
    }
    const taskId = await this.outbox.transaction(em, (tx) =>
      idempotent(tx, viewer.userId, { key: idempotencyKey, operation: 'assignTask', input }, async () => {
        const { c, facts } = await this.cases.readable(tx.em, viewer, input.caseId);
        assertAllowed(
          canOnThread(viewer, 'task.assign', facts),
          'giao nhiệm vụ trong việc này (chỉ chấp hành viên, thủ trưởng cơ quan chủ trì hoặc thành viên Ban Chỉ đạo)',
        );
        if (CLOSED_CASE_STATUSES.includes(c.status))
          throw ruleViolation('Việc thi hành án đã kết thúc; không giao thêm nhiệm vụ.', TASK_WORKFLOW_RULE, { status: c.status });
        const agency = await tx.em.findOne(Agency, { id: input.agencyId, active: true });
        if (!agency) throw badInput('Không tìm thấy cơ quan được giao nhiệm vụ.', { field: 'agencyId' });
        if (!facts.participantAgencyIds.includes(agency.id)) {
          throw badInput(`${agency.name} chưa tham gia việc này; hãy chia sẻ việc với cơ quan trước khi giao nhiệm vụ.`, {
            field: 'agencyId',
          });
        }
        const assignee = input.assigneeId ? await memberOf(tx.em, agency, input.assigneeId) : null;
        const task = await createTaskIn(tx, viewer.userId, c, agency, {
          kind: input.kind,
          title,
          details,
          assignee,
          priority: input.priority,
          dueAt,
          dueWorkingDays: input.dueInWorkingDays ?? null,
          dueFrom: input.dueInWorkingDays != null ? now : null,
        });
        return task.id;
      }),
    );
    return loadCommitted(() => em.fork().findOneOrFail(Task, { id: taskId }));
  }

  /** Moves a task along its workflow; an illegal step gives RULE_VIOLATION. */
  async transition(
    em: EntityManager,
    viewer: Viewer,
    input: { id: string; version: number; action: TaskAction; reason?: string | null; note?: string | null },
    idempotencyKey?: string | null,
  ): Promise<Task> {
    const rule = TASK_ACTIONS[input.action];
    const reason = input.reason?.trim() || null;
    const note = input.note?.trim() || null;
    if (rule.needsReason && !reason)
      throw badInput('Hãy ghi rõ lý do từ chối để cơ quan giao nhiệm vụ biết và xử lý.', { field: 'reason' });
    if ((reason?.length ?? 0) > MAX_TEXT || (note?.length ?? 0) > MAX_TEXT)
      throw badInput(`Lý do hoặc ghi chú tối đa ${MAX_TEXT.toLocaleString('vi-VN')} ký tự.`, {
        field: reason && reason.length > MAX_TEXT ? 'reason' : 'note',
      });
    const ability: TaskAbility = input.action === TaskAction.CANCEL ? 'task.cancel' : 'task.respond';
    const refusal =
      input.action === TaskAction.CANCEL
        ? 'hủy nhiệm vụ này (chỉ bên giao nhiệm vụ)'
        : 'xử lý nhiệm vụ này (chỉ cán bộ của cơ quan được giao)';
    const request = { key: idempotencyKey, operation: 'transitionTask', input };
    return this.change(em, viewer, input.id, input.version, ability, refusal, request, async (task) => {
      const check = checkTaskAction(task.status, input.action);
      if (!check.ok) throw ruleViolation(check.message, TASK_WORKFLOW_RULE, { status: task.status, action: input.action });
      const from = task.status;
      task.status = check.to;
      if (input.action === TaskAction.DECLINE || input.action === TaskAction.CANCEL) task.reason = reason;
      if (input.action === TaskAction.COMPLETE) {
        task.completedAt = new Date();
        task.resultNote = note;
      }
      // The assigner hears of every answer; a cancellation reaches the named assignee too.
      const told = topics.users([task.createdBy.id, ...(input.action === TaskAction.CANCEL && task.assignee ? [task.assignee.id] : [])]);
      return { type: rule.event, payload: { from, to: task.status, reason, note }, topics: told };
    });
  }

  /** Gives the task to another person of the same agency (or to the agency as a whole: null). */
  async reassign(
    em: EntityManager,
    viewer: Viewer,
    input: { id: string; version: number; assigneeId?: string | null },
    idempotencyKey?: string | null,
  ): Promise<Task> {
    return this.change(
      em,
      viewer,
      input.id,
      input.version,
      'task.reassign',
      'giao lại nhiệm vụ (chỉ lãnh đạo, quản trị của cơ quan được giao hoặc cơ quan chủ trì)',
      { key: idempotencyKey, operation: 'reassignTask', input },
      async (task, tx) => {
        if (!ACTIVE_TASK_STATUSES.includes(task.status))
          throw ruleViolation('Nhiệm vụ đã kết thúc; không thể giao lại.', TASK_WORKFLOW_RULE, { status: task.status });
        const agency = await tx.findOneOrFail(Agency, { id: task.assigneeAgency.id });
        const assignee = input.assigneeId ? await memberOf(tx, agency, input.assigneeId) : null;
        const previous = task.assignee?.id ?? null;
        if ((assignee?.id ?? null) === previous) throw badInput('Nhiệm vụ đang được giao cho chính người này.', { field: 'assigneeId' });
        task.assignee = assignee;
        return {
          type: 'task.reassigned',
          payload: { fromAssigneeId: previous, toAssigneeId: assignee?.id ?? null },
          topics: [topics.agency(agency.id), ...topics.users([assignee?.id, previous].filter((id): id is string => !!id))],
        };
      },
    );
  }

  /**
   * Escalates every task still open more than the grace period (working days, legal calendar) past
   * its deadline: one `task.escalated` event per task, addressed to the lead office and to each
   * steering committee whose area covers the case's commune. A task is escalated once: the mark is
   * set with a conditional UPDATE in the same transaction as the event, so two instances running
   * this at the same time cannot both escalate it. Returns the ids escalated now.
   */
  async escalateOverdueTasks(em: EntityManager, now: Date = new Date()): Promise<string[]> {
    const candidates = await em
      .fork()
      .find(
        Task,
        { status: { $in: [...ACTIVE_TASK_STATUSES] }, dueAt: { $lt: now }, escalatedAt: null },
        { orderBy: { dueAt: 'asc', id: 'asc' }, limit: 1000 },
      );
    const calendar = this.calendar.current();
    const escalated: string[] = [];
    for (const task of candidates) {
      if (calendar.addWorkingDays(task.dueAt!, this.escalationGraceWorkingDays) >= now) continue;
      const done = await this.outbox.transaction(em, async (tx) => {
        const claimed = await tx.em.nativeUpdate(
          Task,
          { id: task.id, escalatedAt: null, status: { $in: [...ACTIVE_TASK_STATUSES] } },
          { escalatedAt: now },
        );
        if (claimed !== 1) return false;
        const c = await tx.em.findOneOrFail(EnforcementCase, { id: task.case.id }, { populate: ['commune'] });
        const steering = await steeringCommitteesCovering(tx.em, c.commune.path);
        const addressed = [c.leadAgency.id, ...steering];
        await tx.emit({
          type: 'task.escalated',
          stream: streams.case(c.id),
          actorId: null,
          // The assignee agency hears of it too: its overdue task is in its inbox.
          // The statistics topic: "escalations awaiting the committee" moves on the dashboards.
          topics: [topics.case(c.id), topics.statistics, ...topics.agencies([...addressed, task.assigneeAgency.id])],
          payload: {
            caseId: c.id,
            taskId: task.id,
            title: task.title,
            assigneeAgencyId: task.assigneeAgency.id,
            status: task.status,
            dueAt: task.dueAt!.toISOString(),
            graceWorkingDays: this.escalationGraceWorkingDays,
            addressedAgencyIds: addressed,
          },
        });
        return true;
      });
      if (done) escalated.push(task.id);
    }
    return escalated;
  }

  /**
   * What a calendar change means for tasks (a CalendarChangeHook, run in the change's transaction): every
   * task still needing work that was given "due in N working days" and whose counting period touches a
   * changed date gets its due date recounted with the new calendar, and a `task.deadlineRecalculated`
   * event (to its agency, named assignee and assigner). Tasks with an explicit date keep it; finished
   * tasks never move. Bounded by the changed dates (indexed on status and due date, no scan of every task).
   */
  async applyCalendarChange(tx: Tx, calendar: LegalCalendar, changedDates: LocalDate[], actorId: string): Promise<{ tasks: number }> {
    if (!changedDates.length) return { tasks: 0 };
    let moved = 0;
    const sorted = [...changedDates].sort();
    const from = startOfLocalDay(sorted[0]);
    const to = endOfLocalDay(sorted[sorted.length - 1]);
    const candidates = await tx.em.find(Task, {
      status: { $in: [...ACTIVE_TASK_STATUSES] },
      dueWorkingDays: { $ne: null },
      dueFrom: { $ne: null, $lte: to },
      // A day off inserted into the window moves the due date past `from`; one removed from it moves it
      // back from a date at or after the removed day. Either way the stored date is not before `from`.
      dueAt: { $gte: from },
    });
    for (const task of candidates) {
      const due = calendar.addWorkingDays(task.dueFrom!, task.dueWorkingDays!);
      const previous = task.dueAt ?? null;
      if (previous && due.getTime() === previous.getTime()) continue;
      moved++;
      task.dueAt = due;
      task.version += 1;
      await tx.em.flush();
      await emitTask(
        tx,
        actorId,
        task,
        'task.deadlineRecalculated',
        { previousDueAt: previous?.toISOString() ?? null, dueAt: due.toISOString(), dueWorkingDays: task.dueWorkingDays ?? null },
        [topics.agency(task.assigneeAgency.id), ...topics.users([task.createdBy.id, ...(task.assignee ? [task.assignee.id] : [])])],
      );
    }
    return { tasks: moved };
  }

  /** Claim the version, check the ability, apply, flush, emit — one transaction. */
  private async change(
    em: EntityManager,
    viewer: Viewer,
    id: string,
    version: number,
    ability: TaskAbility,
    refusal: string,
    request: IdempotentRequest,
    apply: (task: Task, em: EntityManager) => Promise<TaskEvent>,
  ): Promise<Task> {
    const history = (caseId: string) => ({ stream: streams.case(caseId), idKey: 'taskId', typePrefix: 'task.' });
    let changed: Task | undefined;
    await this.outbox.transaction(em, (tx) =>
      idempotent(tx, viewer.userId, request, async () => {
        // One statement claims the version, returns the task and its case's facts (see db/optimistic.ts).
        const [claimed] = await tx.em.execute<Record<string, unknown>[]>(
          `with t as (update case_task set version = version + 1 where id = ? and version = ? returning *)
         select t.*, facts.* from t ${lateralCaseFactsSql('t.case_id')}`,
          [id, version],
        );
        let task: Task;
        let facts: CaseFacts | undefined;
        if (claimed) {
          const split = factsFromRow(claimed);
          task = tx.em.map(Task, split.rest);
          facts = split.facts;
          if (!facts || !canOnCase(viewer, 'case.read', facts)) throw notFound('nhiệm vụ');
          assertAllowed(canOnTask(viewer, ability, { assigneeAgencyId: task.assigneeAgency.id }, facts), refusal);
        } else {
          // Missing, unreadable, forbidden or stale — told in that order, as before the claim was folded in.
          const found = await tx.em.findOne(Task, { id });
          if (!found) throw notFound('nhiệm vụ');
          facts = await this.cases.factsIfReadable(tx.em, viewer, found.case.id, 'nhiệm vụ');
          assertAllowed(canOnTask(viewer, ability, { assigneeAgencyId: found.assigneeAgency.id }, facts), refusal);
          await claimVersion(tx.em, Task, id, version, 'nhiệm vụ', history(found.case.id));
          task = found;
          task.version = version + 1;
        }
        const event = await apply(task, tx.em);
        await tx.em.flush();
        await emitTask(tx, viewer.userId, task, event.type, event.payload, [topics.agency(task.assigneeAgency.id), ...event.topics]);
        changed = task;
        return task.id;
      }),
    );
    // The transaction's entity is what was committed: no read-back (field resolvers load by id). A
    // replay of a step that already committed (same key, same input) changes nothing and reads the task back.
    return changed ?? loadCommitted(() => em.fork().findOneOrFail(Task, { id }));
  }
}

/**
 * Creates a task and its `task.created` event in the caller's transaction, without policy checks:
 * `assign` checks them first; other services call it for tasks the rules create by themselves (an
 * invitation to an action creates the invited agency's "attend action" task).
 */
export async function createTaskIn(
  tx: Tx,
  actorId: string,
  c: EnforcementCase,
  agency: Agency,
  fields: {
    kind: TaskKind;
    title: string;
    details?: string | null;
    assignee?: User | null;
    priority?: TaskPriority | null;
    dueAt?: Date | null;
    /** With `dueFrom`: the due date is `dueWorkingDays` working days after `dueFrom` (recomputed on calendar changes). */
    dueWorkingDays?: number | null;
    dueFrom?: Date | null;
  },
  extraPayload: Pick<EventPayloads['task.created'], 'actionId' | 'freezeId' | 'legalSource'> = {},
): Promise<Task> {
  const task = tx.em.create(Task, {
    case: c,
    kind: fields.kind,
    title: fields.title,
    details: fields.details ?? null,
    assigneeAgency: agency,
    assignee: fields.assignee ?? null,
    createdBy: tx.em.getReference(User, actorId),
    priority: fields.priority ?? TaskPriority.NORMAL,
    dueAt: fields.dueAt ?? null,
    dueWorkingDays: fields.dueWorkingDays ?? null,
    dueFrom: fields.dueFrom ?? null,
  });
  await tx.em.flush();
  await emitTask(
    tx,
    actorId,
    task,
    'task.created',
    { title: task.title, kind: task.kind, priority: task.priority, dueAt: task.dueAt?.toISOString() ?? null, ...extraPayload },
    [topics.agency(agency.id), ...(task.assignee ? [topics.user(task.assignee.id)] : [])],
  );
  return task;
}

/**
 * Moves a task one workflow step in the caller's transaction, without policy checks (the caller
 * decided): used when answering an action invitation also answers its "attend action" task.
 * Returns false when the step is not possible from the task's status (nothing changes then).
 */
export async function stepTaskIn(
  tx: Tx,
  actorId: string,
  task: Task,
  action: TaskAction,
  fields: { reason?: string | null; note?: string | null } = {},
): Promise<boolean> {
  const check = checkTaskAction(task.status, action);
  if (!check.ok) return false;
  const from = task.status;
  task.version += 1;
  task.status = check.to;
  if (action === TaskAction.DECLINE || action === TaskAction.CANCEL) task.reason = fields.reason ?? null;
  if (action === TaskAction.COMPLETE) {
    task.completedAt = new Date();
    task.resultNote = fields.note ?? null;
  }
  await tx.em.flush();
  await emitTask(
    tx,
    actorId,
    task,
    TASK_ACTIONS[action].event,
    { from, to: task.status, reason: fields.reason ?? null, note: fields.note ?? null },
    [topics.user(task.createdBy.id)],
  );
  return true;
}

/** Appends a task event on its case's stream; `caseId` is in the payload so deliveries re-check case.read. */
function emitTask<T extends TaskEventType>(
  tx: Tx,
  actorId: string,
  task: Task,
  type: T,
  payload: PayloadBeyond<T, keyof TaskBase>,
  extraTopics: Topic[],
) {
  const caseId = task.case.id;
  return tx.emit({
    type,
    stream: streams.case(caseId),
    actorId,
    // The statistics topic: overdue tasks and escalations are "where it is stuck" figures; dashboards tick (batched).
    topics: [...new Set([topics.case(caseId), topics.statistics, ...extraTopics])],
    payload: {
      caseId,
      taskId: task.id,
      version: task.version,
      status: task.status,
      assigneeAgencyId: task.assigneeAgency.id,
      assigneeId: task.assignee?.id ?? null,
      ...payload,
    },
  } as NewEvent);
}

/** Event types on a task that carry its base facts (an escalation is the system's, on the case). */
export type TaskEventType = Exclude<EventsOf<'task'>, 'task.escalated'>;

/** What a change of a task reports: its event type, the facts beyond the task's base, who else hears of it. */
export type TaskEvent = {
  [K in TaskEventType]: { type: K; payload: PayloadBeyond<K, keyof TaskBase>; topics: Topic[] };
}[TaskEventType];

async function memberOf(em: EntityManager, agency: Agency, userId: string): Promise<User> {
  const user = await em.findOne(User, { id: userId, agency: agency.id, active: true });
  if (!user) throw badInput(`Người được giao phải là cán bộ đang hoạt động của ${agency.name}.`, { field: 'assigneeId' });
  return user;
}

function filterWhere(filter: TaskFilter): FilterQuery<Task>[] {
  const and: FilterQuery<Task>[] = [];
  if (filter.statuses?.length) and.push({ status: { $in: filter.statuses } });
  if (filter.dueBefore) and.push({ dueAt: { $lte: filter.dueBefore } });
  if (filter.dueAfter) and.push({ dueAt: { $gte: filter.dueAfter } });
  if (filter.overdue === true) and.push({ status: { $in: [...ACTIVE_TASK_STATUSES] }, dueAt: { $lt: new Date() } });
  if (filter.overdue === false)
    and.push({ $or: [{ status: { $nin: [...ACTIVE_TASK_STATUSES] } }, { dueAt: null }, { dueAt: { $gte: new Date() } }] });
  return and;
}
