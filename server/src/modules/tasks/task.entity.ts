import { randomUUID } from 'node:crypto';
import { Entity, Enum, Index, ManyToOne, OptionalProps, PrimaryKey, Property, type Rel } from '@mikro-orm/core';
import { Agency } from '../agencies/agency.entity';
import { EnforcementCase } from '../cases/case.entity';
import { User } from '../users/user.entity';

export enum TaskKind {
  /** Xác minh điều kiện thi hành án. */
  VERIFY_CONDITIONS = 'VERIFY_CONDITIONS',
  /** Vận động, thuyết phục. */
  PERSUADE = 'PERSUADE',
  /** Tống đạt / niêm yết thông báo. */
  SERVE_NOTICE = 'SERVE_NOTICE',
  /** Cung cấp thông tin. */
  PROVIDE_INFORMATION = 'PROVIDE_INFORMATION',
  /** Kế hoạch bảo vệ cưỡng chế. */
  PROTECTION_PLAN = 'PROTECTION_PLAN',
  /** Tham gia buổi làm việc / cưỡng chế. */
  ATTEND_ACTION = 'ATTEND_ACTION',
  /** Phong tỏa tài khoản. */
  FREEZE_ACCOUNT = 'FREEZE_ACCOUNT',
  /** Giải thích bản án. */
  EXPLAIN_JUDGMENT = 'EXPLAIN_JUDGMENT',
  OTHER = 'OTHER',
}

/** open → accepted → in progress → done; or declined (with reason) / cancelled. See task-workflow.ts. */
export enum TaskStatus {
  OPEN = 'OPEN',
  ACCEPTED = 'ACCEPTED',
  IN_PROGRESS = 'IN_PROGRESS',
  DONE = 'DONE',
  DECLINED = 'DECLINED',
  CANCELLED = 'CANCELLED',
}

export enum TaskPriority {
  LOW = 'LOW',
  NORMAL = 'NORMAL',
  HIGH = 'HIGH',
  URGENT = 'URGENT',
}

/**
 * A piece of work on a case assigned to an agency taking part in it (optionally to a named person of
 * that agency). `escalatedAt` is set once, when an overdue task is escalated to the lead office and
 * the steering committee.
 */
@Entity({ tableName: 'case_task' })
@Index({ properties: ['assigneeAgency', 'status'] })
@Index({ properties: ['status', 'dueAt'] })
export class Task {
  [OptionalProps]?: 'status' | 'priority' | 'version' | 'createdAt' | 'updatedAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Index()
  @ManyToOne(() => EnforcementCase)
  case!: Rel<EnforcementCase>;

  @Enum({ items: () => TaskKind, nativeEnumName: 'task_kind' })
  kind!: TaskKind;

  @Property({ type: 'string', length: 300 })
  title!: string;

  @Property({ type: 'text', nullable: true })
  details?: string | null;

  @ManyToOne(() => Agency)
  assigneeAgency!: Rel<Agency>;

  /** A named person of `assigneeAgency`, or null (anyone there). */
  @Index()
  @ManyToOne(() => User, { nullable: true })
  assignee?: Rel<User> | null;

  @ManyToOne(() => User)
  createdBy!: Rel<User>;

  @Enum({ items: () => TaskStatus, nativeEnumName: 'task_status', default: TaskStatus.OPEN })
  status: TaskStatus = TaskStatus.OPEN;

  @Enum({ items: () => TaskPriority, nativeEnumName: 'task_priority', default: TaskPriority.NORMAL })
  priority: TaskPriority = TaskPriority.NORMAL;

  /** End of the last day allowed (legal-calendar convention), or null for no deadline. */
  @Property({ type: 'datetime', columnType: 'timestamptz(3)', nullable: true })
  dueAt?: Date | null;

  /**
   * How `dueAt` was derived when the task was given "due in N working days": N, counted from `dueFrom`.
   * Stored so that a calendar change (a day off added or removed) recomputes the date; null for an
   * explicit date, which stays as entered.
   */
  @Property({ type: 'integer', nullable: true })
  dueWorkingDays?: number | null;

  /** The moment the working-day count starts from (the assignment), with `dueWorkingDays`. */
  @Property({ type: 'datetime', columnType: 'timestamptz(3)', nullable: true })
  dueFrom?: Date | null;

  /** Why the assignee declined, or why the assigner cancelled. */
  @Property({ type: 'text', nullable: true })
  reason?: string | null;

  /** What the assignee reported on completion. */
  @Property({ type: 'text', nullable: true })
  resultNote?: string | null;

  @Property({ type: 'datetime', columnType: 'timestamptz(3)', nullable: true })
  completedAt?: Date | null;

  /** Set once when the overdue task was escalated (never escalated twice). */
  @Property({ type: 'datetime', columnType: 'timestamptz(3)', nullable: true })
  escalatedAt?: Date | null;

  @Property({ type: 'integer', default: 1 })
  version: number = 1;

  @Property({ type: 'datetime', columnType: 'timestamptz(3)' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', columnType: 'timestamptz(3)', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
