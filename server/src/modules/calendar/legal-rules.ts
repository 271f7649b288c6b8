/**
 * Legal rules and citations, each defined ONCE with its legal source and the period during which it is
 * in force — the one versioned table of the law for the whole server.
 *
 * Why versions: the article numbers of the first versions are those of Luật Thi hành án dân sự
 * 26/2008/QH12 as amended (Luật 64/2014/QH13, Luật 03/2022/QH15) and Nghị định 62/2015/NĐ-CP. The new
 * Law on Civil Judgment Enforcement 106/2025/QH15 is in force from 2026-07-01 and renumbers them. Its
 * article numbers have NOT been verified against the official text here, so its versions cite
 * "Luật THADS 2025 (106/2025/QH15)", name the subject of the rule and carry `verified: false` — they never
 * show a 2008 article number as if it applied. Where the substance carried over the parameters are kept.
 * A law change is handled by APPENDING a version (and closing the previous one with `effectiveTo`),
 * never by editing history, so that an act dated before the change is still judged by the rule then in
 * force. Which date is "relevant" is decided by the caller (see docs/legal-calendar.md): the day of the
 * coercion for forbidden times, the day the case was received for everything else about a case.
 *
 * Pure data plus selectors; no I/O. Every citation the API returns comes from `cite` (a test proves it).
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
  /** False when the article number of the source has not been checked against the official text. */
  readonly verified: boolean;
  /** Machine-readable parameters of the rule (hours, day counts...). */
  readonly params: TParams;
}

// ---------------------------------------------------------------------------------------------
// Law versions and citations
// ---------------------------------------------------------------------------------------------

/** Date Luật THADS 26/2008/QH12 came into force. */
export const LUAT_THADS_2008_IN_FORCE: LocalDate = '2009-07-01';
/** Date Luật THADS 106/2025/QH15 came into force (and the 2008 law ceased to apply). */
export const LUAT_THADS_2025_IN_FORCE: LocalDate = '2026-07-01';
/** Date Nghị định 62/2015/NĐ-CP came into force (its Điều 13 khoản 2 sets the Tết window). */
const NGHI_DINH_62_2015_IN_FORCE: LocalDate = '2015-09-15';

const LAW_2008 = 'Luật Thi hành án dân sự số 26/2008/QH12 (sửa đổi, bổ sung năm 2014, 2022)';
/** How every 2025-law citation starts; the article is named by subject, marked unverified. */
export const LAW_2025_LABEL = 'Luật THADS 2025 (106/2025/QH15)';
const UNVERIFIED_NOTE = 'số điều, khoản chưa được đối chiếu với văn bản chính thức';
const DECREE_62_TET = 'Khoản 2 Điều 13 Nghị định 62/2015/NĐ-CP';

/** Codes of every citation the server can return (errors, events, deadlines). */
export type CitationCode =
  | 'ENFORCEMENT_DECISION'
  | 'NOTIFICATION'
  | 'VERIFICATION'
  | 'NOT_YET_ENFORCEABLE'
  | 'VOLUNTARY_PERIOD'
  | 'FORBIDDEN_TIMES'
  | 'TET_WINDOW'
  | 'TET_WINDOW_DECREE'
  | 'POSTPONEMENT'
  | 'SUSPENSION'
  | 'TERMINATION'
  | 'RETURN_OF_REQUEST'
  | 'ENTRUSTMENT'
  | 'COMPLETION'
  | 'COERCION_PLAN'
  | 'PROTECTION_PLAN'
  | 'URGENT_FREEZE'
  | 'DAY_COUNT_ROLL_OVER'
  | 'PUBLIC_HOLIDAYS'
  | 'SECOND_NATIONAL_DAY'
  | 'COMPENSATORY_DAY_OFF';

/** One version of a citation. */
export interface CitationVersion {
  readonly code: CitationCode;
  readonly effectiveFrom: LocalDate;
  readonly effectiveTo?: LocalDate;
  /** The citation as shown to officials, in Vietnamese. */
  readonly text: string;
  /** False when the article number has not been checked against the official text (2025 law). */
  readonly verified: boolean;
}

