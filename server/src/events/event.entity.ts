import { ArrayType, Entity, Index, PrimaryKey, Property, Unique } from '@mikro-orm/core';

/**
 * One row of the append-only event log: the transactional outbox, the source of live delivery and
 * the audit trail. Rows are written only by `appendEvent` (raw SQL inside the business
 * transaction) and never updated or deleted (a trigger in the migration refuses it).
 *
 * Ordering: `txId` is the writer's transaction id (`pg_current_xact_id()`). It is not the delivery
 * order: the sequencer numbers committed rows in `event_position` (see sequencer.ts), and uses
 * `txId` only to find the rows it has not numbered yet.
 */
@Entity({ tableName: 'event' })
@Unique({ properties: ['stream', 'streamSeq'] })
@Index({ name: 'event_tx_order_idx', properties: ['txId', 'id'] })
@Index({ name: 'event_topics_gin', expression: 'create index "event_topics_gin" on "event" using gin ("topics")' })
// Retention finds old rows by time; rows are appended in time order, so a tiny BRIN index suffices.
@Index({ name: 'event_occurred_at_brin', expression: 'create index "event_occurred_at_brin" on "event" using brin ("occurred_at")' })
export class EventRecord {
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  /** Writer's transaction id (xid8, 64-bit, never wraps). */
  @Property({ type: 'string', columnType: 'xid8', defaultRaw: 'pg_current_xact_id()' })
  txId!: string;

  /** Hash-chain stream, e.g. `case:<uuid>`, `agency:<uuid>`, `system`. */
  @Property({ type: 'string', length: 200 })
  stream!: string;

  /** Position in the stream: 1, 2, 3 … without gaps (a gap means a deleted row). */
  @Property({ type: 'bigint' })
  streamSeq!: string;

  /** Dotted event type, e.g. `case.shared`, `task.assigned`, `party.restrictedRead`. */
  @Property({ type: 'string', length: 100 })
  type!: string;

  @Property({ type: 'uuid', nullable: true })
  actorId?: string | null;

  /** Routing topics (`case:<id>`, `agency:<id>`, `user:<id>`): who may be told. */
  @Property({ type: ArrayType, columnType: 'text[]' })
  topics!: string[];

  @Property({ type: 'json' })
  payload!: Record<string, unknown>;

  @Property({ type: 'datetime', columnType: 'timestamptz(3)' })
  occurredAt!: Date;

  /** `hash` of the previous event in the stream (64 zeros for the first). */
  @Property({ type: 'string', columnType: 'char(64)' })
  prevHash!: string;

  /** sha256 over prevHash and the canonical (key-sorted) JSON of this event's content. */
  @Property({ type: 'string', columnType: 'char(64)' })
  hash!: string;
}

/**
 * Head of each hash-chain stream. Appending locks only this stream's row until commit, so writers
 * to different cases never wait on each other; it is also what detects deletion of a stream's tail.
 */
@Entity({ tableName: 'event_stream' })
export class EventStreamHead {
  @PrimaryKey({ type: 'string', length: 200 })
  stream!: string;

  @Property({ type: 'bigint' })
  lastSeq!: string;

  @Property({ type: 'string', columnType: 'char(64)' })
  lastHash!: string;

  /**
   * Event-log retention (EVENT_LOG_RETENTION_DAYS): the stream's events up to this seq were deleted
   * (0 = none). The chain is verified from here: the first kept event must follow it.
   */
  @Property({ type: 'bigint', default: 0 })
  prunedSeq!: string;

  /** `hash` of the last deleted event (64 zeros when none): the first kept event's prevHash. */
  @Property({ type: 'string', columnType: 'char(64)', default: '0'.repeat(64) })
  prunedHash!: string;
}

/**
 * The global delivery order: the sequencer gives each committed event the next position, in one
 * transaction at a time (serialised by an advisory lock), so a reader that sees position n has
 * already been able to see 1 … n-1. Append-only, like the log.
 */
@Entity({ tableName: 'event_position' })
export class EventPosition {
  /** 1, 2, 3 … without gaps, in the order the events became visible (committed). */
  @PrimaryKey({ type: 'bigint', autoincrement: false })
  position!: string;

  /** The numbered event (each event is numbered once). */
  @Property({ type: 'bigint', unique: true })
  eventId!: string;
}

/**
 * What the sequencer's last pass could see: every event of a transaction below `snapshotXmax` that
 * was not in `inProgress` was visible then and is numbered. The next pass therefore only looks at
 * `txId >= snapshotXmax` and at the few transactions that were still running. One row (id 1).
 */
@Entity({ tableName: 'event_sequencer' })
export class EventSequencerState {
  @PrimaryKey({ type: 'smallint', autoincrement: false })
  id!: number;

  /** `pg_snapshot_xmax` of the last pass's snapshot. */
  @Property({ type: 'string', columnType: 'xid8' })
  snapshotXmax!: string;

  /** `pg_snapshot_xip` of that snapshot: transactions (in any database) that were still running. */
  @Property({ type: 'string', columnType: 'xid8[]' })
  inProgress!: string;

  @Property({ type: 'datetime', columnType: 'timestamptz(3)' })
  updatedAt!: Date;
}

/**
 * A signed checkpoint of one stream head (see checkpoints.ts): the stream had reached `streamSeq`
 * with `hash`. `mac` is an HMAC (key derived from AUTH_SECRET, never in the database) over the
 * previous checkpoint's mac and these fields, so rows cannot be forged, edited or removed from the
 * middle without the verifier noticing. Append-only, like the log.
 */
@Entity({ tableName: 'audit_checkpoint' })
// writeCheckpoints asks, per stream head, whether that exact head is already signed.
@Index({ name: 'audit_checkpoint_stream_seq_idx', properties: ['stream', 'streamSeq'] })
export class AuditCheckpoint {
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  @Property({ type: 'string', length: 200 })
  stream!: string;

  @Property({ type: 'bigint' })
  streamSeq!: string;

  @Property({ type: 'string', columnType: 'char(64)' })
  hash!: string;

  @Property({ type: 'datetime', columnType: 'timestamptz(3)' })
  createdAt!: Date;

  /** `mac` of the previous checkpoint row (64 zeros for the first). */
  @Property({ type: 'string', columnType: 'char(64)' })
  prevMac!: string;

  @Property({ type: 'string', columnType: 'char(64)' })
  mac!: string;
}
