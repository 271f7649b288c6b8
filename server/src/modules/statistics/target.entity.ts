import { randomUUID } from 'node:crypto';
import { Entity, ManyToOne, OptionalProps, PrimaryKey, Property, Unique, type Rel } from '@mikro-orm/core';
import { Agency } from '../agencies/agency.entity';
import { User } from '../users/user.entity';

/**
 * A yearly target (chỉ tiêu) for an enforcement agency: the share of enforceable cases and of
 * enforceable money to complete in a statistical year (1 Oct of the previous year – 30 Sep of
 * `statisticalYear`). Percentages are exact decimals with two places ("83.25"), never floats.
 */
@Entity({ tableName: 'statistics_target' })
@Unique({ properties: ['agency', 'statisticalYear'] })
export class StatisticsTarget {
  [OptionalProps]?: 'version' | 'updatedAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Agency)
  agency!: Rel<Agency>;

  /** The year in which the statistical year ends (2026 = 1/10/2025 – 30/9/2026). */
  @Property({ type: 'smallint' })
  statisticalYear!: number;

  /** Target share of enforceable cases completed, in percent, e.g. "83.25". */
  @Property({ type: 'decimal', precision: 5, scale: 2 })
  caseRatePercent!: string;

  /** Target share of enforceable money collected, in percent, e.g. "46.45". */
  @Property({ type: 'decimal', precision: 5, scale: 2 })
  moneyRatePercent!: string;

  @ManyToOne(() => User)
  setBy!: Rel<User>;

  @Property({ type: 'integer', default: 1 })
  version: number = 1;

  @Property({ type: 'datetime', columnType: 'timestamptz(3)', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
