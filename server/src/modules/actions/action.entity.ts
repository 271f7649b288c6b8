import { randomUUID } from 'node:crypto';
import { Entity, Enum, Index, ManyToOne, OptionalProps, PrimaryKey, Property, Unique, type Rel } from '@mikro-orm/core';
import { Agency } from '../agencies/agency.entity';
import { EnforcementCase } from '../cases/case.entity';
import { Task } from '../tasks/task.entity';
import { User } from '../users/user.entity';

export enum ActionKind {
  /** Buổi vận động, thuyết phục. */
  PERSUASION_VISIT = 'PERSUASION_VISIT',
  /** Họp phối hợp. */
  COORDINATION_MEETING = 'COORDINATION_MEETING',
  /** Xác minh điều kiện thi hành án tại chỗ. */
  VERIFICATION_VISIT = 'VERIFICATION_VISIT',
  /** Cưỡng chế thi hành án (Điều 71–72 Luật THADS). */
  COERCION = 'COERCION',
}

/** planned → ready → in progress → completed, or postponed / cancelled. See action-workflow.ts. */
export enum ActionStatus {
  PLANNED = 'PLANNED',
  READY = 'READY',
  IN_PROGRESS = 'IN_PROGRESS',
  COMPLETED = 'COMPLETED',
  POSTPONED = 'POSTPONED',
  CANCELLED = 'CANCELLED',
}

export enum ActionOutcome {
  /** Tự nguyện thi hành. */
  VOLUNTARY_COMPLIANCE = 'VOLUNTARY_COMPLIANCE',
  /** Thi hành được một phần. */
  PARTIAL_PAYMENT = 'PARTIAL_PAYMENT',
  /** Đương sự không chấp hành. */
  REFUSED = 'REFUSED',
  /** Đã cưỡng chế. */
  COERCED = 'COERCED',
  /** Hoãn. */
  POSTPONED = 'POSTPONED',
  /** Người được thi hành án rút đơn. */
  REQUEST_WITHDRAWN = 'REQUEST_WITHDRAWN',
  OTHER = 'OTHER',
}

export enum InvitationStatus {
  INVITED = 'INVITED',
  CONFIRMED = 'CONFIRMED',
  DECLINED = 'DECLINED',
}

/**
 * A coordinated action on a case: a persuasion visit, a coordination meeting, a verification visit or
 * a coercion. Coercions carry the plan's contents (Điều 72) and the police protection plan. Money is
 * recorded on the case's obligations (CaseService.progressStep); `moneyCollected` is the action's sum.
 */
@Entity({ tableName: 'case_action' })
@Index({ properties: ['status', 'scheduledStart'] })
export class CaseAction {
  [OptionalProps]?: 'status' | 'version' | 'createdAt' | 'updatedAt' | 'postponementLate' | 'moneyCollected';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Index()
  @ManyToOne(() => EnforcementCase)
  case!: Rel<EnforcementCase>;

  @Enum({ items: () => ActionKind, nativeEnumName: 'action_kind' })
  kind!: ActionKind;

  @Property({ type: 'string', length: 300 })
  title!: string;

  @Enum({ items: () => ActionStatus, nativeEnumName: 'action_status', default: ActionStatus.PLANNED })
  status: ActionStatus = ActionStatus.PLANNED;

  @Property({ type: 'datetime', columnType: 'timestamptz(3)' })
  scheduledStart!: Date;

  @Property({ type: 'datetime', columnType: 'timestamptz(3)' })
  scheduledEnd!: Date;

  @Property({ type: 'string', length: 500 })
  place!: string;

  @ManyToOne(() => User)
  leadOfficer!: Rel<User>;

  @ManyToOne(() => User)
  createdBy!: Rel<User>;

  // Coercion plan contents (Điều 72 khoản 2 Luật THADS).
  /** Who is coerced (a description; never an ID number). */
  @Property({ type: 'string', length: 300, nullable: true })
  personCoerced?: string | null;

  /** The coercive measure (biện pháp cưỡng chế). */
  @Property({ type: 'string', length: 300, nullable: true })
  measure?: string | null;

  @Property({ type: 'text', nullable: true })
  method?: string | null;

  @Property({ type: 'text', nullable: true })
  forces?: string | null;

  @Property({ type: 'text', nullable: true })
  protection?: string | null;

  /** Đồng, decimal string of a bigint. */
  @Property({ type: 'bigint', nullable: true })
  costEstimate?: string | null;

  /** Police protection plan (kế hoạch bảo vệ cưỡng chế): due within 3 working days of the plan. */
  @Property({ type: 'datetime', columnType: 'timestamptz(3)', nullable: true })
  protectionPlanDueAt?: Date | null;

  @Property({ type: 'datetime', columnType: 'timestamptz(3)', nullable: true })
  protectionPlanRecordedAt?: Date | null;

