import { ArrayMaxSize, IsEnum, IsInt, IsOptional, IsUUID, Length, Min } from 'class-validator';
import { GraphQLJSONObject } from 'graphql-scalars';
import {
  Arg,
  Args,
  Ctx,
  Field,
  FieldResolver,
  ID,
  InputType,
  Int,
  Mutation,
  ObjectType,
  Query,
  registerEnumType,
  Resolver,
  Root,
} from 'type-graphql';
import type { GraphQLContext } from '../../graphql/context';
import { BidiPageArgsInput, ConnectionType, toConnection } from '../../graphql/connection';
import { SignedIn } from '../../graphql/guards';
import { canOnPost } from '../../policy/abilities';
import { AgencyType } from '../agencies/agency.resolver';
import { CaseType } from '../cases/case.resolver';
import { TaskType } from '../tasks/task.resolver';
import { UserType } from '../users/user.resolver';
import { Post, PostKind, type PostRevision } from './post.entity';
import { MAX_ATTACHMENTS, MAX_MENTIONS, type InboxEntry } from './thread.service';

registerEnumType(PostKind, {
  name: 'PostKind',
  description: 'Note, report, directive (steering committee), recommendation (procuracy), system.',
});

/** What an inbox item is about, derived from its event type. */
export enum InboxCategory {
  NEW_TASK = 'NEW_TASK',
  /** My agency's task is past its deadline (and was escalated). */
  OVERDUE_TASK = 'OVERDUE_TASK',
  TASK_UPDATE = 'TASK_UPDATE',
  ESCALATION = 'ESCALATION',
  MENTION = 'MENTION',
  DIRECTIVE = 'DIRECTIVE',
  RECOMMENDATION = 'RECOMMENDATION',
  INVITATION = 'INVITATION',
}
registerEnumType(InboxCategory, { name: 'InboxCategory' });

@ObjectType('Attachment', { description: 'Metadata of a file attached to a post.' })
export class AttachmentType {
  @Field() name!: string;
  @Field(() => Int, { description: 'Bytes.' }) size!: number;
  @Field({ description: 'MIME type.' }) type!: string;
  @Field({ description: 'sha256, lower-case hex.' }) checksum!: string;
}

@ObjectType('PostRevision', { description: 'A text a post had before an edit or its deletion.' })
export class PostRevisionType {
  @Field(() => Int) version!: number;
  @Field() body!: string;
  @Field({ description: 'When it was replaced.' }) createdAt!: Date;
}

@ObjectType('PostAbilities')
export class PostAbilities {
  @Field() edit!: boolean;
  @Field() delete!: boolean;
}

@ObjectType('Post', {
  description: 'A post on a case thread. The body is plain text; clients render a safe Markdown subset (never raw HTML).',
})
export class PostType {
  @Field(() => ID) id!: string;
  @Field(() => Int, { description: 'Position in the thread, from 1, in commit order.' }) seq!: number;
  @Field(() => PostKind) kind!: PostKind;
  @Field(() => [AttachmentType]) attachments!: AttachmentType[];
  @Field(() => Date, { nullable: true }) editedAt!: Date | null;
  @Field(() => Date, { nullable: true }) deletedAt!: Date | null;
  @Field(() => String, { nullable: true }) deleteReason!: string | null;
  @Field(() => Int) version!: number;
  @Field() createdAt!: Date;
}

@ObjectType()
export class PostConnection extends ConnectionType('Post', PostType) {}

@ObjectType('ThreadUnread', { description: "The viewer's read state on one case's thread." })
export class ThreadUnreadType {
  @Field(() => ID) caseId!: string;
  @Field(() => Int, { description: 'seq of the newest post.' }) lastSeq!: number;
  @Field(() => Int, { description: 'Every post up to this seq counts as read.' }) lastReadSeq!: number;
  @Field(() => Int, { description: 'Posts by others, not deleted, after the read mark.' }) unread!: number;
}

@ObjectType('UnreadSummary')
export class UnreadSummaryType {
  @Field(() => Int) total!: number;
  @Field(() => [ThreadUnreadType], { description: 'Cases that concern me: my agency takes part, I opened the thread, or I am mentioned.' })
  cases!: ThreadUnreadType[];
}

@ObjectType('InboxItem', { description: 'Something that needs my attention: taken from the events addressed to me or my agency.' })
export class InboxItemType {
  @Field(() => ID) id!: string;
  @Field({ description: 'Event type, e.g. task.created, thread.posted, case.shared.' }) type!: string;
  @Field() occurredAt!: Date;
  @Field(() => GraphQLJSONObject) payload!: Record<string, unknown>;
  @Field({ description: 'I have not marked it read.' }) unread!: boolean;
}

