import { ruleViolation, type AppError } from '../../errors';
import type { LegalCalendar } from '../calendar/legal-calendar';

/**
 * The coercion rules of DOMAIN.md (1–3, 7), each enforced here and nowhere else, with its legal
 * source (Luật THADS 26/2008 as amended 2014–2022; the 2025 law renumbers them: add a version with
 * its `effectiveFrom`, as legal-rules.ts does, rather than editing these). Every check is pure and
 * returns the AppError to throw, or null. Machine-readable rule codes go in `extensions.ruleCode` (`extensions.code` stays the error code).
 *
 * Refusals are all RULE_VIOLATION with `rule` = the source (extensions.rule), including an incomplete
 * plan: the plan's contents are a legal requirement (Điều 72), not a form-validation detail, and the
 * missing fields are listed in `extensions.missingFields`.
 */
export const COERCION_RULES = {
  PLAN_CONTENTS: { source: 'Điều 72 Luật THADS', effectiveFrom: '2009-07-01' },
  VOLUNTARY_PERIOD: { source: 'Điều 45 Luật THADS', effectiveFrom: '2009-07-01' },
  FORBIDDEN_TIMES: { source: 'Điều 46 Luật THADS', effectiveFrom: '2009-07-01' },
  PROTECTION_PLAN: { source: 'Điều 72 khoản 3 Luật THADS', effectiveFrom: '2009-07-01' },
  LATE_POSTPONEMENT: { source: 'Điều 48 Luật THADS', effectiveFrom: '2009-07-01' },
} as const;

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
export function checkPlanContents(plan: CoercionPlanContents): AppError | null {
  const missing = (Object.keys(PLAN_FIELDS_VI) as Array<keyof CoercionPlanContents>).filter((k) => {
    const v = plan[k];
    return v == null || (typeof v === 'string' && !v.trim());
  });
  if (!missing.length) return null;
  return ruleViolation(
    `Kế hoạch cưỡng chế còn thiếu: ${missing.map((k) => PLAN_FIELDS_VI[k]).join(', ')}. Kế hoạch phải ghi rõ người bị cưỡng chế, biện pháp, thời gian, địa điểm, phương thức, thành phần, lực lượng bảo vệ và dự trù chi phí.`,
    COERCION_RULES.PLAN_CONTENTS.source,
    { ruleCode: 'COERCION_PLAN_INCOMPLETE', missingFields: missing },
  );
}

/** Rule 1 (Điều 45): no coercion before the voluntary period ends, unless the case is flagged for urgent security measures. */
export function checkVoluntaryPeriod(c: { voluntaryPeriodEndsAt?: Date | null; urgentSecurity: boolean }, start: Date): AppError | null {
  if (c.urgentSecurity) return null;
  if (!c.voluntaryPeriodEndsAt) {
    return ruleViolation(
      'Chưa ghi nhận ngày đương sự nhận quyết định thi hành án nên chưa xác định được thời hạn tự nguyện; chưa thể lên kế hoạch cưỡng chế.',
      COERCION_RULES.VOLUNTARY_PERIOD.source,
      { ruleCode: 'COERCION_BEFORE_VOLUNTARY_PERIOD_END' },
    );
  }
  if (start > c.voluntaryPeriodEndsAt) return null;
  return ruleViolation(
    `Thời hạn tự nguyện thi hành án kéo dài đến hết ${formatVi(c.voluntaryPeriodEndsAt)}; chỉ được cưỡng chế sau thời điểm đó, trừ khi việc được đánh dấu cần áp dụng biện pháp bảo đảm khẩn cấp.`,
    COERCION_RULES.VOLUNTARY_PERIOD.source,
    { ruleCode: 'COERCION_BEFORE_VOLUNTARY_PERIOD_END', voluntaryPeriodEndsAt: c.voluntaryPeriodEndsAt.toISOString() },
  );
}

/** Rule 2 (Điều 46): not at night, on days off, public holidays or in the Tết window — the instance's legal calendar (official days off included) decides. */
export function checkForbiddenTimes(start: Date, end: Date, calendar: LegalCalendar): AppError | null {
  const refusals = calendar.forbiddenCoercionReasons(start, end);
  if (!refusals.length) return null;
  return ruleViolation(refusals.map((r) => r.message).join(' '), COERCION_RULES.FORBIDDEN_TIMES.source, {
    ruleCode: refusals[0].code,
    ruleCodes: refusals.map((r) => r.code),
    sources: [...new Set(refusals.map((r) => r.source))],
    dates: [...new Set(refusals.flatMap((r) => r.dates))],
  });
}

/** Rule 3 (Điều 72 khoản 3): the police owe the protection plan within 3 working days of receiving the coercion plan. */
export function protectionPlanDueAt(planSentAt: Date, calendar: LegalCalendar): Date {
  return calendar.deadline('POLICE_PROTECTION_PLAN', planSentAt);
}

/** Rule 3 (Điều 72 khoản 3): a coercion cannot become ready until the police protection plan is recorded. */
export function checkProtectionPlanRecorded(action: { protectionPlanRecordedAt?: Date | null; protectionPlanDueAt?: Date | null }): AppError | null {
  if (action.protectionPlanRecordedAt) return null;
  const due = action.protectionPlanDueAt ? ` (hạn: hết ${formatVi(action.protectionPlanDueAt)})` : '';
  return ruleViolation(
    `Cơ quan Công an chưa gửi kế hoạch bảo vệ cưỡng chế${due}; chưa thể chuyển cuộc cưỡng chế sang trạng thái sẵn sàng.`,
    COERCION_RULES.PROTECTION_PLAN.source,
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
