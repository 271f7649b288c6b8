import { ruleViolation, type AppError } from '../../errors';
import { citeAll, type CitationCode, toLocalDate, type LegalCalendar, type LocalDate } from '../calendar/calendar.surface';

/**
 * The coercion rules of DOMAIN.md (1–3, 7), each enforced here and nowhere else, with its legal
 * source taken from the versioned citation table (legal-rules.ts): the version in force on the case's
 * law date (the day it was received) or, for the forbidden times, on the day of the coercion. Every
 * check is pure and returns the AppError to throw, or null. Machine-readable rule codes go in `extensions.ruleCode` (`extensions.code` stays the error code).
 *
 * Refusals are all RULE_VIOLATION with `rule` = the source (extensions.rule), including an incomplete
 * plan: the plan's contents are a legal requirement (Điều 72), not a form-validation detail, and the
 * missing fields are listed in `extensions.missingFields`.
 */
export const COERCION_CITATIONS = {
  PLAN_CONTENTS: ['COERCION_PLAN'],
  VOLUNTARY_PERIOD: ['VOLUNTARY_PERIOD'],
  FORBIDDEN_TIMES: ['FORBIDDEN_TIMES'],
  PROTECTION_PLAN: ['PROTECTION_PLAN'],
  LATE_POSTPONEMENT: ['POSTPONEMENT'],
} as const satisfies Record<string, readonly CitationCode[]>;

/** The date that selects the law version for a case: the local day it was received (docs/legal-calendar.md). */
export function lawDateOf(c: { receivedAt: Date }): LocalDate {
  return toLocalDate(c.receivedAt);
}

/** The legal source of a coercion rule for a case, from the citation table. */
export function coercionSource(rule: keyof typeof COERCION_CITATIONS, c: { receivedAt: Date }): string {
  return citeAll(COERCION_CITATIONS[rule], lawDateOf(c));
}

/** A coercion plan's contents as entered. */
export interface CoercionPlanContents {
  personCoerced?: string | null;
  measure?: string | null;
  scheduledStart?: Date | null;
  scheduledEnd?: Date | null;
  place?: string | null;
  method?: string | null;
  forces?: string | null;
  protection?: string | null;
  costEstimate?: string | null;
}

const PLAN_FIELDS_VI: Record<keyof CoercionPlanContents, string> = {
  personCoerced: 'người bị cưỡng chế',
  measure: 'biện pháp cưỡng chế',
  scheduledStart: 'thời gian bắt đầu',
  scheduledEnd: 'thời gian kết thúc',
  place: 'địa điểm',
  method: 'phương thức tiến hành',
  forces: 'thành phần tham gia',
  protection: 'lực lượng bảo vệ',
  costEstimate: 'dự trù chi phí cưỡng chế',
};

/** Rule 3 (Điều 72 khoản 2): the plan states the person, measure, time, place, method, forces, protection and cost. */
export function checkPlanContents(plan: CoercionPlanContents, c: { receivedAt: Date }): AppError | null {
  const missing = (Object.keys(PLAN_FIELDS_VI) as Array<keyof CoercionPlanContents>).filter((k) => {
    const v = plan[k];
    return v == null || (typeof v === 'string' && !v.trim());
  });
  if (!missing.length) return null;
  return ruleViolation(
    `Kế hoạch cưỡng chế còn thiếu: ${missing.map((k) => PLAN_FIELDS_VI[k]).join(', ')}. Kế hoạch phải ghi rõ người bị cưỡng chế, biện pháp, thời gian, địa điểm, phương thức, thành phần, lực lượng bảo vệ và dự trù chi phí.`,
    coercionSource('PLAN_CONTENTS', c),
    { ruleCode: 'COERCION_PLAN_INCOMPLETE', missingFields: missing },
  );
}

