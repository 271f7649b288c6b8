/**
 * THE event vocabulary: every event type the log can hold, the payload it carries, the stream it
 * chains on and the topics it is routed by. Emitting (`tx.emit`), routing (the dispatcher), the
 * inbox categories, the live-access invalidation and the GraphQL `EventKind` enum all use it, so a
 * misspelt type, a wrong payload or a topic spelled by hand fails to compile — and a source scan
 * (tests/unit/house-rules.test.ts) fails on a topic or stream template written outside this file.
 *
 * Payloads are JSON-safe facts: ids, kinds, times as ISO strings, money as decimal strings. They
 * never carry a party's restricted data. Adding a field is fine (readers must tolerate missing
 * fields in older events: the log is forever); renaming or removing one is a new event type.
 */

// ---------------------------------------------------------------------------------------------
// Topics and streams
// ---------------------------------------------------------------------------------------------

/** A routing topic. Deliveries are still authorised per event; topics only narrow who is asked. */
export type Topic =
  | `case:${string}`
  | `agency:${string}`
  | `user:${string}`
  /** Areas and agencies changed (directory caches). */
  | 'directory'
  /** Audit-only events (sign-ins, personal-data reads): nobody's work feed. */
  | 'audit'
  /** Events that end or change a user's standing: sockets re-check or close. */
  | 'sessions'
  /** Case changes that move the statistics (batched dashboard ticks). */
  | 'statistics'
  /** The legal calendar changed: every instance reloads it. */
  | 'calendar';

/** Builders for every topic: the only place a topic string is spelled. */
export const topics = {
  case: (caseId: string): Topic => `case:${caseId}`,
  agency: (agencyId: string): Topic => `agency:${agencyId}`,
  user: (userId: string): Topic => `user:${userId}`,
  agencies: (agencyIds: Iterable<string>): Topic[] => [...new Set(agencyIds)].map((id) => topics.agency(id)),
  users: (userIds: Iterable<string>): Topic[] => [...new Set(userIds)].map((id) => topics.user(id)),
  directory: 'directory',
  audit: 'audit',
  sessions: 'sessions',
  statistics: 'statistics',
  calendar: 'calendar',
} as const;

/** A hash-chain stream: writers to one stream serialise on its head row. */
export type Stream = `case:${string}` | `user:${string}` | `agency:${string}` | `area:${string}` | 'calendar' | 'system';

/** Builders for every stream name (an aggregate and its own chain). */
export const streams = {
  case: (caseId: string): Stream => `case:${caseId}`,
  user: (userId: string): Stream => `user:${userId}`,
  agency: (agencyId: string): Stream => `agency:${agencyId}`,
  area: (areaId: string): Stream => `area:${areaId}`,
  calendar: 'calendar',
  system: 'system',
} as const;

/** The SQL expression of a case's stream name, for queries that join the log to cases. */
export const CASE_STREAM_SQL = (caseIdColumn: string): string => `'case:' || ${caseIdColumn}`;

// ---------------------------------------------------------------------------------------------
// Payloads
// ---------------------------------------------------------------------------------------------

type Iso = string;
/** Đồng as a decimal string (exact; may exceed 2^53). */
type MoneyText = string;

/** Every event on a case's stream names the case (deliveries re-check 'case.read' with it). */
export interface CaseRef {
  caseId: string;
}
/** A change of the case itself: the case's version after it. */
export interface CaseChangeBase extends CaseRef {
  version: number;
}
/** What every task event carries (see TaskService). */
export interface TaskBase extends CaseRef {
  taskId: string;
  version: number;
  status: string;
  assigneeAgencyId: string;
  assigneeId: string | null;
}
/** What every coordinated-action event carries (see ActionService) — never the coerced person or the place. */
export interface ActionBase extends CaseRef {
  actionId: string;
  kind: string;
  version: number;
  status: string;
  scheduledStart: Iso;
  scheduledEnd: Iso;
}
/** A workflow step (task or action): from which status to which, and why. */
export interface StepPayload {
  from: string;
  to: string;
  reason: string | null;
}
/** A task's workflow step (accepted, started, completed, declined, cancelled), with the assignee's note. */
export type TaskStepPayload = TaskBase & StepPayload & { note: string | null };
/** An action's workflow step (ready, started, postponed, rescheduled, cancelled) and the step's own details (e.g. the new times). */
export type ActionStepPayload = ActionBase & StepPayload & Record<string, unknown>;
interface UserBase {
  userId: string;
  agencyId: string;
}

