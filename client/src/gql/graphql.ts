/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
export type ActionKind =
  | 'COERCION'
  | 'COORDINATION_MEETING'
  | 'PERSUASION_VISIT'
  | 'VERIFICATION_VISIT';

export type ActionOutcome =
  | 'COERCED'
  | 'OTHER'
  | 'PARTIAL_PAYMENT'
  | 'POSTPONED'
  | 'REFUSED'
  | 'REQUEST_WITHDRAWN'
  | 'VOLUNTARY_COMPLIANCE';

/** PLANNED → READY → IN_PROGRESS → COMPLETED, or POSTPONED / CANCELLED. */
export type ActionStatus =
  | 'CANCELLED'
  | 'COMPLETED'
  | 'IN_PROGRESS'
  | 'PLANNED'
  | 'POSTPONED'
  | 'READY';

/** A workflow step of an action (COMPLETE goes through recordActionOutcome). */
export type ActionStep =
  | 'CANCEL'
  | 'COMPLETE'
  | 'MARK_READY'
  | 'POSTPONE'
  | 'RESCHEDULE'
  | 'START';

export type AddCalendarDayInput = {
  /** Local date 'YYYY-MM-DD'. */
  date: string;
  kind: OfficialCalendarDayKind;
  /** e.g. "Nghỉ bù Quốc khánh". */
  name: string;
  /** The decision, e.g. "Thông báo 6150/TB-BLĐTBXH". */
  source: string;
};

export type AddObligationInput = {
  amountOwed?: string | null | undefined;
  caseId: string | number;
  creditorId?: string | number | null | undefined;
  debtorId?: string | number | null | undefined;
  description: string;
  kind: ObligationKind;
  landAreaM2?: string | null | undefined;
  version: number;
};

export type AgencyFilterInput = {
  /** Only agencies covering this area. */
  coversAreaId?: string | number | null | undefined;
  includeInactive?: boolean | null | undefined;
  kind?: AgencyKind | null | undefined;
  search?: string | null | undefined;
};

/** What an agency is (enforcement office, police, court, procuracy …). */
export type AgencyKind =
  | 'BANK'
  | 'COURT'
  | 'ENFORCEMENT_OFFICE'
  | 'MASS_ORGANISATION'
  | 'OTHER'
  | 'PEOPLES_COMMITTEE'
  | 'POLICE'
  | 'PROCURACY'
  | 'STEERING_COMMITTEE';

export type AreaFilterInput = {
  kind?: AreaKind | null | undefined;
  parentId?: string | number | null | undefined;
  search?: string | null | undefined;
};

/** Level of an administrative area (DISTRICT only for history before 1 July 2025). */
export type AreaKind =
  | 'COMMUNE'
  | 'DISTRICT'
  | 'NATION'
  | 'PROVINCE';

export type AssignTaskInput = {
  /** An agency taking part in the case. */
  agencyId: string | number;
  /** A named person of that agency (optional). */
  assigneeId?: string | number | null | undefined;
  caseId: string | number;
  details?: string | null | undefined;
  /** Exact deadline; or use dueInWorkingDays. */
  dueAt?: string | null | undefined;
  /** Deadline in working days from now (weekends and public holidays skipped). */
  dueInWorkingDays?: number | null | undefined;
  kind: TaskKind;
  priority?: TaskPriority | null | undefined;
  title: string;
};

export type AttachmentInput = {
  /** sha256 of the content, 64 hex characters. */
  checksum: string;
  name: string;
  /** Bytes (at most 200 MB). */
  size: number;
  /** MIME type, e.g. application/pdf. */
  type: string;
};

/** PUBLIC_HOLIDAY: a holiday of Điều 112 BLLĐ 2019 (library); DERIVED_DAY_OFF: a day off the law creates (second Quốc khánh day, nghỉ bù of Điều 111 khoản 3 BLLĐ 2019), computed by rule; DAY_OFF / WORKING_DAY: an official extra day off or working day (data, wins over the rule). */
export type CalendarDayKind =
  | 'DAY_OFF'
  | 'DERIVED_DAY_OFF'
  | 'PUBLIC_HOLIDAY'
  | 'WORKING_DAY';

export type CaseFilterInput = {
  /** Cases this agency leads or takes part in. */
  agencyId?: string | number | null | undefined;
  backlog?: boolean | null | undefined;
  communeId?: string | number | null | undefined;
  complex?: boolean | null | undefined;
  enforceable?: boolean | null | undefined;
  officerId?: string | number | null | undefined;
  /** A legal deadline (decision, verification) has passed. */
  overdue?: boolean | null | undefined;
  /** Decision/judgment number or party name; diacritics ignored. */
  search?: string | null | undefined;
  statuses?: Array<CaseStatus> | null | undefined;
  urgentSecurity?: boolean | null | undefined;
};

export type CaseKind =
  | 'ON_REQUEST'
  | 'PROACTIVE';

/** Lifecycle status of an enforcement case. */
export type CaseStatus =
  | 'COMPLETED'
  | 'DECISION_ISSUED'
  | 'ENFORCEABLE'
  | 'ENFORCING'
  | 'ENTRUSTED'
  | 'NOT_YET_ENFORCEABLE'
  | 'POSTPONED'
  | 'RECEIVED'
  | 'RETURNED'
  | 'SUSPENDED'
  | 'TERMINATED'
  | 'VERIFICATION'
  | 'VOLUNTARY_PERIOD';

/** A lifecycle step; each is allowed only from certain statuses. */
export type CaseTransition =
  | 'COMPLETE'
  | 'ENTRUST'
  | 'ISSUE_DECISION'
  | 'POSTPONE'
  | 'RECORD_DELIVERY'
  | 'RECORD_ENFORCEABLE'
  | 'RECORD_NOT_YET_ENFORCEABLE'
  | 'RESUME'
  | 'RETURN_REQUEST'
  | 'REVERIFY'
  | 'START_ENFORCING'
  | 'START_VERIFICATION'
  | 'SUSPEND'
  | 'TERMINATE';

export type CollectionInput = {
  amountCollected?: string | null | undefined;
  fulfilled?: boolean | null | undefined;
  /** Required with an amount (BAD_USER_INPUT field obligationId otherwise). */
  obligationId?: string | number | null | undefined;
};

export type CorrectActionOutcomeInput = {
  amountCollected?: string | null | undefined;
  attendees?: Array<string> | null | undefined;
  collections?: Array<CollectionInput> | null | undefined;
  /** The entry in force that this one corrects. */
  correctsId: string | number;
  id: string | number;
  /** Defaults to the corrected entry’s minutes. */
  minutes?: string | null | undefined;
  outcome: ActionOutcome;
  reason: string;
  version: number;
};

export type CreateAgencyInput = {
  code: string;
  coveredAreaIds: Array<string | number>;
  kind: AgencyKind;
  name: string;
  parentId?: string | number | null | undefined;
};

export type CreateAreaInput = {
  code: string;
  kind: AreaKind;
  name: string;
  parentId?: string | number | null | undefined;
};

export type CreateCaseInput = {
  backlog?: boolean | null | undefined;
  communeId: string | number;
  complex?: boolean | null | undefined;
  judgmentCourt: string;
  judgmentDate: string;
  judgmentNumber: string;
  kind: CaseKind;
  notes?: string | null | undefined;
  obligations: Array<NewObligationInput>;
  officerId?: string | number | null | undefined;
  parties: Array<PartyInput>;
  /** When the judgment or request reached the office. */
  receivedAt: string;
  urgentSecurity?: boolean | null | undefined;
};

export type CreateUserInput = {
  agencyId: string | number;
  fullName: string;
  password: string;
  phone?: string | null | undefined;
  roles: Array<Role>;
  username: string;
};

/** Every event type of the log (server/src/events/vocabulary.ts); `LiveEvent.type` is the same, dotted. */
export type EventKind =
  /** A coercion now falls on a forbidden day. */
  | 'ACTION_CALENDAR_CONFLICT'
  /** A coercion no longer falls on a forbidden day. */
  | 'ACTION_CALENDAR_CONFLICT_CLEARED'
  /** The action was cancelled. */
  | 'ACTION_CANCELLED'
  /** The outcome was recorded. */
  | 'ACTION_COMPLETED'
  /** A deadline of the action moved after a calendar change. */
  | 'ACTION_DEADLINE_RECALCULATED'
  /** An invited agency confirmed. */
  | 'ACTION_INVITATION_CONFIRMED'
  /** An invited agency declined. */
  | 'ACTION_INVITATION_DECLINED'
  /** More agencies or named people were invited. */
  | 'ACTION_INVITED'
  /** A named person confirmed (recorded by the lead office). */
  | 'ACTION_INVITEE_CONFIRMED'
  /** A named person declined (recorded by the lead office). */
  | 'ACTION_INVITEE_DECLINED'
  /** An outcome was corrected by a correcting entry (history kept). */
  | 'ACTION_OUTCOME_CORRECTED'
  /** A visit, meeting or coercion was planned. */
  | 'ACTION_PLANNED'
  /** The action was postponed. */
  | 'ACTION_POSTPONED'
  /** A postponement was requested. */
  | 'ACTION_POSTPONEMENT_REQUESTED'
  /** The police recorded their protection plan. */
  | 'ACTION_PROTECTION_PLAN_RECORDED'
  /** The action is ready. */
  | 'ACTION_READY'
  /** The action was rescheduled. */
  | 'ACTION_RESCHEDULED'
  /** The action started. */
  | 'ACTION_STARTED'
  /** An agency was created. */
  | 'AGENCY_CREATED'
  /** An agency was changed (coverage, activity). */
  | 'AGENCY_UPDATED'
  /** An administrative area was created. */
  | 'AREA_CREATED'
  /** An administrative area was changed. */
  | 'AREA_UPDATED'
  /** A refresh token was reused: every session of the user ended (audit). */
  | 'AUTH_REFRESH_REUSE_DETECTED'
  /** A session ended (sign-out or revocation). */
  | 'AUTH_SESSION_ENDED'
  /** A sign-in (audit). */
  | 'AUTH_SIGNED_IN'
  /** Synthetic load written by bench/ (never by the product). */
  | 'BENCH_APPENDED'
  /** A day off, a working day or a Tết directive changed. */
  | 'CALENDAR_CHANGED'
  /** A case was opened. */
  | 'CASE_CREATED'
  /** Legal deadlines moved after a calendar change. */
  | 'CASE_DEADLINES_RECALCULATED'
  /** A legal deadline passed (escalated once). */
  | 'CASE_DEADLINE_MISSED'
  /** The decision on an urgent freeze was issued. */
  | 'CASE_FREEZE_DECISION_ISSUED'
  /** An obligation was added. */
  | 'CASE_OBLIGATION_ADDED'
  /** An obligation entered by mistake was removed (nothing collected against it). */
  | 'CASE_OBLIGATION_REMOVED'
  /** An obligation was corrected. */
  | 'CASE_OBLIGATION_UPDATED'
  /** A party was added. */
  | 'CASE_PARTY_ADDED'
  /** A party added by mistake was removed. */
  | 'CASE_PARTY_REMOVED'
  /** A party's details were corrected. */
  | 'CASE_PARTY_UPDATED'
  /** Money collected or an obligation fulfilled. */
  | 'CASE_PROGRESS_RECORDED'
  /** Money taken back from an obligation by a correcting outcome entry. */
  | 'CASE_PROGRESS_REVERSED'
  /** An agency joined the case. */
  | 'CASE_SHARED'
  /** The case moved through its lifecycle. */
  | 'CASE_TRANSITIONED'
  /** An agency left the case. */
  | 'CASE_UNSHARED'
  /** Case details were edited. */
  | 'CASE_UPDATED'
  /** An urgent account freeze was recorded (decision due in 24 h). */
  | 'CASE_URGENT_FREEZE_RECORDED'
  /** The demo world was created. */
  | 'DEMO_SEEDED'
  /** A CSV import was applied (counts per outcome). */
  | 'IMPORT_COMPLETED'
  /** Restricted personal data was read (audit). */
  | 'PERSONAL_DATA_READ'
  /** A yearly statistics target was set. */
  | 'STATISTICS_TARGET_SET'
  /** A task was accepted. */
  | 'TASK_ACCEPTED'
  /** A task was cancelled. */
  | 'TASK_CANCELLED'
  /** A task was completed. */
  | 'TASK_COMPLETED'
  /** A task was assigned. */
  | 'TASK_CREATED'
  /** A task due in N working days moved after a calendar change. */
  | 'TASK_DEADLINE_RECALCULATED'
  /** A task was declined. */
  | 'TASK_DECLINED'
  /** An overdue task was escalated (once). */
  | 'TASK_ESCALATED'
  /** A task was given to someone else. */
  | 'TASK_REASSIGNED'
  /** Work on a task started. */
  | 'TASK_STARTED'
  /** A post on the case thread. */
  | 'THREAD_POSTED'
  /** A post was deleted (its history is kept). */
  | 'THREAD_POST_DELETED'
  /** A post was edited. */
  | 'THREAD_POST_EDITED'
  /** A user account was created. */
  | 'USER_CREATED'
  /** A user account was deactivated. */
  | 'USER_DEACTIVATED'
  /** A password was changed. */
  | 'USER_PASSWORD_CHANGED'
  /** An administrator reset a password (sessions ended). */
  | 'USER_PASSWORD_RESET'
  /** A user account was reactivated. */
  | 'USER_REACTIVATED'
  /** A user account was changed. */
  | 'USER_UPDATED';

