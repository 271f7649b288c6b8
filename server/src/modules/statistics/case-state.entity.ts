import { Entity, Enum, Index, ManyToOne, OptionalProps, PrimaryKey, Property, type Rel } from '@mikro-orm/core';
import { Agency } from '../agencies/agency.entity';
import { Area } from '../areas/area.entity';
import { CaseStatus } from '../cases/cases.surface';
import { EnforcementCase } from '../cases/case.entity';
import { User } from '../users/user.entity';

/**
 * One interval of a case's statistically relevant state (status, where and by whom it is enforced,
 * money owed and collected). The row is valid for instants t with `validFrom < t ≤ validTo`
 * (`validTo` null = still current), so "the state at the end of a period ending at E" is the one row
 * with `validFrom < E` and (`validTo` null or `validTo ≥ E`). Rows are written in the same transaction
 * as the change (see `recordCaseState`); a period's figures therefore never move when a case changes
 * later. Money is exact đồng (bigint).
 */
@Entity({ tableName: 'case_state_history' })
@Index({ properties: ['case', 'validFrom'] })
// One open row per case; it carries the columns the statistics read, so "the state now" (a period
// ending in the future, the stuck backlog) is an index-only scan of the current rows (docs/statistics.md).
@Index({
  name: 'case_state_history_current_idx',
  expression:
    'create unique index "case_state_history_current_idx" on "case_state_history" ("case_id") include ("valid_from", "status", "amount_owed", "amount_collected", "accepted_at", "lead_agency_id", "commune_id", "officer_id") where "valid_to" is null',
})
@Index({ properties: ['validFrom', 'validTo'] })
// "The state at instant E" is `tstzrange(valid_from, valid_to, '(]') @> E` (statistics-sql.ts): this
// index finds exactly the one row per case valid at E, instead of every row that started before E.
// It carries every column the statistics read (INCLUDE), so PostgreSQL answers from the index alone
// (an index-only scan, no heap page visited once the visibility map is set by (auto)vacuum): the
// valid-at-E rows of a 50,000-case province are spread over every heap page (docs/statistics.md).
// valid_from and valid_to are included too: the planner only takes an index-only scan when every
// column the query names is in the index, even those it reads only through the range expression.
@Index({
  name: 'case_state_history_valid_range_cover_idx',
  expression: `create index "case_state_history_valid_range_cover_idx" on "case_state_history" using gist (tstzrange("valid_from", "valid_to", '(]')) include ("case_id", "valid_from", "valid_to", "status", "amount_owed", "amount_collected", "accepted_at", "lead_agency_id", "commune_id", "officer_id")`,
})
export class CaseStateRecord {
  [OptionalProps]?: 'validTo' | 'acceptedAt' | 'officer';

  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  @ManyToOne(() => EnforcementCase, { deleteRule: 'cascade' })
  case!: Rel<EnforcementCase>;

  @Property({ type: 'datetime', columnType: 'timestamptz(3)' })
  validFrom!: Date;

  @Property({ type: 'datetime', columnType: 'timestamptz(3)', nullable: true })
  validTo?: Date | null;

  @Enum({ items: () => CaseStatus, nativeEnumName: 'case_status' })
  status!: CaseStatus;

  @ManyToOne(() => Agency)
  leadAgency!: Rel<Agency>;

  @ManyToOne(() => Area)
  commune!: Rel<Area>;

  @ManyToOne(() => User, { nullable: true })
  officer?: Rel<User> | null;

  /** Sum of the case's money obligations (đồng). */
  @Property({ type: 'bigint' })
  amountOwed!: string;

  /** Sum collected so far (đồng). */
  @Property({ type: 'bigint' })
  amountCollected!: string;

  /**
   * When the case was accepted (thụ lý): the moment it first left RECEIVED, i.e. the enforcement
   * decision was issued. Copied forward into every later row; null while the case is only received.
   */
  @Property({ type: 'datetime', columnType: 'timestamptz(3)', nullable: true })
  acceptedAt?: Date | null;
}
