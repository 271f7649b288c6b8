import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../../auth/viewer';
import { badInput, conflict, notFound } from '../../errors';
import type { Outbox } from '../../events/outbox';
import { type EventPayloads, streams, topics } from '../../events/vocabulary';
import { assertAllowed, canGlobally } from '../../policy/abilities';
import { User } from '../users/user.entity';
import type { Tx } from '../../events/outbox';
import { CALENDAR_DAY_KIND, CalendarDay, TetDirective } from './calendar-day.entity';
import {
  addDaysToLocalDate,
  createLegalCalendar,
  derivedDaysOffOfYear,
  formatLocalDateVi,
  legalCalendar,
  localDayOfWeek,
  localDaysBetween,
  tetDate,
  type LegalCalendar,
  type LocalDate,
  type TetWindow,
} from './legal-calendar';
import { cite } from './legal-rules';

/** Anything that hands out the legal calendar in force (services depend on this, not on the class). */
export interface CalendarSource {
  current(): LegalCalendar;
}

/**
 * What depends on the calendar (stored deadlines, planned coercions). Called inside the transaction
 * of every calendar change with the calendar as it will be after the change and the local dates whose
 * status changed, so that the change and its consequences commit (or fail) together.
 */
export type CalendarChangeHook = (
  tx: Tx,
  calendar: LegalCalendar,
  changedDates: LocalDate[],
  actorId: string,
) => Promise<Partial<CalendarRecalculation> | undefined>;

/** What one calendar change recalculated (counts, for the admin who made it). */
export interface CalendarRecalculation {
  /** Cases whose stored decision / voluntary-period / verification deadline moved. */
  cases: number;
  /** Open coercions whose police protection plan deadline moved. */
  protectionPlans: number;
  /** Tasks given "due in N working days" whose date was recounted. */
  tasks: number;
  /** Planned or ready coercions now on a forbidden day (flagged, lead officer tasked). */
  coercionsFlagged: number;
  /** Flagged coercions no longer on a forbidden day (flag cleared). */
  coercionsCleared: number;
}

const NO_RECALCULATION: CalendarRecalculation = { cases: 0, protectionPlans: 0, tasks: 0, coercionsFlagged: 0, coercionsCleared: 0 };

/** Event stream and topic of calendar changes (every instance reloads on it). */

/** Longest range `days()` answers: two years. */
export const MAX_CALENDAR_RANGE_DAYS = 731;

const ISO_DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

/** A Tết directive as entered (see TetDirective). */
export interface TetDirectiveInput {
  tetYear: number;
  firstDay: string;
  lastDay: string;
  documentNumber: string;
  documentDate: string;
}

/** The Tết window of one year as shown to users. */
export interface TetWindowView extends TetWindow {
  year: number;
  /** The directive (data) or the legal basis of the computed default. */
  source: string;
  /** 'DIRECTIVE' when a directive was entered for the year, else 'RULE'. */
  origin: 'DIRECTIVE' | 'RULE';
  /** The window computed by rule (Tết−15 … Tết+17), shown beside a directive's dates. */
  ruleFirstDay: LocalDate;
  ruleLastDay: LocalDate;
  /** The directive as entered, when there is one. */
  entered: { documentNumber: string; documentDate: LocalDate } | null;
}

export interface NewCalendarDayInput {
  date: string;
  kind: CALENDAR_DAY_KIND;
  name: string;
  source: string;
}

/** One day of the legal calendar as shown to users: a library public holiday or an official data row. */
export interface CalendarDayView {
  date: LocalDate;
  kind: 'PUBLIC_HOLIDAY' | 'DERIVED_DAY_OFF' | 'DAY_OFF' | 'WORKING_DAY';
  name: string;
  /** The decision (data rows) or the legal basis (public holidays). */
  source: string;
}

const PUBLIC_HOLIDAY_SOURCE = cite('PUBLIC_HOLIDAYS', '2021-01-01');
const MAX_TET_WINDOW_DAYS = 60;

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

/** A year the calendar can hold (1976–2999, as its dates); refused on `field`, named `label` in the message. */
function checkYear(year: number, field: string, label: string): void {
  if (!Number.isInteger(year) || year < 1976 || year > 2999) throw badInput(`${label} không hợp lệ (1976–2999).`, { field });
}

