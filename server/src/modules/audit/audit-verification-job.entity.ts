import { randomUUID } from 'node:crypto';
import { Entity, Enum, Index, ManyToOne, OptionalProps, PrimaryKey, Property, type Rel } from '@mikro-orm/core';
import type { AuditReport } from '../../events/event-log';
import { User } from '../users/user.entity';

/** Where a background verification of the event log is. */
export enum AuditVerificationState {
  /** Reading the log (progress in `eventsChecked` / `eventsTotal`). */
  RUNNING = 'RUNNING',
  /** Finished: `report` says whether the log is intact. */
  DONE = 'DONE',
  /** Could not finish (the database failed, or the instance running it stopped): no verdict. */
  FAILED = 'FAILED',
}

/**
 * One background verification of the whole event log (`startAuditVerification`). A row, not process
 * memory, so a poll answers on any instance behind the load balancer and a run survives in the record
 * when its instance does not (it is then marked FAILED: AuditService.get). The instance running it
 * holds a PostgreSQL advisory lock until the row is final; that lock is its liveness and what keeps
 * one run at a time across the deployment.
 */
@Entity({ tableName: 'audit_verification_job' })
@Index({ properties: ['startedAt'] })
export class AuditVerificationJob {
  [OptionalProps]?: 'state' | 'eventsChecked' | 'eventsTotal' | 'streamsChecked' | 'report' | 'failure' | 'startedAt' | 'finishedAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Enum({ items: () => AuditVerificationState, nativeEnumName: 'audit_verification_state' })
  state: AuditVerificationState = AuditVerificationState.RUNNING;

  /** The administrator who started it. */
  @ManyToOne(() => User)
  startedBy!: Rel<User>;

  @Property({ type: 'integer', default: 0 })
  eventsChecked: number = 0;

  /** Events in the log when the run started (0 until the first batch is read). */
  @Property({ type: 'integer', default: 0 })
  eventsTotal: number = 0;

  @Property({ type: 'integer', default: 0 })
  streamsChecked: number = 0;

  /** The verdict, once DONE. */
  @Property({ type: 'json', nullable: true })
  report: AuditReport | null = null;

  /** Why a FAILED run failed, in Vietnamese (never a stack trace or SQL). */
  @Property({ type: 'text', nullable: true })
  failure: string | null = null;

  @Property({ type: 'datetime', columnType: 'timestamptz(3)' })
  startedAt: Date = new Date();

  @Property({ type: 'datetime', columnType: 'timestamptz(3)', nullable: true })
  finishedAt: Date | null = null;
}
