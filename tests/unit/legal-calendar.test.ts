import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  LegalCalendar,
  addDaysToLocalDate,
  createLegalCalendar,
  endOfLocalDay,
  legalCalendar,
  localDayOfWeek,
  localDaysBetween,
  startOfLocalDay,
  tetDate,
  toLocalDate,
  type LocalDate,
} from '../../server/src/modules/calendar/legal-calendar';
import { COERCION_RULES, ruleVersionInForce } from '../../server/src/modules/calendar/legal-rules';

/** The instant at `hh:mm` Viet Nam time (UTC+7) on a local date, built without the process TZ. */
function vn(date: LocalDate, hhmm = '09:00'): Date {
  return new Date(`${date}T${hhmm}:00+07:00`);
}

/** The instant `minute` minutes after local midnight of a local date. */
function atMinute(date: LocalDate, minute: number): Date {
  return new Date(startOfLocalDay(date).getTime() + minute * 60_000);
}

function codes(start: Date, end: Date, cal: LegalCalendar = legalCalendar()): string[] {
  return cal.forbiddenCoercionReasons(start, end).map((r) => r.code);
}

const cal = legalCalendar();
const PROPERTY_RUNS = { numRuns: 200 };

describe('local date helpers (Asia/Ho_Chi_Minh, fixed UTC+7)', () => {
  it('maps an instant to its Viet Nam local date, not the machine date', () => {
    expect(toLocalDate(new Date('2026-02-16T16:59:59.999Z'))).toBe('2026-02-16');
    expect(toLocalDate(new Date('2026-02-16T17:00:00.000Z'))).toBe('2026-02-17');
  });

  it('gives local midnight and end of day as UTC+7 instants', () => {
    expect(startOfLocalDay('2026-04-30').toISOString()).toBe('2026-04-29T17:00:00.000Z');
    expect(endOfLocalDay('2026-04-30').toISOString()).toBe('2026-04-30T16:59:59.999Z');
  });

  it('rejects malformed or impossible local dates', () => {
    expect(() => startOfLocalDay('2026-02-30')).toThrow(RangeError);
    expect(() => startOfLocalDay('30/04/2026')).toThrow(RangeError);
  });
});

describe('Tết Nguyên đán from date-holidays', () => {
  it.each([
    [2024, '2024-02-10'],
    [2025, '2025-01-29'],
    [2026, '2026-02-17'],
    [2027, '2027-02-06'],
  ])('finds Tết %i on %s', (year, expected) => {
    expect(cal.tetDate(year)).toBe(expected);
    expect(tetDate(year)).toBe(expected);
  });

  it('uses the Vietnamese (UTC+7) lunar calendar, not the Chinese one (Tết 2007 was 17/02, a day before China)', () => {
    expect(tetDate(2007)).toBe('2007-02-17');
    expect(tetDate(1985)).toBe('1985-01-21');
  });

  it('always places Tết between 21 January and 20 February, on a public holiday', () => {
    for (let year = 1990; year <= 2060; year++) {
      const tet = tetDate(year);
      expect(tet >= `${year}-01-21` && tet <= `${year}-02-20`, `${year}: ${tet}`).toBe(true);
      expect(cal.isPublicHoliday(tet)).toEqual({ holiday: true, name: 'Tết Nguyên Đán', kind: 'public' });
    }
  });

  it('refuses years outside the supported range', () => {
    expect(() => tetDate(1975)).toThrow(RangeError);
    expect(() => tetDate(2026.5)).toThrow(RangeError);
  });
});

