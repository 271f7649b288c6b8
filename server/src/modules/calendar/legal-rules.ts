/**
 * Legal rules used by the legal calendar, each defined ONCE with its legal source and the period
 * during which it is in force.
 *
 * Why versions: the article numbers below are those of Luật Thi hành án dân sự 26/2008/QH12 as amended
 * (Luật 64/2014/QH13, Luật 03/2022/QH15) and Nghị định 62/2015/NĐ-CP. The new Law on Civil Judgment
 * Enforcement 106/2025/QH15 (in force from 2026-07-01) renumbers them. A law change is handled by
 * APPENDING a version (and closing the previous one with `effectiveTo`), never by editing history, so
 * that an action dated before the change is still judged by the rule then in force.
 *
 * Pure data plus one selector; no I/O.
 */

/** A calendar date 'YYYY-MM-DD' in Viet Nam local time (Asia/Ho_Chi_Minh). */
export type LocalDate = string;

/** One version of a legal rule. */
export interface LegalRuleVersion<TCode extends string, TParams> {
  /** Stable machine code, e.g. 'COERCION_AT_NIGHT'. Shared by all versions of the same rule. */
  readonly code: TCode;
  /** First local date on which this version applies (inclusive). */
  readonly effectiveFrom: LocalDate;
  /** First local date on which this version no longer applies (exclusive); undefined = still in force. */
  readonly effectiveTo?: LocalDate;
  /** Short statement of the rule, in Vietnamese, as shown to officials. */
  readonly rule: string;
  /** Legal source (article, law), in Vietnamese. */
  readonly source: string;
  /** Machine-readable parameters of the rule (hours, day counts...). */
  readonly params: TParams;
}

/** Codes of the rules that forbid a coercion at a given time (Điều 46). */
export type CoercionRuleCode =
  | 'COERCION_AT_NIGHT'
  | 'COERCION_ON_DAY_OFF'
  | 'COERCION_ON_PUBLIC_HOLIDAY'
  | 'COERCION_IN_TET_WINDOW';

/** All coercion rule codes, in the order reasons are reported. */
export const COERCION_RULE_CODES: readonly CoercionRuleCode[] = [
  'COERCION_AT_NIGHT',
  'COERCION_ON_DAY_OFF',
  'COERCION_ON_PUBLIC_HOLIDAY',
  'COERCION_IN_TET_WINDOW',
];

/** Parameters of the night rule: forbidden local time window [startMinute, 24:00) ∪ [00:00, endMinute). */
export interface NightRuleParams {
  /** Minutes after local midnight at which the night starts (22:00 → 1320). */
  readonly nightStartMinute: number;
  /** Minutes after local midnight at which the night ends (06:00 → 360). */
  readonly nightEndMinute: number;
}

/** Parameters of the Tết rule: forbidden local dates [tết − daysBefore, tết + daysAfter]. */
export interface TetWindowParams {
  readonly daysBefore: number;
  readonly daysAfter: number;
}

/** Parameters for rules without numeric parameters. */
export type NoParams = Readonly<Record<string, never>>;

/** Parameter type of each coercion rule code. */
export interface CoercionRuleParams {
  COERCION_AT_NIGHT: NightRuleParams;
  COERCION_ON_DAY_OFF: NoParams;
  COERCION_ON_PUBLIC_HOLIDAY: NoParams;
  COERCION_IN_TET_WINDOW: TetWindowParams;
}

/** A version of a coercion rule, typed by its code. */
export type CoercionRuleVersion<C extends CoercionRuleCode = CoercionRuleCode> = {
  [K in C]: LegalRuleVersion<K, CoercionRuleParams[K]>;
}[C];

/** Source string shared by the Điều 46 rules of the 2008 law as amended. */
const DIEU_46_LUAT_THADS_2008 =
  'Khoản 2 Điều 46 Luật Thi hành án dân sự số 26/2008/QH12 (sửa đổi, bổ sung năm 2014, 2022)';

