import { describe, expect, it } from 'vitest';
import { isoToDayMonthYear, parseDayMonthYear } from '../../client/src/lib/date-text';
import { groupMoney, parseMoney } from '../../client/src/lib/money';

describe('parseMoney (đồng typed by a person)', () => {
  it.each([
    ['777.000.000', '777000000'],
    ['777000000', '777000000'],
    ['777 000 000', '777000000'],
    ['777.000.000 đ', '777000000'],
    ['4.600.000.000 đồng', '4600000000'],
    [' 1.000 ', '1000'],
    ['9.223.372.036.854.775.807', '9223372036854775807'],
  ])('reads %s as %s exactly', (text, value) => {
    expect(parseMoney(text)).toEqual({ ok: true, value });
  });

  it.each([
    ['', 'empty'],
    ['12,5', 'notDigits'],
    ['abc', 'notDigits'],
    ['77.00.000', 'grouping'],
    ['1.000 000', 'grouping'],
    ['.000', 'grouping'],
    ['9.223.372.036.854.775.808', 'tooLarge'],
    ['0', 'zero'],
  ])('refuses %j (%s)', (text, problem) => {
    expect(parseMoney(text)).toEqual({ ok: false, problem });
  });

  it('accepts zero where asked', () => {
    expect(parseMoney('0', { allowZero: true })).toEqual({ ok: true, value: '0' });
  });

  it('groups an amount back with dots, beyond 2^53 without rounding', () => {
    expect(groupMoney('777000000')).toBe('777.000.000');
    expect(groupMoney('9007199254740993')).toBe('9.007.199.254.740.993');
  });
});

describe('dd/mm/yyyy dates', () => {
  it('reads Vietnamese dates as ISO', () => {
    expect(parseDayMonthYear('05/09/2026')).toBe('2026-09-05');
    expect(parseDayMonthYear('5/9/2026')).toBe('2026-09-05');
    expect(parseDayMonthYear('29-02-2028')).toBe('2028-02-29');
  });

  it('refuses impossible or American-order dates', () => {
    expect(parseDayMonthYear('31/04/2026')).toBeNull();
    expect(parseDayMonthYear('29/02/2026')).toBeNull();
    expect(parseDayMonthYear('09/25/2026')).toBeNull();
    expect(parseDayMonthYear('2026-09-05')).toBeNull();
  });

  it('shows ISO dates as dd/mm/yyyy', () => {
    expect(isoToDayMonthYear('2026-09-05')).toBe('05/09/2026');
  });
});