@ObjectType()
export class InboxConnection extends ConnectionType('Inbox', InboxItemType) {
  @Field(() => Int, { description: 'Unread items across all pages (what the badge shows).' }) unreadCount!: number;
}

@ObjectType('InboxReadResult')
export class InboxReadResultType {
  @Field(() => Int, { description: 'Items still unread.' }) unreadCount!: number;
}

/** Checked by the service (one place, with messages naming the file); no decorators here. */
@InputType()
export class AttachmentInput {
  @Field() name!: string;
  @Field(() => Int, { description: 'Bytes (at most 200 MB).' }) size!: number;
  @Field({ description: 'MIME type, e.g. application/pdf.' }) type!: string;
  @Field({ description: 'sha256 of the content, 64 hex characters.' }) checksum!: string;
}

@InputType()
export class NewPostInput {
  @Field(() => ID) @IsUUID('all', { message: 'Mã việc thi hành án không hợp lệ.' }) caseId!: string;
  @Field(() => PostKind, { defaultValue: PostKind.NOTE }) @IsEnum(PostKind) kind!: PostKind;
  @Field({ description: 'Plain text or a safe Markdown subset; 1–10,000 characters.' }) body!: string;
  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @IsUUID('all', { each: true, message: 'Mã người được nhắc đến không hợp lệ.' })
  @ArrayMaxSize(MAX_MENTIONS)
  mentionedUserIds?: string[] | null;
  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @IsUUID('all', { each: true, message: 'Mã cơ quan được nhắc đến không hợp lệ.' })
  @ArrayMaxSize(MAX_MENTIONS)
  mentionedAgencyIds?: string[] | null;
  @Field(() => [AttachmentInput], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(MAX_ATTACHMENTS, { message: `Tối đa ${MAX_ATTACHMENTS} tệp đính kèm.` })
  attachments?: AttachmentInput[] | null;
}

@InputType()
export class EditPostInput {
  @Field(() => ID) @IsUUID('all') id!: string;
  @Field(() => Int) @IsInt() @Min(1) version!: number;
  @Field() body!: string;
  @Field(() => [ID], { nullable: true, description: 'Replaces the mentions when given.' })
  @IsOptional()
  @IsUUID('all', { each: true })
  @ArrayMaxSize(MAX_MENTIONS)
  mentionedUserIds?: string[] | null;
  @Field(() => [ID], { nullable: true, description: 'Replaces the mentions when given.' })
  @IsOptional()
  @IsUUID('all', { each: true })
  @ArrayMaxSize(MAX_MENTIONS)
  mentionedAgencyIds?: string[] | null;
}

@InputType()
export class DeletePostInput {
  @Field(() => ID) @IsUUID('all') id!: string;
  @Field(() => Int) @IsInt() @Min(1) version!: number;
  @Field(() => String, { nullable: true }) @IsOptional() @Length(0, 500, { message: 'Lý do xóa tối đa 500 ký tự.' }) reason?: string | null;
}

const THREAD_READ = 'case.read on the thread’s case';
const THREAD_WRITE = 'thread.post / postDirective / postRecommendation per kind; post.edit/delete: author only';

@Resolver(() => PostType)
export class ThreadResolver {
  @SignedIn(THREAD_READ)
  @Query(() => PostConnection, {
    description: 'Posts of a case, oldest first. `last` (optionally with `before`) pages backward from the newest.',
  })
  async caseThread(@Ctx() ctx: GraphQLContext, @Arg('caseId', () => ID) caseId: string, @Args() page: BidiPageArgsInput) {
    return toConnection(await ctx.services.threads.list(ctx.em, ctx.viewer!, caseId, page));
  }

  @SignedIn(THREAD_READ)
  @Query(() => PostType)
  post(@Ctx() ctx: GraphQLContext, @Arg('id', () => ID) id: string): Promise<Post> {
    return ctx.services.threads.get(ctx.em, ctx.viewer!, id);
  }

  @SignedIn('own read state; cases filtered by case.read')
  @Query(() => UnreadSummaryType, { description: 'Unread posts per case and in total.' })
  unreadCounts(@Ctx() ctx: GraphQLContext, @Arg('caseIds', () => [ID], { nullable: true }) caseIds?: string[] | null) {
    return ctx.services.threads.unreadCounts(ctx.em, ctx.viewer!, caseIds);
  }