/** A THADS-law citation: the 2008 article until 2026-07-01, then the 2025 law by subject, unverified. */
function thads(code: CitationCode, article2008: string, subject: string): CitationVersion[] {
  return [
    {
      code,
      effectiveFrom: LUAT_THADS_2008_IN_FORCE,
      effectiveTo: LUAT_THADS_2025_IN_FORCE,
      text: `${article2008} ${LAW_2008}`,
      verified: true,
    },
    {
      code,
      effectiveFrom: LUAT_THADS_2025_IN_FORCE,
      text: `${LAW_2025_LABEL}, quy định về ${subject} (${UNVERIFIED_NOTE})`,
      verified: false,
    },
  ];
}

/** A citation of a law other than the THADS law, unchanged since `from`. */
function fixed(code: CitationCode, from: LocalDate, text: string): CitationVersion[] {
  return [{ code, effectiveFrom: from, text, verified: true }];
}

/**
 * Every citation, by code, its versions in chronological order (they must not overlap; a test checks).
 * The NĐ 62/2015 Tết window is kept under the 2025 law until a decree guiding it is entered here.
 */
export const CITATIONS: { readonly [K in CitationCode]: readonly CitationVersion[] } = {
  ENFORCEMENT_DECISION: thads('ENFORCEMENT_DECISION', 'Điều 36', 'thời hạn ra quyết định thi hành án'),
  NOTIFICATION: thads('NOTIFICATION', 'Điều 39', 'thông báo về thi hành án'),
  VERIFICATION: thads('VERIFICATION', 'Điều 44', 'xác minh điều kiện thi hành án'),
  NOT_YET_ENFORCEABLE: thads('NOT_YET_ENFORCEABLE', 'Điều 44a', 'xác định việc chưa có điều kiện thi hành'),
  VOLUNTARY_PERIOD: thads('VOLUNTARY_PERIOD', 'Khoản 1 Điều 45', 'thời hạn tự nguyện thi hành án'),
  FORBIDDEN_TIMES: thads('FORBIDDEN_TIMES', 'Khoản 2 Điều 46', 'thời gian không được cưỡng chế thi hành án'),
  TET_WINDOW: [
    {
      code: 'TET_WINDOW',
      effectiveFrom: LUAT_THADS_2008_IN_FORCE,
      effectiveTo: NGHI_DINH_62_2015_IN_FORCE,
      text: `Khoản 2 Điều 46 ${LAW_2008}`,
      verified: true,
    },
    {
      code: 'TET_WINDOW',
      effectiveFrom: NGHI_DINH_62_2015_IN_FORCE,
      effectiveTo: LUAT_THADS_2025_IN_FORCE,
      text: `${DECREE_62_TET}; khoản 2 Điều 46 ${LAW_2008}`,
      verified: true,
    },
    {
      code: 'TET_WINDOW',
      effectiveFrom: LUAT_THADS_2025_IN_FORCE,
      text: `${DECREE_62_TET}; ${LAW_2025_LABEL}, quy định về thời gian không được cưỡng chế (${UNVERIFIED_NOTE})`,
      verified: false,
    },
  ],
  TET_WINDOW_DECREE: fixed('TET_WINDOW_DECREE', NGHI_DINH_62_2015_IN_FORCE, DECREE_62_TET),
  POSTPONEMENT: thads('POSTPONEMENT', 'Điều 48', 'hoãn thi hành án'),
  SUSPENSION: thads('SUSPENSION', 'Điều 49', 'tạm đình chỉ thi hành án'),
  TERMINATION: thads('TERMINATION', 'Điều 50', 'đình chỉ thi hành án'),
  RETURN_OF_REQUEST: thads('RETURN_OF_REQUEST', 'Điều 51', 'trả đơn yêu cầu thi hành án'),
  ENTRUSTMENT: thads('ENTRUSTMENT', 'Điều 55', 'ủy thác thi hành án'),
  COMPLETION: thads('COMPLETION', 'Điều 52', 'kết thúc thi hành án'),
  COERCION_PLAN: thads('COERCION_PLAN', 'Điều 72', 'kế hoạch cưỡng chế thi hành án'),
  PROTECTION_PLAN: thads('PROTECTION_PLAN', 'Khoản 4 Điều 72', 'kế hoạch bảo vệ cưỡng chế của cơ quan Công an'),
  URGENT_FREEZE: thads('URGENT_FREEZE', 'Điều 67', 'phong tỏa tài khoản'),
  DAY_COUNT_ROLL_OVER: fixed('DAY_COUNT_ROLL_OVER', '2017-01-01', 'Khoản 5 Điều 148 Bộ luật Dân sự 2015'),
  PUBLIC_HOLIDAYS: fixed('PUBLIC_HOLIDAYS', '2021-01-01', 'Khoản 1 Điều 112 Bộ luật Lao động 2019'),
  SECOND_NATIONAL_DAY: fixed(
    'SECOND_NATIONAL_DAY',
    '2021-01-01',
    'Điểm đ khoản 1 Điều 112 Bộ luật Lao động 2019 (ngày liền kề theo quy tắc mặc định; Thủ tướng quyết định hằng năm)',
  ),
  COMPENSATORY_DAY_OFF: fixed('COMPENSATORY_DAY_OFF', '2021-01-01', 'Khoản 3 Điều 111 Bộ luật Lao động 2019'),
};

