import { convertLunar2Solar, convertSolar2Lunar } from 'amlich';
import { Lunar } from 'lunar-javascript';
import { describe, expect, it } from 'vitest';
import {
  addDaysToLocalDate,
  createLegalCalendar,
  derivedDaysOffOfYear,
  legalCalendar,
  tetDate,
  type LocalDate,
} from '../../server/src/modules/calendar/legal-calendar';
import { expectedDaysOff, iso, shift, solarOf, vnTet, weekend } from '../support/lunar-oracle';

/**
 * Issue 13, "done when": for every year 2027–2045 the Tết window, the derived days off and the
 * roll-over deadlines agree with an INDEPENDENT computation. The lunar dates come from `amlich`
 * (Hồ Ngọc Đức's astronomical algorithm at UTC+7), itself cross-checked against `lunar-javascript`
 * (the Chinese calendar, UTC+8) — not from date-holidays, which the server uses. The expected days off
 * are worked out below from the statements of the law, written without the code under test.
 */
const YEARS = Array.from({ length: 2045 - 2027 + 1 }, (_, i) => 2027 + i);
const VN_TZ = 7;

const at = (date: LocalDate, hh = '09') => new Date(`${date}T${hh}:00:00+07:00`);
const codesOn = (date: LocalDate) =>
  legalCalendar()
    .forbiddenCoercionReasons(at(date, '08'), at(date, '11'))
    .map((r) => r.code);

describe('the lunar oracle is itself consistent', () => {
  it('amlich at UTC+8 reproduces lunar-javascript (Chinese calendar) for every year; at UTC+7 it differs only where the time zone matters', () => {
    const differing: number[] = [];
    for (const year of YEARS) {
      expect(solarOf(convertLunar2Solar(1, 1, year, 0, 8))).toBe(Lunar.fromYmd(year, 1, 1).getSolar().toYmd());
      if (vnTet(year) !== Lunar.fromYmd(year, 1, 1).getSolar().toYmd()) differing.push(year);
    }
    expect(differing).toEqual([2030]); // Tết 2030 is 02/02 in Viet Nam, 03/02 in China
  });
});

describe.each(YEARS)('legal calendar %i against the independent computation', (year) => {
  const tet = vnTet(year);
  const expected = expectedDaysOff(year);

  it('finds Tết on the Vietnamese lunar New Year', () => {
    expect(tetDate(year)).toBe(tet);
  });

  it('forbids coercions from Tết−15 to Tết+17 (to 18 tháng Giêng) and not the day before or after', () => {
    const first = shift(tet, -15);
    const last = shift(tet, 17);
    const [lastLunarDay, lastLunarMonth] = convertSolar2Lunar(Number(last.slice(8)), Number(last.slice(5, 7)), year, VN_TZ);
    expect([lastLunarDay, lastLunarMonth]).toEqual([18, 1]);
    const [firstLunarDay, firstLunarMonth] = convertSolar2Lunar(
      Number(first.slice(8)),
      Number(first.slice(5, 7)),
      Number(first.slice(0, 4)),
      VN_TZ,
    );
    expect(firstLunarMonth).toBe(12);
    expect([15, 16]).toContain(firstLunarDay); // 16 tháng Chạp when Chạp has 30 days
    expect(legalCalendar().tetWindow(year)).toEqual({ tet, firstDay: first, lastDay: last });
    for (let d = first; d <= last; d = shift(d, 1)) expect(codesOn(d), d).toContain('COERCION_IN_TET_WINDOW');
    expect(codesOn(shift(first, -1))).not.toContain('COERCION_IN_TET_WINDOW');
    expect(codesOn(shift(last, 1))).not.toContain('COERCION_IN_TET_WINDOW');
  });

  it('derives the second Quốc khánh day and every nghỉ bù, and refuses coercions on them', () => {
    const derived = derivedDaysOffOfYear(year);
    const expectedDerived = new Set([...expected.compensatory, ...(expected.holidays.has(expected.second) ? [expected.second] : [])]);
    expect(new Set(derived.keys())).toEqual(expectedDerived);
    expect(derived.get(expected.second)?.kind).toBe('SECOND_NATIONAL_DAY');
    for (const d of expected.compensatory) {
      expect(derived.get(d)?.source).toBe('Khoản 3 Điều 111 Bộ luật Lao động 2019');
      expect(legalCalendar().isWorkingDay(d)).toBe(false);
      expect(codesOn(d), d).toContain('COERCION_ON_PUBLIC_HOLIDAY');
    }
    for (const d of expected.holidays) expect(legalCalendar().isWorkingDay(d), d).toBe(false);
  });

  it('ends every 10-day period (Đ.45, Đ.44) on the next working day when day 10 is a day off (khoản 5 Điều 148 BLDS 2015)', () => {
    const off = (d: LocalDate) => weekend(d) || expectedDaysOffAround(d).has(d);
    for (let received = iso(year, 1, 1); received <= iso(year, 12, 31); received = shift(received, 1)) {
      let end = shift(received, 10);
      while (off(end)) end = shift(end, 1);
      expect(legalCalendar().voluntaryPeriodEnd(at(received, '15')).toISOString(), received).toBe(
        new Date(`${end}T23:59:59.999+07:00`).toISOString(),
      );
      expect(legalCalendar().deadline('VERIFICATION', at(received, '15')).toISOString(), received).toBe(
        new Date(`${end}T23:59:59.999+07:00`).toISOString(),
      );
    }
  });
});