/** The payload of each event type. */
export interface EventPayloads {
  // Cases (stream case:<id>)
  'case.created': CaseChangeBase & {
    sameJudgmentCaseIds: string[];
    judgmentNumber: string;
    communeId: string;
    parties: number;
    obligations: number;
    totalOwed: MoneyText;
    demo?: boolean;
    /** An existing case brought in by a CSV import (modules/imports/case-import.ts). */
    imported?: boolean;
  };
  'case.updated': CaseChangeBase & { changes: Record<string, unknown> };
  'case.transitioned': CaseChangeBase &
    StepPayload & { transition: string; legalSource: string; creditorWithdrawal?: boolean; [extra: string]: unknown };
  'case.partyAdded': CaseChangeBase & { partyId: string; role: string; kind: string };
  'case.obligationAdded': CaseChangeBase & { obligationId: string; kind: string; amountOwed: MoneyText | null };
  /** `changes`: the edited fields (names only: party details are personal data and stay out of the log's payload). */
  'case.partyUpdated': CaseChangeBase & { partyId: string; changes: Record<string, true> };
  'case.partyRemoved': CaseChangeBase & { partyId: string; role: string };
  'case.obligationUpdated': CaseChangeBase & { obligationId: string; changes: Record<string, true>; amountOwed: MoneyText | null };
  'case.obligationRemoved': CaseChangeBase & { obligationId: string; kind: string; amountOwed: MoneyText | null };
  'case.progressRecorded': CaseChangeBase & {
    obligationId: string;
    collected?: MoneyText;
    totalCollected?: MoneyText;
    fulfilled?: boolean;
  };
  'case.progressReversed': CaseChangeBase & { obligationId: string; reversed: MoneyText; totalCollected: MoneyText; unfulfilled: boolean };
  'case.shared': CaseChangeBase & { agencyId: string; agencyName: string; role: string };
  'case.unshared': CaseChangeBase & { agencyId: string };
  'case.deadlinesRecalculated': CaseChangeBase & {
    changed: string[];
    decisionDueAt: Date | Iso | null;
    voluntaryPeriodEndsAt: Date | Iso | null;
    verificationDueAt: Date | Iso | null;
  };
  'case.deadlineMissed': CaseRef & {
    deadline: string;
    subjectId: string;
    dueAt: Iso;
    legalSource: string;
    addressedAgencyIds: string[];
  };
  'case.urgentFreezeRecorded': CaseChangeBase & {
    freezeId: string;
    recordedAt: Iso;
    decisionDueAt: Iso;
    procuracyId: string;
    legalSource: string;
  };
  'case.freezeDecisionIssued': CaseChangeBase & {
    freezeId: string;
    decisionNumber: string;
    late: boolean;
    decisionDueAt: Iso;
    legalSource: string;
  };

  // Threads (stream case:<id>)
  'thread.posted': CaseRef & {
    postId: string;
    seq: number;
    kind: string;
    authorAgencyId: string;
    mentionedUserIds: string[];
    mentionedAgencyIds: string[];
    attachments: number;
  };
  'thread.postEdited': CaseRef & { postId: string; seq: number; version: number; mentionedUserIds: string[]; mentionedAgencyIds: string[] };
  'thread.postDeleted': CaseRef & { postId: string; seq: number; reason: string | null };

  // Tasks (stream case:<id>)
  'task.created': TaskBase & {
    title: string;
    kind: string;
    priority: string;
    dueAt: Iso | null;
    actionId?: string;
    freezeId?: string;
    legalSource?: string;
  };
  'task.accepted': TaskStepPayload;
  'task.started': TaskStepPayload;
  'task.completed': TaskStepPayload;
  'task.declined': TaskStepPayload;
  'task.cancelled': TaskStepPayload;
  'task.deadlineRecalculated': TaskBase & { previousDueAt: Iso | null; dueAt: Iso; dueWorkingDays: number | null };
  'task.reassigned': TaskBase & { fromAssigneeId: string | null; toAssigneeId: string | null };
  'task.escalated': CaseRef & {
    taskId: string;
    title: string;
    assigneeAgencyId: string;
    status: string;
    dueAt: Iso;
    graceWorkingDays: number;
    addressedAgencyIds: string[];
  };