/** The citation in force on a local date; before the first version, the first one (never undefined). */
export function citationVersion(code: CitationCode, onDate: LocalDate): CitationVersion {
  const versions = CITATIONS[code];
  return ruleVersionInForce(versions, onDate) ?? versions[0];
}

/** The citation text of `code` in force on a local date ('YYYY-MM-DD', Viet Nam). */
export function cite(code: CitationCode, onDate: LocalDate): string {
  return citationVersion(code, onDate).text;
}

/** Several citations joined ("Điều 39 …; Điều 45 …"), each in force on the date. */
export function citeAll(codes: readonly CitationCode[], onDate: LocalDate): string {
  return codes.map((c) => cite(c, onDate)).join('; ');
}

// ---------------------------------------------------------------------------------------------
// Coercion time rules (Điều 46)
// ---------------------------------------------------------------------------------------------

/** Codes of the rules that forbid a coercion at a given time (Điều 46). */
export type CoercionRuleCode = 'COERCION_AT_NIGHT' | 'COERCION_ON_DAY_OFF' | 'COERCION_ON_PUBLIC_HOLIDAY' | 'COERCION_IN_TET_WINDOW';

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

/** The versions of a rule, one per version of its citation, with the same rule text and params. */
function ruleVersions<C extends string, P>(
  code: C,
  citation: CitationCode,
  rule: string,
  params: P,
  extra?: (v: CitationVersion) => string,
): LegalRuleVersion<C, P>[] {
  return CITATIONS[citation].map((v) => ({
    code,
    effectiveFrom: v.effectiveFrom,
    ...(v.effectiveTo ? { effectiveTo: v.effectiveTo } : {}),
    rule,
    source: extra ? `${v.text}; ${extra(v)}` : v.text,
    verified: v.verified,
    params,
  }));
}

/**
 * Coercion time rules, keyed by code; each value lists the versions of the rule in chronological order
 * (derived from the versions of their citations). Versions of one code must not overlap.
 */
export const COERCION_RULES: { readonly [K in CoercionRuleCode]: readonly CoercionRuleVersion<K>[] } = {
  COERCION_AT_NIGHT: ruleVersions(
    'COERCION_AT_NIGHT',
    'FORBIDDEN_TIMES',
    'Không tổ chức cưỡng chế thi hành án trong thời gian từ 22 giờ đến 06 giờ sáng ngày hôm sau.',
    { nightStartMinute: 22 * 60, nightEndMinute: 6 * 60 },
  ),
  COERCION_ON_DAY_OFF: ruleVersions(
    'COERCION_ON_DAY_OFF',
    'FORBIDDEN_TIMES',
    'Không tổ chức cưỡng chế thi hành án vào các ngày nghỉ (thứ Bảy, Chủ nhật, ngày nghỉ theo quyết định của cơ quan có thẩm quyền).',
    {},
  ),
  COERCION_ON_PUBLIC_HOLIDAY: ruleVersions(
    'COERCION_ON_PUBLIC_HOLIDAY',
    'FORBIDDEN_TIMES',
    'Không tổ chức cưỡng chế thi hành án vào các ngày lễ, Tết, ngày nghỉ bù và ngày nghỉ Quốc khánh liền kề theo quy định của pháp luật lao động.',
    {},
    () => `${cite('PUBLIC_HOLIDAYS', '2021-01-01')}; ${cite('COMPENSATORY_DAY_OFF', '2021-01-01')}`,
  ),
  COERCION_IN_TET_WINDOW: ruleVersions(
    'COERCION_IN_TET_WINDOW',
    'TET_WINDOW',
    'Không tổ chức cưỡng chế thi hành án trong thời gian 15 ngày trước Tết Nguyên đán và 15 ngày sau ba ngày Tết (từ ngày 16 tháng Chạp đến ngày 18 tháng Giêng âm lịch).',
    { daysBefore: 15, daysAfter: 17 },
  ),
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
  /**
   * Calendar-day periods only: a last day that is a day off moves to the end of the next working day
   * (khoản 5 Điều 148 Bộ luật Dân sự 2015). On for every period the law counts in days.
   */
  readonly rollOverDaysOff?: boolean;
}

