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