/** RUNNING (rows being written), DONE (committed) or FAILED (rolled back: nothing written). */
export type ImportJobState =
  | 'DONE'
  | 'FAILED'
  | 'RUNNING';

export type InboxCategory =
  | 'DIRECTIVE'
  | 'ESCALATION'
  | 'INVITATION'
  | 'MENTION'
  | 'NEW_TASK'
  | 'OVERDUE_TASK'
  | 'RECOMMENDATION'
  | 'TASK_UPDATE';

export type InvitationInput = {
  agencyId: string | number;
  required: boolean;
};

export type InvitationStatus =
  | 'CONFIRMED'
  | 'DECLINED'
  | 'INVITED';

export type InviteToActionInput = {
  id: string | number;
  invitations?: Array<InvitationInput> | null | undefined;
  people?: Array<PersonInvitationInput> | null | undefined;
  version: number;
};

export type NewObligationInput = {
  amountOwed?: string | null | undefined;
  /** Index of the creditor in `parties`. */
  creditorIndex?: number | null | undefined;
  /** Index of the debtor in `parties`. */
  debtorIndex?: number | null | undefined;
  description: string;
  kind: ObligationKind;
  landAreaM2?: string | null | undefined;
};

export type NewPostInput = {
  attachments?: Array<AttachmentInput> | null | undefined;
  /** Plain text or a safe Markdown subset; 1–10,000 characters. */
  body: string;
  caseId: string | number;
  kind?: PostKind;
  mentionedAgencyIds?: Array<string | number> | null | undefined;
  mentionedUserIds?: Array<string | number> | null | undefined;
};

export type ObligationKind =
  | 'HAND_OVER_LAND'
  | 'HAND_OVER_PROPERTY'
  | 'OTHER'
  | 'PAY_MONEY'
  | 'PERFORM_ACT';

/** An official extra day off, or a make-up working day (a Saturday or Sunday). */
export type OfficialCalendarDayKind =
  | 'DAY_OFF'
  | 'WORKING_DAY';

/** An agency's role in a case. */
export type ParticipantRole =
  | 'INFORMATION_PROVIDER'
  | 'JUDGMENT_EXPLANATION'
  | 'LEAD'
  | 'PROTECTION'
  | 'STEERING'
  | 'SUPERVISOR'
  | 'SUPPORT';

export type PartyInput = {
  address?: string | null | undefined;
  /** CCCD/ID number (restricted). */
  idNumber?: string | null | undefined;
  kind: PartyKind;
  name: string;
  /** Phone (restricted). */
  phone?: string | null | undefined;
  role: PartyRole;
};

export type PartyKind =
  | 'ORGANISATION'
  | 'PERSON';

export type PartyRole =
  | 'CREDITOR'
  | 'DEBTOR'
  | 'RELATED';

export type PersonInvitationInput = {
  name: string;
  /** Restricted personal data. */
  phone?: string | null | undefined;
  role: string;
};

export type PlanActionInput = {
  caseId: string | number;
  costEstimate?: string | null | undefined;
  forces?: string | null | undefined;
  /** Coercions also invite the procuracy, police and commune committee automatically. */
  invitations?: Array<InvitationInput> | null | undefined;
  kind: ActionKind;
  /** Defaults to the viewer. */
  leadOfficerId?: string | number | null | undefined;
  measure?: string | null | undefined;
  method?: string | null | undefined;
  /** Named people who need not be users (village head, women’s union). */
  people?: Array<PersonInvitationInput> | null | undefined;
  personCoerced?: string | null | undefined;
  place: string;
  protection?: string | null | undefined;
  scheduledEnd: string;
  scheduledStart: string;
  title?: string | null | undefined;
};

/** Note, report, directive (steering committee), recommendation (procuracy), system. */
export type PostKind =
  | 'DIRECTIVE'
  | 'NOTE'
  | 'RECOMMENDATION'
  | 'REPORT'
  | 'SYSTEM';

export type RecordActionOutcomeInput = {
  /** Total collected; `collections` must split it exactly across obligations. */
  amountCollected?: string | null | undefined;
  attendees?: Array<string> | null | undefined;
  collections?: Array<CollectionInput> | null | undefined;
  /** Also complete the case (every obligation must be met, Điều 52). */
  completeCase?: boolean | null | undefined;
  id: string | number;
  minutes: string;
  outcome: ActionOutcome;
  version: number;
};

export type RecordFreezeDecisionInput = {
  caseId: string | number;
  decisionNumber: string;
  freezeId: string | number;
  version: number;
};

export type RecordInviteeAnswerInput = {
  inviteeId: string | number;
  note?: string | null | undefined;
  /** CONFIRMED or DECLINED (a note is required to decline). */
  status: InvitationStatus;
  version: number;
};

export type RecordProtectionPlanInput = {
  id: string | number;
  note: string;
  version: number;
};

export type RecordUrgentFreezeInput = {
  caseId: string | number;
  /** Content or number of the record; no account numbers. */
  note: string;
  /** When the freeze record was made (default: now). */
  recordedAt?: string | null | undefined;
  version: number;
};

export type RemoveCasePartyInput = {
  caseId: string | number;
  partyId: string | number;
  version: number;
};

export type RemoveObligationInput = {
  caseId: string | number;
  obligationId: string | number;
  version: number;
};

export type RespondInvitationInput = {
  confirm: boolean;
  participantId: string | number;
  /** Required to decline. */
  reason?: string | null | undefined;
  version: number;
};

/** What a user may do; abilities derive from roles in the policy module. */
export type Role =
  | 'AGENCY_ADMIN'
  | 'AGENCY_HEAD'
  | 'ENFORCEMENT_OFFICER'
  | 'OFFICER'
  | 'PROCURATOR'
  | 'STEERING_MEMBER'
  | 'SYSTEM_ADMIN';

export type SetStatisticsTargetInput = {
  agencyId: string | number;
  /** Percent of enforceable cases to complete, e.g. "83.25". */
  caseRatePercent: string;
  /** Percent of enforceable money to collect, e.g. "46.45". */
  moneyRatePercent: string;
  statisticalYear: number;
};

export type SetTetDirectiveInput = {
  /** The directive's date 'YYYY-MM-DD'. */
  documentDate: string;
  /** The directive number, e.g. "01/CT-BTP". */
  documentNumber: string;
  /** First forbidden local date 'YYYY-MM-DD'. */
  firstDay: string;
  /** Last forbidden local date 'YYYY-MM-DD'. */
  lastDay: string;
  /** Gregorian year of the Tết. */
  tetYear: number;
};

export type ShareCaseInput = {
  agencyId: string | number;
  caseId: string | number;
  role: ParticipantRole;
  version: number;
};

export type StatisticsPeriodInput = {
  kind: StatisticsPeriodKind;
  /** Which month (1 = October), quarter, half; months to date: how many months. */
  number?: number | null | undefined;
  /** The year the statistical year ends in: 2026 = 1/10/2025 – 30/9/2026. */
  statisticalYear: number;
};

/** Periods of the statistical year (1 Oct – 30 Sep, Thông tư 06/2019/TT-BTP); months are counted from October (1 = October). */
export type StatisticsPeriodKind =
  | 'HALF_YEAR'
  | 'MONTH'
  | 'MONTHS_TO_DATE'
  | 'QUARTER'
  | 'STATISTICAL_YEAR';

/** A row of the statistics table (rule 9), to list the cases behind it. */
export type StatisticsRow =
  | 'CARRIED_OVER'
  | 'CARRIED_TO_NEXT'
  | 'COMPLETED'
  | 'COMPLETED_FULLY'
  | 'COMPLETED_PARTLY'
  | 'COMPLETED_TERMINATED'
  | 'ENFORCEABLE'
  | 'ENTRUSTED_OUT'
  | 'IN_PROGRESS'
  | 'NEWLY_ACCEPTED'
  | 'NOT_YET_ENFORCEABLE'
  | 'POSTPONED'
  | 'SUSPENDED'
  | 'TOTAL_ACCEPTED'
  | 'TOTAL_TO_ENFORCE';

/** What the statistics are about: at most one of an area, an agency, an officer; none = everything you may see. */
export type StatisticsScopeInput = {
  agencyId?: string | number | null | undefined;
  areaId?: string | number | null | undefined;
  officerId?: string | number | null | undefined;
};

export type StepActionInput = {
  id: string | number;
  /** Required to POSTPONE or CANCEL. */
  reason?: string | null | undefined;
  /** RESCHEDULE: new end. */
  scheduledEnd?: string | null | undefined;
  /** RESCHEDULE: new start. */
  scheduledStart?: string | null | undefined;
  step: ActionStep;
  version: number;
};

/** "Where it is stuck": backlog (open since before this statistical year), hard cases, overdue tasks, escalations awaiting, upcoming coercions, persuasion visits. */
export type StuckList =
  | 'BACKLOG'
  | 'ESCALATIONS'
  | 'HARD'
  | 'OVERDUE_TASKS'
  | 'PERSUASION_VISITS'
  | 'UPCOMING_COERCIONS';

/** A workflow step; each is allowed only from certain statuses. */
export type TaskAction =
  | 'ACCEPT'
  | 'CANCEL'
  | 'COMPLETE'
  | 'DECLINE'
  | 'START';

export type TaskKind =
  | 'ATTEND_ACTION'
  | 'EXPLAIN_JUDGMENT'
  | 'FREEZE_ACCOUNT'
  | 'OTHER'
  | 'PERSUADE'
  | 'PROTECTION_PLAN'
  | 'PROVIDE_INFORMATION'
  | 'SERVE_NOTICE'
  | 'VERIFY_CONDITIONS';

export type TaskPriority =
  | 'HIGH'
  | 'LOW'
  | 'NORMAL'
  | 'URGENT';

/** OPEN → ACCEPTED → IN_PROGRESS → DONE, or DECLINED / CANCELLED. */
export type TaskStatus =
  | 'ACCEPTED'
  | 'CANCELLED'
  | 'DECLINED'
  | 'DONE'
  | 'IN_PROGRESS'
  | 'OPEN';

export type TransitionCaseInput = {
  /** TERMINATE: the creditor withdrew the request (final). */
  creditorWithdrawal?: boolean | null | undefined;
  decisionDate?: string | null | undefined;
  /** ISSUE_DECISION: e.g. "12/QĐ-THA". */
  decisionNumber?: string | null | undefined;
  /** RECORD_DELIVERY: when the debtor received the decision. */
  deliveredAt?: string | null | undefined;
  id: string | number;
  /** Required for postpone, suspend, terminate, return, not-yet-enforceable, re-verify. */
  reason?: string | null | undefined;
  transition: CaseTransition;
  version: number;
};

