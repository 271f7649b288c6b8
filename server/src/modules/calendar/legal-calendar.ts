/**
 * The legal calendar: working days, public holidays, Tết, deadlines and the times at which a
 * coercion (cưỡng chế) is forbidden. Pure: no database, no clock (except an optional default "now").
 *
 * TIME ZONE. Every "local date" / "local time" here is Viet Nam time, Asia/Ho_Chi_Minh, computed with a
 * FIXED offset of UTC+7, never with the process time zone (TZ) of the machine. A fixed offset is exact
 * because Viet Nam has used UTC+7 without daylight saving time since 1975 (the South used UTC+8 before
 * reunification); dates before 1976 are out of scope for this product.
 *
 * PUBLIC HOLIDAYS come from the `date-holidays` library (`new Holidays('VN')`). Of the types it returns
 * for VN ('public' and 'observance'), only 'public' is counted: these are the paid days off of Điều 112
 * Bộ luật Lao động 2019 (Tết Dương lịch 1/1; Tết Nguyên đán = lunar New Year's Eve + 4 days;
 * Giỗ Tổ Hùng Vương 10/3 lunar; 30/4; 1/5; Quốc khánh 2/9). 'observance' days (Ông Táo, 8/3, 20/10,
 * Vu Lan...) are commemorations on which people work.
 *
 * DERIVED DAYS OFF are computed here by rule for every year (the library knows none of them): the second
 * Quốc khánh day (điểm đ khoản 1 Điều 112 BLLĐ 2019: 2/9 "and one adjacent day" — by default the weekday
 * next to the weekend, else 1/9; see `secondNationalDay`) and the compensatory days off (nghỉ bù, khoản 3
 * Điều 111 BLLĐ 2019: a holiday day on a Saturday or Sunday gives the next working day off). The Prime
 * Minister's yearly schedule is DATA that wins: `extraDaysOff` adds days (a longer Tết break),
 * `extraWorkingDays` makes a weekend day a working day or cancels a derived day off.
 *
 * THE TẾT WINDOW of khoản 2 Điều 13 NĐ 62/2015 (no coercion 15 days before Tết and 15 days after the three
 * Tết days, i.e. Tết−15 … Tết+17, "16 tháng Chạp to 18 tháng Giêng") is computed from the lunar Tết date;
 * the Ministry's yearly directive, entered as data (`tetWindows`), replaces it for its year.
 *
 * TẾT NGUYÊN ĐÁN comes from the library's VN rule 'vietnamese 1-0-1' (month 1, not leap, day 1 of the
 * Vietnamese lunisolar calendar, which is computed for UTC+7 and therefore differs from the Chinese
 * New Year in some years, e.g. 1985 and 2007). There is no hand-written table.
 *
 * DEADLINE CONVENTION (Điều 147 Bộ luật Dân sự 2015: a period in days starts the day after the event):
 * the local day of the starting event never counts; day 1 is the next local day; a deadline is the
 * END of its last local day (23:59:59.999 Asia/Ho_Chi_Minh). So "within 3 working days of X" is
 * `addWorkingDays(X, 3)` and an action is on time iff `action <= deadline`. A period counted in
 * calendar days whose last day is a day off ends at the end of the next working day (khoản 5 Điều 148
 * BLDS 2015): `deadline()` does this for every rule flagged `rollOverDaysOff`.
 */
import Holidays from 'date-holidays';
import {
  cite,
  COERCION_RULES,
  COERCION_RULE_CODES,
  DEADLINE_RULES,
  ruleVersionInForce,
  type CoercionRuleCode,
  type CoercionRuleVersion,
  type DeadlineRuleCode,
  type LocalDate,
} from './legal-rules';

export type { LocalDate, CoercionRuleCode, DeadlineRuleCode } from './legal-rules';

/** Viet Nam's UTC offset in ms: fixed UTC+7, no DST since 1975 (see the module comment). */
const VN_OFFSET_MS = 7 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;
const MINUTE_MS = 60 * 1000;
const LOCAL_DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The date-holidays rule of Tết Nguyên đán (day 1 of month 1 of the Vietnamese lunar calendar). */
const TET_RULE = 'vietnamese 1-0-1';

/** Vietnamese weekday names, indexed by JS getUTCDay() (0 = Sunday). */
const WEEKDAY_VI = ['Chủ nhật', 'thứ Hai', 'thứ Ba', 'thứ Tư', 'thứ Năm', 'thứ Sáu', 'thứ Bảy'];

/** Default name given to an extra day off passed without a name. */
const EXTRA_DAY_OFF_NAME = 'Ngày nghỉ theo quyết định của cơ quan có thẩm quyền';

// ---------------------------------------------------------------------------------------------
// Local date helpers (UTC+7)
// ---------------------------------------------------------------------------------------------

function assertValidDate(d: Date, what: string): void {
  if (!(d instanceof Date) || Number.isNaN(d.getTime())) {
    throw new RangeError(`${what} must be a valid Date`);
  }
}