describe('public holidays', () => {
  it.each([
    ['2026-01-01', 'Tết Dương lịch'],
    ['2026-04-30', 'Ngày Giải phóng miền Nam'],
    ['2026-05-01', 'Quốc tế Lao động'],
    ['2026-09-02', 'Quốc khánh'],
    ['2024-04-18', 'Giỗ tổ Hùng Vương'],
    ['2025-04-07', 'Giỗ tổ Hùng Vương'],
    ['2026-04-26', 'Giỗ tổ Hùng Vương'],
    ['2027-04-16', 'Giỗ tổ Hùng Vương'],
    ['2026-02-16', 'Giao thừa Tết Nguyên Đán'],
    ['2026-02-17', 'Tết Nguyên Đán'],
    ['2026-02-20', 'Nghỉ Tết Nguyên Đán'],
  ])('recognises %s as a public holiday (%s)', (date, name) => {
    expect(cal.isPublicHoliday(date)).toEqual({ holiday: true, name, kind: 'public' });
    expect(cal.isWorkingDay(date)).toBe(false);
  });

  it('counts the five Tết days (eve + 4) as public holidays, not the day after', () => {
    for (const d of ['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20']) {
      expect(cal.isPublicHoliday(d).holiday, d).toBe(true);
    }
    expect(cal.isPublicHoliday('2026-02-15').holiday).toBe(false);
    expect(cal.isPublicHoliday('2026-02-21').holiday).toBe(false);
  });

  it('does not count observances (8/3, 20/10, Vu Lan) as days off', () => {
    for (const d of ['2026-03-09', '2026-10-20', '2026-08-27', '2026-11-20']) {
      expect(cal.isPublicHoliday(d).holiday, d).toBe(false);
      expect(cal.isWorkingDay(d), d).toBe(true);
    }
  });

  it('judges an instant by its Viet Nam local date', () => {
    expect(cal.isPublicHoliday(new Date('2026-04-29T16:59:00Z')).holiday).toBe(false); // 23:59 on 29/4
    expect(cal.isPublicHoliday(new Date('2026-04-29T17:00:00Z')).holiday).toBe(true); // 00:00 on 30/4
  });

  it('treats Saturdays and Sundays as non-working days', () => {
    expect(cal.isWorkingDay('2026-03-14')).toBe(false);
    expect(cal.isWorkingDay('2026-03-15')).toBe(false);
    expect(cal.isWorkingDay('2026-03-16')).toBe(true);
  });
});

describe('deadlines', () => {
  it('skips 30/4, 1/5 and the weekend when adding working days', () => {
    // Wed 29/04/2026 + 1 working day → Mon 04/05/2026, end of day local time.
    expect(cal.addWorkingDays(vn('2026-04-29', '15:00'), 1).toISOString()).toBe('2026-05-04T16:59:59.999Z');
    expect(toLocalDate(cal.addWorkingDays(vn('2026-04-29'), 3))).toBe('2026-05-06');
  });

  it('skips the Tết break when adding working days', () => {
    // Fri 13/02/2026; 16–20/02 Tết, 21–22/02 weekend.
    expect(toLocalDate(cal.addWorkingDays(vn('2026-02-13'), 1))).toBe('2026-02-23');
    expect(toLocalDate(cal.addWorkingDays(vn('2026-02-12'), 2))).toBe('2026-02-23');
  });

  it('never counts the starting day and counts from the next local day', () => {
    expect(toLocalDate(cal.addWorkingDays(vn('2026-03-11'), 3))).toBe('2026-03-16'); // Wed → Mon
    expect(toLocalDate(cal.addWorkingDays(vn('2026-03-14'), 1))).toBe('2026-03-16'); // Sat → Mon
    // 23:30 on Wed 11/03 local is still Wednesday even though it is Wednesday 16:30 UTC.
    expect(toLocalDate(cal.addWorkingDays(vn('2026-03-11', '23:30'), 1))).toBe('2026-03-12');
  });

  it('returns the end of the starting local day for zero days and rejects bad counts', () => {
    expect(cal.addWorkingDays(vn('2026-03-11', '10:00'), 0).toISOString()).toBe('2026-03-11T16:59:59.999Z');
    expect(() => cal.addWorkingDays(vn('2026-03-11'), -1)).toThrow(RangeError);
    expect(() => cal.addWorkingDays(vn('2026-03-11'), 1.5)).toThrow(RangeError);
  });

  it('adds calendar days to the end of the target local day', () => {
    expect(cal.addCalendarDays(vn('2026-03-10', '10:00'), 10).toISOString()).toBe('2026-03-20T16:59:59.999Z');
  });

  it('computes rule-based deadlines (police protection plan: 3 working days)', () => {
    expect(toLocalDate(cal.deadline('POLICE_PROTECTION_PLAN', vn('2026-04-28')))).toBe('2026-05-05');
    expect(toLocalDate(cal.deadline('ENFORCEMENT_DECISION', vn('2026-03-11')))).toBe('2026-03-18');
  });

  it('lands addWorkingDays on a working day with exactly n working days in between', () => {
    const base = '2024-01-01';
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 12 * 366 }), fc.integer({ min: 1, max: 30 }), (offset, n) => {
        const from = vn(addDaysToLocalDate(base, offset), '10:00');
        const result = cal.addWorkingDays(from, n);
        const day = toLocalDate(result);
        expect(result.getTime()).toBe(endOfLocalDay(day).getTime());
        expect(cal.isWorkingDay(day)).toBe(true);
        let count = 0;
        for (let d = addDaysToLocalDate(toLocalDate(from), 1); d <= day; d = addDaysToLocalDate(d, 1)) {
          if (cal.isWorkingDay(d)) count++;
        }
        expect(count).toBe(n);
      }),
      PROPERTY_RUNS,
    );
  });
});