export type TransitionTaskInput = {
  action: TaskAction;
  id: string | number;
  /** COMPLETE: what was done. */
  note?: string | null | undefined;
  /** Required to DECLINE; optional for CANCEL. */
  reason?: string | null | undefined;
  version: number;
};

export type UnshareCaseInput = {
  agencyId: string | number;
  caseId: string | number;
  version: number;
};

export type UpdateAgencyInput = {
  active?: boolean | null | undefined;
  coveredAreaIds?: Array<string | number> | null | undefined;
  id: string | number;
  name?: string | null | undefined;
  parentId?: string | number | null | undefined;
  /** The version you loaded; a newer one on the server gives CONFLICT. */
  version: number;
};

export type UpdateAreaInput = {
  /** An inactive area no longer counts for coverage (its history stays). */
  active?: boolean | null | undefined;
  id: string | number;
  name?: string | null | undefined;
};

export type UpdateCaseInput = {
  backlog?: boolean | null | undefined;
  complex?: boolean | null | undefined;
  id: string | number;
  judgmentCourt?: string | null | undefined;
  judgmentDate?: string | null | undefined;
  judgmentNumber?: string | null | undefined;
  kind?: CaseKind | null | undefined;
  notes?: string | null | undefined;
  officerId?: string | number | null | undefined;
  urgentSecurity?: boolean | null | undefined;
  version: number;
};

/** Corrects a party's details. idNumber / phone left out (null is a value: clear) keep their value. */
export type UpdateCasePartyInput = {
  caseId: string | number;
  party: PartyInput;
  partyId: string | number;
  version: number;
};

/** Corrects an obligation (all its fields, as when adding it). */
export type UpdateObligationInput = {
  amountOwed?: string | null | undefined;
  caseId: string | number;
  creditorId?: string | number | null | undefined;
  debtorId?: string | number | null | undefined;
  description: string;
  kind: ObligationKind;
  landAreaM2?: string | null | undefined;
  obligationId: string | number;
  version: number;
};

export type UpdateUserInput = {
  /** Moves the user to another agency (its cases, not the old one’s, from the next request). */
  agencyId?: string | number | null | undefined;
  fullName?: string | null | undefined;
  id: string | number;
  phone?: string | null | undefined;
  roles?: Array<Role> | null | undefined;
  version: number;
};

export type UserFilterInput = {
  agencyId?: string | number | null | undefined;
  includeInactive?: boolean | null | undefined;
  /** true: only users who may be assigned cases as their officer (the policy's rule), e.g. for the intake form's list; false or absent: no such condition. */
  mayBeAssignedCases?: boolean | null | undefined;
  search?: string | null | undefined;
};

export type HomeQueryVariables = Exact<{ [key: string]: never; }>;


export type HomeQuery = { me: { id: string, username: string | null, fullName: string, roles: Array<Role> | null, agency: { id: string, code: string, name: string, kind: AgencyKind } }, viewerCan: { createCase: boolean, manageUsers: boolean, manageAgencies: boolean, manageAreas: boolean, manageCalendar: boolean, inspectSystem: boolean, importKinds: Array<string> } };

export type TransitionTaskMutationVariables = Exact<{
  input: TransitionTaskInput;
  idempotencyKey?: string | null | undefined;
}>;


export type TransitionTaskMutation = { transitionTask: { id: string, status: TaskStatus, version: number } };

export type NextPageFieldsFragment = { endCursor: string | null, hasNextPage: boolean };

export type CaseActionsQueryVariables = Exact<{
  caseId: string | number;
}>;


export type CaseActionsQuery = { me: { id: string, agency: { id: string } }, caseActions: Array<{ id: string, kind: ActionKind, status: ActionStatus, title: string, scheduledStart: string, scheduledEnd: string, calendarConflict: string | null, calendarConflictAt: string | null, place: string, personCoerced: string | null, measure: string | null, method: string | null, attendees: Array<string> | null, forces: string | null, protection: string | null, costEstimate: string | null, protectionPlanDueAt: string | null, protectionPlanNote: string | null, protectionPlanRecordedAt: string | null, postponementReason: string | null, postponementLate: boolean, reason: string | null, outcome: ActionOutcome | null, minutes: string | null, moneyCollected: string, version: number, leadOfficer: { id: string, fullName: string }, invitees: Array<{ id: string, name: string, role: string, status: InvitationStatus, note: string | null, version: number }>, outcomeHistory: Array<{ id: string, outcome: ActionOutcome, moneyCollected: string, correctsId: string | null, correctionReason: string | null, recordedAt: string, recordedBy: { id: string, fullName: string }, collections: Array<{ obligationId: string, amountCollected: string }> }>, participants: Array<{ id: string, required: boolean, status: InvitationStatus, declineReason: string | null, version: number, agency: { id: string, name: string } }>, viewerCan: { plan: boolean, respondInvitation: boolean, recordProtectionPlan: boolean } }> };

export type ActionStateFieldsFragment = { id: string, status: ActionStatus, version: number };

export type PlanActionMutationVariables = Exact<{
  input: PlanActionInput;
  idempotencyKey?: string | null | undefined;
}>;


export type PlanActionMutation = { planAction: { id: string, status: ActionStatus, version: number } };

export type StepActionMutationVariables = Exact<{
  input: StepActionInput;
}>;


export type StepActionMutation = { stepAction: { id: string, status: ActionStatus, version: number } };

export type RespondToInvitationMutationVariables = Exact<{
  input: RespondInvitationInput;
  idempotencyKey?: string | null | undefined;
}>;


export type RespondToInvitationMutation = { respondToInvitation: { id: string, status: InvitationStatus, version: number } };

export type RecordProtectionPlanMutationVariables = Exact<{
  input: RecordProtectionPlanInput;
}>;


export type RecordProtectionPlanMutation = { recordProtectionPlan: { id: string, status: ActionStatus, version: number } };

export type CaseDetailQueryVariables = Exact<{
  id: string | number;
}>;


export type CaseDetailQuery = { liveCursor: string, case: { id: string, decisionNumber: string | null, judgmentNumber: string, judgmentCourt: string, judgmentDate: string, status: CaseStatus, overdue: boolean, voluntaryPeriodEndsAt: string | null, verificationDueAt: string | null, decisionDueAt: string | null, urgentSecurity: boolean, complex: boolean, backlog: boolean, notes: string | null, version: number, commune: { id: string, name: string }, leadAgency: { id: string, name: string }, officer: { id: string, fullName: string } | null, parties: Array<{ id: string, name: string, role: PartyRole, kind: PartyKind, address: string | null, idNumber: { value: string | null, hidden: boolean, reason: string | null }, phone: { value: string | null, hidden: boolean, reason: string | null } }>, obligations: Array<{ id: string, kind: ObligationKind, description: string, amountOwed: string | null, amountCollected: string, landAreaM2: string | null, fulfilled: boolean }>, participants: Array<{ role: ParticipantRole, agency: { id: string, name: string, kind: AgencyKind } }>, totals: { owed: string, collected: string, openObligations: number }, deadlines: Array<{ kind: string, dueAt: string, legalSource: string, passed: boolean, missed: boolean, actionId: string | null }>, viewerCan: { update: boolean, share: boolean, transition: boolean, readRestricted: boolean, assignTask: boolean, postDirective: boolean, postRecommendation: boolean } } };

export type CaseActivitySubscriptionVariables = Exact<{
  caseId: string | number;
  after?: string | null | undefined;
}>;


export type CaseActivitySubscription = { caseActivity: { cursor: string, kind: EventKind, caseId: string | null, occurredAt: string } };

export type CasesQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  filter?: CaseFilterInput | null | undefined;
}>;


export type CasesQuery = { cases: { totalCount: number, pageInfo: { endCursor: string | null, hasNextPage: boolean }, edges: Array<{ cursor: string, node: { id: string, decisionNumber: string | null, judgmentNumber: string, status: CaseStatus, overdue: boolean, commune: { id: string, name: string }, parties: Array<{ id: string, name: string, role: PartyRole }>, totals: { owed: string, collected: string } } }> } };

export type CaseListUnreadQueryVariables = Exact<{
  caseIds?: Array<string | number> | string | number | null | undefined;
}>;


export type CaseListUnreadQuery = { unreadCounts: { cases: Array<{ caseId: string, unread: number }> } };

export type AssignTaskMutationVariables = Exact<{
  input: AssignTaskInput;
  idempotencyKey?: string | null | undefined;
}>;


export type AssignTaskMutation = { assignTask: { id: string, status: TaskStatus } };

export type TaskCardFragment = { id: string, title: string, kind: TaskKind, status: TaskStatus, dueAt: string | null, overdue: boolean, reason: string | null, version: number, assigneeAgency: { id: string, name: string }, viewerCan: { respond: boolean, cancel: boolean } };

export type CaseTasksQueryVariables = Exact<{
  caseId: string | number;
  first?: number | null | undefined;
}>;


export type CaseTasksQuery = { caseTasks: { totalCount: number, edges: Array<{ node: { id: string, title: string, kind: TaskKind, status: TaskStatus, dueAt: string | null, overdue: boolean, reason: string | null, version: number, assigneeAgency: { id: string, name: string }, viewerCan: { respond: boolean, cancel: boolean } } }> } };

export type PostToThreadMutationVariables = Exact<{
  input: NewPostInput;
  idempotencyKey?: string | null | undefined;
}>;


export type PostToThreadMutation = { postToThread: { id: string, seq: number } };

export type MarkThreadReadMutationVariables = Exact<{
  caseId: string | number;
  upToSeq?: number | null | undefined;
}>;


export type MarkThreadReadMutation = { markThreadRead: { caseId: string, lastReadSeq: number, unread: number } };

export type ThreadPostFragment = { id: string, seq: number, kind: PostKind, body: string | null, createdAt: string, editedAt: string | null, deletedAt: string | null, unread: boolean, author: { id: string, fullName: string } | null, authorAgency: { id: string, name: string } | null };

export type CaseThreadQueryVariables = Exact<{
  caseId: string | number;
  last?: number | null | undefined;
  before?: string | null | undefined;
}>;


export type CaseThreadQuery = { caseThread: { totalCount: number, pageInfo: { startCursor: string | null, hasPreviousPage: boolean }, edges: Array<{ cursor: string, node: { id: string, seq: number, kind: PostKind, body: string | null, createdAt: string, editedAt: string | null, deletedAt: string | null, unread: boolean, author: { id: string, fullName: string } | null, authorAgency: { id: string, name: string } | null } }> } };

export type StatisticsRateFieldsFragment = { numerator: string, denominator: string, percent: number | null, target: number | null, gap: number | null, met: boolean | null };

export type StatisticsRowsFieldsFragment = { completedFullyCases: number, completedTerminatedCases: number, completedPartlyCases: number, terminatedUncollectedMoney: string, carriedOver: { cases: number, money: string }, newlyAccepted: { cases: number, money: string }, totalAccepted: { cases: number, money: string }, entrustedOut: { cases: number, money: string }, totalToEnforce: { cases: number, money: string }, notYetEnforceable: { cases: number, money: string }, enforceable: { cases: number, money: string }, completed: { cases: number, money: string }, postponed: { cases: number, money: string }, suspended: { cases: number, money: string }, inProgress: { cases: number, money: string }, carriedToNext: { cases: number, money: string }, caseRate: { numerator: string, denominator: string, percent: number | null, target: number | null, gap: number | null, met: boolean | null }, moneyRate: { numerator: string, denominator: string, percent: number | null, target: number | null, gap: number | null, met: boolean | null } };

export type DashboardQueryVariables = Exact<{
  period: StatisticsPeriodInput;
  scope?: StatisticsScopeInput | null | undefined;
  year?: number | null | undefined;
}>;


