import { citeAll, cite, type CitationCode, type LocalDate } from '../calendar/calendar.surface';

/**
 * The case lifecycle as an explicit state machine (DOMAIN.md). Every transition is one row of
 * TRANSITIONS with the statuses it may start from and its legal sources, as codes of the versioned
 * citation table (legal-rules.ts): the citation shown is the version in force on the case's law date
 * (the day it was received). Anything else is refused with RULE_VIOLATION naming the rule. Pure: no I/O.
 */
export enum CaseStatus {
  /** Judgment / request received; decision due within 5 working days (Đ.36). */
  RECEIVED = 'RECEIVED',
  /** Decision issued; to be notified within 3 working days (Đ.39). */
  DECISION_ISSUED = 'DECISION_ISSUED',
  /** Debtor received the decision: 10-day voluntary period (Đ.45). */
  VOLUNTARY_PERIOD = 'VOLUNTARY_PERIOD',
  /** Verifying the conditions for enforcement (Đ.44). */
  VERIFICATION = 'VERIFICATION',
  ENFORCEABLE = 'ENFORCEABLE',
  /** Đ.44a: published at the commune; parties' other data stays restricted. */
  NOT_YET_ENFORCEABLE = 'NOT_YET_ENFORCEABLE',
  /** Persuasion and, if needed, coercion under way. */
  ENFORCING = 'ENFORCING',
  COMPLETED = 'COMPLETED',
  /** Hoãn (Đ.48). */
  POSTPONED = 'POSTPONED',
  /** Tạm đình chỉ (Đ.49). */
  SUSPENDED = 'SUSPENDED',
  /** Đình chỉ (Đ.50): final; a creditor's withdrawal ends the case for good. */
  TERMINATED = 'TERMINATED',
  /** Trả đơn (Đ.51): final. */
  RETURNED = 'RETURNED',
  /** Ủy thác (Đ.55): handed to the office where the debtor lives or the property is; final for this office. */
  ENTRUSTED = 'ENTRUSTED',
}

export enum CaseTransition {
  ISSUE_DECISION = 'ISSUE_DECISION',
  RECORD_DELIVERY = 'RECORD_DELIVERY',
  START_VERIFICATION = 'START_VERIFICATION',
  RECORD_ENFORCEABLE = 'RECORD_ENFORCEABLE',
  RECORD_NOT_YET_ENFORCEABLE = 'RECORD_NOT_YET_ENFORCEABLE',
  REVERIFY = 'REVERIFY',
  START_ENFORCING = 'START_ENFORCING',
  COMPLETE = 'COMPLETE',
  POSTPONE = 'POSTPONE',
  SUSPEND = 'SUSPEND',
  RESUME = 'RESUME',
  TERMINATE = 'TERMINATE',
  RETURN_REQUEST = 'RETURN_REQUEST',
  ENTRUST = 'ENTRUST',
}

/** Statuses from which nothing can follow. */
export const FINAL_STATUSES: ReadonlySet<CaseStatus> = new Set([
  CaseStatus.COMPLETED,
  CaseStatus.TERMINATED,
  CaseStatus.RETURNED,
  CaseStatus.ENTRUSTED,
]);

/** Statuses in which work is active and can be paused. */
const ACTIVE = [
  CaseStatus.VOLUNTARY_PERIOD,
  CaseStatus.VERIFICATION,
  CaseStatus.ENFORCEABLE,
  CaseStatus.NOT_YET_ENFORCEABLE,
  CaseStatus.ENFORCING,
];
const NOT_FINAL = Object.values(CaseStatus).filter((s) => !FINAL_STATUSES.has(s));

interface TransitionRule {
  from: readonly CaseStatus[];
  /** Target status; RESUME returns to the stored resume status. */
  to: CaseStatus | 'RESUME_STATUS';
  /** Legal sources shown with refusals and recorded in the event (codes of the citation table). */
  citations: readonly CitationCode[];
  /** True when a reason must be given (recorded in the event log). */
  needsReason: boolean;
}