/** Parses a 'YYYY-MM-DD' local date, throwing RangeError if malformed or not a real date. */
function parseLocalDate(s: string): { y: number; m: number; d: number } {
  const match = LOCAL_DATE_RE.exec(s);
  if (!match) throw new RangeError(`Invalid local date '${s}', expected 'YYYY-MM-DD'`);
  const y = Number(match[1]);
  const m = Number(match[2]);
  const d = Number(match[3]);
  const probe = new Date(Date.UTC(y, m - 1, d));
  if (probe.getUTCFullYear() !== y || probe.getUTCMonth() !== m - 1 || probe.getUTCDate() !== d) {
    throw new RangeError(`Invalid local date '${s}'`);
  }
  return { y, m, d };
}

/** Epoch ms of 00:00 UTC of the given local date's calendar day (a pure day counter, no offset). */
function dayNumberMs(date: LocalDate): number {
  const { y, m, d } = parseLocalDate(date);
  return Date.UTC(y, m - 1, d);
}

/**
 * The Viet Nam local calendar date ('YYYY-MM-DD', Asia/Ho_Chi_Minh) of an instant.
 * @example toLocalDate(new Date('2026-02-16T17:30:00Z')) === '2026-02-17'
 */
export function toLocalDate(instant: Date): LocalDate {
  assertValidDate(instant, 'instant');
  return new Date(instant.getTime() + VN_OFFSET_MS).toISOString().slice(0, 10);
}

/** Minutes since local (UTC+7) midnight of an instant, 0..1439. */
function localMinuteOfDay(instant: Date): number {
  const ms = (((instant.getTime() + VN_OFFSET_MS) % DAY_MS) + DAY_MS) % DAY_MS;
  return Math.floor(ms / MINUTE_MS);
}

/** The instant 00:00:00.000 Asia/Ho_Chi_Minh of a local date. */
export function startOfLocalDay(date: LocalDate): Date {
  return new Date(dayNumberMs(date) - VN_OFFSET_MS);
}

/** The instant 23:59:59.999 Asia/Ho_Chi_Minh of a local date (the end of a deadline day). */
export function endOfLocalDay(date: LocalDate): Date {
  return new Date(dayNumberMs(date) + DAY_MS - VN_OFFSET_MS - 1);
}