export type DashboardQuery = { statistics: { scope: { kind: string, name: string }, period: { kind: StatisticsPeriodKind, statisticalYear: number, number: number, firstDay: string, lastDay: string }, totals: { completedFullyCases: number, completedTerminatedCases: number, completedPartlyCases: number, terminatedUncollectedMoney: string, carriedOver: { cases: number, money: string }, newlyAccepted: { cases: number, money: string }, totalAccepted: { cases: number, money: string }, entrustedOut: { cases: number, money: string }, totalToEnforce: { cases: number, money: string }, notYetEnforceable: { cases: number, money: string }, enforceable: { cases: number, money: string }, completed: { cases: number, money: string }, postponed: { cases: number, money: string }, suspended: { cases: number, money: string }, inProgress: { cases: number, money: string }, carriedToNext: { cases: number, money: string }, caseRate: { numerator: string, denominator: string, percent: number | null, target: number | null, gap: number | null, met: boolean | null }, moneyRate: { numerator: string, denominator: string, percent: number | null, target: number | null, gap: number | null, met: boolean | null } }, byAgency: Array<{ id: string | null, name: string, rows: { completedFullyCases: number, completedTerminatedCases: number, completedPartlyCases: number, terminatedUncollectedMoney: string, carriedOver: { cases: number, money: string }, newlyAccepted: { cases: number, money: string }, totalAccepted: { cases: number, money: string }, entrustedOut: { cases: number, money: string }, totalToEnforce: { cases: number, money: string }, notYetEnforceable: { cases: number, money: string }, enforceable: { cases: number, money: string }, completed: { cases: number, money: string }, postponed: { cases: number, money: string }, suspended: { cases: number, money: string }, inProgress: { cases: number, money: string }, carriedToNext: { cases: number, money: string }, caseRate: { numerator: string, denominator: string, percent: number | null, target: number | null, gap: number | null, met: boolean | null }, moneyRate: { numerator: string, denominator: string, percent: number | null, target: number | null, gap: number | null, met: boolean | null } } }>, byCommune: Array<{ id: string | null, name: string, rows: { completedFullyCases: number, completedTerminatedCases: number, completedPartlyCases: number, terminatedUncollectedMoney: string, carriedOver: { cases: number, money: string }, newlyAccepted: { cases: number, money: string }, totalAccepted: { cases: number, money: string }, entrustedOut: { cases: number, money: string }, totalToEnforce: { cases: number, money: string }, notYetEnforceable: { cases: number, money: string }, enforceable: { cases: number, money: string }, completed: { cases: number, money: string }, postponed: { cases: number, money: string }, suspended: { cases: number, money: string }, inProgress: { cases: number, money: string }, carriedToNext: { cases: number, money: string }, caseRate: { numerator: string, denominator: string, percent: number | null, target: number | null, gap: number | null, met: boolean | null }, moneyRate: { numerator: string, denominator: string, percent: number | null, target: number | null, gap: number | null, met: boolean | null } } }>, byOfficer: Array<{ id: string | null, name: string, rows: { completedFullyCases: number, completedTerminatedCases: number, completedPartlyCases: number, terminatedUncollectedMoney: string, carriedOver: { cases: number, money: string }, newlyAccepted: { cases: number, money: string }, totalAccepted: { cases: number, money: string }, entrustedOut: { cases: number, money: string }, totalToEnforce: { cases: number, money: string }, notYetEnforceable: { cases: number, money: string }, enforceable: { cases: number, money: string }, completed: { cases: number, money: string }, postponed: { cases: number, money: string }, suspended: { cases: number, money: string }, inProgress: { cases: number, money: string }, carriedToNext: { cases: number, money: string }, caseRate: { numerator: string, denominator: string, percent: number | null, target: number | null, gap: number | null, met: boolean | null }, moneyRate: { numerator: string, denominator: string, percent: number | null, target: number | null, gap: number | null, met: boolean | null } } }> }, statisticsTrend: Array<{ month: string, caseRate: { percent: number | null, target: number | null }, moneyRate: { percent: number | null, target: number | null } }>, stuckOverview: { backlogCases: number, hardCases: number, overdueTasks: number, escalationsAwaiting: number, persuasionVisitsPlanned: number, overdueByAgency: Array<{ agencyId: string, agencyName: string, tasks: number, cases: number, maxDaysOverdue: number }>, upcomingCoercions: Array<{ actionId: string, caseId: string, decisionNumber: string | null, title: string, scheduledStart: string, sentToProcuracy: boolean, sentToPolice: boolean, sentToCommune: boolean, protectionPlanReceived: boolean, participantsInvited: number, participantsConfirmed: number }>, persuasionOutcomes: Array<{ outcome: string, visits: number }> } };

export type StatisticsCasesQueryVariables = Exact<{
  period: StatisticsPeriodInput;
  row: StatisticsRow;
  scope?: StatisticsScopeInput | null | undefined;
  first?: number | null | undefined;
}>;


export type StatisticsCasesQuery = { statisticsCases: { totalCount: number, edges: Array<{ node: { id: string, decisionNumber: string | null, status: CaseStatus, commune: { id: string, name: string } } }> } };

export type StuckCasesQueryVariables = Exact<{
  list: StuckList;
  scope?: StatisticsScopeInput | null | undefined;
  agencyId?: string | number | null | undefined;
  first?: number | null | undefined;
}>;


export type StuckCasesQuery = { stuckCases: { totalCount: number, edges: Array<{ node: { id: string, decisionNumber: string | null, status: CaseStatus, commune: { id: string, name: string } } }> } };

export type DrillCaseFragment = { id: string, decisionNumber: string | null, status: CaseStatus, commune: { id: string, name: string } };

export type StatisticsChangedSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type StatisticsChangedSubscription = { statisticsChanged: { changedAt: string, cases: number } };

export type MyWorkQueryVariables = Exact<{ [key: string]: never; }>;


export type MyWorkQuery = { inbox: { unreadCount: number }, myTasks: { totalCount: number }, unreadCounts: { total: number, more: boolean } };

export type MyFeedSubscriptionVariables = Exact<{
  after?: string | null | undefined;
}>;


export type MyFeedSubscription = { myFeed: { cursor: string, kind: EventKind, caseId: string | null, occurredAt: string } };

export type AboutQueryVariables = Exact<{ [key: string]: never; }>;


export type AboutQuery = { serverInfo: { version: string, instanceId: string, eventBus: string } };

export type InboxItemFieldsFragment = { id: string, type: string, category: InboxCategory, occurredAt: string, unread: boolean, actor: { id: string, fullName: string } | null, case: { id: string, decisionNumber: string | null }, task: { id: string, title: string, status: TaskStatus, version: number, viewerCan: { respond: boolean } } | null };

export type InboxQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  unreadOnly?: boolean | null | undefined;
}>;


export type InboxQuery = { inbox: { totalCount: number, unreadCount: number, pageInfo: { endCursor: string | null, hasNextPage: boolean }, edges: Array<{ node: { id: string, type: string, category: InboxCategory, occurredAt: string, unread: boolean, actor: { id: string, fullName: string } | null, case: { id: string, decisionNumber: string | null }, task: { id: string, title: string, status: TaskStatus, version: number, viewerCan: { respond: boolean } } | null } }> } };

export type InboxBadgeQueryVariables = Exact<{ [key: string]: never; }>;


export type InboxBadgeQuery = { inbox: { unreadCount: number } };

export type MarkInboxReadMutationVariables = Exact<{
  ids?: Array<string> | string | null | undefined;
}>;


export type MarkInboxReadMutation = { markInboxRead: { unreadCount: number } };

export type StatisticsTargetFieldsFragment = { id: string, agencyId: string, agencyName: string, statisticalYear: number, caseRatePercent: string, moneyRatePercent: string, version: number };

export type StatisticsTargetsQueryVariables = Exact<{
  year: number;
}>;


export type StatisticsTargetsQuery = { statisticsTargets: Array<{ id: string, agencyId: string, agencyName: string, statisticalYear: number, caseRatePercent: string, moneyRatePercent: string, version: number }> };

export type SetStatisticsTargetMutationVariables = Exact<{
  input: SetStatisticsTargetInput;
}>;


export type SetStatisticsTargetMutation = { setStatisticsTarget: { id: string, agencyId: string, agencyName: string, statisticalYear: number, caseRatePercent: string, moneyRatePercent: string, version: number } };

export type CorrectActionOutcomeMutationVariables = Exact<{
  input: CorrectActionOutcomeInput;
  idempotencyKey?: string | null | undefined;
}>;


export type CorrectActionOutcomeMutation = { correctActionOutcome: { id: string, status: ActionStatus, version: number } };

export type RecordActionOutcomeMutationVariables = Exact<{
  input: RecordActionOutcomeInput;
  idempotencyKey?: string | null | undefined;
}>;


export type RecordActionOutcomeMutation = { recordActionOutcome: { id: string, status: ActionStatus, version: number } };

export type InviteToActionMutationVariables = Exact<{
  input: InviteToActionInput;
}>;


export type InviteToActionMutation = { inviteToAction: { id: string, status: ActionStatus, version: number } };

export type RecordInviteeAnswerMutationVariables = Exact<{
  input: RecordInviteeAnswerInput;
}>;


export type RecordInviteeAnswerMutation = { recordInviteeAnswer: { id: string, status: InvitationStatus, version: number } };

export type InviteAgenciesQueryVariables = Exact<{ [key: string]: never; }>;


export type InviteAgenciesQuery = { agencies: { edges: Array<{ node: { id: string, name: string, kind: AgencyKind } }> } };

export type ActionInviteeFieldsFragment = { id: string, name: string, role: string, status: InvitationStatus, note: string | null, version: number };

export type ActionOutcomeEntryFieldsFragment = { id: string, outcome: ActionOutcome, moneyCollected: string, correctsId: string | null, correctionReason: string | null, recordedAt: string, recordedBy: { id: string, fullName: string }, collections: Array<{ obligationId: string, amountCollected: string }> };

export type AdminUsersQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  filter?: UserFilterInput | null | undefined;
}>;


export type AdminUsersQuery = { users: { totalCount: number, pageInfo: { endCursor: string | null, hasNextPage: boolean }, edges: Array<{ node: { id: string, username: string | null, fullName: string, roles: Array<Role> | null, active: boolean | null, version: number, agency: { id: string, name: string }, viewerCan: { update: boolean, deactivate: boolean } } }> } };

export type UpdateUserRolesMutationVariables = Exact<{
  input: UpdateUserInput;
}>;


export type UpdateUserRolesMutation = { updateUser: { id: string, version: number, roles: Array<Role> | null, agency: { id: string, name: string } } };

export type AdminAgencyRowFieldsFragment = { id: string, code: string, name: string, kind: AgencyKind, active: boolean, version: number, coveredAreas: Array<{ id: string, name: string }> };

export type AdminAgenciesQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  filter?: AgencyFilterInput | null | undefined;
}>;


export type AdminAgenciesQuery = { agencies: { totalCount: number, pageInfo: { endCursor: string | null, hasNextPage: boolean }, edges: Array<{ node: { id: string, code: string, name: string, kind: AgencyKind, active: boolean, version: number, coveredAreas: Array<{ id: string, name: string }> } }> } };

export type AdminAreaRowFieldsFragment = { id: string, code: string, name: string, kind: AreaKind, active: boolean, parent: { id: string, name: string } | null };

export type AdminAreasQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  filter?: AreaFilterInput | null | undefined;
}>;


export type AdminAreasQuery = { areas: { totalCount: number, pageInfo: { endCursor: string | null, hasNextPage: boolean }, edges: Array<{ node: { id: string, code: string, name: string, kind: AreaKind, active: boolean, parent: { id: string, name: string } | null } }> } };

export type AdminDeactivateUserMutationVariables = Exact<{
  id: string | number;
}>;


export type AdminDeactivateUserMutation = { deactivateUser: { id: string, active: boolean | null } };

export type AdminReactivateUserMutationVariables = Exact<{
  id: string | number;
}>;


