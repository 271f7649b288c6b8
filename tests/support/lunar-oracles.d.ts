/**
 * Types for the two lunar-calendar libraries used ONLY as test oracles (dev dependencies), independent
 * of date-holidays which the server uses: `amlich` (Hồ Ngọc Đức's algorithm, any time zone; 7 = Viet
 * Nam) and `lunar-javascript` (the Chinese calendar, UTC+8). Neither ships its own types.
 */
declare module 'amlich' {
  /** Lunar (day, month, year, leap) → solar [day, month, year]. */
  export function convertLunar2Solar(
    lunarDay: number,
    lunarMonth: number,
    lunarYear: number,
    lunarLeap: 0 | 1,
    timeZone: number,
  ): [number, number, number];
  /** Solar (day, month, year) → lunar [day, month, year, leap]. */
  export function convertSolar2Lunar(day: number, month: number, year: number, timeZone: number): [number, number, number, number];
}

declare module 'lunar-javascript' {
  export const Lunar: { fromYmd(year: number, month: number, day: number): { getSolar(): { toYmd(): string } } };
}