describe('voluntary period (10 days, Điều 45)', () => {
  it('ends at the end of the 10th local day after receipt (bare count)', () => {
    const bare = { rollOverDaysOff: false };
    expect(cal.voluntaryPeriodEnd(vn('2026-03-05', '15:00'), bare).toISOString()).toBe('2026-03-15T16:59:59.999Z');
    // 23:30 on 05/03 local is the 5th; 00:30 on 06/03 local is the 6th.
    expect(toLocalDate(cal.voluntaryPeriodEnd(vn('2026-03-05', '23:30'), bare))).toBe('2026-03-15');
    expect(toLocalDate(cal.voluntaryPeriodEnd(vn('2026-03-06', '00:30'), bare))).toBe('2026-03-16');
  });

  it('counts weekends and holidays as calendar days and by default rolls a day-off end to the next working day (khoản 5 Điều 148 BLDS 2015)', () => {
    // Received Sat 18/04/2026 → day 10 = Tue 28/04; received Mon 20/04 → day 10 = Thu 30/04 (holiday) → Mon 04/05.
    expect(toLocalDate(cal.voluntaryPeriodEnd(vn('2026-04-18')))).toBe('2026-04-28');
    expect(toLocalDate(cal.voluntaryPeriodEnd(vn('2026-04-20'), { rollOverDaysOff: false }))).toBe('2026-04-30');
    expect(toLocalDate(cal.voluntaryPeriodEnd(vn('2026-04-20')))).toBe('2026-05-04');
    // Received Thu 05/03/2026 → day 10 = Sun 15/03 → Mon 16/03.
    expect(cal.voluntaryPeriodEnd(vn('2026-03-05', '15:00')).toISOString()).toBe('2026-03-16T16:59:59.999Z');
  });

  it('reports whether an instant is within the period', () => {
    const received = vn('2026-03-05', '15:00');
    expect(cal.isWithinVoluntaryPeriod(received, vn('2026-03-05', '15:00'))).toBe(true);
    expect(cal.isWithinVoluntaryPeriod(received, new Date('2026-03-16T16:59:59.999Z'))).toBe(true);
    expect(cal.isWithinVoluntaryPeriod(received, new Date('2026-03-16T17:00:00.000Z'))).toBe(false);
    expect(cal.isWithinVoluntaryPeriod(received, vn('2026-03-05', '14:59'))).toBe(false);
  });
});

