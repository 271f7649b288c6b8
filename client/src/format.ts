/** Display formats shared by the case pages. Money is exact (BigInt), times are Viet Nam time. */

/**
 * "777.000.000 đ" from a Money decimal string of đồng; never through Number(). Takes `unknown`
 * because codegen types the Money scalar as unknown (codegen.yml maps only DateTimeISO).
 */
export function formatMoney(value: unknown): string {
  if (typeof value !== 'string' || value === '') return '—';
  try {
    return `${BigInt(value).toLocaleString('vi-VN')} đ`;
  } catch {
    return `${value} đ`; // not an integer string: show it as the server sent it
  }
}

// Fixed parts, assembled below in the Vietnamese order ("HH:mm dd/mm/yyyy"), whatever the browser's
// locale or its Intl data.
const dateTimeFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Asia/Ho_Chi_Minh',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** A DateTimeISO in Asia/Ho_Chi_Minh as "17:00 05/09/2026" (24 h, dd/mm/yyyy), as Vietnamese documents write it. */
export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const part = Object.fromEntries(dateTimeFormat.formatToParts(date).map((p) => [p.type, p.value]));
  return `${part.hour}:${part.minute} ${part.day}/${part.month}/${part.year}`;
}

const timeFormat = new Intl.DateTimeFormat('vi-VN', {
  timeZone: 'Asia/Ho_Chi_Minh',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** The time of day "HH:mm" in Asia/Ho_Chi_Minh, from a DateTimeISO or a Date. */
export function formatTime(value: string | Date): string {
  const date = typeof value === 'string' ? new Date(value) : value;
  return Number.isNaN(date.getTime()) ? String(value) : timeFormat.format(date);
}

/** A calendar date "YYYY-MM-DD" as "DD/MM/YYYY" (no time zone involved). */
export function formatDate(ymd: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(ymd);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : ymd;
}

/** A decimal string of m² ("4000" → "4.000 m²"), keeping any fraction as given. */
export function formatArea(value: unknown): string {
  if (typeof value !== 'string' || value === '') return '—';
  const [whole, fraction] = value.split('.');
  try {
    const grouped = BigInt(whole!).toLocaleString('vi-VN');
    return `${fraction ? `${grouped},${fraction}` : grouped} m²`;
  } catch {
    return `${value} m²`;
  }
}
