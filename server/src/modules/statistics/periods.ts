import { badInput } from '../../errors';

/**
 * Reporting periods of the THADS statistics (Thông tư 06/2019/TT-BTP): the statistical year runs
 * from 1 October of the previous calendar year to 30 September; "statistical year 2026" is
 * 1/10/2025 – 30/9/2026. Months, quarters and halves are counted within it (month 1 = October).
 * Boundaries are midnights in Viet Nam (UTC+7, no daylight saving).
 */
export enum PeriodKind {
  MONTH = 'MONTH',
  QUARTER = 'QUARTER',
  HALF_YEAR = 'HALF_YEAR',
  STATISTICAL_YEAR = 'STATISTICAL_YEAR',
  /** The first `number` months of the statistical year (the Ministry's cumulative monthly report). */
  MONTHS_TO_DATE = 'MONTHS_TO_DATE',
}

/** A resolved period: [start, end) as instants, and its local first/last days for display. */
export interface Period {
  kind: PeriodKind;
  statisticalYear: number;
  number: number;
  start: Date;
  end: Date;
  /** 'YYYY-MM-DD', local. */
  firstDay: string;
  lastDay: string;
}

const VN_OFFSET_MS = 7 * 3_600_000;

/** Midnight (Viet Nam) at the start of month `monthIndex` (0 = October) of statistical year `year`. */
function monthStart(year: number, monthIndex: number): Date {
  // October of (year − 1) is calendar month 9 of that year; Date.UTC normalises months ≥ 12.
  return new Date(Date.UTC(year - 1, 9 + monthIndex, 1) - VN_OFFSET_MS);
}

const localDay = (instant: Date) => new Date(instant.getTime() + VN_OFFSET_MS).toISOString().slice(0, 10);

/** Resolves a period; refuses numbers outside the kind's range with BAD_USER_INPUT. */
export function resolvePeriod(kind: PeriodKind, statisticalYear: number, number = 1): Period {
  if (!Number.isInteger(statisticalYear) || statisticalYear < 2000 || statisticalYear > 2100) {
    throw badInput('Năm thống kê không hợp lệ (ví dụ 2026 là năm từ 01/10/2025 đến 30/9/2026).', { field: 'statisticalYear' });
  }
  const ranges: Record<PeriodKind, [number, number]> = {
    MONTH: [12, 1],
    QUARTER: [4, 3],
    HALF_YEAR: [2, 6],
    STATISTICAL_YEAR: [1, 12],
    MONTHS_TO_DATE: [12, 1],
  };
  const [count, months] = ranges[kind];
  if (!Number.isInteger(number) || number < 1 || number > count) {
    throw badInput(`Kỳ thống kê không hợp lệ: với loại kỳ này, số thứ tự từ 1 đến ${count}.`, { field: 'number' });
  }
  const first = kind === PeriodKind.MONTHS_TO_DATE ? 0 : (number - 1) * months;
  const last = kind === PeriodKind.MONTHS_TO_DATE ? number : number * months;
  const start = monthStart(statisticalYear, first);
  const end = monthStart(statisticalYear, last);
  return { kind, statisticalYear, number, start, end, firstDay: localDay(start), lastDay: localDay(new Date(end.getTime() - 1)) };
}

/** The statistical year an instant falls in (1 Oct 2025 → 2026). */
export function statisticalYearOf(instant: Date): number {
  const local = new Date(instant.getTime() + VN_OFFSET_MS);
  return local.getUTCMonth() >= 9 ? local.getUTCFullYear() + 1 : local.getUTCFullYear();
}

/** The ends of the months of a statistical year, up to and including the month containing `now`. */
export function monthEndsUpTo(statisticalYear: number, now: Date): Date[] {
  const ends: Date[] = [];
  for (let m = 1; m <= 12; m++) {
    const end = monthStart(statisticalYear, m);
    ends.push(end);
    if (end > now) break;
  }
  return ends;
}

/**
 * Every month boundary (midnight, Viet Nam, on the 1st) from the start of the statistical year that
 * contains `from` up to and including `until`, oldest first: the instants a report can start or end
 * at (the monthly snapshot, snapshot.ts, is filled for the past ones).
 */
export function monthBoundariesBetween(from: Date, until: Date): Date[] {
  const boundaries: Date[] = [];
  for (let year = statisticalYearOf(from); ; year++) {
    for (let m = 0; m < 12; m++) {
      const b = monthStart(year, m);
      if (b > until) return boundaries;
      boundaries.push(b);
    }
  }
}