export type AdminReactivateUserMutation = { reactivateUser: { id: string, active: boolean | null } };

export type AdminResetPasswordMutationVariables = Exact<{
  id: string | number;
  newPassword: string;
}>;


export type AdminResetPasswordMutation = { resetUserPassword: { id: string } };

export type AdminCreateUserMutationVariables = Exact<{
  input: CreateUserInput;
}>;


export type AdminCreateUserMutation = { createUser: { id: string } };

export type AdminUpdateAgencyMutationVariables = Exact<{
  input: UpdateAgencyInput;
}>;


export type AdminUpdateAgencyMutation = { updateAgency: { id: string, active: boolean } };

export type AdminCreateAgencyMutationVariables = Exact<{
  input: CreateAgencyInput;
}>;


export type AdminCreateAgencyMutation = { createAgency: { id: string } };

export type AdminUpdateAreaMutationVariables = Exact<{
  input: UpdateAreaInput;
}>;


export type AdminUpdateAreaMutation = { updateArea: { id: string, active: boolean } };

export type AdminCreateAreaMutationVariables = Exact<{
  input: CreateAreaInput;
}>;


export type AdminCreateAreaMutation = { createArea: { id: string } };

export type CalendarYearQueryVariables = Exact<{
  from: string;
  to: string;
  year: number;
}>;


export type CalendarYearQuery = { calendarDays: Array<{ date: string, kind: CalendarDayKind, name: string, source: string }>, tetWindow: { year: number, tet: string, firstDay: string, lastDay: string, origin: string, source: string, ruleFirstDay: string, ruleLastDay: string, directiveNumber: string | null, directiveDate: string | null } };

export type CalendarRecalculationFieldsFragment = { cases: number, protectionPlans: number, tasks: number, coercionsFlagged: number, coercionsCleared: number };

export type CalendarRemoveDirectiveMutationVariables = Exact<{
  tetYear: number;
}>;


export type CalendarRemoveDirectiveMutation = { removeTetDirective: { recalculated: { cases: number, protectionPlans: number, tasks: number, coercionsFlagged: number, coercionsCleared: number } | null } };

export type CalendarRemoveDayMutationVariables = Exact<{
  date: string;
}>;


export type CalendarRemoveDayMutation = { removeCalendarDay: { recalculated: { cases: number, protectionPlans: number, tasks: number, coercionsFlagged: number, coercionsCleared: number } | null } };

export type CalendarAddDayMutationVariables = Exact<{
  input: AddCalendarDayInput;
}>;


export type CalendarAddDayMutation = { addCalendarDay: { recalculated: { cases: number, protectionPlans: number, tasks: number, coercionsFlagged: number, coercionsCleared: number } | null } };

export type CalendarSetDirectiveMutationVariables = Exact<{
  input: SetTetDirectiveInput;
}>;


export type CalendarSetDirectiveMutation = { setTetDirective: { recalculated: { cases: number, protectionPlans: number, tasks: number, coercionsFlagged: number, coercionsCleared: number } | null } };

export type ImportJobQueryVariables = Exact<{
  id: string | number;
}>;


export type ImportJobQuery = { importJob: { id: string, kind: string, state: ImportJobState, processed: number, total: number, rows: number, created: number, unchanged: number, skipped: number, failure: string | null, errors: Array<{ row: number, column: string, code: string, message: string }> } };

export type CaseLegalQueryVariables = Exact<{
  id: string | number;
}>;


export type CaseLegalQuery = { case: { id: string, version: number, status: CaseStatus, urgentFreezeSource: string, recordingClosed: { reason: string, legalSource: string } | null, publicNotice: { obligations: Array<string>, legalSource: string, text: string, debtors: Array<{ name: string, address: string | null }> } | null, sameJudgmentCases: Array<{ caseId: string, decisionNumber: string | null, leadAgencyName: string, status: CaseStatus, terminatedOnWithdrawal: boolean }>, sameDebtorCases: Array<{ caseId: string, decisionNumber: string | null, leadAgencyName: string, status: CaseStatus }>, accountFreezes: Array<{ id: string, recordedAt: string, decisionDueAt: string, decidedAt: string | null, decisionNumber: string | null, note: string }>, viewerCan: { update: boolean } } };

export type CaseRecordUrgentFreezeMutationVariables = Exact<{
  input: RecordUrgentFreezeInput;
  idempotencyKey?: string | null | undefined;
}>;


export type CaseRecordUrgentFreezeMutation = { recordUrgentFreeze: { id: string } };

export type CaseRecordFreezeDecisionMutationVariables = Exact<{
  input: RecordFreezeDecisionInput;
}>;


export type CaseRecordFreezeDecisionMutation = { recordFreezeDecision: { id: string } };

export type UpdateCasePartyMutationVariables = Exact<{
  input: UpdateCasePartyInput;
}>;


export type UpdateCasePartyMutation = { updateCaseParty: { id: string, version: number } };

export type RemoveCasePartyMutationVariables = Exact<{
  input: RemoveCasePartyInput;
}>;


export type RemoveCasePartyMutation = { removeCaseParty: { id: string, version: number } };

export type UpdateObligationMutationVariables = Exact<{
  input: UpdateObligationInput;
}>;


export type UpdateObligationMutation = { updateObligation: { id: string, version: number } };

export type RemoveObligationMutationVariables = Exact<{
  input: RemoveObligationInput;
}>;


export type RemoveObligationMutation = { removeObligation: { id: string, version: number } };

export type CaseEditQueryVariables = Exact<{
  id: string | number;
}>;


export type CaseEditQuery = { case: { id: string, version: number, status: CaseStatus, decisionNumber: string | null, judgmentNumber: string, judgmentCourt: string, judgmentDate: string, kind: CaseKind, complex: boolean, backlog: boolean, urgentSecurity: boolean, notes: string | null, officer: { id: string } | null, leadAgency: { id: string }, participants: Array<{ role: ParticipantRole, agency: { id: string, name: string } }>, parties: Array<{ id: string, name: string, role: PartyRole, kind: PartyKind, address: string | null }>, obligations: Array<{ id: string, kind: ObligationKind, description: string, amountOwed: string | null, landAreaM2: string | null, debtorId: string | null, creditorId: string | null }>, availableTransitions: Array<{ transition: CaseTransition, to: CaseStatus, legalSource: string, needsReason: boolean }>, viewerCan: { update: boolean, share: boolean, transition: boolean } } };

export type CaseEditChoicesQueryVariables = Exact<{
  agencyId?: string | number | null | undefined;
}>;


export type CaseEditChoicesQuery = { users: { edges: Array<{ node: { id: string, fullName: string } }> }, agencies: { edges: Array<{ node: { id: string, name: string } }> } };

export type UpdateCaseMutationVariables = Exact<{
  input: UpdateCaseInput;
}>;


export type UpdateCaseMutation = { updateCase: { id: string, version: number } };

export type TransitionCaseMutationVariables = Exact<{
  input: TransitionCaseInput;
}>;


export type TransitionCaseMutation = { transitionCase: { id: string, version: number, status: CaseStatus } };

export type ShareCaseMutationVariables = Exact<{
  input: ShareCaseInput;
}>;


export type ShareCaseMutation = { shareCase: { id: string, version: number } };

export type UnshareCaseMutationVariables = Exact<{
  input: UnshareCaseInput;
}>;


export type UnshareCaseMutation = { unshareCase: { id: string, version: number } };

export type AddCasePartyMutationVariables = Exact<{
  caseId: string | number;
  version: number;
  party: PartyInput;
}>;


export type AddCasePartyMutation = { addCaseParty: { id: string, version: number } };

export type AddObligationMutationVariables = Exact<{
  input: AddObligationInput;
}>;


export type AddObligationMutation = { addObligation: { id: string, version: number } };

export type IntakeChoicesQueryVariables = Exact<{
  agencyId?: string | number | null | undefined;
}>;


export type IntakeChoicesQuery = { me: { id: string, agency: { id: string } }, areas: { edges: Array<{ node: { id: string, code: string, name: string } }> }, users: { edges: Array<{ node: { id: string, fullName: string } }> } };

export type CreateCaseMutationVariables = Exact<{
  input: CreateCaseInput;
  idempotencyKey?: string | null | undefined;
}>;


export type CreateCaseMutation = { createCase: { id: string } };

export type StatisticsAccessQueryVariables = Exact<{ [key: string]: never; }>;


export type StatisticsAccessQuery = { statisticsAccess: { dashboard: boolean, currentStatisticalYear: number, statisticalYears: Array<number>, offices: Array<{ id: string, name: string }>, targetOffices: Array<{ id: string, name: string }> } };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const NextPageFieldsFragmentDoc = new TypedDocumentString(`
    fragment NextPageFields on PageInfo {
  endCursor
  hasNextPage
}
    `, {"fragmentName":"NextPageFields"}) as unknown as TypedDocumentString<NextPageFieldsFragment, unknown>;
export const ActionStateFieldsFragmentDoc = new TypedDocumentString(`
    fragment ActionStateFields on CaseAction {
  id
  status
  version
}
    `, {"fragmentName":"ActionStateFields"}) as unknown as TypedDocumentString<ActionStateFieldsFragment, unknown>;
export const TaskCardFragmentDoc = new TypedDocumentString(`
    fragment TaskCard on Task {
  id
  title
  kind
  status
  dueAt
  overdue
  reason
  version
  assigneeAgency {
    id
    name
  }
  viewerCan {
    respond
    cancel
  }
}
    `, {"fragmentName":"TaskCard"}) as unknown as TypedDocumentString<TaskCardFragment, unknown>;
export const ThreadPostFragmentDoc = new TypedDocumentString(`
    fragment ThreadPost on Post {
  id
  seq
  kind
  body
  createdAt
  editedAt
  deletedAt
  unread
  author {
    id
    fullName
  }
  authorAgency {
    id
    name
  }
}
    `, {"fragmentName":"ThreadPost"}) as unknown as TypedDocumentString<ThreadPostFragment, unknown>;
export const StatisticsRateFieldsFragmentDoc = new TypedDocumentString(`
    fragment StatisticsRateFields on StatisticsRate {
  numerator
  denominator
  percent
  target
  gap
  met
}
    `, {"fragmentName":"StatisticsRateFields"}) as unknown as TypedDocumentString<StatisticsRateFieldsFragment, unknown>;
export const StatisticsRowsFieldsFragmentDoc = new TypedDocumentString(`
    fragment StatisticsRowsFields on StatisticsRows {
  carriedOver {
    cases
    money
  }
  newlyAccepted {
    cases
    money
  }
  totalAccepted {
    cases
    money
  }
  entrustedOut {
    cases
    money
  }
  totalToEnforce {
    cases
    money
  }
  notYetEnforceable {
    cases
    money
  }
  enforceable {
    cases
    money
  }
  completed {
    cases
    money
  }
  completedFullyCases
  completedTerminatedCases
  completedPartlyCases
  terminatedUncollectedMoney
  postponed {
    cases
    money
  }
  suspended {
    cases
    money
  }
  inProgress {
    cases
    money
  }
  carriedToNext {
    cases
    money
  }
  caseRate {
    ...StatisticsRateFields
  }
  moneyRate {
    ...StatisticsRateFields
  }
}
    fragment StatisticsRateFields on StatisticsRate {
  numerator
  denominator
  percent
  target
  gap
  met
}`, {"fragmentName":"StatisticsRowsFields"}) as unknown as TypedDocumentString<StatisticsRowsFieldsFragment, unknown>;
export const DrillCaseFragmentDoc = new TypedDocumentString(`
    fragment DrillCase on Case {
  id
  decisionNumber
  status
  commune {
    id
    name
  }
}
    `, {"fragmentName":"DrillCase"}) as unknown as TypedDocumentString<DrillCaseFragment, unknown>;