export const TRANSITIONS: Readonly<Record<CaseTransition, TransitionRule>> = {
  ISSUE_DECISION: { from: [CaseStatus.RECEIVED], to: CaseStatus.DECISION_ISSUED, citations: ['ENFORCEMENT_DECISION'], needsReason: false },
  RECORD_DELIVERY: {
    from: [CaseStatus.DECISION_ISSUED],
    to: CaseStatus.VOLUNTARY_PERIOD,
    citations: ['NOTIFICATION', 'VOLUNTARY_PERIOD'],
    needsReason: false,
  },
  START_VERIFICATION: {
    from: [CaseStatus.VOLUNTARY_PERIOD],
    to: CaseStatus.VERIFICATION,
    citations: ['VERIFICATION', 'VOLUNTARY_PERIOD'],
    needsReason: false,
  },
  RECORD_ENFORCEABLE: { from: [CaseStatus.VERIFICATION], to: CaseStatus.ENFORCEABLE, citations: ['VERIFICATION'], needsReason: false },
  RECORD_NOT_YET_ENFORCEABLE: {
    from: [CaseStatus.VERIFICATION],
    to: CaseStatus.NOT_YET_ENFORCEABLE,
    citations: ['NOT_YET_ENFORCEABLE'],
    needsReason: true,
  },
  REVERIFY: {
    from: [CaseStatus.NOT_YET_ENFORCEABLE, CaseStatus.ENFORCEABLE],
    to: CaseStatus.VERIFICATION,
    citations: ['VERIFICATION'],
    needsReason: true,
  },
  START_ENFORCING: { from: [CaseStatus.ENFORCEABLE], to: CaseStatus.ENFORCING, citations: ['FORBIDDEN_TIMES'], needsReason: false },
  COMPLETE: {
    from: [CaseStatus.VOLUNTARY_PERIOD, CaseStatus.VERIFICATION, CaseStatus.ENFORCEABLE, CaseStatus.ENFORCING],
    to: CaseStatus.COMPLETED,
    citations: ['COMPLETION'],
    needsReason: false,
  },
  POSTPONE: { from: ACTIVE, to: CaseStatus.POSTPONED, citations: ['POSTPONEMENT'], needsReason: true },
  SUSPEND: { from: ACTIVE, to: CaseStatus.SUSPENDED, citations: ['SUSPENSION'], needsReason: true },
  RESUME: {
    from: [CaseStatus.POSTPONED, CaseStatus.SUSPENDED],
    to: 'RESUME_STATUS',
    citations: ['POSTPONEMENT', 'SUSPENSION'],
    needsReason: false,
  },
  TERMINATE: { from: NOT_FINAL, to: CaseStatus.TERMINATED, citations: ['TERMINATION'], needsReason: true },
  RETURN_REQUEST: {
    from: [
      CaseStatus.RECEIVED,
      CaseStatus.DECISION_ISSUED,
      CaseStatus.VOLUNTARY_PERIOD,
      CaseStatus.VERIFICATION,
      CaseStatus.NOT_YET_ENFORCEABLE,
    ],
    to: CaseStatus.RETURNED,
    citations: ['RETURN_OF_REQUEST'],
    needsReason: true,
  },
  ENTRUST: {
    from: [CaseStatus.DECISION_ISSUED, ...ACTIVE, CaseStatus.POSTPONED, CaseStatus.SUSPENDED],
    to: CaseStatus.ENTRUSTED,
    citations: ['ENTRUSTMENT'],
    needsReason: true,
  },
};

/** Vietnamese status labels for messages (the UI has its own dictionary). */
export const STATUS_LABEL_VI: Readonly<Record<CaseStatus, string>> = {
  RECEIVED: 'Đã nhận bản án/đơn yêu cầu',
  DECISION_ISSUED: 'Đã ra quyết định thi hành án',
  VOLUNTARY_PERIOD: 'Trong thời hạn tự nguyện',
  VERIFICATION: 'Đang xác minh điều kiện thi hành',
  ENFORCEABLE: 'Có điều kiện thi hành',
  NOT_YET_ENFORCEABLE: 'Chưa có điều kiện thi hành',
  ENFORCING: 'Đang tổ chức thi hành',
  COMPLETED: 'Thi hành xong',
  POSTPONED: 'Hoãn thi hành án',
  SUSPENDED: 'Tạm đình chỉ',
  TERMINATED: 'Đình chỉ thi hành án',
  RETURNED: 'Trả đơn yêu cầu',
  ENTRUSTED: 'Đã ủy thác thi hành án',
};

/** The outcome of checking a transition: the target status, or why not. */
export type TransitionCheck = { ok: true; to: CaseStatus; source: string } | { ok: false; message: string; source: string };

/**
 * Decides whether `transition` may leave `status`; `resumeStatus` is needed for RESUME. `lawDate` (the
 * day the case was received, 'YYYY-MM-DD') selects the citation version; default: today's law.
 */
export function checkTransition(
  status: CaseStatus,
  transition: CaseTransition,
  resumeStatus?: CaseStatus | null,
  lawDate: LocalDate = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10),
): TransitionCheck {
  const rule = TRANSITIONS[transition];
  const source = citeAll(rule.citations, lawDate);
  if (!rule.from.includes(status)) {
    const why =
      status === CaseStatus.TERMINATED
        ? `việc đã đình chỉ thi hành án không thể mở lại (${cite('TERMINATION', lawDate)})`
        : FINAL_STATUSES.has(status)
          ? 'việc đã kết thúc'
          : `chỉ thực hiện được khi việc ở trạng thái: ${rule.from.map((s) => STATUS_LABEL_VI[s]).join(', ')}`;
    return {
      ok: false,
      source,
      message: `Không thể thực hiện "${transition}" khi việc đang ở trạng thái "${STATUS_LABEL_VI[status]}": ${why}.`,
    };
  }
  const to = rule.to === 'RESUME_STATUS' ? resumeStatus : rule.to;
  if (!to) return { ok: false, source, message: 'Không xác định được trạng thái để tiếp tục thi hành.' };
  return { ok: true, to, source };
}

/** A step that may be taken now (see `availableTransitions`). */
export interface TransitionOption {
  transition: CaseTransition;
  to: CaseStatus;
  legalSource: string;
  needsReason: boolean;
}

/**
 * The steps the transition table allows from `status`, each with its target, legal source (the version
 * in force on `lawDate`) and whether a reason is required — what the web app offers, so no screen
 * repeats the table. Checks made only when the step is taken (the voluntary period, open obligations)
 * still refuse it then, naming the rule.
 */
export function availableTransitions(
  status: CaseStatus,
  resumeStatus: CaseStatus | null | undefined,
  lawDate: LocalDate,
): TransitionOption[] {
  return Object.values(CaseTransition).flatMap((transition) => {
    const check = checkTransition(status, transition, resumeStatus, lawDate);
    return check.ok ? [{ transition, to: check.to, legalSource: check.source, needsReason: TRANSITIONS[transition].needsReason }] : [];
  });
}