  // Coordinated actions (stream case:<id>)
  'action.planned': ActionBase & {
    invitedAgencyIds: string[];
    invitedPeople?: number;
    protectionPlanDueAt: Iso | null;
    legalSource?: string;
  };
  'action.invited': ActionBase & { invitedAgencyIds: string[]; invitedPeople: number };
  'action.inviteeConfirmed': ActionBase & { inviteeId: string };
  'action.inviteeDeclined': ActionBase & { inviteeId: string };
  'action.invitationConfirmed': ActionBase & { participantId: string; agencyId: string; reason: string | null };
  'action.invitationDeclined': ActionBase & { participantId: string; agencyId: string; reason: string | null };
  'action.protectionPlanRecorded': ActionBase & { late: boolean; dueAt: Iso | null; legalSource: string };
  'action.postponementRequested': ActionBase & { receivedAt: Iso; late: boolean; legalSource: string };
  'action.ready': ActionStepPayload;
  'action.started': ActionStepPayload;
  'action.postponed': ActionStepPayload;
  'action.rescheduled': ActionStepPayload;
  'action.cancelled': ActionStepPayload;
  'action.completed': ActionBase & {
    outcome: string;
    entryId?: string;
    moneyCollected: MoneyText;
    obligationIds?: string[];
    attendees: number;
    caseCompleted: boolean;
  };
  'action.outcomeCorrected': ActionBase & {
    entryId: string;
    correctsId: string;
    outcome: string;
    moneyCollected: MoneyText;
    previousMoneyCollected: MoneyText;
    obligationIds: string[];
  };
  'action.deadlineRecalculated': ActionBase & { deadline: string; dueAt: Iso; legalSource: string };
  'action.calendarConflict': ActionBase & { ruleCodes: string[]; dates: string[]; legalSource: string };
  'action.calendarConflictCleared': ActionBase;

  // Directory (streams area:<id>, agency:<id>)
  'area.created': { areaId: string; code: string; name: string; kind: string };
  'area.updated': { areaId: string; changes: Record<string, unknown> };
  'agency.created': { agencyId: string; code: string; name: string; kind: string; coveredAreaIds: string[] };
  'agency.updated': { agencyId: string; changes: Record<string, unknown> };

  // Users and sessions (stream user:<id>)
  'user.created': UserBase & { username: string; roles: string[] };
  'user.updated': UserBase & { changes: Record<string, unknown> };
  'user.deactivated': UserBase;
  'user.reactivated': UserBase;
  'user.passwordChanged': UserBase;
  'user.passwordReset': UserBase;
  'auth.signedIn': { ip: string | null };
  'auth.refreshReuseDetected': { sessionId: string };
  'auth.sessionEnded': { userId: string; sessionId?: string; allSessions?: boolean };
  'personalData.read': { reads: Array<Record<string, unknown>> };

  // Imports (stream user:<id> of who ran it)
  'import.completed': { kind: string; rows: number; created: number; unchanged: number; skipped: number };

  // Calendar (stream calendar)
  'calendar.changed':
    | { change: 'added' | 'removed'; date: string; kind: string; name: string; source: string | null }
    | {
        change: 'tetDirectiveSet';
        tetYear: number;
        firstDay: string;
        lastDay: string;
        documentNumber: string;
        documentDate: string | null;
      }
    | { change: 'tetDirectiveRemoved'; tetYear: number };

  // Statistics (stream agency:<id>)
  'statistics.targetSet': { agencyId: string; statisticalYear: number; caseRatePercent: string; moneyRatePercent: string };

  // The demo world (stream system) and synthetic load (bench/ only)
  'demo.seeded': Record<string, unknown>;
  'bench.appended': Record<string, unknown>;
}

/** Every event type. */
export type EventType = keyof EventPayloads;

/** Event types of a family (`EventsOf<'task'>` = 'task.created' | …). */
export type EventsOf<F extends string> = Extract<EventType, `${F}.${string}`>;

/** What the web app's inbox shows an event as (see INBOX). */
export type InboxCategoryName =
  | 'NEW_TASK'
  | 'TASK_UPDATE'
  | 'OVERDUE_TASK'
  | 'ESCALATION'
  | 'INVITATION'
  | 'DIRECTIVE'
  | 'RECOMMENDATION'
  | 'MENTION';

