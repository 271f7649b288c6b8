import { randomUUID } from 'node:crypto';
import { ArrayType, Entity, Enum, Index, ManyToOne, OptionalProps, PrimaryKey, Property, Unique, type Rel } from '@mikro-orm/core';
import { Agency } from '../agencies/agency.entity';
import { EnforcementCase } from '../cases/case.entity';
import { User } from '../users/user.entity';

/** What a post is; decides who may write it (policy/abilities.ts `canOnThread`). */
export enum PostKind {
  /** Ghi chú / trao đổi. */
  NOTE = 'NOTE',
  /** Báo cáo kết quả (e.g. the commune reports a persuasion visit). */
  REPORT = 'REPORT',
  /** Chỉ đạo của Ban Chỉ đạo THADS. */
  DIRECTIVE = 'DIRECTIVE',
  /** Kiến nghị của Viện kiểm sát. */
  RECOMMENDATION = 'RECOMMENDATION',
  /** Written by the system (never through the API). */
  SYSTEM = 'SYSTEM',
}

/** Metadata of a file attached to a post (the file itself lives in document storage, not here). */
export interface AttachmentMeta {
  name: string;
  /** Bytes. */
  size: number;
  /** MIME type, e.g. application/pdf. */
  type: string;
  /** sha256 of the content, lower-case hex: proves which file the post referred to. */
  checksum: string;
}

/**
 * One post on a case's thread. `seq` numbers the posts of a case 1, 2, 3 … in commit order (from the
 * `case_thread` counter row), so read state is one integer per user and case. The body is plain
 * text (a safe Markdown subset is rendered by the client, which never renders raw HTML). Posts are
 * never removed: deletion sets `deletedAt` and hides the body; edits keep the old text in
 * `case_post_revision`.
 */
@Entity({ tableName: 'case_post' })
@Unique({ properties: ['case', 'seq'] })
@Index({
  name: 'case_post_mentioned_users_gin',
  expression: 'create index "case_post_mentioned_users_gin" on "case_post" using gin ("mentioned_user_ids")',
})
@Index({
  name: 'case_post_mentioned_agencies_gin',
  expression: 'create index "case_post_mentioned_agencies_gin" on "case_post" using gin ("mentioned_agency_ids")',
})
export class Post {
  [OptionalProps]?: 'version' | 'createdAt' | 'updatedAt' | 'mentionedUserIds' | 'mentionedAgencyIds' | 'attachments';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => EnforcementCase)
  case!: Rel<EnforcementCase>;

  /** Position in the case's thread, from 1, in commit order. */
  @Property({ type: 'integer' })
  seq!: number;

  @Enum({ items: () => PostKind, nativeEnumName: 'post_kind' })
  kind!: PostKind;

  /** Null for SYSTEM posts. */
  @Index()
  @ManyToOne(() => User, { nullable: true })
  author?: Rel<User> | null;

  /** The author's agency when they posted (people move; the post keeps who spoke for whom). */
  @ManyToOne(() => Agency, { nullable: true })
  authorAgency?: Rel<Agency> | null;

  @Property({ type: 'text' })
  body!: string;

  @Property({ type: ArrayType, columnType: 'text[]', default: '{}' })
  mentionedUserIds: string[] = [];

  @Property({ type: ArrayType, columnType: 'text[]', default: '{}' })
  mentionedAgencyIds: string[] = [];

  @Property({ type: 'json', default: '[]' })
  attachments: AttachmentMeta[] = [];

  @Property({ type: 'datetime', columnType: 'timestamptz(3)', nullable: true })
  editedAt?: Date | null;

  @Property({ type: 'datetime', columnType: 'timestamptz(3)', nullable: true })
  deletedAt?: Date | null;

  @ManyToOne(() => User, { nullable: true })
  deletedBy?: Rel<User> | null;

  @Property({ type: 'string', length: 500, nullable: true })
  deleteReason?: string | null;

  @Property({ type: 'integer', default: 1 })
  version: number = 1;

  @Property({ type: 'datetime', columnType: 'timestamptz(3)' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', columnType: 'timestamptz(3)', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}

/** The text a post had before an edit (or before deletion): the edit history and its audit trace. */
@Entity({ tableName: 'case_post_revision' })
export class PostRevision {
  [OptionalProps]?: 'createdAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Index()
  @ManyToOne(() => Post)
  post!: Rel<Post>;

  /** The post's version this text belonged to. */
  @Property({ type: 'integer' })
  version!: number;

  @Property({ type: 'text' })
  body!: string;

  @Property({ type: ArrayType, columnType: 'text[]', default: '{}' })
  mentionedUserIds: string[] = [];

  @Property({ type: ArrayType, columnType: 'text[]', default: '{}' })
  mentionedAgencyIds: string[] = [];

  /** Who replaced (or deleted) this text. */
  @ManyToOne(() => User)
  replacedBy!: Rel<User>;

  /** When it was replaced. */
  @Property({ type: 'datetime', columnType: 'timestamptz(3)' })
  createdAt: Date = new Date();
}

/**
 * One row per case with a thread: the last `seq` handed out. Incrementing it with
 * INSERT … ON CONFLICT DO UPDATE row-locks it until commit, so posts of one case get their numbers in
 * commit order (a reader who marked seq 7 read can never later find a new seq 6), and posts on
 * different cases never wait for each other.
 */
@Entity({ tableName: 'case_thread' })
export class CaseThread {
  @ManyToOne(() => EnforcementCase, { primary: true })
  case!: Rel<EnforcementCase>;

  @Property({ type: 'integer', default: 0 })
  lastSeq: number = 0;
}

/**
 * What one user has read of one case's thread: every post with `seq <= lastReadSeq`. One integer,
 * only ever raised (marking read is an idempotent upsert with greatest()).
 */
@Entity({ tableName: 'thread_read' })
@Unique({ properties: ['user', 'case'] })
export class ThreadRead {
  [OptionalProps]?: 'updatedAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => User)
  user!: Rel<User>;

  @Index()
  @ManyToOne(() => EnforcementCase)
  case!: Rel<EnforcementCase>;

  @Property({ type: 'integer', default: 0 })
  lastReadSeq: number = 0;

  @Property({ type: 'datetime', columnType: 'timestamptz(3)' })
  updatedAt: Date = new Date();
}

/**
 * One inbox item the user has read: the id of the event it was made from. Rows exist only for read
 * items, so "unread" is an anti-join over the (bounded) events addressed to the user; marking read
 * is an idempotent insert.
 */
@Entity({ tableName: 'inbox_read' })
export class InboxRead {
  [OptionalProps]?: 'readAt';

  @ManyToOne(() => User, { primary: true, deleteRule: 'cascade' })
  user!: Rel<User>;

  /** `event.id` of the inbox item (a bigint, as text in JavaScript). */
  @PrimaryKey({ type: 'bigint' })
  eventId!: string;

  @Property({ type: 'datetime', columnType: 'timestamptz(3)' })
  readAt: Date = new Date();
}
