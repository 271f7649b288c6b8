import { Entity, Enum, ManyToOne, OptionalProps, PrimaryKey, Property, type Rel } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { User } from '../users/user.entity';

/** What an official calendar decision makes of a date. */
export enum CALENDAR_DAY_KIND {
  /** An extra day off (nghỉ bù, the second Quốc khánh day, extra Tết days …): not a working day. */
  DAY_OFF = 'DAY_OFF',
  /** A make-up working day (a Saturday or Sunday worked in exchange for a day off). */
  WORKING_DAY = 'WORKING_DAY',
}

/**
 * An official ad-hoc day off or make-up working day, decided each year by the competent authority
 * (e.g. the Ministry's notice on the Tết break) and entered by a system admin. The rows are the
 * `extraDaysOff` / `extraWorkingDays` of every instance's legal calendar (CalendarService).
 */
@Entity({ tableName: 'calendar_day' })
export class CalendarDay {
  [OptionalProps]?: 'createdAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  /** Viet Nam local date 'YYYY-MM-DD'; one row per date (a date cannot be both kinds). */
  @Property({ type: 'date', unique: true })
  date!: string;

  @Enum({ items: () => CALENDAR_DAY_KIND, nativeEnumName: 'calendar_day_kind' })
  kind!: CALENDAR_DAY_KIND;

  /** e.g. "Nghỉ bù Quốc khánh". */
  @Property({ type: 'string', length: 200 })
  name!: string;

  /** The decision it comes from, e.g. "Thông báo 6150/TB-BLĐTBXH". */
  @Property({ type: 'string', length: 300 })
  source!: string;

  @ManyToOne(() => User)
  createdBy!: Rel<User>;

  @Property({ type: 'datetime', columnType: 'timestamptz(3)' })
  createdAt: Date = new Date();
}

/**
 * The Ministry of Justice's yearly directive on enforcement around Tết, entered as data: its forbidden
 * window replaces the one computed from the lunar calendar (Tết−15 … Tết+17, khoản 2 Điều 13 NĐ
 * 62/2015) for that Tết. One row per Tết (Gregorian year of Tết day).
 */
@Entity({ tableName: 'tet_directive' })
export class TetDirective {
  [OptionalProps]?: 'createdAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  /** Gregorian year of the Tết it governs (Tết 2027 = 06/02/2027). */
  @Property({ type: 'integer', unique: true })
  tetYear!: number;

  /** First and last local dates on which no coercion may take place, inclusive. */
  @Property({ type: 'date' })
  firstDay!: string;

  @Property({ type: 'date' })
  lastDay!: string;

  /** The directive's number, e.g. "01/CT-BTP". */
  @Property({ type: 'string', length: 100 })
  documentNumber!: string;

  /** The directive's date (local 'YYYY-MM-DD'). */
  @Property({ type: 'date' })
  documentDate!: string;

  @ManyToOne(() => User)
  createdBy!: Rel<User>;

  @Property({ type: 'datetime', columnType: 'timestamptz(3)' })
  createdAt: Date = new Date();
}