/** A version of a deadline rule. */
export type DeadlineRuleVersion = LegalRuleVersion<DeadlineRuleCode, DeadlineParams>;

/** The versions of a deadline of `days` working days. */
const workingDays = (code: DeadlineRuleCode, citation: CitationCode, rule: string, days: number) =>
  ruleVersions<DeadlineRuleCode, DeadlineParams>(code, citation, rule, { unit: 'workingDays', amount: days });

/**
 * The versions of a deadline of `days` calendar days whose last day, when a day off, moves to the end of
 * the next working day: the rule text says so and the source cites khoản 5 Điều 148 BLDS 2015 after its own.
 */
const calendarDaysRolledOver = (code: DeadlineRuleCode, citation: CitationCode, rule: string, days: number) =>
  ruleVersions<DeadlineRuleCode, DeadlineParams>(
    code,
    citation,
    `${rule}; ngày cuối cùng là ngày nghỉ thì thời hạn kết thúc vào cuối ngày làm việc tiếp theo.`,
    { unit: 'calendarDays', amount: days, rollOverDaysOff: true },
    () => cite('DAY_COUNT_ROLL_OVER', '2017-01-01'),
  );

/**
 * Deadline rules, keyed by code (same versioning convention as COERCION_RULES).
 * `from` for each deadline (what starts the clock) is stated in `rule`.
 */
export const DEADLINE_RULES: { readonly [K in DeadlineRuleCode]: readonly DeadlineRuleVersion[] } = {
  VOLUNTARY_PERIOD: calendarDaysRolledOver(
    'VOLUNTARY_PERIOD',
    'VOLUNTARY_PERIOD',
    'Thời hạn tự nguyện thi hành án là 10 ngày, kể từ ngày người phải thi hành án nhận được hoặc được thông báo hợp lệ quyết định thi hành án',
    10,
  ),
  ENFORCEMENT_DECISION: workingDays(
    'ENFORCEMENT_DECISION',
    'ENFORCEMENT_DECISION',
    'Ra quyết định thi hành án trong thời hạn 5 ngày làm việc, kể từ ngày nhận được bản án, quyết định hoặc đơn yêu cầu thi hành án.',
    5,
  ),
  NOTIFICATION: workingDays(
    'NOTIFICATION',
    'NOTIFICATION',
    'Thông báo về thi hành án trong thời hạn 3 ngày làm việc, kể từ ngày ra văn bản.',
    3,
  ),
  VERIFICATION: calendarDaysRolledOver(
    'VERIFICATION',
    'VERIFICATION',
    'Xác minh điều kiện thi hành án trong thời hạn 10 ngày, kể từ ngày hết thời hạn tự nguyện thi hành án',
    10,
  ),
  REVERIFICATION_ON_PROCURACY_OBJECTION: workingDays(
    'REVERIFICATION_ON_PROCURACY_OBJECTION',
    'VERIFICATION',
    'Xác minh lại trong thời hạn 5 ngày làm việc, kể từ ngày nhận được yêu cầu của Viện kiểm sát.',
    5,
  ),
  POLICE_PROTECTION_PLAN: workingDays(
    'POLICE_PROTECTION_PLAN',
    'PROTECTION_PLAN',
    'Cơ quan Công an lập kế hoạch bảo vệ cưỡng chế trong thời hạn 3 ngày làm việc, kể từ ngày nhận được kế hoạch cưỡng chế.',
    3,
  ),
};

/**
 * Returns the version of a rule in force on a local date (effectiveFrom ≤ date < effectiveTo),
 * or undefined when no version applies (e.g. a date before the first law). LocalDate strings
 * compare correctly as text because they are zero-padded 'YYYY-MM-DD'.
 */
export function ruleVersionInForce<V extends { readonly effectiveFrom: LocalDate; readonly effectiveTo?: LocalDate }>(
  versions: readonly V[],
  onDate: LocalDate,
): V | undefined {
  return versions.find((v) => v.effectiveFrom <= onDate && (v.effectiveTo === undefined || onDate < v.effectiveTo));
}