  @Property({ type: 'text', nullable: true })
  protectionPlanNote?: string | null;

  @ManyToOne(() => User, { nullable: true })
  protectionPlanRecordedBy?: Rel<User> | null;

  /** The police's PROTECTION_PLAN task, completed when the plan is recorded. */
  @ManyToOne(() => Task, { nullable: true })
  protectionTask?: Rel<Task> | null;

  /** Điều 48: when a postponement request arrived, and whether it came less than 24 h before the start. */
  @Property({ type: 'datetime', columnType: 'timestamptz(3)', nullable: true })
  postponementRequestedAt?: Date | null;

  @Property({ type: 'text', nullable: true })
  postponementReason?: string | null;

  @Property({ type: 'boolean', default: false })
  postponementLate: boolean = false;

  /**
   * Set when a calendar change (a day off added, a Tết directive) put this planned or ready coercion on a
   * forbidden day: it cannot be marked ready or started until rescheduled. Cleared by a legal reschedule.
   */
  @Property({ type: 'datetime', columnType: 'timestamptz(3)', nullable: true })
  calendarConflictAt?: Date | null;

  /** The refusal message of the calendar conflict (Vietnamese), for the lead officer. */
  @Property({ type: 'text', nullable: true })
  calendarConflict?: string | null;

  /** Why it was postponed or cancelled. */
  @Property({ type: 'text', nullable: true })
  reason?: string | null;

  @Enum({ items: () => ActionOutcome, nativeEnumName: 'action_outcome', nullable: true })
  outcome?: ActionOutcome | null;

  /** Biên bản: the minutes' text. */
  @Property({ type: 'text', nullable: true })
  minutes?: string | null;

  /** Who attended (names and roles as written in the minutes). */
  @Property({ type: 'json', nullable: true })
  attendees?: string[] | null;

  @Property({ type: 'bigint', default: '0' })
  moneyCollected: string = '0';

  @Property({ type: 'datetime', columnType: 'timestamptz(3)', nullable: true })
  completedAt?: Date | null;

  @Property({ type: 'integer', default: 1 })
  version: number = 1;