/** Date Luật THADS 26/2008/QH12 came into force. */
const LUAT_THADS_2008_IN_FORCE: LocalDate = '2009-07-01';

/**
 * Coercion time rules, keyed by code; each value lists the versions of the rule in chronological order.
 *
 * To record a law change: set `effectiveTo` on the last version and append a new version with the new
 * source/params and `effectiveFrom` equal to that date. Versions of one code must not overlap.
 */
export const COERCION_RULES: { readonly [K in CoercionRuleCode]: readonly CoercionRuleVersion<K>[] } = {
  COERCION_AT_NIGHT: [
    {
      code: 'COERCION_AT_NIGHT',
      effectiveFrom: LUAT_THADS_2008_IN_FORCE,
      rule: 'Không tổ chức cưỡng chế thi hành án trong thời gian từ 22 giờ đến 06 giờ sáng ngày hôm sau.',
      source: DIEU_46_LUAT_THADS_2008,
      params: { nightStartMinute: 22 * 60, nightEndMinute: 6 * 60 },
    },
  ],
  COERCION_ON_DAY_OFF: [
    {
      code: 'COERCION_ON_DAY_OFF',
      effectiveFrom: LUAT_THADS_2008_IN_FORCE,
      rule: 'Không tổ chức cưỡng chế thi hành án vào các ngày nghỉ (thứ Bảy, Chủ nhật, ngày nghỉ bù, ngày nghỉ theo quyết định của cơ quan có thẩm quyền).',
      source: DIEU_46_LUAT_THADS_2008,
      params: {},
    },
  ],
  COERCION_ON_PUBLIC_HOLIDAY: [
    {
      code: 'COERCION_ON_PUBLIC_HOLIDAY',
      effectiveFrom: LUAT_THADS_2008_IN_FORCE,
      rule: 'Không tổ chức cưỡng chế thi hành án vào các ngày lễ theo quy định của pháp luật.',
      source: `${DIEU_46_LUAT_THADS_2008}; Điều 112 Bộ luật Lao động 2019`,
      params: {},
    },
  ],
  COERCION_IN_TET_WINDOW: [
    {
      code: 'COERCION_IN_TET_WINDOW',
      effectiveFrom: LUAT_THADS_2008_IN_FORCE,
      rule: 'Không tổ chức cưỡng chế thi hành án trong thời gian 15 ngày trước và sau Tết Nguyên đán.',
      source: `${DIEU_46_LUAT_THADS_2008}; chỉ thị, hướng dẫn hằng năm của Bộ Tư pháp (Cục/Tổng cục Thi hành án dân sự) về công tác thi hành án dịp Tết`,
      params: { daysBefore: 15, daysAfter: 15 },
    },
  ],
};

/** Codes of day-count deadlines used by the enforcement workflow. */
export type DeadlineRuleCode =
  | 'VOLUNTARY_PERIOD'
  | 'ENFORCEMENT_DECISION'
  | 'NOTIFICATION'
  | 'VERIFICATION'
  | 'REVERIFICATION_ON_PROCURACY_OBJECTION'
  | 'POLICE_PROTECTION_PLAN';

/** How a deadline is counted: calendar days or working days (see LegalCalendar.deadline). */
export interface DeadlineParams {
  readonly unit: 'calendarDays' | 'workingDays';
  readonly amount: number;
}

/** A version of a deadline rule. */
export type DeadlineRuleVersion = LegalRuleVersion<DeadlineRuleCode, DeadlineParams>;

/**
 * Deadline rules, keyed by code (same versioning convention as COERCION_RULES).
 * `from` for each deadline (what starts the clock) is stated in `rule`.
 */
