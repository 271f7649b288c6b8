/**
 * Money typed by a person: "777.000.000", "777000000", "777 000 000" or "777.000.000 đ" are all
 * 777,000,000 đồng. Vietnamese groups thousands with "." (and sometimes spaces); đồng have no
 * fraction, so a "," or a group of other than three digits is refused rather than guessed at.
 * Exact: digits stay a string (BigInt for grouping), never a float.
 */

/** Why a typed amount was refused (a message key of the form `money.error.<reason>`). */
export type MoneyProblem = 'empty' | 'notDigits' | 'grouping' | 'tooLarge' | 'zero';

/** A parsed amount: the decimal string of đồng the API's Money scalar takes, or why not. */
export type MoneyParse = { ok: true; value: string } | { ok: false; problem: MoneyProblem };

/** The largest amount the database holds (bigint). */
const MAX = 9_223_372_036_854_775_807n;

/**
 * Parses a typed amount of đồng. Accepts plain digits or thousands grouped by "." or spaces
 * (consistently, groups of three), with an optional trailing "đ"/"đồng"/"VND". `allowZero` for
 * amounts where 0 makes sense.
 */
export function parseMoney(text: string, { allowZero = false }: { allowZero?: boolean } = {}): MoneyParse {
  const trimmed = text
    .trim()
    .replace(/\s*(đồng|đ|vnđ|vnd)\.?$/i, '')
    .trim();
  if (trimmed === '') return { ok: false, problem: 'empty' };
  if (!/^[\d.\s\u00a0]+$/.test(trimmed)) return { ok: false, problem: 'notDigits' };
  let digits: string;
  if (/^\d+$/.test(trimmed)) digits = trimmed;
  else if (/^\d{1,3}([.\s\u00a0]\d{3})+$/.test(trimmed)) {
    const separators = new Set(trimmed.replace(/\d/g, ''));
    if (separators.size > 1) return { ok: false, problem: 'grouping' };
    digits = trimmed.replace(/\D/g, '');
  } else return { ok: false, problem: 'grouping' };
  const value = BigInt(digits);
  if (value > MAX) return { ok: false, problem: 'tooLarge' };
  if (value === 0n && !allowZero) return { ok: false, problem: 'zero' };
  return { ok: true, value: value.toString() };
}

/** "777000000" → "777.000.000" (how an amount is shown back in an input); other text as it is. */
export function groupMoney(value: string): string {
  return /^\d+$/.test(value)
    ? BigInt(value)
        .toLocaleString('vi-VN')
        .replace(/[\s\u00a0,]/g, '.')
    : value;
}