/** Adds n calendar days to a local date ('YYYY-MM-DD' → 'YYYY-MM-DD'); n may be negative. */
export function addDaysToLocalDate(date: LocalDate, n: number): LocalDate {
  if (!Number.isInteger(n)) throw new RangeError(`n must be an integer, got ${n}`);
  return new Date(dayNumberMs(date) + n * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from local date a to local date b (b − a), e.g. ('2026-02-02', '2026-02-17') → 15. */
export function localDaysBetween(a: LocalDate, b: LocalDate): number {
  return Math.round((dayNumberMs(b) - dayNumberMs(a)) / DAY_MS);
}

/** Day of week of a local date, 0 = Sunday … 6 = Saturday. */
export function localDayOfWeek(date: LocalDate): number {
  return new Date(dayNumberMs(date)).getUTCDay();
}

/** Formats a local date the Vietnamese way: '2026-02-17' → '17/02/2026'. */
export function formatLocalDateVi(date: LocalDate): string {
  const { y, m, d } = parseLocalDate(date);
  return `${String(d).padStart(2, '0')}/${String(m).padStart(2, '0')}/${String(y).padStart(4, '0')}`;
}

/** Formats an instant in Viet Nam time: 'HH:mm dd/MM/yyyy'. */
function formatInstantVi(instant: Date): string {
  const minute = localMinuteOfDay(instant);
  const hh = String(Math.floor(minute / 60)).padStart(2, '0');
  const mm = String(minute % 60).padStart(2, '0');
  return `${hh}:${mm} ${formatLocalDateVi(toLocalDate(instant))}`;
}

function formatMinuteVi(minute: number): string {
  return `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
}

/** '2026-03-14' → 'thứ Bảy 14/03/2026'. */
function formatWeekdayDateVi(date: LocalDate): string {
  return `${WEEKDAY_VI[localDayOfWeek(date)]} ${formatLocalDateVi(date)}`;
}

function toLocalDateInput(date: Date | LocalDate): LocalDate {
  if (typeof date === 'string') {
    parseLocalDate(date);
    return date;
  }
  return toLocalDate(date);
}

function assertNonNegativeInteger(n: number): void {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`n must be a non-negative integer, got ${n}`);
}

// ---------------------------------------------------------------------------------------------
// Public holidays from date-holidays
// ---------------------------------------------------------------------------------------------

/**
 * One shared date-holidays instance for Viet Nam. The explicit time zone makes holiday boundaries
 * local midnights in Asia/Ho_Chi_Minh whatever the process TZ; names are requested in Vietnamese.
 * `types: ['public']` makes the library skip the 'observance' days (and is ~4x faster, since most
 * observances are lunar dates); both Tết rules used here are of type 'public'.
 */
let vnHolidays: Holidays | undefined;
function holidaysVN(): Holidays {
  vnHolidays ??= new Holidays('VN', { languages: ['vi'], timezone: 'Asia/Ho_Chi_Minh', types: ['public'] });
  return vnHolidays;
}

/**
 * Names to use for the 2nd+ days of a multi-day holiday whose library name only fits its first day
 * (the library calls the whole 5-day Tết break "Giao thừa Tết Nguyên Đán", i.e. New Year's Eve).
 */
const CONTINUATION_DAY_NAMES: Readonly<Record<string, string>> = {
  '1 day before vietnamese 1-0-1 P5D': 'Nghỉ Tết Nguyên Đán',
};

/** Raw date-holidays results per Gregorian year (computing a year is the expensive part). */
const rawHolidayCache = new Map<number, ReturnType<Holidays['getHolidays']>>();
function libraryHolidaysOfYear(year: number): ReturnType<Holidays['getHolidays']> {
  let list = rawHolidayCache.get(year);
  if (!list) {
    list = holidaysVN().getHolidays(year);
    rawHolidayCache.set(year, list);
  }
  return list;
}

interface PublicHolidayDay {
  name: string;
  /** Length in days of the holiday this day belongs to (to prefer the most specific name). */
  spanDays: number;
}

/** Per Gregorian year: local date → public holidays (type 'public') covering that date. */
const publicHolidayCache = new Map<number, Map<LocalDate, PublicHolidayDay[]>>();
const tetCache = new Map<number, LocalDate>();

function assertYear(year: number): void {
  if (!Number.isInteger(year) || year < 1976 || year > 2999) {
    throw new RangeError(`year must be an integer in 1976..2999, got ${year}`);
  }
}

/** Public holidays of a Gregorian year (including multi-day spans that started the year before). */
function publicHolidaysOfYear(year: number): Map<LocalDate, PublicHolidayDay[]> {
  const cached = publicHolidayCache.get(year);
  if (cached) return cached;
  const byDate = new Map<LocalDate, PublicHolidayDay[]>();
  const prefix = `${String(year).padStart(4, '0')}-`;
  for (const y of [year - 1, year]) {
    for (const h of libraryHolidaysOfYear(y)) {
      if (h.type !== 'public') continue;
      const first = toLocalDate(h.start);
      const spanDays = Math.max(1, Math.round((h.end.getTime() - h.start.getTime()) / DAY_MS));
      for (let i = 0; i < spanDays; i++) {
        const day = addDaysToLocalDate(first, i);
        if (!day.startsWith(prefix)) continue;
        const name = i > 0 && CONTINUATION_DAY_NAMES[h.rule] ? CONTINUATION_DAY_NAMES[h.rule] : h.name;
        const list = byDate.get(day) ?? [];
        list.push({ name, spanDays });
        byDate.set(day, list);
      }
    }
  }
  publicHolidayCache.set(year, byDate);
  return byDate;
}

/** The library public holiday on a local date (most specific name first), or undefined. */
function libraryPublicHoliday(date: LocalDate): string | undefined {
  const list = publicHolidaysOfYear(parseLocalDate(date).y).get(date);
  if (!list || list.length === 0) return undefined;
  return [...list].sort((a, b) => a.spanDays - b.spanDays)[0].name;
}

/**
 * 'YYYY-MM-DD' of Tết Nguyên đán (day 1 of lunar month 1) in a Gregorian year, taken from the
 * date-holidays VN rule 'vietnamese 1-0-1'. Same as `LegalCalendar.tetDate` (no extras involved).
 * @throws RangeError if the year is outside 1976..2999 or the library has no Tết for it.
 */
export function tetDate(year: number): LocalDate {
  assertYear(year);
  const cached = tetCache.get(year);
  if (cached) return cached;
  const tet = libraryHolidaysOfYear(year).find((h) => h.rule === TET_RULE);
  if (!tet) throw new RangeError(`date-holidays has no Tết Nguyên đán (rule '${TET_RULE}') for ${year}`);
  const date = toLocalDate(tet.start);
  tetCache.set(year, date);
  return date;
}

// ---------------------------------------------------------------------------------------------
// Days off derived by rule (Bộ luật Lao động 2019)
// ---------------------------------------------------------------------------------------------

/** A day off the law creates without a yearly decision: the second Quốc khánh day or a nghỉ bù. */
export interface DerivedDayOff {
  date: LocalDate;
  kind: 'SECOND_NATIONAL_DAY' | 'COMPENSATORY_DAY_OFF';
  name: string;
  /** Legal basis, in Vietnamese. */
  source: string;
}

const isWeekend = (date: LocalDate) => {
  const dow = localDayOfWeek(date);
  return dow === 0 || dow === 6;
};

/**
 * The default second Quốc khánh day of a year (điểm đ khoản 1 Điều 112 BLLĐ 2019: 2/9 and one day
 * immediately before or after it, chosen each year by the Prime Minister). Default: the adjacent weekday
 * that joins the break to a weekend (3/9 when 2/9 is a Monday, Thursday or Sunday; 1/9 when it is a
 * Tuesday, Friday or Saturday), and 1/9 when neither does (2/9 a Wednesday). This reproduces the
 * decisions of 2021–2025; the year's decision entered as data wins.
 */
export function secondNationalDay(year: number): LocalDate {
  assertYear(year);
  const national = `${String(year).padStart(4, '0')}-09-02`;
  const before = addDaysToLocalDate(national, -1);
  const after = addDaysToLocalDate(national, 1);
  const joinsWeekend = (d: LocalDate) => !isWeekend(d) && (isWeekend(addDaysToLocalDate(d, -1)) || isWeekend(addDaysToLocalDate(d, 1)));
  if (joinsWeekend(after) && !joinsWeekend(before)) return after;
  if (joinsWeekend(before)) return before;
  return isWeekend(before) ? after : before;
}

const derivedCache = new Map<number, Map<LocalDate, DerivedDayOff>>();

/**
 * The derived days off of a Gregorian year, by date: the second Quốc khánh day, and a nghỉ bù on the
 * next working day for each holiday day (library public holidays and the second Quốc khánh day) that
 * falls on a Saturday or Sunday (khoản 3 Điều 111 BLLĐ 2019). Several weekend holiday days give
 * consecutive compensatory days after the holiday. Rule only: no yearly data involved.
 */
export function derivedDaysOffOfYear(year: number): ReadonlyMap<LocalDate, DerivedDayOff> {
  assertYear(year);
  const cached = derivedCache.get(year);
  if (cached) return cached;
  const out = new Map<LocalDate, DerivedDayOff>();
  const holidays = new Map<LocalDate, string>();
  for (const [date] of publicHolidaysOfYear(year)) holidays.set(date, libraryPublicHoliday(date)!);
  const second = secondNationalDay(year);
  if (!holidays.has(second)) {
    holidays.set(second, 'Nghỉ Quốc khánh (ngày liền kề)');
    out.set(second, {
      date: second,
      kind: 'SECOND_NATIONAL_DAY',
      name: 'Nghỉ Quốc khánh (ngày liền kề ngày 02/9)',
      source: cite('SECOND_NATIONAL_DAY', `${year}-09-02`),
    });
  }
  for (const date of [...holidays.keys()].sort()) {
    if (!isWeekend(date)) continue;
    let comp = addDaysToLocalDate(date, 1);
    while (isWeekend(comp) || holidays.has(comp) || out.has(comp)) comp = addDaysToLocalDate(comp, 1);
    out.set(comp, {
      date: comp,
      kind: 'COMPENSATORY_DAY_OFF',
      name: `Nghỉ bù ${holidays.get(date)} (${formatWeekdayDateVi(date)})`,
      source: cite('COMPENSATORY_DAY_OFF', date),
    });
  }
  derivedCache.set(year, out);
  return out;
}

/** The derived day off on a local date, if any (see derivedDaysOffOfYear). */
function derivedDayOff(date: LocalDate): DerivedDayOff | undefined {
  return derivedDaysOffOfYear(parseLocalDate(date).y).get(date);
}

// ---------------------------------------------------------------------------------------------
// The calendar
// ---------------------------------------------------------------------------------------------

/**
 * The Ministry's Tết directive for one Tết, entered as data: it replaces the computed window
 * (Tết−15 … Tết+17) of that Tết.
 */
export interface TetWindowOverride {
  /** Gregorian year of the Tết (Tết 2027 = 6 Feb 2027). */
  tetYear: number;
  /** First and last forbidden local dates, inclusive. */
  firstDay: LocalDate;
  lastDay: LocalDate;
  /** The directive, e.g. "Chỉ thị số 01/CT-BTP ngày 05/01/2027 của Bộ Tư pháp". */
  source: string;
}

/** The Tết window in force for one Tết: computed from the lunar calendar, or the directive's dates. */
export interface TetWindow {
  tet: LocalDate;
  firstDay: LocalDate;
  lastDay: LocalDate;
  /** The directive, when the window comes from data; undefined for the computed default. */
  directive?: string;
}

/** An official day off given as data, optionally with its name (e.g. 'Nghỉ bù Quốc khánh'). */
export interface ExtraDayOff {
  /** Local date 'YYYY-MM-DD'. */
  date: LocalDate;
  /** Name shown to users; defaults to a generic "day off by decision of the competent authority". */
  name?: string;
}

/** Options of `createLegalCalendar`. */
export interface LegalCalendarOptions {
  /**
   * Official days off decided each year that date-holidays does not know (nghỉ bù, the second day of
   * Quốc khánh, extra Tết days...). Local dates 'YYYY-MM-DD', or objects with a name.
   */
  extraDaysOff?: Iterable<LocalDate | ExtraDayOff>;
  /**
   * Working days by decision: a Saturday or Sunday worked in exchange for a bridge day, or a derived day
   * off the Prime Minister's schedule moved elsewhere (local 'YYYY-MM-DD'). Data wins over the rule.
   */
  extraWorkingDays?: Iterable<LocalDate>;
  /** The Ministry's yearly Tết directives (one per Tết year); each replaces the computed window. */
  tetWindows?: Iterable<TetWindowOverride>;
}

/** Result of `isPublicHoliday`. */
export interface PublicHolidayResult {
  /** True for a date-holidays 'public' holiday or an extra day off. */
  holiday: boolean;
  /** Vietnamese name of the holiday / day off when `holiday` is true. */
  name?: string;
  /**
   * 'public': from date-holidays; 'extraDayOff': from the calendar's `extraDaysOff` option; 'derived':
   * a day off the law creates (second Quốc khánh day, nghỉ bù), not cancelled by `extraWorkingDays`.
   */
  kind?: 'public' | 'extraDayOff' | 'derived';
  /** Legal basis of a derived day off. */
  source?: string;
}

/** One reason why a coercion is forbidden in a given time span. */
export interface CoercionRefusal {
  /** Machine code of the rule, e.g. 'COERCION_IN_TET_WINDOW'. */
  code: CoercionRuleCode;
  /** The rule, in Vietnamese. */
  rule: string;
  /** Its legal source, in Vietnamese. */
  source: string;
  /** Actionable message for the official, in Vietnamese (what is wrong and which dates are allowed). */
  message: string;
  /** `effectiveFrom` of the rule version applied (identifies the law version). */
  effectiveFrom: LocalDate;
  /** Local dates of the coercion that break the rule. */
  dates: LocalDate[];
}

/** Options of `voluntaryPeriodEnd`. */
export interface VoluntaryPeriodOptions {
  /**
   * When the 10th day is not a working day, extend the period to the end of the next working day
   * (khoản 5 Điều 148 Bộ luật Dân sự 2015). Default: the rule's own setting (on for Điều 45).
   */
  rollOverDaysOff?: boolean;
}

/**
 * Viet Nam legal calendar with a fixed set of extra days off / working days.
 * Create with `createLegalCalendar`, or use the shared `legalCalendar()` without extras.
 */
export class LegalCalendar {
  private readonly extraDaysOff: ReadonlyMap<LocalDate, string>;
  private readonly extraWorkingDays: ReadonlySet<LocalDate>;
  private readonly tetWindowOverrides: ReadonlyMap<number, TetWindowOverride>;

  /**
   * @throws RangeError on a malformed date, or if a date is both an extra day off and an extra working day.
   */
  constructor(options: LegalCalendarOptions = {}) {
    const off = new Map<LocalDate, string>();
    for (const item of options.extraDaysOff ?? []) {
      const entry: ExtraDayOff = typeof item === 'string' ? { date: item } : item;
      parseLocalDate(entry.date);
      off.set(entry.date, entry.name ?? EXTRA_DAY_OFF_NAME);
    }
    const working = new Set<LocalDate>();
    for (const date of options.extraWorkingDays ?? []) {
      parseLocalDate(date);
      if (off.has(date)) {
        throw new RangeError(`${date} is listed both as an extra day off and as an extra working day`);
      }
      working.add(date);
    }
    const tetWindows = new Map<number, TetWindowOverride>();
    for (const w of options.tetWindows ?? []) {
      parseLocalDate(w.firstDay);
      parseLocalDate(w.lastDay);
      if (w.lastDay < w.firstDay) throw new RangeError(`Tết window ${w.tetYear}: last day before first day`);
      tetWindows.set(w.tetYear, w);
    }
    this.extraDaysOff = off;
    this.extraWorkingDays = working;
    this.tetWindowOverrides = tetWindows;
  }

  /**
   * The Tết window of the Tết in a Gregorian year: the directive's dates when one was entered, else
   * [Tết − daysBefore, Tết + daysAfter] of the rule version in force on Tết day.
   */
  tetWindow(year: number): TetWindow {
    const tet = tetDate(year);
    const directive = this.tetWindowOverrides.get(year);
    if (directive) return { tet, firstDay: directive.firstDay, lastDay: directive.lastDay, directive: directive.source };
    const rule = ruleVersionInForce(COERCION_RULES.COERCION_IN_TET_WINDOW, tet);
    const { daysBefore, daysAfter } = rule?.params ?? { daysBefore: 0, daysAfter: -1 };
    return { tet, firstDay: addDaysToLocalDate(tet, -daysBefore), lastDay: addDaysToLocalDate(tet, daysAfter) };
  }

  /** The derived days off (rule) of a year that the data did not turn into working days. */
  derivedDaysOff(year: number): DerivedDayOff[] {
    return [...derivedDaysOffOfYear(year).values()].filter((d) => !this.extraWorkingDays.has(d.date));
  }

  /**
   * Whether a date is a public holiday (date-holidays VN, type 'public') or an extra day off of this
   * calendar. Accepts an instant (its Viet Nam local date is used) or a local 'YYYY-MM-DD'.
   * @example isPublicHoliday(new Date('2026-04-30T03:00:00Z')) → { holiday: true, name: 'Ngày Giải phóng miền Nam', kind: 'public' }
   */
  isPublicHoliday(date: Date | LocalDate): PublicHolidayResult {
    const local = toLocalDateInput(date);
    const name = libraryPublicHoliday(local);
    if (name !== undefined) return { holiday: true, name, kind: 'public' };
    const extra = this.extraDaysOff.get(local);
    if (extra !== undefined) return { holiday: true, name: extra, kind: 'extraDayOff' };
    const derived = this.extraWorkingDays.has(local) ? undefined : derivedDayOff(local);
    if (derived) return { holiday: true, name: derived.name, kind: 'derived', source: derived.source };
    return { holiday: false };
  }

  /**
   * Whether a date is a working day: listed in `extraWorkingDays`, or else not Saturday/Sunday, not a
   * public holiday and not an extra day off. Accepts an instant or a local 'YYYY-MM-DD'.
   */
  isWorkingDay(date: Date | LocalDate): boolean {
    const local = toLocalDateInput(date);
    if (this.extraWorkingDays.has(local)) return true;
    const dow = localDayOfWeek(local);
    if (dow === 0 || dow === 6) return false;
    return !this.isPublicHoliday(local).holiday;
  }

  /**
   * The deadline n working days after `from`: the end (23:59:59.999 Viet Nam time) of the n-th working
   * day strictly after the local day of `from` (that day itself never counts, even if it is a working
   * day). n = 0 gives the end of the local day of `from`.
   * @example "police protection plan within 3 working days of receiving the plan": addWorkingDays(receivedAt, 3)
   * @throws RangeError if n is not a non-negative integer.
   */
  addWorkingDays(from: Date, n: number): Date {
    assertValidDate(from, 'from');
    assertNonNegativeInteger(n);
    let day = toLocalDate(from);
    for (let counted = 0; counted < n; ) {
      day = addDaysToLocalDate(day, 1);
      if (this.isWorkingDay(day)) counted++;
    }
    return endOfLocalDay(day);
  }

  /**
   * The deadline n calendar days after `from`: the end (23:59:59.999 Viet Nam time) of the local day
   * n days after the local day of `from` (same convention as addWorkingDays). With `rollOverDaysOff`,
   * a last day that is not a working day moves to the next working day (khoản 5 Điều 148 BLDS 2015).
   * @throws RangeError if n is not a non-negative integer.
   */
  addCalendarDays(from: Date, n: number, options: { rollOverDaysOff?: boolean } = {}): Date {
    assertValidDate(from, 'from');
    assertNonNegativeInteger(n);
    let day = addDaysToLocalDate(toLocalDate(from), n);
    if (options.rollOverDaysOff) while (!this.isWorkingDay(day)) day = addDaysToLocalDate(day, 1);
    return endOfLocalDay(day);
  }

  /**
   * The deadline of a rule of DEADLINE_RULES (version in force on the local date of `from`), counted
   * from `from` with addCalendarDays or addWorkingDays. E.g. deadline('POLICE_PROTECTION_PLAN', sentAt).
   * @throws RangeError if no version of the rule is in force on that date.
   */
  deadline(code: DeadlineRuleCode, from: Date, options: { rollOverDaysOff?: boolean } = {}): Date {
    const version = ruleVersionInForce(DEADLINE_RULES[code], toLocalDate(from));
    if (!version) throw new RangeError(`No version of ${code} in force on ${toLocalDate(from)}`);
    const { unit, amount, rollOverDaysOff } = version.params;
    if (unit === 'workingDays') return this.addWorkingDays(from, amount);
    return this.addCalendarDays(from, amount, { rollOverDaysOff: options.rollOverDaysOff ?? rollOverDaysOff ?? false });
  }

  /**
   * 'YYYY-MM-DD' of Tết Nguyên đán (lunar New Year day 1) in a Gregorian year, from date-holidays'
   * VN rule 'vietnamese 1-0-1' (e.g. 2026 → '2026-02-17').
   */
  tetDate(year: number): LocalDate {
    return tetDate(year);
  }

  /**
   * All reasons why a coercion occupying [start, end) is forbidden (Điều 46); an empty array means the
   * time is allowed. Every Viet Nam local day touched by the span is checked against the rule versions
   * in force on that day; one reason is returned per rule (and law version), listing the offending
   * dates. Rules: night 22:00–06:00, weekend / extra day off, public holiday, Tết window (±15 days of
   * the Tết of the date's year or of the next year). A make-up working day (extraWorkingDays) is not a
   * day off. The voluntary period (Điều 45) is not checked here: see isWithinVoluntaryPeriod.
   * @throws RangeError if a date is invalid or start is not before end.
   */
  forbiddenCoercionReasons(start: Date, end: Date): CoercionRefusal[] {
    assertValidDate(start, 'start');
    assertValidDate(end, 'end');
    if (!(start.getTime() < end.getTime())) throw new RangeError('start must be before end');

    type Hit = { version: CoercionRuleVersion; dates: LocalDate[]; extra?: Map<LocalDate, string> };
    const hits = new Map<string, Hit>();
    const record = (version: CoercionRuleVersion, date: LocalDate, detail?: string): void => {
      const key = `${version.code}@${version.effectiveFrom}`;
      const hit = hits.get(key) ?? { version, dates: [], extra: new Map<LocalDate, string>() };
      if (!hit.dates.includes(date)) hit.dates.push(date);
      if (detail !== undefined) hit.extra!.set(date, detail);
      hits.set(key, hit);
    };

    const firstDay = toLocalDate(start);
    const lastDay = toLocalDate(new Date(end.getTime() - 1)); // [start, end): end itself is not occupied
    for (let day = firstDay; day <= lastDay; day = addDaysToLocalDate(day, 1)) {
      const night = ruleVersionInForce(COERCION_RULES.COERCION_AT_NIGHT, day);
      if (night && this.touchesNight(day, start, end, night.params)) record(night, day);

      const makeUpWorkingDay = this.extraWorkingDays.has(day);
      const dayOff = ruleVersionInForce(COERCION_RULES.COERCION_ON_DAY_OFF, day);
      if (dayOff && !makeUpWorkingDay) {
        const dow = localDayOfWeek(day);
        const extraName = this.extraDaysOff.get(day);
        if (dow === 0 || dow === 6 || extraName !== undefined) record(dayOff, day, extraName);
      }

      const holiday = ruleVersionInForce(COERCION_RULES.COERCION_ON_PUBLIC_HOLIDAY, day);
      const holidayName = libraryPublicHoliday(day) ?? derivedDayOff(day)?.name;
      if (holiday && !makeUpWorkingDay && holidayName !== undefined) record(holiday, day, holidayName);

      const tetRule = ruleVersionInForce(COERCION_RULES.COERCION_IN_TET_WINDOW, day);
      const tet = tetRule && this.tetWindowContaining(day);
      if (tetRule && tet) record(tetRule, day, String(parseLocalDate(tet.tet).y));
    }

    const reasons = [...hits.values()].map((hit) => ({
      code: hit.version.code,
      rule: hit.version.rule,
      source: hit.version.source,
      message: this.refusalMessage(hit.version, hit.dates, hit.extra ?? new Map(), start, end),
      effectiveFrom: hit.version.effectiveFrom,
      dates: hit.dates,
    }));
    return reasons.sort(
      (a, b) => COERCION_RULE_CODES.indexOf(a.code) - COERCION_RULE_CODES.indexOf(b.code) || a.effectiveFrom.localeCompare(b.effectiveFrom),
    );
  }

  /** True when forbiddenCoercionReasons(start, end) is empty. */
  isCoercionAllowed(start: Date, end: Date): boolean {
    return this.forbiddenCoercionReasons(start, end).length === 0;
  }

  /**
   * The first local date strictly after `after` on which a coercion is allowed by the day-level rules
   * (working day, not a public holiday, outside the Tết window). The time of day must still be chosen
   * within 06:00–22:00. Searches at most 400 days ahead.
   */
  nextCoercionDay(after: Date | LocalDate): LocalDate {
    let day = toLocalDateInput(after);
    for (let i = 0; i < 400; i++) {
      day = addDaysToLocalDate(day, 1);
      if (this.isCoercionDay(day)) return day;
    }
    throw new RangeError(`No day allowed for coercion within 400 days after ${toLocalDateInput(after)}`);
  }

  /**
   * End of the voluntary period (thời hạn tự nguyện, Điều 45: 10 days) for a decision received at
   * `receivedAt`: the end (23:59:59.999 Viet Nam time) of the 10th local day after the day of receipt
   * (the day after receipt is day 1; calendar days, weekends and holidays included). A 10th day that is
   * not a working day moves to the end of the next working day (khoản 5 Điều 148 BLDS 2015, the rule's
   * default; `rollOverDaysOff: false` gives the bare 10th day).
   */
  voluntaryPeriodEnd(receivedAt: Date, options: VoluntaryPeriodOptions = {}): Date {
    return this.deadline('VOLUNTARY_PERIOD', receivedAt, options);
  }

  /**
   * Whether instant `at` (default: now) lies within the voluntary period of a decision received at
   * `receivedAt`, i.e. receivedAt ≤ at ≤ voluntaryPeriodEnd(receivedAt). No coercion may take place
   * while this is true (Điều 45/46), unless urgent measures apply (decided by the caller). Instants
   * before receipt return false; to decide whether a coercion may start at `at`, test
   * `at > voluntaryPeriodEnd(receivedAt)`.
   */
  isWithinVoluntaryPeriod(receivedAt: Date, at: Date = new Date(), options: VoluntaryPeriodOptions = {}): boolean {
    assertValidDate(receivedAt, 'receivedAt');
    assertValidDate(at, 'at');
    const t = at.getTime();
    return t >= receivedAt.getTime() && t <= this.voluntaryPeriodEnd(receivedAt, options).getTime();
  }

  // -------------------------------------------------------------------------------------------

  /** Day-level coercion check (no time of day): all day rules in force on `day` pass. */
  private isCoercionDay(day: LocalDate): boolean {
    if (!this.extraWorkingDays.has(day)) {
      const dow = localDayOfWeek(day);
      if (ruleVersionInForce(COERCION_RULES.COERCION_ON_DAY_OFF, day)) {
        if (dow === 0 || dow === 6 || this.extraDaysOff.has(day)) return false;
      }
      if (ruleVersionInForce(COERCION_RULES.COERCION_ON_PUBLIC_HOLIDAY, day) && (libraryPublicHoliday(day) || derivedDayOff(day))) {
        return false;
      }
    }
    const tetRule = ruleVersionInForce(COERCION_RULES.COERCION_IN_TET_WINDOW, day);
    return !(tetRule && this.tetWindowContaining(day));
  }

  /** Whether [start, end) overlaps the night parts [00:00, nightEnd) or [nightStart, 24:00) of `day`. */
  private touchesNight(day: LocalDate, start: Date, end: Date, params: { nightStartMinute: number; nightEndMinute: number }): boolean {
    const dayStart = startOfLocalDay(day).getTime();
    const windows: Array<[number, number]> = [
      [dayStart, dayStart + params.nightEndMinute * MINUTE_MS],
      [dayStart + params.nightStartMinute * MINUTE_MS, dayStart + DAY_MS],
    ];
    return windows.some(([a, b]) => start.getTime() < b && a < end.getTime());
  }

  /**
   * The Tết window (of the Tết of `day`'s Gregorian year or of the next year) that contains `day`, or
   * undefined. Tết falls between 21/01 and 20/02, so the next year's Tết matters only for a directive
   * or a future rule reaching back into December.
   */
  private tetWindowContaining(day: LocalDate): TetWindow | undefined {
    const year = parseLocalDate(day).y;
    for (const y of [year, year + 1]) {
      if (y > 2999) continue;
      const window = this.tetWindow(y);
      if (window.firstDay <= day && day <= window.lastDay) return window;
    }
    return undefined;
  }

  /** Builds the Vietnamese, actionable message of a refusal. */
  private refusalMessage(
    version: CoercionRuleVersion,
    dates: LocalDate[],
    details: Map<LocalDate, string>,
    start: Date,
    end: Date,
  ): string {
    const lastDate = dates[dates.length - 1];
    switch (version.code) {
      case 'COERCION_AT_NIGHT': {
        const from = formatMinuteVi(version.params.nightStartMinute);
        const to = formatMinuteVi(version.params.nightEndMinute);
        return (
          `Không được cưỡng chế trong khoảng từ ${from} đến ${to} sáng hôm sau (giờ Việt Nam); ` +
          `thời gian dự kiến ${formatInstantVi(start)} – ${formatInstantVi(end)} có phần rơi vào ban đêm. ` +
          `Chọn khung giờ từ ${to} đến ${from} trong cùng một ngày.`
        );
      }
      case 'COERCION_ON_DAY_OFF': {
        const list = dates
          .map((d) => (details.has(d) ? `${formatWeekdayDateVi(d)} (${details.get(d)})` : formatWeekdayDateVi(d)))
          .join(', ');
        return (
          `Không được cưỡng chế vào ngày nghỉ: ${list}. ` +
          `Chọn ngày làm việc khác, gần nhất là ${formatWeekdayDateVi(this.nextCoercionDay(lastDate))}.`
        );
      }
      case 'COERCION_ON_PUBLIC_HOLIDAY': {
        const list = dates.map((d) => `${formatLocalDateVi(d)} (${details.get(d)})`).join(', ');
        return (
          `Không được cưỡng chế vào ngày lễ, Tết: ${list}. ` +
          `Chọn ngày làm việc khác, gần nhất là ${formatWeekdayDateVi(this.nextCoercionDay(lastDate))}.`
        );
      }
      case 'COERCION_IN_TET_WINDOW': {
        const years = [...new Set(dates.map((d) => Number(details.get(d)!)))];
        return years
          .map((year) => {
            const w = this.tetWindow(year);
            const basis = w.directive
              ? `theo ${w.directive}`
              : `15 ngày trước Tết và 15 ngày sau ba ngày Tết, ${cite('TET_WINDOW_DECREE', w.tet).replace(/^K/, 'k')}`;
            return (
              `Không được cưỡng chế trong dịp Tết Nguyên đán ${year} (Tết: ${formatLocalDateVi(w.tet)}; ` +
              `thời gian không cưỡng chế từ ${formatLocalDateVi(w.firstDay)} đến hết ${formatLocalDateVi(w.lastDay)}, ${basis}); ` +
              `chọn ngày trước ${formatLocalDateVi(w.firstDay)} hoặc sau ${formatLocalDateVi(w.lastDay)}.`
            );
          })
          .join(' ');
      }
    }
  }
}

/**
 * Creates a legal calendar. `extraDaysOff` / `extraWorkingDays` carry the official days off and make-up
 * working days decided each year (as data, e.g. loaded from the database).
 * @example createLegalCalendar({ extraDaysOff: ['2026-09-01'], extraWorkingDays: ['2026-01-10'] })
 */
export function createLegalCalendar(options: LegalCalendarOptions = {}): LegalCalendar {
  return new LegalCalendar(options);
}

let defaultCalendar: LegalCalendar | undefined;

/** The shared calendar without extra days off / working days (created once, then cached). */
export function legalCalendar(): LegalCalendar {
  defaultCalendar ??= new LegalCalendar();
  return defaultCalendar;
}
