import { Entity, Enum, ManyToOne, PrimaryKey, Property, type Rel } from '@mikro-orm/core';
import { CaseStatus } from '../cases/cases.surface';
import { EnforcementCase } from '../cases/case.entity';

/**
 * The state of every accepted case at one past month boundary (midnight, Viet Nam, on the 1st):
 * exactly the `case_state_history` row valid at that instant (`validFrom < boundary ≤ validTo`),
 * copied with the columns the statistics read. Every period of the statistics starts and ends on such
 * a boundary (periods.ts), so a past period reads its start and end states by equality on
 * `boundary` instead of a range scan of the whole history (docs/statistics.md "Monthly snapshot").
 *
 * Derived data, never edited by hand: filled for a whole boundary at once (snapshot.ts
 * `fillSnapshots`, recorded in `CaseStateSnapshotBoundary`), and kept exact by the trigger
 * `case_state_snapshot_refresh` on `case_state_history` (migration), which recomputes the rows of
 * the filled boundaries a back-dated history write affects, in the same transaction. Agency, commune
 * and officer are plain ids (no foreign keys): they are copied from history rows that have them, and
 * a million FK checks would dominate the fill.
 */
@Entity({ tableName: 'case_state_snapshot' })
export class CaseStateSnapshot {
  @PrimaryKey({ type: 'datetime', columnType: 'timestamptz(3)' })
  boundary!: Date;

  @ManyToOne(() => EnforcementCase, { primary: true, deleteRule: 'cascade' })
  case!: Rel<EnforcementCase>;

  @Enum({ items: () => CaseStatus, nativeEnumName: 'case_status' })
  status!: CaseStatus;

  @Property({ type: 'uuid' })
  leadAgencyId!: string;

  @Property({ type: 'uuid' })
  communeId!: string;

  @Property({ type: 'uuid', nullable: true })
  officerId?: string | null;

  @Property({ type: 'bigint' })
  amountOwed!: string;

  @Property({ type: 'bigint' })
  amountCollected!: string;

  /** Never null: only accepted cases are in the statistics, so only they are copied. */
  @Property({ type: 'datetime', columnType: 'timestamptz(3)' })
  acceptedAt!: Date;
}

/** A month boundary whose snapshot is complete (every accepted case's row is in `case_state_snapshot`). */
@Entity({ tableName: 'case_state_snapshot_boundary' })
export class CaseStateSnapshotBoundary {
  @PrimaryKey({ type: 'datetime', columnType: 'timestamptz(3)' })
  boundary!: Date;

  @Property({ type: 'datetime', columnType: 'timestamptz(3)' })
  filledAt!: Date;

  /** Rows copied when filled (operations; later corrections may change the count). */
  @Property({ type: 'integer' })
  rows!: number;
}