/** What the vocabulary knows of each type beyond its payload. */
interface EventSpec {
  /** One line for the API docs (the GraphQL EventKind enum). */
  description: string;
  /** Changes who may read the case (live access facts are reloaded after it). */
  changesCaseAccess?: boolean;
  /** Shown in the inbox of those it is routed to; the category it shows as. */
  inbox?: InboxCategoryName;
}

/**
 * Every event type, with its description and role. `satisfies` makes this list and EventPayloads
 * agree exactly: a type declared in one and not the other does not compile.
 */
export const EVENT_TYPES = {
  'case.created': { description: 'A case was opened.', changesCaseAccess: true },
  'case.updated': { description: 'Case details were edited.', changesCaseAccess: true },
  'case.transitioned': { description: 'The case moved through its lifecycle.', changesCaseAccess: true },
  'case.partyAdded': { description: 'A party was added.' },
  'case.obligationAdded': { description: 'An obligation was added.' },
  'case.partyUpdated': { description: "A party's details were corrected." },
  'case.partyRemoved': { description: 'A party added by mistake was removed.' },
  'case.obligationUpdated': { description: 'An obligation was corrected.' },
  'case.obligationRemoved': { description: 'An obligation entered by mistake was removed (nothing collected against it).' },
  'case.progressRecorded': { description: 'Money collected or an obligation fulfilled.' },
  'case.progressReversed': { description: 'Money taken back from an obligation by a correcting outcome entry.' },
  'case.shared': { description: 'An agency joined the case.', changesCaseAccess: true, inbox: 'INVITATION' },
  'case.unshared': { description: 'An agency left the case.', changesCaseAccess: true },
  'case.deadlinesRecalculated': { description: 'Legal deadlines moved after a calendar change.' },
  'case.deadlineMissed': { description: 'A legal deadline passed (escalated once).', inbox: 'ESCALATION' },
  'case.urgentFreezeRecorded': { description: 'An urgent account freeze was recorded (decision due in 24 h).' },
  'case.freezeDecisionIssued': { description: 'The decision on an urgent freeze was issued.' },
  'thread.posted': { description: 'A post on the case thread.', inbox: 'MENTION' },
  'thread.postEdited': { description: 'A post was edited.', inbox: 'MENTION' },
  'thread.postDeleted': { description: 'A post was deleted (its history is kept).' },
  'task.created': { description: 'A task was assigned.', inbox: 'NEW_TASK' },
  'task.accepted': { description: 'A task was accepted.' },
  'task.started': { description: 'Work on a task started.' },
  'task.completed': { description: 'A task was completed.' },
  'task.declined': { description: 'A task was declined.', inbox: 'TASK_UPDATE' },
  'task.cancelled': { description: 'A task was cancelled.' },
  'task.deadlineRecalculated': { description: 'A task due in N working days moved after a calendar change.' },
  'task.reassigned': { description: 'A task was given to someone else.', inbox: 'NEW_TASK' },
  'task.escalated': { description: 'An overdue task was escalated (once).', inbox: 'ESCALATION' },
  'action.planned': { description: 'A visit, meeting or coercion was planned.', inbox: 'INVITATION' },
  'action.invited': { description: 'More agencies or named people were invited.', inbox: 'INVITATION' },
  'action.inviteeConfirmed': { description: 'A named person confirmed (recorded by the lead office).' },
  'action.inviteeDeclined': { description: 'A named person declined (recorded by the lead office).' },
  'action.invitationConfirmed': { description: 'An invited agency confirmed.' },
  'action.invitationDeclined': { description: 'An invited agency declined.' },
  'action.protectionPlanRecorded': { description: 'The police recorded their protection plan.' },
  'action.postponementRequested': { description: 'A postponement was requested.' },
  'action.ready': { description: 'The action is ready.' },
  'action.started': { description: 'The action started.' },
  'action.postponed': { description: 'The action was postponed.' },
  'action.rescheduled': { description: 'The action was rescheduled.' },
  'action.cancelled': { description: 'The action was cancelled.' },
  'action.completed': { description: 'The outcome was recorded.' },
  'action.outcomeCorrected': { description: 'An outcome was corrected by a correcting entry (history kept).' },
  'action.deadlineRecalculated': { description: 'A deadline of the action moved after a calendar change.' },
  'action.calendarConflict': { description: 'A coercion now falls on a forbidden day.' },
  'action.calendarConflictCleared': { description: 'A coercion no longer falls on a forbidden day.' },
  'area.created': { description: 'An administrative area was created.' },
  'area.updated': { description: 'An administrative area was changed.' },
  'agency.created': { description: 'An agency was created.' },
  'agency.updated': { description: 'An agency was changed (coverage, activity).' },
  'user.created': { description: 'A user account was created.' },
  'user.updated': { description: 'A user account was changed.' },
  'user.deactivated': { description: 'A user account was deactivated.' },
  'user.reactivated': { description: 'A user account was reactivated.' },
  'user.passwordChanged': { description: 'A password was changed.' },
  'user.passwordReset': { description: 'An administrator reset a password (sessions ended).' },
  'auth.signedIn': { description: 'A sign-in (audit).' },
  'auth.refreshReuseDetected': { description: 'A refresh token was reused: every session of the user ended (audit).' },
  'auth.sessionEnded': { description: 'A session ended (sign-out or revocation).' },
  'personalData.read': { description: 'Restricted personal data was read (audit).' },
  'import.completed': { description: 'A CSV import was applied (counts per outcome).' },
  'calendar.changed': { description: 'A day off, a working day or a Tết directive changed.' },
  'statistics.targetSet': { description: 'A yearly statistics target was set.' },
  'demo.seeded': { description: 'The demo world was created.' },
  'bench.appended': { description: 'Synthetic load written by bench/ (never by the product).' },
} as const satisfies { [K in EventType]: EventSpec };