/** Rule 1 (Điều 45): no coercion before the voluntary period ends, unless the case is flagged for urgent security measures. */
export function checkVoluntaryPeriod(
  c: { voluntaryPeriodEndsAt?: Date | null; urgentSecurity: boolean; receivedAt: Date },
  start: Date,
): AppError | null {
  if (c.urgentSecurity) return null;
  if (!c.voluntaryPeriodEndsAt) {
    return ruleViolation(
      'Chưa ghi nhận ngày đương sự nhận quyết định thi hành án nên chưa xác định được thời hạn tự nguyện; chưa thể lên kế hoạch cưỡng chế.',
      coercionSource('VOLUNTARY_PERIOD', c),
      { ruleCode: 'COERCION_BEFORE_VOLUNTARY_PERIOD_END' },
    );
  }
  if (start > c.voluntaryPeriodEndsAt) return null;
  return ruleViolation(
    `Thời hạn tự nguyện thi hành án kéo dài đến hết ${formatVi(c.voluntaryPeriodEndsAt)}; chỉ được cưỡng chế sau thời điểm đó, trừ khi việc được đánh dấu cần áp dụng biện pháp bảo đảm khẩn cấp.`,
    coercionSource('VOLUNTARY_PERIOD', c),
    { ruleCode: 'COERCION_BEFORE_VOLUNTARY_PERIOD_END', voluntaryPeriodEndsAt: c.voluntaryPeriodEndsAt.toISOString() },
  );
}

/** Rule 2 (Điều 46): not at night, on days off, public holidays or in the Tết window — the instance's legal calendar (official days off included) decides. */
export function checkForbiddenTimes(start: Date, end: Date, calendar: LegalCalendar): AppError | null {
  const refusals = calendar.forbiddenCoercionReasons(start, end);
  if (!refusals.length) return null;
  // Điều 46 judges the act: the version in force on the day of the coercion.
  return ruleViolation(refusals.map((r) => r.message).join(' '), citeAll(COERCION_CITATIONS.FORBIDDEN_TIMES, toLocalDate(start)), {
    ruleCode: refusals[0].code,
    ruleCodes: refusals.map((r) => r.code),
    sources: [...new Set(refusals.map((r) => r.source))],
    dates: [...new Set(refusals.flatMap((r) => r.dates))],
  });
}

/** Rule 3 (Điều 72 khoản 4): the police owe the protection plan within 3 working days of receiving the coercion plan. */
export function protectionPlanDueAt(planSentAt: Date, calendar: LegalCalendar): Date {
  return calendar.deadline('POLICE_PROTECTION_PLAN', planSentAt);
}

/** Rule 3 (Điều 72 khoản 4): a coercion cannot become ready until the police protection plan is recorded. */
export function checkProtectionPlanRecorded(
  action: { protectionPlanRecordedAt?: Date | null; protectionPlanDueAt?: Date | null },
  c: { receivedAt: Date },
): AppError | null {
  if (action.protectionPlanRecordedAt) return null;
  const due = action.protectionPlanDueAt ? ` (hạn: hết ${formatVi(action.protectionPlanDueAt)})` : '';
  return ruleViolation(
    `Cơ quan Công an chưa gửi kế hoạch bảo vệ cưỡng chế${due}; chưa thể chuyển cuộc cưỡng chế sang trạng thái sẵn sàng.`,
    coercionSource('PROTECTION_PLAN', c),
    { ruleCode: 'PROTECTION_PLAN_MISSING' },
  );
}

/** Minimum notice for a postponement request (Điều 48): 24 hours before the scheduled coercion. */
export const POSTPONEMENT_NOTICE_MS = 24 * 60 * 60 * 1000;

/** Rule 7 (Điều 48): a request arriving less than 24 h before the start is late (flagged, not refused: the officer decides). */
export function isLatePostponement(scheduledStart: Date, requestedAt: Date): boolean {
  return scheduledStart.getTime() - requestedAt.getTime() < POSTPONEMENT_NOTICE_MS;
}

const formatVi = (d: Date) => d.toLocaleString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh' });
