import { AuthSession, SigninThrottle } from '../auth/session.entity';
import { AuditCheckpoint, EventPosition, EventRecord, EventSequencerState, EventStreamHead } from '../events/event.entity';
import { Agency } from '../modules/agencies/agency.entity';
import { Area } from '../modules/areas/area.entity';
import { CalendarDay, TetDirective } from '../modules/calendar/calendar-day.entity';
import { CaseParticipant, CaseParty, EnforcementCase, Obligation } from '../modules/cases/case.entity';
import { IdempotencyKey } from './idempotency';
import {
  AccountFreeze,
  ActionInvitee,
  ActionOutcomeEntry,
  ActionParticipant,
  CaseAction,
  DeadlineEscalation,
} from '../modules/actions/action.entity';
import { ImportJob } from '../modules/imports/import-job.entity';
import { AuditVerificationJob } from '../modules/audit/audit-verification-job.entity';
import { Task } from '../modules/tasks/task.entity';
import { CaseStateRecord } from '../modules/statistics/case-state.entity';
import { CaseStateSnapshot, CaseStateSnapshotBoundary } from '../modules/statistics/snapshot.entity';
import { StatisticsTarget } from '../modules/statistics/target.entity';
import { CaseThread, InboxRead, Post, PostRevision, ThreadRead } from '../modules/threads/post.entity';
import { User } from '../modules/users/user.entity';

/**
 * Every entity, listed explicitly (no folder globs): the same list works compiled and under vitest,
 * and a new entity that is not listed here fails loudly instead of silently missing from migrations.
 */
export const ENTITIES = [
  EventRecord,
  EventStreamHead,
  EventPosition,
  EventSequencerState,
  AuditCheckpoint,
  Area,
  Agency,
  User,
  AuthSession,
  SigninThrottle,
  EnforcementCase,
  CaseParty,
  Obligation,
  CaseParticipant,
  IdempotencyKey,
  Post,
  PostRevision,
  CaseThread,
  ThreadRead,
  InboxRead,
  Task,
  CaseAction,
  ActionParticipant,
  ActionInvitee,
  ActionOutcomeEntry,
  DeadlineEscalation,
  AccountFreeze,
  CalendarDay,
  TetDirective,
  CaseStateRecord,
  CaseStateSnapshot,
  CaseStateSnapshotBoundary,
  StatisticsTarget,
  ImportJob,
  AuditVerificationJob,
];