/** Every event type, as a list (for SQL filters and the GraphQL enum). */
export const ALL_EVENT_TYPES = Object.keys(EVENT_TYPES) as EventType[];

const typesWhere = (test: (spec: EventSpec) => boolean): EventType[] => ALL_EVENT_TYPES.filter((t) => test(EVENT_TYPES[t] as EventSpec));

/** Event types that need the attention of the person or agency they are addressed to. */
export const INBOX_EVENT_TYPES: readonly EventType[] = typesWhere((s) => s.inbox !== undefined);

/** Event types after which a case's access facts must be loaded again. */
export const CASE_ACCESS_EVENT_TYPES: ReadonlySet<string> = new Set(typesWhere((s) => s.changesCaseAccess === true));

/** The inbox category of an event type (undefined when it is not an inbox event). */
export function inboxCategoryOf(type: string): InboxCategoryName | undefined {
  return (EVENT_TYPES as Record<string, EventSpec>)[type]?.inbox;
}

/** True when `type` is a type of the vocabulary (events read from the log are checked with it). */
export function isEventType(type: string): type is EventType {
  return Object.hasOwn(EVENT_TYPES, type);
}

/** The GraphQL enum name of an event type: `case.deadlineMissed` → `CASE_DEADLINE_MISSED`. */
export function eventKindName(type: EventType): string {
  return type
    .replace(/\./g, '_')
    .replace(/([a-z])([A-Z])/g, '$1_$2')
    .toUpperCase();
}

// ---------------------------------------------------------------------------------------------
// Envelopes
// ---------------------------------------------------------------------------------------------

/** One event as a service appends it: its type decides the payload. */
export type NewEvent<T extends EventType = EventType> = {
  [K in T]: {
    type: K;
    /** Hash-chain stream (usually the aggregate). */
    stream: Stream;
    /** Who did it (null for the system). */
    actorId: string | null;
    /** Routing topics. The policy still checks each delivery. */
    topics: Topic[];
    payload: EventPayloads[K];
  };
}[T];

/** `Omit` that keeps a union a union (each member loses the keys). */
export type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/**
 * The payload of an event of type `T` without the keys `K` its emitter fills in (a family's base
 * facts: `PayloadBeyond<T, keyof TaskBase>`); a union of types stays a union of payloads.
 */
export type PayloadBeyond<T extends EventType, K extends PropertyKey> = DistributiveOmit<EventPayloads[T], K>;

/** True when `event` is of type `type`, narrowing its payload (events read back from the log). */
export function isEvent<T extends EventType>(
  event: { type: string; payload: unknown },
  type: T,
): event is { type: T; payload: Partial<EventPayloads[T]> } & typeof event {
  return event.type === type;
}