export const InboxItemFieldsFragmentDoc = new TypedDocumentString(`
    fragment InboxItemFields on InboxItem {
  id
  type
  category
  occurredAt
  unread
  actor {
    id
    fullName
  }
  case {
    id
    decisionNumber
  }
  task {
    id
    title
    status
    version
    viewerCan {
      respond
    }
  }
}
    `, {"fragmentName":"InboxItemFields"}) as unknown as TypedDocumentString<InboxItemFieldsFragment, unknown>;
export const StatisticsTargetFieldsFragmentDoc = new TypedDocumentString(`
    fragment StatisticsTargetFields on StatisticsTarget {
  id
  agencyId
  agencyName
  statisticalYear
  caseRatePercent
  moneyRatePercent
  version
}
    `, {"fragmentName":"StatisticsTargetFields"}) as unknown as TypedDocumentString<StatisticsTargetFieldsFragment, unknown>;
export const ActionInviteeFieldsFragmentDoc = new TypedDocumentString(`
    fragment ActionInviteeFields on ActionInvitee {
  id
  name
  role
  status
  note
  version
}
    `, {"fragmentName":"ActionInviteeFields"}) as unknown as TypedDocumentString<ActionInviteeFieldsFragment, unknown>;
export const ActionOutcomeEntryFieldsFragmentDoc = new TypedDocumentString(`
    fragment ActionOutcomeEntryFields on ActionOutcomeEntry {
  id
  outcome
  moneyCollected
  correctsId
  correctionReason
  recordedAt
  recordedBy {
    id
    fullName
  }
  collections {
    obligationId
    amountCollected
  }
}
    `, {"fragmentName":"ActionOutcomeEntryFields"}) as unknown as TypedDocumentString<ActionOutcomeEntryFieldsFragment, unknown>;
export const AdminAgencyRowFieldsFragmentDoc = new TypedDocumentString(`
    fragment AdminAgencyRowFields on Agency {
  id
  code
  name
  kind
  active
  version
  coveredAreas {
    id
    name
  }
}
    `, {"fragmentName":"AdminAgencyRowFields"}) as unknown as TypedDocumentString<AdminAgencyRowFieldsFragment, unknown>;
export const AdminAreaRowFieldsFragmentDoc = new TypedDocumentString(`
    fragment AdminAreaRowFields on Area {
  id
  code
  name
  kind
  active
  parent {
    id
    name
  }
}
    `, {"fragmentName":"AdminAreaRowFields"}) as unknown as TypedDocumentString<AdminAreaRowFieldsFragment, unknown>;
export const CalendarRecalculationFieldsFragmentDoc = new TypedDocumentString(`
    fragment CalendarRecalculationFields on CalendarRecalculation {
  cases
  protectionPlans
  tasks
  coercionsFlagged
  coercionsCleared
}
    `, {"fragmentName":"CalendarRecalculationFields"}) as unknown as TypedDocumentString<CalendarRecalculationFieldsFragment, unknown>;
export const HomeDocument = new TypedDocumentString(`
    query Home {
  me {
    id
    username
    fullName
    roles
    agency {
      id
      code
      name
      kind
    }
  }
  viewerCan {
    createCase
    manageUsers
    manageAgencies
    manageAreas
    manageCalendar
    inspectSystem
    importKinds
  }
}
    `) as unknown as TypedDocumentString<HomeQuery, HomeQueryVariables>;
export const TransitionTaskDocument = new TypedDocumentString(`
    mutation TransitionTask($input: TransitionTaskInput!, $idempotencyKey: String) {
  transitionTask(input: $input, idempotencyKey: $idempotencyKey) {
    id
    status
    version
  }
}
    `) as unknown as TypedDocumentString<TransitionTaskMutation, TransitionTaskMutationVariables>;
export const CaseActionsDocument = new TypedDocumentString(`
    query CaseActions($caseId: ID!) {
  me {
    id
    agency {
      id
    }
  }
  caseActions(caseId: $caseId) {
    id
    kind
    status
    title
    scheduledStart
    scheduledEnd
    calendarConflict
    calendarConflictAt
    place
    leadOfficer {
      id
      fullName
    }
    personCoerced
    measure
    method
    attendees
    forces
    protection
    costEstimate
    protectionPlanDueAt
    protectionPlanNote
    protectionPlanRecordedAt
    postponementReason
    postponementLate
    reason
    outcome
    minutes
    moneyCollected
    version
    invitees {
      ...ActionInviteeFields
    }
    outcomeHistory {
      ...ActionOutcomeEntryFields
    }
    participants {
      id
      required
      status
      declineReason
      version
      agency {
        id
        name
      }
    }
    viewerCan {
      plan
      respondInvitation
      recordProtectionPlan
    }
  }
}
    fragment ActionInviteeFields on ActionInvitee {
  id
  name
  role
  status
  note
  version
}
fragment ActionOutcomeEntryFields on ActionOutcomeEntry {
  id
  outcome
  moneyCollected
  correctsId
  correctionReason
  recordedAt
  recordedBy {
    id
    fullName
  }
  collections {
    obligationId
    amountCollected
  }
}`) as unknown as TypedDocumentString<CaseActionsQuery, CaseActionsQueryVariables>;
export const PlanActionDocument = new TypedDocumentString(`
    mutation PlanAction($input: PlanActionInput!, $idempotencyKey: String) {
  planAction(input: $input, idempotencyKey: $idempotencyKey) {
    ...ActionStateFields
  }
}
    fragment ActionStateFields on CaseAction {
  id
  status
  version
}`) as unknown as TypedDocumentString<PlanActionMutation, PlanActionMutationVariables>;
export const StepActionDocument = new TypedDocumentString(`
    mutation StepAction($input: StepActionInput!) {
  stepAction(input: $input) {
    ...ActionStateFields
  }
}
    fragment ActionStateFields on CaseAction {
  id
  status
  version
}`) as unknown as TypedDocumentString<StepActionMutation, StepActionMutationVariables>;
export const RespondToInvitationDocument = new TypedDocumentString(`
    mutation RespondToInvitation($input: RespondInvitationInput!, $idempotencyKey: String) {
  respondToInvitation(input: $input, idempotencyKey: $idempotencyKey) {
    id
    status
    version
  }
}
    `) as unknown as TypedDocumentString<RespondToInvitationMutation, RespondToInvitationMutationVariables>;
export const RecordProtectionPlanDocument = new TypedDocumentString(`
    mutation RecordProtectionPlan($input: RecordProtectionPlanInput!) {
  recordProtectionPlan(input: $input) {
    ...ActionStateFields
  }
}
    fragment ActionStateFields on CaseAction {
  id
  status
  version
}`) as unknown as TypedDocumentString<RecordProtectionPlanMutation, RecordProtectionPlanMutationVariables>;
export const CaseDetailDocument = new TypedDocumentString(`
    query CaseDetail($id: ID!) {
  liveCursor
  case(id: $id) {
    id
    decisionNumber
    judgmentNumber
    judgmentCourt
    judgmentDate
    status
    commune {
      id
      name
    }
    leadAgency {
      id
      name
    }
    officer {
      id
      fullName
    }
    parties {
      id
      name
      role
      kind
      address
      idNumber {
        value
        hidden
        reason
      }
      phone {
        value
        hidden
        reason
      }
    }
    obligations {
      id
      kind
      description
      amountOwed
      amountCollected
      landAreaM2
      fulfilled
    }
    participants {
      role
      agency {
        id
        name
        kind
      }
    }
    totals {
      owed
      collected
      openObligations
    }
    overdue
    voluntaryPeriodEndsAt
    verificationDueAt
    decisionDueAt
    deadlines {
      kind
      dueAt
      legalSource
      passed
      missed
      actionId
    }
    urgentSecurity
    complex
    backlog
    notes
    viewerCan {
      update
      share
      transition
      readRestricted
      assignTask
      postDirective
      postRecommendation
    }
    version
  }
}
    `) as unknown as TypedDocumentString<CaseDetailQuery, CaseDetailQueryVariables>;
export const CaseActivityDocument = new TypedDocumentString(`
    subscription CaseActivity($caseId: ID!, $after: String) {
  caseActivity(caseId: $caseId, after: $after) {
    cursor
    kind
    caseId
    occurredAt
  }
}
    `) as unknown as TypedDocumentString<CaseActivitySubscription, CaseActivitySubscriptionVariables>;
export const CasesDocument = new TypedDocumentString(`
    query Cases($first: Int, $after: String, $filter: CaseFilterInput) {
  cases(first: $first, after: $after, filter: $filter) {
    totalCount
    pageInfo {
      ...NextPageFields
    }
    edges {
      cursor
      node {
        id
        decisionNumber
        judgmentNumber
        status
        overdue
        commune {
          id
          name
        }
        parties {
          id
          name
          role
        }
        totals {
          owed
          collected
        }
      }
    }
  }
}
    fragment NextPageFields on PageInfo {
  endCursor
  hasNextPage
}`) as unknown as TypedDocumentString<CasesQuery, CasesQueryVariables>;
export const CaseListUnreadDocument = new TypedDocumentString(`
    query CaseListUnread($caseIds: [ID!]) {
  unreadCounts(caseIds: $caseIds) {
    cases {
      caseId
      unread
    }
  }
}
    `) as unknown as TypedDocumentString<CaseListUnreadQuery, CaseListUnreadQueryVariables>;
