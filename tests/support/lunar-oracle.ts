import { convertLunar2Solar } from 'amlich';

/**
 * An independent oracle of the Vietnamese legal calendar for tests: the lunar dates come from `amlich`
 * (Hồ Ngọc Đức's algorithm at UTC+7), not from date-holidays (which the server uses), and the days off
 * are worked out from the statements of the law, without the code under test.
 */
export type IsoDate = string;

export const iso = (y: number, m: number, d: number): IsoDate =>
  `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
export const shift = (date: IsoDate, n: number): IsoDate =>
  new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
export const weekday = (date: IsoDate) => new Date(`${date}T00:00:00Z`).getUTCDay();
export const weekend = (date: IsoDate) => weekday(date) === 0 || weekday(date) === 6;
export const solarOf = ([d, m, y]: [number, number, number]): IsoDate => iso(y, m, d);

/** Tết (lunar 1/1) of a Gregorian year in Viet Nam time. */
export const vnTet = (year: number): IsoDate => solarOf(convertLunar2Solar(1, 1, year, 0, 7));

/**
 * The days off the law gives in a year (Điều 112 khoản 1 BLLĐ 2019 + Điều 111 khoản 3), worked out
 * from the rules: 1/1; Tết: the eve and 4 days (the default 5-day break); Giỗ Tổ 10/3 lunar; 30/4;
 * 1/5; 2/9 plus the adjacent day that joins a weekend (Mon→3/9, Tue→1/9, Wed→1/9 by default, Thu→3/9,
 * Fri→1/9, Sat→1/9, Sun→3/9); then each of those on a Saturday or Sunday gives the next day that is
 * neither a weekend, nor a holiday, nor an earlier nghỉ bù.
 */
export function expectedDaysOff(year: number): { holidays: Set<IsoDate>; compensatory: Set<IsoDate>; second: IsoDate } {
  const tet = vnTet(year);
  const holidays = new Set<IsoDate>([
    iso(year, 1, 1),
    iso(year, 4, 30),
    iso(year, 5, 1),
    iso(year, 9, 2),
    solarOf(convertLunar2Solar(10, 3, year, 0, 7)),
  ]);
  for (let i = -1; i <= 3; i++) holidays.add(shift(tet, i));
  const secondByWeekday: Record<number, number> = { 1: 3, 2: 1, 3: 1, 4: 3, 5: 1, 6: 1, 0: 3 };
  const second = iso(year, 9, secondByWeekday[weekday(iso(year, 9, 2))]);
  holidays.add(second);
  const compensatory = new Set<IsoDate>();
  for (const day of [...holidays].sort()) {
    if (!weekend(day)) continue;
    let next = shift(day, 1);
    while (weekend(next) || holidays.has(next) || compensatory.has(next)) next = shift(next, 1);
    compensatory.add(next);
  }
  return { holidays, compensatory, second };
}
