import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../../auth/viewer';
import { badInput, conflict, notFound } from '../../errors';
import type { Outbox } from '../../events/outbox';
import { assertAllowed, canGlobally } from '../../policy/abilities';
import { User } from '../users/user.entity';
import { CALENDAR_DAY_KIND, CalendarDay } from './calendar-day.entity';
import {
  addDaysToLocalDate,
  createLegalCalendar,
  formatLocalDateVi,
  legalCalendar,
  localDayOfWeek,
  localDaysBetween,
  type LegalCalendar,
  type LocalDate,
} from './legal-calendar';

/** Anything that hands out the legal calendar in force (services depend on this, not on the class). */
export interface CalendarSource {
  current(): LegalCalendar;
}


/** Event stream and topic of calendar changes (every instance reloads on it). */
export const CALENDAR_STREAM = 'calendar';
export const CALENDAR_TOPIC = 'calendar';

/** Longest range `days()` answers: two years. */
export const MAX_CALENDAR_RANGE_DAYS = 731;

const ISO_DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

export interface NewCalendarDayInput {
  date: string;
  kind: CALENDAR_DAY_KIND;
  name: string;
  source: string;
}

/** One day of the legal calendar as shown to users: a library public holiday or an official data row. */
export interface CalendarDayView {
  date: LocalDate;
  kind: 'PUBLIC_HOLIDAY' | 'DAY_OFF' | 'WORKING_DAY';
  name: string;
  /** The decision (data rows) or the legal basis (public holidays). */
  source: string;
}

const PUBLIC_HOLIDAY_SOURCE = 'Điều 112 Bộ luật Lao động 2019';

/** Validates a 'YYYY-MM-DD' local date in the calendar's supported years; BAD_USER_INPUT otherwise. */
function checkDate(date: string, field: string): LocalDate {
  const year = Number(date.slice(0, 4));
  let valid = ISO_DATE_RE.test(date) && year >= 1976 && year <= 2999;
  if (valid) {
    try {
      localDayOfWeek(date);
    } catch {
      valid = false;
    }
  }
  if (!valid) throw badInput(`Ngày "${date}" không hợp lệ: nhập theo dạng YYYY-MM-DD (năm 1976–2999).`, { field });
  return date;
}

/**
 * Owns this instance's legal calendar: the library's public holidays plus the official days off and
 * make-up working days stored as CalendarDay rows. `current()` is synchronous (deadlines and coercion
 * checks call it inside transactions); `load()` rebuilds it from the rows. Every change is a
 * `calendar.changed` event on topic `calendar`; app.ts reloads on each one, so every instance follows.
 */
export class CalendarService implements CalendarSource {
  private calendar: LegalCalendar = createLegalCalendar();
  private loadsStarted = 0;
  private loadApplied = 0;

  constructor(private readonly outbox: Outbox) {}

  /** The calendar in force on this instance (the library calendar until the first load). */
  current(): LegalCalendar {
    return this.calendar;
  }

  /** Rebuilds the calendar from the rows. A load that finishes after a later one is discarded. */
  async load(em: EntityManager): Promise<LegalCalendar> {
    const ticket = ++this.loadsStarted;
    const rows = await em.find(CalendarDay, {}, { orderBy: { date: 'asc' } });
    const calendar = createLegalCalendar({
      extraDaysOff: rows.filter((r) => r.kind === CALENDAR_DAY_KIND.DAY_OFF).map((r) => ({ date: r.date, name: r.name })),
      extraWorkingDays: rows.filter((r) => r.kind === CALENDAR_DAY_KIND.WORKING_DAY).map((r) => r.date),
    });
    if (ticket > this.loadApplied) {
      this.loadApplied = ticket;
      this.calendar = calendar;
    }
    return this.calendar;
  }

  /** The official data rows in [from, to]. */
  rows(em: EntityManager, from: LocalDate, to: LocalDate): Promise<CalendarDay[]> {
    return em.find(CalendarDay, { date: { $gte: from, $lte: to } }, { orderBy: { date: 'asc' } });
  }

  /**
   * Every non-ordinary day in [from, to] (at most two years): library public holidays merged with the
   * official rows, by date. A make-up working day on a public holiday is not possible (refused by add).
   */
  async days(em: EntityManager, from: string, to: string): Promise<CalendarDayView[]> {
    checkDate(from, 'from');
    checkDate(to, 'to');
    const span = localDaysBetween(from, to);
    if (span < 0) throw badInput('Ngày bắt đầu phải trước hoặc bằng ngày kết thúc.', { field: 'to' });
    if (span >= MAX_CALENDAR_RANGE_DAYS) throw badInput('Chỉ xem được tối đa 2 năm mỗi lần.', { field: 'to' });
    const byDate = new Map<LocalDate, CalendarDayView>();
    const library = legalCalendar();
    for (let day = from; day <= to; day = addDaysToLocalDate(day, 1)) {
      const holiday = library.isPublicHoliday(day);
      if (holiday.holiday) byDate.set(day, { date: day, kind: 'PUBLIC_HOLIDAY', name: holiday.name ?? 'Ngày lễ, Tết', source: PUBLIC_HOLIDAY_SOURCE });
    }
    for (const row of await this.rows(em, from, to)) {
      byDate.set(row.date, { date: row.date, kind: row.kind, name: row.name, source: row.source });
    }
    return [...byDate.values()].sort((a, b) => a.date.localeCompare(b.date));
  }