/** Changing the legal calendar (days off, working days, Tết directives): 'calendar.manage'. */
function assertManagesCalendar(viewer: Viewer): void {
  assertAllowed(canGlobally(viewer, 'calendar.manage'), 'quản lý lịch ngày nghỉ, ngày làm việc');
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
  private readonly hooks: CalendarChangeHook[] = [];
  /** The directives as entered (number and date), by Tết year, from the last load. */
  private directives = new Map<number, { documentNumber: string; documentDate: LocalDate }>();

  constructor(private readonly outbox: Outbox) {}

  /** Registers what must follow a calendar change (app.ts wires the case and action services). */
  onChange(hook: CalendarChangeHook): void {
    this.hooks.push(hook);
  }

  /** Builds the calendar from the rows visible to `em` (inside a transaction: including its changes). */
  private async build(em: EntityManager): Promise<LegalCalendar> {
    return (await this.buildWithDirectives(em)).calendar;
  }

  private async buildWithDirectives(em: EntityManager): Promise<{ calendar: LegalCalendar; directives: TetDirective[] }> {
    const rows = await em.find(CalendarDay, {}, { orderBy: { date: 'asc' } });
    const directives = await em.find(TetDirective, {}, { orderBy: { tetYear: 'asc' } });
    const calendar = createLegalCalendar({
      extraDaysOff: rows.filter((r) => r.kind === CALENDAR_DAY_KIND.DAY_OFF).map((r) => ({ date: r.date, name: r.name })),
      extraWorkingDays: rows.filter((r) => r.kind === CALENDAR_DAY_KIND.WORKING_DAY).map((r) => r.date),
      tetWindows: directives.map((d) => ({ tetYear: d.tetYear, firstDay: d.firstDay, lastDay: d.lastDay, source: directiveSource(d) })),
    });
    return { calendar, directives };
  }

  /** Runs the hooks inside the change's transaction with the calendar after the change. */
  private async consequences(tx: Tx, changedDates: LocalDate[], actorId: string): Promise<CalendarRecalculation> {
    await tx.em.flush();
    const after = await this.build(tx.em);
    const total = { ...NO_RECALCULATION };
    for (const hook of this.hooks) {
      const counts = await hook(tx, after, changedDates, actorId);
      for (const k of Object.keys(total) as Array<keyof CalendarRecalculation>) total[k] += counts?.[k] ?? 0;
    }
    return total;
  }

  /** The calendar in force on this instance (the library calendar until the first load). */
  current(): LegalCalendar {
    return this.calendar;
  }

  /** Rebuilds the calendar from the rows. A load that finishes after a later one is discarded. */
  async load(em: EntityManager): Promise<LegalCalendar> {
    const ticket = ++this.loadsStarted;
    const { calendar, directives } = await this.buildWithDirectives(em);
    if (ticket > this.loadApplied) {
      this.loadApplied = ticket;
      this.calendar = calendar;
      this.directives = new Map(directives.map((d) => [d.tetYear, { documentNumber: d.documentNumber, documentDate: d.documentDate }]));
    }
    return this.calendar;
  }

  /** The official data rows in [from, to]. */
  rows(em: EntityManager, from: LocalDate, to: LocalDate): Promise<CalendarDay[]> {
    return em.find(CalendarDay, { date: { $gte: from, $lte: to } }, { orderBy: { date: 'asc' } });
  }

  /**
   * Every non-ordinary day in [from, to] (at most two years): library public holidays, the days off
   * derived by rule (second Quốc khánh day, nghỉ bù) and the official rows, by date; where a row exists
   * it wins (the Prime Minister's schedule over the rule). A working day on a public holiday is refused by add.
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
      if (holiday.holiday)
        byDate.set(day, { date: day, kind: 'PUBLIC_HOLIDAY', name: holiday.name ?? 'Ngày lễ, Tết', source: PUBLIC_HOLIDAY_SOURCE });
    }
    for (let year = Number(from.slice(0, 4)); year <= Number(to.slice(0, 4)); year++) {
      for (const d of derivedDaysOffOfYear(year).values()) {
        if (d.date >= from && d.date <= to) byDate.set(d.date, { date: d.date, kind: 'DERIVED_DAY_OFF', name: d.name, source: d.source });
      }
    }
    for (const row of await this.rows(em, from, to)) {
      byDate.set(row.date, { date: row.date, kind: row.kind, name: row.name, source: row.source });
    }
    return [...byDate.values()].sort((a, b) => a.date.localeCompare(b.date));
  }

  /** Adds an official day off or make-up working day (system admins). */
  async add(
    em: EntityManager,
    viewer: Viewer,
    input: NewCalendarDayInput,
  ): Promise<{ day: CalendarDay; recalculated: CalendarRecalculation }> {
    assertManagesCalendar(viewer);
    const date = checkDate(input.date.trim(), 'date');
    const name = input.name.trim();
    const source = input.source.trim();
    if (!name) throw badInput('Nhập tên ngày (ví dụ "Nghỉ bù Quốc khánh").', { field: 'name' });
    if (!source) throw badInput('Nhập văn bản quyết định (ví dụ "Thông báo 6150/TB-BLĐTBXH").', { field: 'source' });
    const dow = localDayOfWeek(date);
    const weekend = dow === 0 || dow === 6;
    const holiday = legalCalendar().isPublicHoliday(date);
    if (input.kind === CALENDAR_DAY_KIND.WORKING_DAY) {
      // A derived day off (nghỉ bù, the second Quốc khánh day) may be moved by the Prime Minister's schedule.
      if (holiday.kind === 'derived') {
        // allowed: the schedule's data wins over the rule
      } else if (!weekend) {
        throw badInput(
          `Ngày ${formatLocalDateVi(date)} không phải thứ Bảy hoặc Chủ nhật: ngày làm bù chỉ có thể là ngày nghỉ cuối tuần (hoặc ngày nghỉ bù, nghỉ Quốc khánh liền kề theo quy tắc được lịch của Thủ tướng thay đổi).`,
          { field: 'date' },
        );
      } else if (holiday.holiday) {
        throw badInput(`Ngày ${formatLocalDateVi(date)} là ngày lễ, Tết (${holiday.name}): không thể đặt làm ngày làm bù.`, {
          field: 'date',
        });
      }
    } else if (holiday.holiday && holiday.kind === 'public') {
      throw badInput(`Ngày ${formatLocalDateVi(date)} đã là ngày lễ, Tết theo luật (${holiday.name}); không cần thêm.`, { field: 'date' });
    }

    try {
      const added = await this.outbox.transaction(em, async (tx) => {
        const existing = await tx.em.findOne(CalendarDay, { date });
        if (existing) throw this.duplicate(existing);
        const day = tx.em.create(CalendarDay, { date, kind: input.kind, name, source, createdBy: tx.em.getReference(User, viewer.userId) });
        await tx.em.flush();
        await emitCalendarChanged(tx, viewer, { change: 'added', date, kind: input.kind, name, source });
        const recalculated = await this.consequences(tx, [date], viewer.userId);
        return { day, recalculated };
      });
      await this.load(em.fork()); // this instance answers with the new calendar at once; others via the event
      return added;
    } catch (err) {
      if (err instanceof UniqueConstraintViolationException) {
        throw conflict(`Ngày ${formatLocalDateVi(date)} đã có trong lịch.`, { field: 'date' });
      }
      throw err;
    }
  }

  /** Removes the official row of `date` (system admins); the date becomes an ordinary day again. */
  async remove(em: EntityManager, viewer: Viewer, date: string): Promise<{ day: CalendarDay; recalculated: CalendarRecalculation }> {
    assertManagesCalendar(viewer);
    const local = checkDate(date.trim(), 'date');
    const removed = await this.outbox.transaction(em, async (tx) => {
      const day = await tx.em.findOne(CalendarDay, { date: local });
      if (!day) throw notFound(`ngày ${formatLocalDateVi(local)} trong lịch`, { field: 'date' });
      tx.em.remove(day);
      await tx.em.flush();
      await emitCalendarChanged(tx, viewer, { change: 'removed', date: local, kind: day.kind, name: day.name, source: day.source });
      const recalculated = await this.consequences(tx, [local], viewer.userId);
      return { day, recalculated };
    });
    await this.load(em.fork());
    return removed;
  }

  /** The Tết window in force for a year: the directive's dates when entered, else the computed default. */
  tetWindow(year: number): TetWindowView {
    checkYear(year, 'year', 'Năm');
    const w = this.calendar.tetWindow(year);
    // The library calendar carries no directives: its window is the rule's.
    const rule = legalCalendar().tetWindow(year);
    return {
      ...w,
      year,
      origin: w.directive ? 'DIRECTIVE' : 'RULE',
      source: w.directive ?? cite('TET_WINDOW', w.tet),
      ruleFirstDay: rule.firstDay,
      ruleLastDay: rule.lastDay,
      entered: this.directives.get(year) ?? null,
    };
  }

  /**
   * Enters (or replaces) the Ministry's Tết directive for one Tết (system admins): its window replaces the
   * computed one. The window must contain the three Tết days and last at most 60 days.
   */
  async setTetDirective(
    em: EntityManager,
    viewer: Viewer,
    input: TetDirectiveInput,
  ): Promise<TetWindowView & { recalculated: CalendarRecalculation }> {
    assertManagesCalendar(viewer);
    checkYear(input.tetYear, 'tetYear', 'Năm Tết');
    const firstDay = checkDate(input.firstDay.trim(), 'firstDay');
    const lastDay = checkDate(input.lastDay.trim(), 'lastDay');
    const documentDate = checkDate(input.documentDate.trim(), 'documentDate');
    const documentNumber = input.documentNumber.trim();
    if (documentNumber.length < 2) throw badInput('Nhập số hiệu chỉ thị, văn bản (ví dụ "01/CT-BTP").', { field: 'documentNumber' });
    const tet = tetDate(input.tetYear);
    if (!(firstDay <= tet && addDaysToLocalDate(tet, 2) <= lastDay)) {
      throw badInput(
        `Khoảng thời gian phải bao gồm ba ngày Tết ${input.tetYear} (từ ${formatLocalDateVi(tet)} đến ${formatLocalDateVi(addDaysToLocalDate(tet, 2))}).`,
        { field: 'firstDay' },
      );
    }
    if (localDaysBetween(firstDay, lastDay) >= MAX_TET_WINDOW_DAYS)
      throw badInput(`Khoảng thời gian không cưỡng chế dịp Tết dài tối đa ${MAX_TET_WINDOW_DAYS} ngày.`, { field: 'lastDay' });
    const before = this.calendar.tetWindow(input.tetYear);
    const recalculated = await this.outbox.transaction(em, async (tx) => {
      const existing = await tx.em.findOne(TetDirective, { tetYear: input.tetYear });
      if (existing) tx.em.remove(existing);
      await tx.em.flush();
      tx.em.create(TetDirective, {
        tetYear: input.tetYear,
        firstDay,
        lastDay,
        documentNumber,
        documentDate,
        createdBy: tx.em.getReference(User, viewer.userId),
      });
      await tx.em.flush();
      await emitCalendarChanged(tx, viewer, {
        change: 'tetDirectiveSet',
        tetYear: input.tetYear,
        firstDay,
        lastDay,
        documentNumber,
        documentDate,
      });
      return this.consequences(tx, datesBetween(minDate(before.firstDay, firstDay), maxDate(before.lastDay, lastDay)), viewer.userId);
    });
    await this.load(em.fork());
    return { ...this.tetWindow(input.tetYear), recalculated };
  }

  /** Removes the Tết directive of a year (system admins): the computed window applies again. */
  async removeTetDirective(
    em: EntityManager,
    viewer: Viewer,
    tetYear: number,
  ): Promise<TetWindowView & { recalculated: CalendarRecalculation }> {
    assertManagesCalendar(viewer);
    const before = this.calendar.tetWindow(tetYear);
    const recalculated = await this.outbox.transaction(em, async (tx) => {
      const existing = await tx.em.findOne(TetDirective, { tetYear });
      if (!existing) throw notFound(`chỉ thị về Tết ${tetYear}`, { field: 'tetYear' });
      tx.em.remove(existing);
      await tx.em.flush();
      await emitCalendarChanged(tx, viewer, { change: 'tetDirectiveRemoved', tetYear });
      const tet = tetDate(tetYear);
      return this.consequences(
        tx,
        datesBetween(minDate(before.firstDay, addDaysToLocalDate(tet, -15)), maxDate(before.lastDay, addDaysToLocalDate(tet, 17))),
        viewer.userId,
      );
    });
    await this.load(em.fork());
    return { ...this.tetWindow(tetYear), recalculated };
  }

  private duplicate(existing: CalendarDay) {
    const what = existing.kind === CALENDAR_DAY_KIND.DAY_OFF ? 'ngày nghỉ' : 'ngày làm bù';
    return conflict(
      `Ngày ${formatLocalDateVi(existing.date)} đã có trong lịch là ${what} "${existing.name}" (${existing.source}); xóa trước nếu muốn thay đổi.`,
      { field: 'date' },
    );
  }
}

/** How a directive is cited: "Chỉ thị, văn bản số 01/CT-BTP ngày 05/01/2027 của Bộ Tư pháp". */
function directiveSource(d: Pick<TetDirective, 'documentNumber' | 'documentDate'>): string {
  return `văn bản số ${d.documentNumber} ngày ${formatLocalDateVi(d.documentDate)} của Bộ Tư pháp về thời gian không tổ chức cưỡng chế dịp Tết`;
}

const minDate = (a: LocalDate, b: LocalDate) => (a < b ? a : b);
const maxDate = (a: LocalDate, b: LocalDate) => (a > b ? a : b);

/** Every local date in [from, to]. */
function datesBetween(from: LocalDate, to: LocalDate): LocalDate[] {
  const out: LocalDate[] = [];
  for (let d = from; d <= to; d = addDaysToLocalDate(d, 1)) out.push(d);
  return out;
}

/** The one event of every calendar change (days off, working days, Tết directives): every instance reloads on it. */
function emitCalendarChanged(tx: Tx, viewer: Viewer, payload: EventPayloads['calendar.changed']): Promise<unknown> {
  return tx.emit({ type: 'calendar.changed', stream: streams.calendar, actorId: viewer.userId, topics: [topics.calendar], payload });
}