  @SignedIn('posts mentioning the viewer, on cases passing case.read')
  @Query(() => PostConnection, { description: 'Posts that mention me by name, newest first.' })
  async mentionsMe(@Ctx() ctx: GraphQLContext, @Args() page: BidiPageArgsInput) {
    return toConnection(await ctx.services.threads.mentionsMe(ctx.em, ctx.viewer!, page));
  }

  @SignedIn('events addressed to the viewer or their agency, on cases passing case.read')
  @Query(() => InboxConnection, {
    description: 'What needs my attention (new tasks, mentions, directives, invitations, escalations), newest first.',
  })
  async inbox(
    @Ctx() ctx: GraphQLContext,
    @Args() page: BidiPageArgsInput,
    @Arg('unreadOnly', { nullable: true, description: 'Only the items I have not read.' }) unreadOnly?: boolean,
  ) {
    const result = await ctx.services.threads.inbox(ctx.em, ctx.viewer!, page, { unreadOnly: unreadOnly ?? false });
    return { ...toConnection(result), unreadCount: result.unreadCount };
  }

  @SignedIn("own read marks, on items of the viewer's own inbox")
  @Mutation(() => InboxReadResultType, {
    description: 'Marks inbox items read (ids from `inbox`), or all of them when ids is omitted. Idempotent.',
  })
  async markInboxRead(
    @Ctx() ctx: GraphQLContext,
    @Arg('ids', () => [String], { nullable: true, description: 'InboxItem ids to mark read; omitted = every item.' }) ids?: string[] | null,
  ) {
    return { unreadCount: await ctx.services.threads.markInboxRead(ctx.em, ctx.viewer!, ids) };
  }

  @SignedIn(THREAD_WRITE)
  @Mutation(() => PostType, { description: 'Posts on a case thread. Mentions must be people/agencies who can see the case.' })
  postToThread(
    @Ctx() ctx: GraphQLContext,
    @Arg('input') input: NewPostInput,
    @Arg('idempotencyKey', () => String, { nullable: true, description: 'Made when the official wrote it; a resend posts nothing twice.' })
    idempotencyKey?: string | null,
  ): Promise<Post> {
    return ctx.services.threads.post(ctx.em, ctx.viewer!, input, idempotencyKey);
  }

  @SignedIn(THREAD_WRITE)
  @Mutation(() => PostType, { description: 'Edits your own post; the earlier text stays in its history.' })
  editPost(@Ctx() ctx: GraphQLContext, @Arg('input') input: EditPostInput): Promise<Post> {
    return ctx.services.threads.edit(ctx.em, ctx.viewer!, input);
  }

  @SignedIn(THREAD_WRITE)
  @Mutation(() => PostType, { description: 'Deletes your own post softly: it shows as deleted; the text is kept for the audit trail.' })
  deletePost(@Ctx() ctx: GraphQLContext, @Arg('input') input: DeletePostInput): Promise<Post> {
    return ctx.services.threads.delete(ctx.em, ctx.viewer!, input);
  }

  @SignedIn(THREAD_READ)
  @Mutation(() => ThreadUnreadType, {
    description: 'Marks the thread read up to upToSeq (default: all). Idempotent; the mark never goes back.',
  })
  markThreadRead(
    @Ctx() ctx: GraphQLContext,
    @Arg('caseId', () => ID) caseId: string,
    @Arg('upToSeq', () => Int, { nullable: true }) upToSeq?: number | null,
  ) {
    return ctx.services.threads.markRead(ctx.em, ctx.viewer!, caseId, upToSeq);
  }

  @FieldResolver(() => String, { nullable: true, description: 'Null when deleted.' })
  body(@Root() p: Post): string | null {
    return p.deletedAt ? null : p.body;
  }

  @FieldResolver(() => ID)
  caseId(@Root() p: Post): string {
    return p.case.id;
  }

  @FieldResolver(() => CaseType)
  case(@Root() p: Post, @Ctx() ctx: GraphQLContext) {
    return ctx.loaders.caseById.load(p.case.id);
  }

  @FieldResolver(() => UserType, { nullable: true, description: 'Null for system posts.' })
  author(@Root() p: Post, @Ctx() ctx: GraphQLContext) {
    return p.author ? ctx.loaders.userById.load(p.author.id) : null;
  }

