/**
 * What other modules may use of the calendar module: the instance's calendar (as `CalendarSource`),
 * the pure legal-calendar arithmetic and the citation table. Everything else here is internal.
 */
export type { CalendarSource } from './calendar.service';
export { endOfLocalDay, formatLocalDateVi, startOfLocalDay, toLocalDate, type LegalCalendar, type LocalDate } from './legal-calendar';
export { cite, citeAll, type CitationCode } from './legal-rules';