  @Property({ type: 'datetime', columnType: 'timestamptz(3)' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', columnType: 'timestamptz(3)', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}

/** An agency invited to an action, its answer, and the "attend action" task created with the invitation. */
@Entity({ tableName: 'action_participant' })
@Unique({ properties: ['action', 'agency'] })
@Index({ properties: ['agency', 'status'] })
export class ActionParticipant {
  [OptionalProps]?: 'status' | 'version' | 'invitedAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => CaseAction)
  action!: Rel<CaseAction>;

  @ManyToOne(() => Agency)
  agency!: Rel<Agency>;

  /** Required participants must confirm before the action can become ready. */
  @Property({ type: 'boolean' })
  required!: boolean;

  @Enum({ items: () => InvitationStatus, nativeEnumName: 'invitation_status', default: InvitationStatus.INVITED })
  status: InvitationStatus = InvitationStatus.INVITED;

  @Property({ type: 'text', nullable: true })
  declineReason?: string | null;

  @ManyToOne(() => Task, { nullable: true })
  task?: Rel<Task> | null;

  @Property({ type: 'datetime', columnType: 'timestamptz(3)' })
  invitedAt: Date = new Date();

  @Property({ type: 'datetime', columnType: 'timestamptz(3)', nullable: true })
  respondedAt?: Date | null;

  @ManyToOne(() => User, { nullable: true })
  respondedBy?: Rel<User> | null;

  @Property({ type: 'integer', default: 1 })
  version: number = 1;
}

/**
 * A named person invited to a persuasion visit or meeting who need not be a user (the village head,
 * a women's union member, an elder). The lead office records their answer (they cannot sign in).
 * The phone is restricted personal data (rule 10): read through the party.readRestricted ability, audited.
 */
@Entity({ tableName: 'action_invitee' })
export class ActionInvitee {
  [OptionalProps]?: 'status' | 'version' | 'invitedAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Index()
  @ManyToOne(() => CaseAction)
  action!: Rel<CaseAction>;

  @Property({ type: 'string', length: 200 })
  name!: string;

  /** Their role in the community, as written on the invitation ("Trưởng thôn", "Chi hội phụ nữ"). */
  @Property({ type: 'string', length: 200 })
  role!: string;

  /** Restricted (never in events or logs). */
  @Property({ type: 'string', length: 20, nullable: true, lazy: true })
  phone?: string | null;

  @Enum({ items: () => InvitationStatus, nativeEnumName: 'invitation_status', default: InvitationStatus.INVITED })
  status: InvitationStatus = InvitationStatus.INVITED;

  /** Why they declined, or how the answer came (phone call, in person). */
  @Property({ type: 'text', nullable: true })
  note?: string | null;

  @Property({ type: 'datetime', columnType: 'timestamptz(3)' })
  invitedAt: Date = new Date();

  @Property({ type: 'datetime', columnType: 'timestamptz(3)', nullable: true })
  respondedAt?: Date | null;

  @ManyToOne(() => User, { nullable: true })
  recordedBy?: Rel<User> | null;

  @Property({ type: 'integer', default: 1 })
  version: number = 1;
}

/** One obligation paid or fulfilled by an outcome entry. Amounts are decimal strings of đồng. */
export interface OutcomeCollection {
  obligationId: string;
  amountCollected: string;
  fulfilled: boolean | null;
}

/**
 * One recorded outcome of an action (biên bản + money), append-only. A mistake is corrected by a new
 * entry that `corrects` the earlier one (with a reason): the earlier entry's money is reversed on the
 * obligations and the new entry's applied, in one transaction. CaseAction's outcome, minutes and
 * moneyCollected show the entry in force (the one no later entry corrects).
 */
@Entity({ tableName: 'action_outcome_entry' })
export class ActionOutcomeEntry {
  [OptionalProps]?: 'recordedAt' | 'moneyCollected';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Index()
  @ManyToOne(() => CaseAction)
  action!: Rel<CaseAction>;

  @Enum({ items: () => ActionOutcome, nativeEnumName: 'action_outcome' })
  outcome!: ActionOutcome;

  @Property({ type: 'text' })
  minutes!: string;

  @Property({ type: 'json' })
  attendees!: string[];

  @Property({ type: 'json' })
  collections!: OutcomeCollection[];

  @Property({ type: 'bigint', default: '0' })
  moneyCollected: string = '0';

  /** The entry this one corrects (each entry is corrected at most once). */
  @ManyToOne(() => ActionOutcomeEntry, { nullable: true, unique: true })
  corrects?: Rel<ActionOutcomeEntry> | null;

  @Property({ type: 'text', nullable: true })
  correctionReason?: string | null;

  @ManyToOne(() => User)
  recordedBy!: Rel<User>;

  @Property({ type: 'datetime', columnType: 'timestamptz(3)' })
  recordedAt: Date = new Date();
}

/**
 * A missed legal deadline already escalated: one row per (deadline kind, subject), inserted in the
 * same transaction as the `case.deadlineMissed` event, so each deadline is escalated once.
 */
@Entity({ tableName: 'deadline_escalation' })
@Unique({ properties: ['kind', 'subjectId'] })
export class DeadlineEscalation {
  [OptionalProps]?: 'escalatedAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Index()
  @ManyToOne(() => EnforcementCase)
  case!: Rel<EnforcementCase>;

  /** 'VERIFICATION' | 'POLICE_PROTECTION_PLAN'. */
  @Property({ type: 'string', length: 64 })
  kind!: string;

  /** The case (verification) or the action (protection plan). */
  @Property({ type: 'uuid' })
  subjectId!: string;

  @Property({ type: 'datetime', columnType: 'timestamptz(3)' })
  dueAt!: Date;

  @Property({ type: 'datetime', columnType: 'timestamptz(3)' })
  escalatedAt: Date = new Date();
}

/**
 * Rule 8 (urgent account freeze, Điều 67 of the 2008 law): the record (biên bản) of an urgent freeze,
 * made on the spot, and the decision that must follow within 24 hours. Both go to the procuracy at
 * once; a decision still missing after `decisionDueAt` is escalated (DeadlineEscalation 'URGENT_FREEZE').
 */
@Entity({ tableName: 'account_freeze' })
@Index({ properties: ['decidedAt', 'decisionDueAt'] })
export class AccountFreeze {
  [OptionalProps]?: 'createdAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Index()
  @ManyToOne(() => EnforcementCase)
  case!: Rel<EnforcementCase>;

  /** When the freeze record was made. */
  @Property({ type: 'datetime', columnType: 'timestamptz(3)' })
  recordedAt!: Date;

  /** recordedAt + 24 h: the decision is due by then. */
  @Property({ type: 'datetime', columnType: 'timestamptz(3)' })
  decisionDueAt!: Date;

  /** What was frozen and where (the record's content or its number); no account numbers in events. */
  @Property({ type: 'text' })
  note!: string;

  @Property({ type: 'datetime', columnType: 'timestamptz(3)', nullable: true })
  decidedAt?: Date | null;

  @Property({ type: 'string', length: 100, nullable: true })
  decisionNumber?: string | null;

  /** The lead office's "issue the freeze decision" task. */
  @ManyToOne(() => Task, { nullable: true })
  task?: Rel<Task> | null;

  @ManyToOne(() => User)
  createdBy!: Rel<User>;

  @Property({ type: 'datetime', columnType: 'timestamptz(3)' })
  createdAt: Date = new Date();
}