/** Days off of the year of `d` and of the next (a period received late in December ends in January). */
function expectedDaysOffAround(d: LocalDate): Set<LocalDate> {
  const y = Number(d.slice(0, 4));
  const out = new Set<LocalDate>();
  for (const year of [y - 1, y]) {
    const e = expectedDaysOff(year);
    for (const x of [...e.holidays, ...e.compensatory]) out.add(x);
  }
  return out;
}

describe('hand-worked examples', () => {
  it('Monday 3 May 2027 is the nghỉ bù for 1 May 2027 (a Saturday)', () => {
    expect(derivedDaysOffOfYear(2027).get('2027-05-03')).toMatchObject({
      kind: 'COMPENSATORY_DAY_OFF',
      source: 'Khoản 3 Điều 111 Bộ luật Lao động 2019',
    });
    expect(legalCalendar().isWorkingDay('2027-05-03')).toBe(false);
  });

  it('2/9/2029 is a Sunday: Monday 3/9 is the second Quốc khánh day and Tuesday 4/9 its nghỉ bù', () => {
    expect(derivedDaysOffOfYear(2029).get('2029-09-03')?.kind).toBe('SECOND_NATIONAL_DAY');
    expect(derivedDaysOffOfYear(2029).get('2029-09-04')?.kind).toBe('COMPENSATORY_DAY_OFF');
  });

  it('the Prime Minister’s schedule as data wins: a derived day off made a working day is one, an extra Tết day is off', () => {
    const schedule = createLegalCalendar({
      extraWorkingDays: ['2027-05-03'],
      extraDaysOff: [{ date: '2027-02-12', name: 'Nghỉ Tết Nguyên đán (theo Thông báo của Thủ tướng)' }],
    });
    expect(schedule.isWorkingDay('2027-05-03')).toBe(true);
    expect(schedule.isWorkingDay('2027-02-12')).toBe(false);
    expect(legalCalendar().isWorkingDay('2027-02-12')).toBe(true);
  });

  it('a Ministry directive entered as data replaces the computed Tết window of its year only', () => {
    const directive = createLegalCalendar({
      tetWindows: [{ tetYear: 2028, firstDay: '2028-01-05', lastDay: '2028-02-20', source: 'văn bản số 9/CT-BTP' }],
    });
    expect(directive.tetWindow(2028)).toEqual({
      tet: '2028-01-26',
      firstDay: '2028-01-05',
      lastDay: '2028-02-20',
      directive: 'văn bản số 9/CT-BTP',
    });
    const refusal = directive.forbiddenCoercionReasons(at('2028-02-18', '08'), at('2028-02-18', '10'));
    expect(refusal.map((r) => r.code)).toEqual(['COERCION_IN_TET_WINDOW']);
    expect(refusal[0].message).toContain('theo văn bản số 9/CT-BTP');
    expect(legalCalendar().forbiddenCoercionReasons(at('2028-02-18', '08'), at('2028-02-18', '10'))).toEqual([]);
    expect(directive.tetWindow(2029)).toEqual(legalCalendar().tetWindow(2029));
    expect(addDaysToLocalDate('2028-01-26', 17)).toBe('2028-02-12');
  });
});
