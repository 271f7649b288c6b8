/**
 * What a cached result depends on (tags) and what each event kind of the log makes out of date.
 * Pure (no session, no React), so the unit tests check {@link tagsForEvent} over every `EventKind`.
 * The switch is exhaustive: a kind added on the server fails to compile here (after `npm run codegen`)
 * until the client says which of its results that kind touches.
 */
import type { EventKind } from '../gql/graphql';

/** Names of what a cached result depends on; live events and mutations invalidate these. */
export const tags = {
  /** The case page's main query (facts, totals, deadlines, participants). */
  case: (caseId: string) => `case:${caseId}`,
  thread: (caseId: string) => `thread:${caseId}`,
  tasks: (caseId: string) => `tasks:${caseId}`,
  actions: (caseId: string) => `actions:${caseId}`,
  /** The case list pages (and their unread counts). */
  cases: 'cases',
  /** The inbox and every unread / open-work count derived from it. */
  inbox: 'inbox',
  /** Dashboard figures (statistics, trend, stuck lists, drill-down lists); refreshed by statisticsChanged ticks. */
  statistics: 'statistics',
  /** Who I am (profile, roles). */
  me: 'me',
} as const;

/** The case-page sections an event kind changes (besides the inbox, which every delivered event may). */
type CaseSections = ReadonlyArray<'case' | 'thread' | 'tasks' | 'actions' | 'cases'>;

/**
 * Which sections of a case an event kind touches. Money and deadlines of a case follow its actions,
 * so an action event refreshes the case too; sharing changes who takes part, which the tasks, actions
 * and thread list. Kinds about no case (accounts, agencies, audit …) touch none of them.
 */
function sectionsOf(kind: EventKind): CaseSections {
  switch (kind) {
    case 'THREAD_POSTED':
    case 'THREAD_POST_EDITED':
    case 'THREAD_POST_DELETED':
      return ['thread', 'cases'];
    case 'TASK_CREATED':
    case 'TASK_ACCEPTED':
    case 'TASK_STARTED':
    case 'TASK_COMPLETED':
    case 'TASK_DECLINED':
    case 'TASK_CANCELLED':
    case 'TASK_REASSIGNED':
    case 'TASK_ESCALATED':
    case 'TASK_DEADLINE_RECALCULATED':
      return ['tasks'];
    case 'ACTION_PLANNED':
    case 'ACTION_READY':
    case 'ACTION_STARTED':
    case 'ACTION_COMPLETED':
    case 'ACTION_POSTPONED':
    case 'ACTION_POSTPONEMENT_REQUESTED':
    case 'ACTION_RESCHEDULED':
    case 'ACTION_CANCELLED':
    case 'ACTION_INVITED':
    case 'ACTION_INVITATION_CONFIRMED':
    case 'ACTION_INVITATION_DECLINED':
    case 'ACTION_INVITEE_CONFIRMED':
    case 'ACTION_INVITEE_DECLINED':
    case 'ACTION_PROTECTION_PLAN_RECORDED':
    case 'ACTION_OUTCOME_CORRECTED':
    case 'ACTION_CALENDAR_CONFLICT':
    case 'ACTION_CALENDAR_CONFLICT_CLEARED':
    case 'ACTION_DEADLINE_RECALCULATED':
      return ['actions', 'case', 'cases'];
    case 'CASE_SHARED':
    case 'CASE_UNSHARED':
      return ['case', 'cases', 'tasks', 'actions', 'thread'];
    case 'CASE_CREATED':
    case 'CASE_UPDATED':
    case 'CASE_TRANSITIONED':
    case 'CASE_PARTY_ADDED':
    case 'CASE_PARTY_UPDATED':
    case 'CASE_PARTY_REMOVED':
    case 'CASE_OBLIGATION_ADDED':
    case 'CASE_OBLIGATION_UPDATED':
    case 'CASE_OBLIGATION_REMOVED':
    case 'CASE_PROGRESS_RECORDED':
    case 'CASE_PROGRESS_REVERSED':
    case 'CASE_DEADLINES_RECALCULATED':
    case 'CASE_DEADLINE_MISSED':
    case 'CASE_URGENT_FREEZE_RECORDED':
    case 'CASE_FREEZE_DECISION_ISSUED':
      return ['case', 'cases'];
    // A case import adds cases to the lists; it names no single case.
    case 'IMPORT_COMPLETED':
      return ['cases'];
    case 'AGENCY_CREATED':
    case 'AGENCY_UPDATED':
    case 'AREA_CREATED':
    case 'AREA_UPDATED':
    case 'AUTH_SIGNED_IN':
    case 'AUTH_SESSION_ENDED':
    case 'AUTH_REFRESH_REUSE_DETECTED':
    case 'BENCH_APPENDED':
    case 'CALENDAR_CHANGED':
    case 'DEMO_SEEDED':
    case 'PERSONAL_DATA_READ':
    case 'STATISTICS_TARGET_SET':
    case 'USER_CREATED':
    case 'USER_UPDATED':
    case 'USER_DEACTIVATED':
    case 'USER_REACTIVATED':
    case 'USER_PASSWORD_CHANGED':
    case 'USER_PASSWORD_RESET':
      // Reading protected data is audited as an event: refreshing the case on it would read (and log) again.
      return [];
    default: {
      // Compile time: `kind` is `never` once every EventKind has a case above (a new kind fails here).
      const unlisted: never = kind;
      // Run time: a server newer than this build sent a kind it does not know; refresh all of the case.
      void unlisted;
      return ['case', 'thread', 'tasks', 'actions', 'cases'];
    }
  }
}

/** What an event makes out of date: always the inbox, and the sections of its case that it changes. */
export function tagsForEvent(kind: EventKind, caseId: string | null | undefined): string[] {
  const out: string[] = [tags.inbox];
  for (const section of sectionsOf(kind)) {
    if (section === 'cases') out.push(tags.cases);
    else if (caseId) out.push(tags[section](caseId));
  }
  return out;
}
