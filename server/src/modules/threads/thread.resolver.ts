import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLContext } from '../../graphql/context';
import { BidiPageArgsInput, toConnection } from '../../graphql/connection';
import { primeLoaded } from '../../graphql/loaders';
import { SignedIn } from '../../graphql/guards';
import { canOnPost } from '../../policy/abilities';
import { inboxCategoryOf, isEvent } from '../../events/vocabulary';
import { AgencyType } from '../agencies/agency.types';
import { CaseType } from '../cases/case.types';
import { TaskType } from '../tasks/task.types';
import { UserType } from '../users/user.types';
import { Post, PostKind, type PostRevision } from './post.entity';
import { type CaseUnread, type InboxEntry, UNREAD_TOTAL_CAP, type UnreadTotal } from './thread.service';
import { IDEMPOTENCY_KEY_DOC } from '../../graphql/idempotency-doc';
import {
  InboxCategory,
  PostRevisionType,
  PostAbilities,
  PostType,
  PostConnection,
  ThreadUnreadType,
  UnreadSummaryType,
  type UnreadSummaryRoot,
  InboxItemType,
  InboxConnection,
  InboxReadResultType,
  NewPostInput,
  EditPostInput,
  DeletePostInput,
} from './thread.types';

const THREAD_READ = 'case.read on the thread’s case';
const THREAD_WRITE = 'thread.post / postDirective / postRecommendation per kind; post.edit/delete: author only';

@Resolver(() => PostType)
export class ThreadResolver {
  @SignedIn(THREAD_READ)
  @Query(() => PostConnection, {
    description: 'Posts of a case, oldest first. `last` (optionally with `before`) pages backward from the newest.',
  })
  async caseThread(@Ctx() ctx: GraphQLContext, @Arg('caseId', () => ID) caseId: string, @Args() page: BidiPageArgsInput) {
    const posts = await ctx.services.threads.list(ctx.em, ctx.viewer!, caseId, page);
    // The first page read its authors in its own statement: their field resolvers find them primed.
    primeLoaded(
      ctx.loaders.userById,
      posts.items.map((p) => p.author),
    );
    primeLoaded(
      ctx.loaders.agencyById,
      posts.items.map((p) => p.authorAgency),
    );
    // ... and the viewer's read mark, which every post's `unread` compares with (same key as the loader's).
    if (posts.viewerReadSeq !== undefined)
      ctx.loaders.threadReadSeq.prime(`${ctx.viewer!.userId}:${caseId.toLowerCase()}`, posts.viewerReadSeq);
    return toConnection(posts);
  }

  @SignedIn(THREAD_READ)
  @Query(() => PostType)
  post(@Ctx() ctx: GraphQLContext, @Arg('id', () => ID) id: string): Promise<Post> {
    return ctx.services.threads.get(ctx.em, ctx.viewer!, id);
  }

  @SignedIn('own read state; cases filtered by case.read')
  @Query(() => UnreadSummaryType, { description: 'Unread posts per case and in total.' })
  unreadCounts(@Arg('caseIds', () => [ID], { nullable: true }) caseIds?: string[] | null): UnreadSummaryRoot {
    return { caseIds: caseIds ?? null };
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
    @Arg('idempotencyKey', () => String, { nullable: true, description: IDEMPOTENCY_KEY_DOC }) idempotencyKey?: string | null,
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

/** A post shows as what its kind makes it; every other inbox event as the vocabulary says. */
const POST_CATEGORY: Partial<Record<PostKind, InboxCategory>> = {
  [PostKind.DIRECTIVE]: InboxCategory.DIRECTIVE,
  [PostKind.RECOMMENDATION]: InboxCategory.RECOMMENDATION,
};

@Resolver(() => InboxItemType)
export class InboxItemResolver {
  @FieldResolver(() => InboxCategory)
  category(@Root() e: InboxEntry, @Ctx() ctx: GraphQLContext): InboxCategory {
    // The assignee hears of its own overdue task; the lead office and the committee of an escalation.
    if (isEvent(e, 'task.escalated') && e.payload.assigneeAgencyId === ctx.viewer?.agencyId) return InboxCategory.OVERDUE_TASK;
    if (isEvent(e, 'thread.posted')) return POST_CATEGORY[e.payload.kind as PostKind] ?? InboxCategory.MENTION;
    return InboxCategory[inboxCategoryOf(e.type) ?? 'TASK_UPDATE'];
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

/**
 * The fields of `unreadCounts`, each computed only when asked: the home page asks for the total (one
 * bounded count), the case list for its page's cases. With `caseIds` the total is the sum over those
 * cases (exact; at most a page of them).
 */
@Resolver(() => UnreadSummaryType)
export class UnreadSummaryResolver {
  /** The per-case rows, once per summary object even when both `cases` and `total` are asked for. */
  private readonly rows = new WeakMap<UnreadSummaryRoot, Promise<CaseUnread[]>>();

  private casesOf(root: UnreadSummaryRoot, ctx: GraphQLContext): Promise<CaseUnread[]> {
    let rows = this.rows.get(root);
    if (!rows) {
      rows = ctx.services.threads.unreadByCase(ctx.em, ctx.viewer!, root.caseIds);
      this.rows.set(root, rows);
    }
    return rows;
  }

  private async totalOf(root: UnreadSummaryRoot, ctx: GraphQLContext): Promise<UnreadTotal> {
    if (root.caseIds == null) return ctx.services.threads.unreadTotal(ctx.em, ctx.viewer!);
    return { total: (await this.casesOf(root, ctx)).reduce((n, c) => n + c.unread, 0), more: false };
  }

  @FieldResolver(() => Int, {
    description: `Unread posts in all: exact up to ${UNREAD_TOTAL_CAP}; above that ${UNREAD_TOTAL_CAP} with \`more\` (show "${UNREAD_TOTAL_CAP}+").`,
  })
  async total(@Root() root: UnreadSummaryRoot, @Ctx() ctx: GraphQLContext): Promise<number> {
    return (await this.totalOf(root, ctx)).total;
  }

  @FieldResolver(() => Boolean, { description: `There are more than ${UNREAD_TOTAL_CAP} unread posts (the total stops counting there).` })
  async more(@Root() root: UnreadSummaryRoot, @Ctx() ctx: GraphQLContext): Promise<boolean> {
    return (await this.totalOf(root, ctx)).more;
  }

  @FieldResolver(() => [ThreadUnreadType], {
    description: 'With caseIds: those of them that concern me. Without: the concerning cases with unread posts (at most 100).',
  })
  cases(@Root() root: UnreadSummaryRoot, @Ctx() ctx: GraphQLContext): Promise<CaseUnread[]> {
    return this.casesOf(root, ctx);
  }
}
