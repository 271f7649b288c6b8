/**
 * Dates typed as Vietnamese documents write them: "05/09/2026" (dd/mm/yyyy; "5/9/2026" and "05-09-2026"
 * too) ⇄ the ISO "2026-09-05" the API takes. No time zone is involved: these are calendar dates.
 */

/** "05/09/2026" → "2026-09-05", or null when it is not a real calendar date. */
export function parseDayMonthYear(text: string): string | null {
  const m = /^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$/.exec(text);
  if (!m) return null;
  const [day, month, year] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** "2026-09-05" → "05/09/2026" (other text as it is). */
export function isoToDayMonthYear(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}