  /** Adds an official day off or make-up working day (system admins). */
  async add(em: EntityManager, viewer: Viewer, input: NewCalendarDayInput): Promise<CalendarDay> {
    assertAllowed(canGlobally(viewer, 'calendar.manage'), 'quản lý lịch ngày nghỉ, ngày làm việc');
    const date = checkDate(input.date.trim(), 'date');
    const name = input.name.trim();
    const source = input.source.trim();
    if (!name) throw badInput('Nhập tên ngày (ví dụ "Nghỉ bù Quốc khánh").', { field: 'name' });
    if (!source) throw badInput('Nhập văn bản quyết định (ví dụ "Thông báo 6150/TB-BLĐTBXH").', { field: 'source' });
    const dow = localDayOfWeek(date);
    const weekend = dow === 0 || dow === 6;
    const holiday = legalCalendar().isPublicHoliday(date);
    if (input.kind === CALENDAR_DAY_KIND.WORKING_DAY) {
      if (!weekend) {
        throw badInput(`Ngày ${formatLocalDateVi(date)} không phải thứ Bảy hoặc Chủ nhật: ngày làm bù chỉ có thể là ngày nghỉ cuối tuần.`, { field: 'date' });
      }
      if (holiday.holiday) {
        throw badInput(`Ngày ${formatLocalDateVi(date)} là ngày lễ, Tết (${holiday.name}): không thể đặt làm ngày làm bù.`, { field: 'date' });
      }
    } else if (holiday.holiday) {
      throw badInput(`Ngày ${formatLocalDateVi(date)} đã là ngày lễ, Tết theo luật (${holiday.name}); không cần thêm.`, { field: 'date' });
    }

    try {
      const day = await this.outbox.transaction(em, async (tx) => {
        const existing = await tx.em.findOne(CalendarDay, { date });
        if (existing) throw this.duplicate(existing);
        const day = tx.em.create(CalendarDay, { date, kind: input.kind, name, source, createdBy: tx.em.getReference(User, viewer.userId) });
        await tx.em.flush();
        await tx.emit({
          type: 'calendar.changed',
          stream: CALENDAR_STREAM,
          actorId: viewer.userId,
          topics: [CALENDAR_TOPIC],
          payload: { change: 'added', date, kind: input.kind, name, source },
        });
        return day;
      });
      await this.load(em.fork()); // this instance answers with the new calendar at once; others via the event
      return day;
    } catch (err) {
      if (err instanceof UniqueConstraintViolationException) {
        throw conflict(`Ngày ${formatLocalDateVi(date)} đã có trong lịch.`, { field: 'date' });
      }
      throw err;
    }
  }

  /** Removes the official row of `date` (system admins); the date becomes an ordinary day again. */
  async remove(em: EntityManager, viewer: Viewer, date: string): Promise<CalendarDay> {
    assertAllowed(canGlobally(viewer, 'calendar.manage'), 'quản lý lịch ngày nghỉ, ngày làm việc');
    const local = checkDate(date.trim(), 'date');
    const removed = await this.outbox.transaction(em, async (tx) => {
      const day = await tx.em.findOne(CalendarDay, { date: local });
      if (!day) throw notFound(`ngày ${formatLocalDateVi(local)} trong lịch`, { field: 'date' });
      tx.em.remove(day);
      await tx.em.flush();
      await tx.emit({
        type: 'calendar.changed',
        stream: CALENDAR_STREAM,
        actorId: viewer.userId,
        topics: [CALENDAR_TOPIC],
        payload: { change: 'removed', date: local, kind: day.kind, name: day.name, source: day.source },
      });
      return day;
    });
    await this.load(em.fork());
    return removed;
  }

  private duplicate(existing: CalendarDay) {
    const what = existing.kind === CALENDAR_DAY_KIND.DAY_OFF ? 'ngày nghỉ' : 'ngày làm bù';
    return conflict(`Ngày ${formatLocalDateVi(existing.date)} đã có trong lịch là ${what} "${existing.name}" (${existing.source}); xóa trước nếu muốn thay đổi.`, { field: 'date' });
  }
}