  @FieldResolver(() => AgencyType, { nullable: true })
  authorAgency(@Root() p: Post, @Ctx() ctx: GraphQLContext) {
    return p.authorAgency ? ctx.loaders.agencyById.load(p.authorAgency.id) : null;
  }

  @FieldResolver(() => [UserType])
  async mentionedUsers(@Root() p: Post, @Ctx() ctx: GraphQLContext) {
    return (await ctx.loaders.userById.loadMany(p.mentionedUserIds)).filter((u) => u && !(u instanceof Error));
  }

  @FieldResolver(() => [AgencyType])
  async mentionedAgencies(@Root() p: Post, @Ctx() ctx: GraphQLContext) {
    return (await ctx.loaders.agencyById.loadMany(p.mentionedAgencyIds)).filter((a) => a && !(a instanceof Error));
  }

  @FieldResolver(() => Boolean, { description: 'Posted by someone else after my read mark.' })
  async unread(@Root() p: Post, @Ctx() ctx: GraphQLContext): Promise<boolean> {
    if (p.author?.id === ctx.viewer!.userId || p.deletedAt) return false;
    return p.seq > (await ctx.loaders.threadReadSeq.load(`${ctx.viewer!.userId}:${p.case.id}`));
  }

  @FieldResolver(() => [PostRevisionType], { description: 'Earlier texts, oldest first (the edit history and what a deleted post said).' })
  history(@Root() p: Post, @Ctx() ctx: GraphQLContext): Promise<PostRevision[]> {
    return ctx.services.threads.history(ctx.em, ctx.viewer!, p.id);
  }

  @FieldResolver(() => PostAbilities)
  async viewerCan(@Root() p: Post, @Ctx() ctx: GraphQLContext): Promise<PostAbilities> {
    const facts = await ctx.loaders.caseFacts.load(p.case.id);
    const can = !!facts && canOnPost(ctx.viewer!, 'post.edit', { authorId: p.author?.id ?? null, deleted: !!p.deletedAt }, facts);
    return { edit: can, delete: can };
  }
}

const CATEGORY: Record<string, (payload: Record<string, unknown>) => InboxCategory> = {
  'task.created': () => InboxCategory.NEW_TASK,
  'task.reassigned': () => InboxCategory.NEW_TASK,
  'task.declined': () => InboxCategory.TASK_UPDATE,
  'task.escalated': () => InboxCategory.ESCALATION,
  'case.deadlineMissed': () => InboxCategory.ESCALATION,
  'action.planned': () => InboxCategory.INVITATION,
  'thread.posted': (p) =>
    p.kind === PostKind.DIRECTIVE
      ? InboxCategory.DIRECTIVE
      : p.kind === PostKind.RECOMMENDATION
        ? InboxCategory.RECOMMENDATION
        : InboxCategory.MENTION,
  'thread.postEdited': () => InboxCategory.MENTION,
  'case.shared': () => InboxCategory.INVITATION,
};

@Resolver(() => InboxItemType)
export class InboxItemResolver {
  @FieldResolver(() => InboxCategory)
  category(@Root() e: InboxEntry, @Ctx() ctx: GraphQLContext): InboxCategory {
    // The assignee hears of its own overdue task; the lead office and the committee of an escalation.
    if (e.type === 'task.escalated' && e.payload.assigneeAgencyId === ctx.viewer?.agencyId) return InboxCategory.OVERDUE_TASK;
    return (CATEGORY[e.type] ?? (() => InboxCategory.TASK_UPDATE))(e.payload);
  }

  @FieldResolver(() => UserType, { nullable: true, description: 'Who did it (null for the system, e.g. an escalation).' })
  actor(@Root() e: InboxEntry, @Ctx() ctx: GraphQLContext) {
    return e.actorId ? ctx.loaders.userById.load(e.actorId) : null;
  }

  @FieldResolver(() => CaseType)
  case(@Root() e: InboxEntry, @Ctx() ctx: GraphQLContext) {
    return ctx.loaders.caseById.load(e.caseId);
  }

  @FieldResolver(() => TaskType, { nullable: true })
  task(@Root() e: InboxEntry, @Ctx() ctx: GraphQLContext) {
    return typeof e.payload.taskId === 'string' ? ctx.loaders.taskById.load(e.payload.taskId) : null;
  }

  @FieldResolver(() => PostType, { nullable: true })
  post(@Root() e: InboxEntry, @Ctx() ctx: GraphQLContext) {
    return typeof e.payload.postId === 'string' ? ctx.loaders.postById.load(e.payload.postId) : null;
  }
}