export const DEADLINE_RULES: { readonly [K in DeadlineRuleCode]: readonly DeadlineRuleVersion[] } = {
  VOLUNTARY_PERIOD: [
    {
      code: 'VOLUNTARY_PERIOD',
      effectiveFrom: LUAT_THADS_2008_IN_FORCE,
      rule: 'Thời hạn tự nguyện thi hành án là 10 ngày, kể từ ngày người phải thi hành án nhận được hoặc được thông báo hợp lệ quyết định thi hành án.',
      source: 'Khoản 1 Điều 45 Luật Thi hành án dân sự số 26/2008/QH12 (sửa đổi, bổ sung năm 2014, 2022)',
      params: { unit: 'calendarDays', amount: 10 },
    },
  ],
  ENFORCEMENT_DECISION: [
    {
      code: 'ENFORCEMENT_DECISION',
      effectiveFrom: LUAT_THADS_2008_IN_FORCE,
      rule: 'Ra quyết định thi hành án trong thời hạn 5 ngày làm việc, kể từ ngày nhận được bản án, quyết định hoặc đơn yêu cầu thi hành án.',
      source: 'Điều 36 Luật Thi hành án dân sự số 26/2008/QH12 (sửa đổi, bổ sung năm 2014, 2022)',
      params: { unit: 'workingDays', amount: 5 },
    },
  ],
  NOTIFICATION: [
    {
      code: 'NOTIFICATION',
      effectiveFrom: LUAT_THADS_2008_IN_FORCE,
      rule: 'Thông báo về thi hành án trong thời hạn 3 ngày làm việc, kể từ ngày ra văn bản.',
      source: 'Điều 39 Luật Thi hành án dân sự số 26/2008/QH12 (sửa đổi, bổ sung năm 2014, 2022)',
      params: { unit: 'workingDays', amount: 3 },
    },
  ],
  VERIFICATION: [
    {
      code: 'VERIFICATION',
      effectiveFrom: LUAT_THADS_2008_IN_FORCE,
      rule: 'Xác minh điều kiện thi hành án trong thời hạn 10 ngày, kể từ ngày hết thời hạn tự nguyện thi hành án.',
      source: 'Điều 44 Luật Thi hành án dân sự số 26/2008/QH12 (sửa đổi, bổ sung năm 2014, 2022)',
      params: { unit: 'calendarDays', amount: 10 },
    },
  ],
  REVERIFICATION_ON_PROCURACY_OBJECTION: [
    {
      code: 'REVERIFICATION_ON_PROCURACY_OBJECTION',
      effectiveFrom: LUAT_THADS_2008_IN_FORCE,
      rule: 'Xác minh lại trong thời hạn 5 ngày làm việc, kể từ ngày nhận được yêu cầu của Viện kiểm sát.',
      source: 'Điều 44 Luật Thi hành án dân sự số 26/2008/QH12 (sửa đổi, bổ sung năm 2014, 2022)',
      params: { unit: 'workingDays', amount: 5 },
    },
  ],
  POLICE_PROTECTION_PLAN: [
    {
      code: 'POLICE_PROTECTION_PLAN',
      effectiveFrom: LUAT_THADS_2008_IN_FORCE,
      rule: 'Cơ quan Công an lập kế hoạch bảo vệ cưỡng chế trong thời hạn 3 ngày làm việc, kể từ ngày nhận được kế hoạch cưỡng chế.',
      source: 'Điều 72 Luật Thi hành án dân sự số 26/2008/QH12 (sửa đổi, bổ sung năm 2014, 2022)',
      params: { unit: 'workingDays', amount: 3 },
    },
  ],
};

/**
 * Returns the version of a rule in force on a local date (effectiveFrom ≤ date < effectiveTo),
 * or undefined when no version applies (e.g. a date before the first law). LocalDate strings
 * compare correctly as text because they are zero-padded 'YYYY-MM-DD'.
 */
export function ruleVersionInForce<V extends LegalRuleVersion<string, unknown>>(
  versions: readonly V[],
  onDate: LocalDate,
): V | undefined {
  return versions.find(
    (v) => v.effectiveFrom <= onDate && (v.effectiveTo === undefined || onDate < v.effectiveTo),
  );
}