describe('forbidden coercion times (Điều 46)', () => {
  it('accepts a plain weekday morning', () => {
    expect(cal.forbiddenCoercionReasons(vn('2026-03-11', '08:00'), vn('2026-03-11', '11:00'))).toEqual([]);
    expect(cal.isCoercionAllowed(vn('2026-03-11', '08:00'), vn('2026-03-11', '11:00'))).toBe(true);
  });

  it('accepts exactly 06:00–22:00 but refuses one minute more on either side', () => {
    expect(codes(vn('2026-03-11', '06:00'), vn('2026-03-11', '22:00'))).toEqual([]);
    expect(codes(vn('2026-03-11', '05:59'), vn('2026-03-11', '12:00'))).toEqual(['COERCION_AT_NIGHT']);
    expect(codes(vn('2026-03-11', '12:00'), vn('2026-03-11', '22:01'))).toEqual(['COERCION_AT_NIGHT']);
  });

  it('explains the night rule with its source and an allowed time range', () => {
    const [reason] = cal.forbiddenCoercionReasons(vn('2026-03-11', '21:00'), vn('2026-03-11', '23:30'));
    expect(reason.code).toBe('COERCION_AT_NIGHT');
    expect(reason.source).toContain('Điều 46');
    expect(reason.message).toBe(
      'Không được cưỡng chế trong khoảng từ 22:00 đến 06:00 sáng hôm sau (giờ Việt Nam); ' +
        'thời gian dự kiến 21:00 11/03/2026 – 23:30 11/03/2026 có phần rơi vào ban đêm. ' +
        'Chọn khung giờ từ 06:00 đến 22:00 trong cùng một ngày.',
    );
  });

  it('rejects a coercion inside the Tết window with the allowed dates in the message', () => {
    const reasons = cal.forbiddenCoercionReasons(vn('2026-02-24', '08:00'), vn('2026-02-24', '11:00'));
    expect(reasons.map((r) => r.code)).toEqual(['COERCION_IN_TET_WINDOW']);
    expect(reasons[0].message).toBe(
      'Không được cưỡng chế trong dịp Tết Nguyên đán 2026 (Tết: 17/02/2026; thời gian không cưỡng chế từ 02/02/2026 đến hết 06/03/2026, ' +
        '15 ngày trước Tết và 15 ngày sau ba ngày Tết, khoản 2 Điều 13 Nghị định 62/2015/NĐ-CP); ' +
        'chọn ngày trước 02/02/2026 hoặc sau 06/03/2026.',
    );
    expect(reasons[0].source).toContain('Khoản 2 Điều 13 Nghị định 62/2015/NĐ-CP');
    expect(reasons[0].dates).toEqual(['2026-02-24']);
  });

  it('includes both ends of the Tết−15 … Tết+17 window and nothing beyond', () => {
    expect(codes(vn('2026-02-02'), vn('2026-02-02', '10:00'))).toEqual(['COERCION_IN_TET_WINDOW']);
    expect(codes(vn('2026-03-05'), vn('2026-03-05', '10:00'))).toEqual(['COERCION_IN_TET_WINDOW']); // Thu, Tết+16
    expect(codes(vn('2026-03-06'), vn('2026-03-06', '10:00'))).toEqual(['COERCION_IN_TET_WINDOW']); // Fri, Tết+17
    expect(codes(vn('2026-01-30'), vn('2026-01-30', '10:00'))).toEqual([]); // Fri, 18 days before
    expect(codes(vn('2026-03-09'), vn('2026-03-09', '10:00'))).toEqual([]); // Mon, Tết+20
    expect(codes(vn('2025-01-14'), vn('2025-01-14', '10:00'))).toEqual(['COERCION_IN_TET_WINDOW']); // Tết 29/01/2025
    expect(codes(vn('2025-01-13'), vn('2025-01-13', '10:00'))).toEqual([]);
  });

  it('refuses a public holiday and names it, suggesting the next allowed day', () => {
    const reasons = cal.forbiddenCoercionReasons(vn('2026-04-30', '08:00'), vn('2026-04-30', '10:00'));
    expect(reasons.map((r) => r.code)).toEqual(['COERCION_ON_PUBLIC_HOLIDAY']);
    expect(reasons[0].message).toBe(
      'Không được cưỡng chế vào ngày lễ, Tết: 30/04/2026 (Ngày Giải phóng miền Nam). ' +
        'Chọn ngày làm việc khác, gần nhất là thứ Hai 04/05/2026.',
    );
  });

  it('refuses a weekend and reports every rule broken by a multi-day coercion', () => {
    const reasons = cal.forbiddenCoercionReasons(vn('2026-03-13', '08:00'), vn('2026-03-14', '10:00'));
    expect(reasons.map((r) => r.code)).toEqual(['COERCION_AT_NIGHT', 'COERCION_ON_DAY_OFF']);
    const dayOff = reasons[1];
    expect(dayOff.dates).toEqual(['2026-03-14']);
    expect(dayOff.message).toBe(
      'Không được cưỡng chế vào ngày nghỉ: thứ Bảy 14/03/2026. Chọn ngày làm việc khác, gần nhất là thứ Hai 16/03/2026.',
    );
  });

  it('reports a holiday that is also inside the Tết window under both rules', () => {
    expect(codes(vn('2026-02-17'), vn('2026-02-17', '10:00'))).toEqual(['COERCION_ON_PUBLIC_HOLIDAY', 'COERCION_IN_TET_WINDOW']);
  });

  it('does not count a span ending exactly at local midnight as touching the next day', () => {
    // Fri 13/03 20:00 → Sat 14/03 00:00: night yes, but Saturday is not touched.
    expect(codes(vn('2026-03-13', '20:00'), vn('2026-03-14', '00:00'))).toEqual(['COERCION_AT_NIGHT']);
  });

  it('requires start before end', () => {
    expect(() => cal.forbiddenCoercionReasons(vn('2026-03-11', '10:00'), vn('2026-03-11', '10:00'))).toThrow(RangeError);
    expect(() => cal.forbiddenCoercionReasons(vn('2026-03-11', '10:00'), vn('2026-03-11', '09:00'))).toThrow(RangeError);
    expect(() => cal.forbiddenCoercionReasons(new Date(NaN), vn('2026-03-11'))).toThrow(RangeError);
  });

  it('selects the rule version in force on the date and none before the law', () => {
    expect(ruleVersionInForce(COERCION_RULES.COERCION_IN_TET_WINDOW, '2026-02-17')?.params).toEqual({
      daysBefore: 15,
      daysAfter: 17,
    });
    expect(ruleVersionInForce(COERCION_RULES.COERCION_IN_TET_WINDOW, '2009-06-30')).toBeUndefined();
    const versions = [
      { code: 'X', effectiveFrom: '2009-07-01', effectiveTo: '2026-07-01', rule: 'old', source: 'a', verified: true, params: 1 },
      { code: 'X', effectiveFrom: '2026-07-01', rule: 'new', source: 'b', verified: false, params: 2 },
    ];
    expect(ruleVersionInForce(versions, '2026-06-30')?.rule).toBe('old');
    expect(ruleVersionInForce(versions, '2026-07-01')?.rule).toBe('new');
  });

  describe('properties', () => {
    const FIRST_DAY = '2024-01-01'; // a Monday
    const DAYS = localDaysBetween(FIRST_DAY, '2035-12-31');
    const localDay = fc.integer({ min: 0, max: DAYS }).map((i) => addDaysToLocalDate(FIRST_DAY, i));

    it('always refuses an instant whose local time is between 22:00 and 06:00', () => {
      const nightMinute = fc.oneof(fc.integer({ min: 22 * 60, max: 24 * 60 - 1 }), fc.integer({ min: 0, max: 6 * 60 - 1 }));
      fc.assert(
        fc.property(localDay, nightMinute, fc.integer({ min: 1, max: 12 * 60 }), (day, minute, duration) => {
          const start = atMinute(day, minute);
          const end = new Date(start.getTime() + duration * 60_000);
          expect(codes(start, end)).toContain('COERCION_AT_NIGHT');
        }),
        PROPERTY_RUNS,
      );
    });

    it('always refuses a local date from Tết−15 to Tết+17 of that year', () => {
      fc.assert(
        fc.property(
          fc.integer({ min: 2024, max: 2035 }),
          fc.integer({ min: -15, max: 17 }),
          fc.integer({ min: 6 * 60, max: 20 * 60 }),
          fc.integer({ min: 1, max: 120 }),
          (year, offset, minute, duration) => {
            const start = atMinute(addDaysToLocalDate(tetDate(year), offset), minute);
            const end = new Date(start.getTime() + duration * 60_000);
            expect(codes(start, end)).toContain('COERCION_IN_TET_WINDOW');
          },
        ),
        PROPERTY_RUNS,
      );
    });

    it('always refuses a Saturday or Sunday', () => {
      fc.assert(
        fc.property(
          fc.integer({ min: 0, max: Math.floor(DAYS / 7) - 1 }),
          fc.constantFrom(5, 6),
          fc.integer({ min: 6 * 60, max: 20 * 60 }),
          (week, dow, minute) => {
            const day = addDaysToLocalDate(FIRST_DAY, week * 7 + dow);
            expect([0, 6]).toContain(localDayOfWeek(day));
            const start = atMinute(day, minute);
            expect(codes(start, new Date(start.getTime() + 60 * 60_000))).toContain('COERCION_ON_DAY_OFF');
          },
        ),
        PROPERTY_RUNS,
      );
    });

    it('accepts a plain Tuesday–Thursday 08:00–11:00 far from Tết and holiday weeks', () => {
      const farFromTet = (day: LocalDate): boolean => {
        const y = Number(day.slice(0, 4));
        return [y - 1, y, y + 1].every((ty) => Math.abs(localDaysBetween(tetDate(ty), day)) > 17);
      };
      const inHolidayWeek = (day: LocalDate): boolean => {
        const md = day.slice(5);
        return md >= '12-29' || md <= '01-03' || (md >= '04-27' && md <= '05-03') || (md >= '08-30' && md <= '09-04');
      };
      fc.assert(
        fc.property(
          fc.integer({ min: 0, max: Math.floor(DAYS / 7) - 1 }),
          fc.constantFrom(1, 2, 3),
          fc.integer({ min: 8 * 60, max: 11 * 60 - 1 }),
          fc.integer({ min: 1, max: 180 }),
          (week, dow, minute, duration) => {
            const day = addDaysToLocalDate(FIRST_DAY, week * 7 + dow);
            fc.pre(farFromTet(day) && !inHolidayWeek(day) && !cal.isPublicHoliday(day).holiday);
            const start = atMinute(day, minute);
            const end = atMinute(day, Math.min(11 * 60, minute + duration));
            expect(cal.forbiddenCoercionReasons(start, end)).toEqual([]);
          },
        ),
        PROPERTY_RUNS,
      );
    });
  });
});