export const AssignTaskDocument = new TypedDocumentString(`
    mutation AssignTask($input: AssignTaskInput!, $idempotencyKey: String) {
  assignTask(input: $input, idempotencyKey: $idempotencyKey) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<AssignTaskMutation, AssignTaskMutationVariables>;
export const CaseTasksDocument = new TypedDocumentString(`
    query CaseTasks($caseId: ID!, $first: Int) {
  caseTasks(caseId: $caseId, first: $first) {
    totalCount
    edges {
      node {
        ...TaskCard
      }
    }
  }
}
    fragment TaskCard on Task {
  id
  title
  kind
  status
  dueAt
  overdue
  reason
  version
  assigneeAgency {
    id
    name
  }
  viewerCan {
    respond
    cancel
  }
}`) as unknown as TypedDocumentString<CaseTasksQuery, CaseTasksQueryVariables>;
export const PostToThreadDocument = new TypedDocumentString(`
    mutation PostToThread($input: NewPostInput!, $idempotencyKey: String) {
  postToThread(input: $input, idempotencyKey: $idempotencyKey) {
    id
    seq
  }
}
    `) as unknown as TypedDocumentString<PostToThreadMutation, PostToThreadMutationVariables>;
export const MarkThreadReadDocument = new TypedDocumentString(`
    mutation MarkThreadRead($caseId: ID!, $upToSeq: Int) {
  markThreadRead(caseId: $caseId, upToSeq: $upToSeq) {
    caseId
    lastReadSeq
    unread
  }
}
    `) as unknown as TypedDocumentString<MarkThreadReadMutation, MarkThreadReadMutationVariables>;
export const CaseThreadDocument = new TypedDocumentString(`
    query CaseThread($caseId: ID!, $last: Int, $before: String) {
  caseThread(caseId: $caseId, last: $last, before: $before) {
    totalCount
    pageInfo {
      startCursor
      hasPreviousPage
    }
    edges {
      cursor
      node {
        ...ThreadPost
      }
    }
  }
}
    fragment ThreadPost on Post {
  id
  seq
  kind
  body
  createdAt
  editedAt
  deletedAt
  unread
  author {
    id
    fullName
  }
  authorAgency {
    id
    name
  }
}`) as unknown as TypedDocumentString<CaseThreadQuery, CaseThreadQueryVariables>;
export const DashboardDocument = new TypedDocumentString(`
    query Dashboard($period: StatisticsPeriodInput!, $scope: StatisticsScopeInput, $year: Int) {
  statistics(period: $period, scope: $scope) {
    scope {
      kind
      name
    }
    period {
      kind
      statisticalYear
      number
      firstDay
      lastDay
    }
    totals {
      ...StatisticsRowsFields
    }
    byAgency {
      id
      name
      rows {
        ...StatisticsRowsFields
      }
    }
    byCommune {
      id
      name
      rows {
        ...StatisticsRowsFields
      }
    }
    byOfficer {
      id
      name
      rows {
        ...StatisticsRowsFields
      }
    }
  }
  statisticsTrend(statisticalYear: $year, scope: $scope) {
    month
    caseRate {
      percent
      target
    }
    moneyRate {
      percent
      target
    }
  }
  stuckOverview(scope: $scope) {
    backlogCases
    hardCases
    overdueTasks
    overdueByAgency {
      agencyId
      agencyName
      tasks
      cases
      maxDaysOverdue
    }
    escalationsAwaiting
    upcomingCoercions {
      actionId
      caseId
      decisionNumber
      title
      scheduledStart
      sentToProcuracy
      sentToPolice
      sentToCommune
      protectionPlanReceived
      participantsInvited
      participantsConfirmed
    }
    persuasionVisitsPlanned
    persuasionOutcomes {
      outcome
      visits
    }
  }
}
    fragment StatisticsRateFields on StatisticsRate {
  numerator
  denominator
  percent
  target
  gap
  met
}
fragment StatisticsRowsFields on StatisticsRows {
  carriedOver {
    cases
    money
  }
  newlyAccepted {
    cases
    money
  }
  totalAccepted {
    cases
    money
  }
  entrustedOut {
    cases
    money
  }
  totalToEnforce {
    cases
    money
  }
  notYetEnforceable {
    cases
    money
  }
  enforceable {
    cases
    money
  }
  completed {
    cases
    money
  }
  completedFullyCases
  completedTerminatedCases
  completedPartlyCases
  terminatedUncollectedMoney
  postponed {
    cases
    money
  }
  suspended {
    cases
    money
  }
  inProgress {
    cases
    money
  }
  carriedToNext {
    cases
    money
  }
  caseRate {
    ...StatisticsRateFields
  }
  moneyRate {
    ...StatisticsRateFields
  }
}`) as unknown as TypedDocumentString<DashboardQuery, DashboardQueryVariables>;
export const StatisticsCasesDocument = new TypedDocumentString(`
    query StatisticsCases($period: StatisticsPeriodInput!, $row: StatisticsRow!, $scope: StatisticsScopeInput, $first: Int) {
  statisticsCases(period: $period, row: $row, scope: $scope, first: $first) {
    totalCount
    edges {
      node {
        ...DrillCase
      }
    }
  }
}
    fragment DrillCase on Case {
  id
  decisionNumber
  status
  commune {
    id
    name
  }
}`) as unknown as TypedDocumentString<StatisticsCasesQuery, StatisticsCasesQueryVariables>;
export const StuckCasesDocument = new TypedDocumentString(`
    query StuckCases($list: StuckList!, $scope: StatisticsScopeInput, $agencyId: ID, $first: Int) {
  stuckCases(list: $list, scope: $scope, agencyId: $agencyId, first: $first) {
    totalCount
    edges {
      node {
        ...DrillCase
      }
    }
  }
}
    fragment DrillCase on Case {
  id
  decisionNumber
  status
  commune {
    id
    name
  }
}`) as unknown as TypedDocumentString<StuckCasesQuery, StuckCasesQueryVariables>;
export const StatisticsChangedDocument = new TypedDocumentString(`
    subscription StatisticsChanged {
  statisticsChanged {
    changedAt
    cases
  }
}
    `) as unknown as TypedDocumentString<StatisticsChangedSubscription, StatisticsChangedSubscriptionVariables>;
export const MyWorkDocument = new TypedDocumentString(`
    query MyWork {
  inbox(first: 1) {
    unreadCount
  }
  myTasks(first: 1, filter: {statuses: [OPEN, ACCEPTED, IN_PROGRESS]}) {
    totalCount
  }
  unreadCounts {
    total
    more
  }
}
    `) as unknown as TypedDocumentString<MyWorkQuery, MyWorkQueryVariables>;
export const MyFeedDocument = new TypedDocumentString(`
    subscription MyFeed($after: String) {
  myFeed(after: $after) {
    cursor
    kind
    caseId
    occurredAt
  }
}
    `) as unknown as TypedDocumentString<MyFeedSubscription, MyFeedSubscriptionVariables>;
export const AboutDocument = new TypedDocumentString(`
    query About {
  serverInfo {
    version
    instanceId
    eventBus
  }
}
    `) as unknown as TypedDocumentString<AboutQuery, AboutQueryVariables>;
export const InboxDocument = new TypedDocumentString(`
    query Inbox($first: Int, $after: String, $unreadOnly: Boolean) {
  inbox(first: $first, after: $after, unreadOnly: $unreadOnly) {
    totalCount
    unreadCount
    pageInfo {
      ...NextPageFields
    }
    edges {
      node {
        ...InboxItemFields
      }
    }
  }
}
    fragment NextPageFields on PageInfo {
  endCursor
  hasNextPage
}
fragment InboxItemFields on InboxItem {
  id
  type
  category
  occurredAt
  unread
  actor {
    id
    fullName
  }
  case {
    id
    decisionNumber
  }
  task {
    id
    title
    status
    version
    viewerCan {
      respond
    }
  }
}`) as unknown as TypedDocumentString<InboxQuery, InboxQueryVariables>;
export const InboxBadgeDocument = new TypedDocumentString(`
    query InboxBadge {
  inbox(first: 1) {
    unreadCount
  }
}
    `) as unknown as TypedDocumentString<InboxBadgeQuery, InboxBadgeQueryVariables>;
export const MarkInboxReadDocument = new TypedDocumentString(`
    mutation MarkInboxRead($ids: [String!]) {
  markInboxRead(ids: $ids) {
    unreadCount
  }
}
    `) as unknown as TypedDocumentString<MarkInboxReadMutation, MarkInboxReadMutationVariables>;
export const StatisticsTargetsDocument = new TypedDocumentString(`
    query StatisticsTargets($year: Int!) {
  statisticsTargets(statisticalYear: $year) {
    ...StatisticsTargetFields
  }
}
    fragment StatisticsTargetFields on StatisticsTarget {
  id
  agencyId
  agencyName
  statisticalYear
  caseRatePercent
  moneyRatePercent
  version
}`) as unknown as TypedDocumentString<StatisticsTargetsQuery, StatisticsTargetsQueryVariables>;
export const SetStatisticsTargetDocument = new TypedDocumentString(`
    mutation SetStatisticsTarget($input: SetStatisticsTargetInput!) {
  setStatisticsTarget(input: $input) {
    ...StatisticsTargetFields
  }
}
    fragment StatisticsTargetFields on StatisticsTarget {
  id
  agencyId
  agencyName
  statisticalYear
  caseRatePercent
  moneyRatePercent
  version
}`) as unknown as TypedDocumentString<SetStatisticsTargetMutation, SetStatisticsTargetMutationVariables>;
export const CorrectActionOutcomeDocument = new TypedDocumentString(`
    mutation CorrectActionOutcome($input: CorrectActionOutcomeInput!, $idempotencyKey: String) {
  correctActionOutcome(input: $input, idempotencyKey: $idempotencyKey) {
    ...ActionStateFields
  }
}
    fragment ActionStateFields on CaseAction {
  id
  status
  version
}`) as unknown as TypedDocumentString<CorrectActionOutcomeMutation, CorrectActionOutcomeMutationVariables>;
export const RecordActionOutcomeDocument = new TypedDocumentString(`
    mutation RecordActionOutcome($input: RecordActionOutcomeInput!, $idempotencyKey: String) {
  recordActionOutcome(input: $input, idempotencyKey: $idempotencyKey) {
    ...ActionStateFields
  }
}
    fragment ActionStateFields on CaseAction {
  id
  status
  version
}`) as unknown as TypedDocumentString<RecordActionOutcomeMutation, RecordActionOutcomeMutationVariables>;
export const InviteToActionDocument = new TypedDocumentString(`
    mutation InviteToAction($input: InviteToActionInput!) {
  inviteToAction(input: $input) {
    ...ActionStateFields
  }
}
    fragment ActionStateFields on CaseAction {
  id
  status
  version
}`) as unknown as TypedDocumentString<InviteToActionMutation, InviteToActionMutationVariables>;
export const RecordInviteeAnswerDocument = new TypedDocumentString(`
    mutation RecordInviteeAnswer($input: RecordInviteeAnswerInput!) {
  recordInviteeAnswer(input: $input) {
    id
    status
    version
  }
}
    `) as unknown as TypedDocumentString<RecordInviteeAnswerMutation, RecordInviteeAnswerMutationVariables>;
export const InviteAgenciesDocument = new TypedDocumentString(`
    query InviteAgencies {
  agencies(first: 100) {
    edges {
      node {
        id
        name
        kind
      }
    }
  }
}
    `) as unknown as TypedDocumentString<InviteAgenciesQuery, InviteAgenciesQueryVariables>;
export const AdminUsersDocument = new TypedDocumentString(`
    query AdminUsers($first: Int, $after: String, $filter: UserFilterInput) {
  users(first: $first, after: $after, filter: $filter) {
    totalCount
    pageInfo {
      ...NextPageFields
    }
    edges {
      node {
        id
        username
        fullName
        roles
        active
        version
        agency {
          id
          name
        }
        viewerCan {
          update
          deactivate
        }
      }
    }
  }
}
    fragment NextPageFields on PageInfo {
  endCursor
  hasNextPage
}`) as unknown as TypedDocumentString<AdminUsersQuery, AdminUsersQueryVariables>;
export const UpdateUserRolesDocument = new TypedDocumentString(`
    mutation UpdateUserRoles($input: UpdateUserInput!) {
  updateUser(input: $input) {
    id
    version
    roles
    agency {
      id
      name
    }
  }
}
    `) as unknown as TypedDocumentString<UpdateUserRolesMutation, UpdateUserRolesMutationVariables>;
export const AdminAgenciesDocument = new TypedDocumentString(`
    query AdminAgencies($first: Int, $after: String, $filter: AgencyFilterInput) {
  agencies(first: $first, after: $after, filter: $filter) {
    totalCount
    pageInfo {
      ...NextPageFields
    }
    edges {
      node {
        ...AdminAgencyRowFields
      }
    }
  }
}
    fragment NextPageFields on PageInfo {
  endCursor
  hasNextPage
}
fragment AdminAgencyRowFields on Agency {
  id
  code
  name
  kind
  active
  version
  coveredAreas {
    id
    name
  }
}`) as unknown as TypedDocumentString<AdminAgenciesQuery, AdminAgenciesQueryVariables>;
export const AdminAreasDocument = new TypedDocumentString(`
    query AdminAreas($first: Int, $after: String, $filter: AreaFilterInput) {
  areas(first: $first, after: $after, filter: $filter) {
    totalCount
    pageInfo {
      ...NextPageFields
    }
    edges {
      node {
        ...AdminAreaRowFields
      }
    }
  }
}
    fragment NextPageFields on PageInfo {
  endCursor
  hasNextPage
}
fragment AdminAreaRowFields on Area {
  id
  code
  name
  kind
  active
  parent {
    id
    name
  }
}`) as unknown as TypedDocumentString<AdminAreasQuery, AdminAreasQueryVariables>;
export const AdminDeactivateUserDocument = new TypedDocumentString(`
    mutation AdminDeactivateUser($id: ID!) {
  deactivateUser(id: $id) {
    id
    active
  }
}
    `) as unknown as TypedDocumentString<AdminDeactivateUserMutation, AdminDeactivateUserMutationVariables>;
export const AdminReactivateUserDocument = new TypedDocumentString(`
    mutation AdminReactivateUser($id: ID!) {
  reactivateUser(id: $id) {
    id
    active
  }
}
    `) as unknown as TypedDocumentString<AdminReactivateUserMutation, AdminReactivateUserMutationVariables>;
export const AdminResetPasswordDocument = new TypedDocumentString(`
    mutation AdminResetPassword($id: ID!, $newPassword: String!) {
  resetUserPassword(id: $id, newPassword: $newPassword) {
    id
  }
}
    `) as unknown as TypedDocumentString<AdminResetPasswordMutation, AdminResetPasswordMutationVariables>;
export const AdminCreateUserDocument = new TypedDocumentString(`
    mutation AdminCreateUser($input: CreateUserInput!) {
  createUser(input: $input) {
    id
  }
}
    `) as unknown as TypedDocumentString<AdminCreateUserMutation, AdminCreateUserMutationVariables>;
export const AdminUpdateAgencyDocument = new TypedDocumentString(`
    mutation AdminUpdateAgency($input: UpdateAgencyInput!) {
  updateAgency(input: $input) {
    id
    active
  }
}
    `) as unknown as TypedDocumentString<AdminUpdateAgencyMutation, AdminUpdateAgencyMutationVariables>;
export const AdminCreateAgencyDocument = new TypedDocumentString(`
    mutation AdminCreateAgency($input: CreateAgencyInput!) {
  createAgency(input: $input) {
    id
  }
}
    `) as unknown as TypedDocumentString<AdminCreateAgencyMutation, AdminCreateAgencyMutationVariables>;
export const AdminUpdateAreaDocument = new TypedDocumentString(`
    mutation AdminUpdateArea($input: UpdateAreaInput!) {
  updateArea(input: $input) {
    id
    active
  }
}
    `) as unknown as TypedDocumentString<AdminUpdateAreaMutation, AdminUpdateAreaMutationVariables>;
export const AdminCreateAreaDocument = new TypedDocumentString(`
    mutation AdminCreateArea($input: CreateAreaInput!) {
  createArea(input: $input) {
    id
  }
}
    `) as unknown as TypedDocumentString<AdminCreateAreaMutation, AdminCreateAreaMutationVariables>;
export const CalendarYearDocument = new TypedDocumentString(`
    query CalendarYear($from: String!, $to: String!, $year: Int!) {
  calendarDays(from: $from, to: $to) {
    date
    kind
    name
    source
  }
  tetWindow(year: $year) {
    year
    tet
    firstDay
    lastDay
    origin
    source
    ruleFirstDay
    ruleLastDay
    directiveNumber
    directiveDate
  }
}
    `) as unknown as TypedDocumentString<CalendarYearQuery, CalendarYearQueryVariables>;
export const CalendarRemoveDirectiveDocument = new TypedDocumentString(`
    mutation CalendarRemoveDirective($tetYear: Int!) {
  removeTetDirective(tetYear: $tetYear) {
    recalculated {
      ...CalendarRecalculationFields
    }
  }
}
    fragment CalendarRecalculationFields on CalendarRecalculation {
  cases
  protectionPlans
  tasks
  coercionsFlagged
  coercionsCleared
}`) as unknown as TypedDocumentString<CalendarRemoveDirectiveMutation, CalendarRemoveDirectiveMutationVariables>;
export const CalendarRemoveDayDocument = new TypedDocumentString(`
    mutation CalendarRemoveDay($date: String!) {
  removeCalendarDay(date: $date) {
    recalculated {
      ...CalendarRecalculationFields
    }
  }
}
    fragment CalendarRecalculationFields on CalendarRecalculation {
  cases
  protectionPlans
  tasks
  coercionsFlagged
  coercionsCleared
}`) as unknown as TypedDocumentString<CalendarRemoveDayMutation, CalendarRemoveDayMutationVariables>;
export const CalendarAddDayDocument = new TypedDocumentString(`
    mutation CalendarAddDay($input: AddCalendarDayInput!) {
  addCalendarDay(input: $input) {
    recalculated {
      ...CalendarRecalculationFields
    }
  }
}
    fragment CalendarRecalculationFields on CalendarRecalculation {
  cases
  protectionPlans
  tasks
  coercionsFlagged
  coercionsCleared
}`) as unknown as TypedDocumentString<CalendarAddDayMutation, CalendarAddDayMutationVariables>;
export const CalendarSetDirectiveDocument = new TypedDocumentString(`
    mutation CalendarSetDirective($input: SetTetDirectiveInput!) {
  setTetDirective(input: $input) {
    recalculated {
      ...CalendarRecalculationFields
    }
  }
}
    fragment CalendarRecalculationFields on CalendarRecalculation {
  cases
  protectionPlans
  tasks
  coercionsFlagged
  coercionsCleared
}`) as unknown as TypedDocumentString<CalendarSetDirectiveMutation, CalendarSetDirectiveMutationVariables>;
export const ImportJobDocument = new TypedDocumentString(`
    query ImportJob($id: ID!) {
  importJob(id: $id) {
    id
    kind
    state
    processed
    total
    rows
    created
    unchanged
    skipped
    failure
    errors {
      row
      column
      code
      message
    }
  }
}
    `) as unknown as TypedDocumentString<ImportJobQuery, ImportJobQueryVariables>;
export const CaseLegalDocument = new TypedDocumentString(`
    query CaseLegal($id: ID!) {
  case(id: $id) {
    id
    version
    status
    recordingClosed {
      reason
      legalSource
    }
    publicNotice {
      debtors {
        name
        address
      }
      obligations
      legalSource
      text
    }
    sameJudgmentCases {
      caseId
      decisionNumber
      leadAgencyName
      status
      terminatedOnWithdrawal
    }
    sameDebtorCases {
      caseId
      decisionNumber
      leadAgencyName
      status
    }
    accountFreezes {
      id
      recordedAt
      decisionDueAt
      decidedAt
      decisionNumber
      note
    }
    urgentFreezeSource
    viewerCan {
      update
    }
  }
}
    `) as unknown as TypedDocumentString<CaseLegalQuery, CaseLegalQueryVariables>;
export const CaseRecordUrgentFreezeDocument = new TypedDocumentString(`
    mutation CaseRecordUrgentFreeze($input: RecordUrgentFreezeInput!, $idempotencyKey: String) {
  recordUrgentFreeze(input: $input, idempotencyKey: $idempotencyKey) {
    id
  }
}
    `) as unknown as TypedDocumentString<CaseRecordUrgentFreezeMutation, CaseRecordUrgentFreezeMutationVariables>;
export const CaseRecordFreezeDecisionDocument = new TypedDocumentString(`
    mutation CaseRecordFreezeDecision($input: RecordFreezeDecisionInput!) {
  recordFreezeDecision(input: $input) {
    id
  }
}
    `) as unknown as TypedDocumentString<CaseRecordFreezeDecisionMutation, CaseRecordFreezeDecisionMutationVariables>;
export const UpdateCasePartyDocument = new TypedDocumentString(`
    mutation UpdateCaseParty($input: UpdateCasePartyInput!) {
  updateCaseParty(input: $input) {
    id
    version
  }
}
    `) as unknown as TypedDocumentString<UpdateCasePartyMutation, UpdateCasePartyMutationVariables>;
export const RemoveCasePartyDocument = new TypedDocumentString(`
    mutation RemoveCaseParty($input: RemoveCasePartyInput!) {
  removeCaseParty(input: $input) {
    id
    version
  }
}
    `) as unknown as TypedDocumentString<RemoveCasePartyMutation, RemoveCasePartyMutationVariables>;
export const UpdateObligationDocument = new TypedDocumentString(`
    mutation UpdateObligation($input: UpdateObligationInput!) {
  updateObligation(input: $input) {
    id
    version
  }
}
    `) as unknown as TypedDocumentString<UpdateObligationMutation, UpdateObligationMutationVariables>;
export const RemoveObligationDocument = new TypedDocumentString(`
    mutation RemoveObligation($input: RemoveObligationInput!) {
  removeObligation(input: $input) {
    id
    version
  }
}
    `) as unknown as TypedDocumentString<RemoveObligationMutation, RemoveObligationMutationVariables>;
export const CaseEditDocument = new TypedDocumentString(`
    query CaseEdit($id: ID!) {
  case(id: $id) {
    id
    version
    status
    decisionNumber
    judgmentNumber
    judgmentCourt
    judgmentDate
    kind
    complex
    backlog
    urgentSecurity
    notes
    officer {
      id
    }
    leadAgency {
      id
    }
    participants {
      role
      agency {
        id
        name
      }
    }
    parties {
      id
      name
      role
      kind
      address
    }
    obligations {
      id
      kind
      description
      amountOwed
      landAreaM2
      debtorId
      creditorId
    }
    availableTransitions {
      transition
      to
      legalSource
      needsReason
    }
    viewerCan {
      update
      share
      transition
    }
  }
}
    `) as unknown as TypedDocumentString<CaseEditQuery, CaseEditQueryVariables>;
export const CaseEditChoicesDocument = new TypedDocumentString(`
    query CaseEditChoices($agencyId: ID) {
  users(first: 100, filter: {agencyId: $agencyId, mayBeAssignedCases: true}) {
    edges {
      node {
        id
        fullName
      }
    }
  }
  agencies(first: 100) {
    edges {
      node {
        id
        name
      }
    }
  }
}
    `) as unknown as TypedDocumentString<CaseEditChoicesQuery, CaseEditChoicesQueryVariables>;
export const UpdateCaseDocument = new TypedDocumentString(`
    mutation UpdateCase($input: UpdateCaseInput!) {
  updateCase(input: $input) {
    id
    version
  }
}
    `) as unknown as TypedDocumentString<UpdateCaseMutation, UpdateCaseMutationVariables>;
export const TransitionCaseDocument = new TypedDocumentString(`
    mutation TransitionCase($input: TransitionCaseInput!) {
  transitionCase(input: $input) {
    id
    version
    status
  }
}
    `) as unknown as TypedDocumentString<TransitionCaseMutation, TransitionCaseMutationVariables>;
export const ShareCaseDocument = new TypedDocumentString(`
    mutation ShareCase($input: ShareCaseInput!) {
  shareCase(input: $input) {
    id
    version
  }
}
    `) as unknown as TypedDocumentString<ShareCaseMutation, ShareCaseMutationVariables>;
export const UnshareCaseDocument = new TypedDocumentString(`
    mutation UnshareCase($input: UnshareCaseInput!) {
  unshareCase(input: $input) {
    id
    version
  }
}
    `) as unknown as TypedDocumentString<UnshareCaseMutation, UnshareCaseMutationVariables>;
export const AddCasePartyDocument = new TypedDocumentString(`
    mutation AddCaseParty($caseId: ID!, $version: Int!, $party: PartyInput!) {
  addCaseParty(caseId: $caseId, version: $version, party: $party) {
    id
    version
  }
}
    `) as unknown as TypedDocumentString<AddCasePartyMutation, AddCasePartyMutationVariables>;
export const AddObligationDocument = new TypedDocumentString(`
    mutation AddObligation($input: AddObligationInput!) {
  addObligation(input: $input) {
    id
    version
  }
}
    `) as unknown as TypedDocumentString<AddObligationMutation, AddObligationMutationVariables>;
export const IntakeChoicesDocument = new TypedDocumentString(`
    query IntakeChoices($agencyId: ID) {
  me {
    id
    agency {
      id
    }
  }
  areas(first: 100, filter: {kind: COMMUNE}) {
    edges {
      node {
        id
        code
        name
      }
    }
  }
  users(first: 100, filter: {agencyId: $agencyId, mayBeAssignedCases: true}) {
    edges {
      node {
        id
        fullName
      }
    }
  }
}
    `) as unknown as TypedDocumentString<IntakeChoicesQuery, IntakeChoicesQueryVariables>;
export const CreateCaseDocument = new TypedDocumentString(`
    mutation CreateCase($input: CreateCaseInput!, $idempotencyKey: String) {
  createCase(input: $input, idempotencyKey: $idempotencyKey) {
    id
  }
}
    `) as unknown as TypedDocumentString<CreateCaseMutation, CreateCaseMutationVariables>;
export const StatisticsAccessDocument = new TypedDocumentString(`
    query StatisticsAccess {
  statisticsAccess {
    dashboard
    currentStatisticalYear
    statisticalYears
    offices {
      id
      name
    }
    targetOffices {
      id
      name
    }
  }
}
    `) as unknown as TypedDocumentString<StatisticsAccessQuery, StatisticsAccessQueryVariables>;