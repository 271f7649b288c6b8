import { randomUUID } from 'node:crypto';
import { Entity, Enum, Index, ManyToOne, OptionalProps, PrimaryKey, Property, type Rel } from '@mikro-orm/core';
import { User } from '../users/user.entity';

/** Where an import job is. */
export enum ImportJobState {
  /** Validated; rows are being written (progress in `processed` / `total`). */
  RUNNING = 'RUNNING',
  /** Committed: `created` rows exist now. */
  DONE = 'DONE',
  /** The write failed and was rolled back: nothing of the file was written. */
  FAILED = 'FAILED',
}

/**
 * One CSV import started from the API (POST /import/<kind>). A row, not process memory, so that a
 * poll of `importJob(id)` answers on any instance behind the load balancer. Progress is written by
 * the instance running the import on its own connection, outside the import's transaction (which
 * commits all-or-nothing at the end).
 */
@Entity({ tableName: 'import_job' })
@Index({ properties: ['actor', 'startedAt'] })
export class ImportJob {
  [OptionalProps]?: 'state' | 'processed' | 'created' | 'unchanged' | 'skipped' | 'errors' | 'failure' | 'startedAt' | 'finishedAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  /** areas | agencies | users | cases (ImportKind). */
  @Property({ type: 'text' })
  kind!: string;

  /** Who uploaded the file: the import acts as this user (same rules as the CLI's --as). */
  @ManyToOne(() => User)
  actor!: Rel<User>;

  @Enum({ items: () => ImportJobState, nativeEnumName: 'import_job_state' })
  state: ImportJobState = ImportJobState.RUNNING;

  /** Whether the valid rows of a file with errors are imported (the bad rows reported in `errors`). */
  @Property({ type: 'boolean' })
  skipBadRows!: boolean;

  /** Data rows in the file. */
  @Property({ type: 'integer' })
  rows!: number;

  /** Rows to write (new natural keys). */
  @Property({ type: 'integer' })
  total!: number;

  /** Rows written so far (inside the open transaction until DONE). */
  @Property({ type: 'integer', default: 0 })
  processed: number = 0;

  @Property({ type: 'integer', default: 0 })
  created: number = 0;

  /** Rows whose natural key already existed (left as they are). */
  @Property({ type: 'integer', default: 0 })
  unchanged: number = 0;

  /** Bad rows left out (skipBadRows). */
  @Property({ type: 'integer', default: 0 })
  skipped: number = 0;

  /** The row errors of the file (skipped rows), as in the dry run: `{ row, column, code, message }[]`. */
  @Property({ type: 'json', default: '[]' })
  errors: Array<{ row: number; column: string; code: string; message: string }> = [];

  /** Why a FAILED job failed, in Vietnamese (never a stack trace or SQL). */
  @Property({ type: 'text', nullable: true })
  failure: string | null = null;

  @Property({ type: 'datetime', columnType: 'timestamptz(3)' })
  startedAt: Date = new Date();

  @Property({ type: 'datetime', columnType: 'timestamptz(3)', nullable: true })
  finishedAt: Date | null = null;
}