describe('extra days off and make-up working days', () => {
  const custom = createLegalCalendar({
    extraDaysOff: ['2026-09-03', { date: '2026-01-02', name: 'Nghỉ bù Tết Dương lịch' }],
    extraWorkingDays: ['2026-03-14'],
  });

  it('treats an extra day off as a holiday and a non-working day', () => {
    expect(custom.isPublicHoliday('2026-09-03')).toEqual({
      holiday: true,
      name: 'Ngày nghỉ theo quyết định của cơ quan có thẩm quyền',
      kind: 'extraDayOff',
    });
    expect(custom.isPublicHoliday('2026-01-02').name).toBe('Nghỉ bù Tết Dương lịch');
    expect(custom.isWorkingDay('2026-09-03')).toBe(false);
    expect(cal.isWorkingDay('2026-09-03')).toBe(true); // the default calendar is unaffected
  });

  it('skips extra days off when adding working days', () => {
    // Mon 31/08/2026 + 1: 01/09 second Quốc khánh day (rule), 02/09 Quốc khánh, 03/09 extra day off → Fri 04/09.
    expect(toLocalDate(custom.addWorkingDays(vn('2026-08-31'), 1))).toBe('2026-09-04');
    expect(toLocalDate(cal.addWorkingDays(vn('2026-08-31'), 1))).toBe('2026-09-03');
  });

  it('refuses a coercion on an extra day off as a day off, naming it', () => {
    const reasons = custom.forbiddenCoercionReasons(vn('2026-01-02'), vn('2026-01-02', '11:00'));
    expect(reasons.map((r) => r.code)).toEqual(['COERCION_ON_DAY_OFF']);
    expect(reasons[0].message).toContain('thứ Sáu 02/01/2026 (Nghỉ bù Tết Dương lịch)');
  });

  it('counts a make-up Saturday as a working day on which coercion is allowed', () => {
    expect(custom.isWorkingDay('2026-03-14')).toBe(true);
    expect(toLocalDate(custom.addWorkingDays(vn('2026-03-13'), 1))).toBe('2026-03-14');
    expect(custom.forbiddenCoercionReasons(vn('2026-03-14', '08:00'), vn('2026-03-14', '11:00'))).toEqual([]);
    expect(codes(vn('2026-03-14', '08:00'), vn('2026-03-14', '11:00'))).toEqual(['COERCION_ON_DAY_OFF']);
  });

  it('suggests the next allowed day taking extra days off into account', () => {
    expect(custom.nextCoercionDay('2026-08-31')).toBe('2026-09-04');
  });

  it('rejects contradictory or malformed extra dates', () => {
    expect(() => createLegalCalendar({ extraDaysOff: ['2026-03-14'], extraWorkingDays: ['2026-03-14'] })).toThrow(RangeError);
    expect(() => createLegalCalendar({ extraDaysOff: ['2026-13-01'] })).toThrow(RangeError);
  });
});

describe('default calendar', () => {
  it('returns one cached instance without extras', () => {
    expect(legalCalendar()).toBe(legalCalendar());
    expect(legalCalendar()).toBeInstanceOf(LegalCalendar);
  });
});
