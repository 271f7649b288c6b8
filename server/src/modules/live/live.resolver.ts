import { Arg, Ctx, ID, Query, Resolver, Root, Subscription } from 'type-graphql';
import { AppError, notFound } from '../../errors';
import { loadCaseFacts } from '../../policy/facts';
import { formatCursor, parseCursor } from '../../events/cursor';
import type { StoredEvent } from '../../events/event-log';
import { liveFeed, resolveResumePoint, type LiveFeedOptions } from '../../events/live-feed';
import { type Topic, topics } from '../../events/vocabulary';
import type { GraphQLContext } from '../../graphql/context';
import { SignedIn } from '../../graphql/guards';
import { CLOSE_SLOW_CONSUMER } from '../../graphql/ws-server';
import { captureLiveCursor } from '../../graphql/live-cursor';
import { canOnCase } from '../../policy/abilities';
import { LiveEventType } from './live.types';

const toLiveEvent = (e: StoredEvent): LiveEventType => ({
  cursor: formatCursor(e.position),
  type: e.type,
  kind: e.type,
  occurredAt: e.occurredAt,
  actorId: e.actorId,
  caseId: typeof e.payload.caseId === 'string' ? e.payload.caseId : null,
  payload: e.payload,
});

/**
 * For each event of a batch, in order: may the viewer still read the case it is about (`caseIdOf`;
 * events about no case pass)? Decided on the instance's in-memory access facts, once per distinct
 * case of the batch (no query per subscriber or per event; see LiveAccess), without a promise when the
 * facts are loaded already.
 */
const mayReadCasesOf =
  (ctx: GraphQLContext, caseIdOf: (event: StoredEvent) => unknown): LiveFeedOptions['authorize'] =>
  (events) =>
    ctx.services.liveAccess.mayReadCasesOf(ctx.viewer!, events, caseIdOf);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The feed of one case ends (error, not silence) when its viewer loses access to it. */
const accessLost = () =>
  new AppError(
    'FORBIDDEN',
    'Bạn không còn quyền theo dõi việc thi hành án này (đã bị hủy chia sẻ hoặc thay đổi phạm vi); luồng sự kiện đã dừng.',
    { reason: 'ACCESS_REVOKED' },
  );

/**
 * The feed of one subscription: resolves the client's resume point (RESYNC_REQUIRED first, when it
 * cannot be honoured), then replays and follows `topics` with the retention and slow-consumer limits
 * every live feed shares. Replay pages are read through a short-lived EntityManager each, so an idle
 * subscription holds none.
 */
async function openFeed(
  ctx: GraphQLContext,
  after: string | null | undefined,
  feed: { topics: Topic[]; authorize: LiveFeedOptions['authorize']; denied?: () => Error },
): Promise<AsyncGenerator<StoredEvent>> {
  const { config, orm, dispatcher, metrics } = ctx.services;
  const resumeAfter = await resolveResumePoint(orm.em.fork(), after ? parseCursor(after) : null, config.EVENT_REPLAY_RETENTION_DAYS);
  return liveFeed({
    ...feed,
    em: () => orm.em.fork(),
    dispatcher,
    after: resumeAfter,
    retentionDays: config.EVENT_REPLAY_RETENTION_DAYS,
    maxBuffered: config.LIVE_MAX_BUFFERED,
    onOverflow: () => ctx.closeConnection?.(CLOSE_SLOW_CONSUMER, 'Kết nối nhận sự kiện quá chậm'),
    metrics,
  });
}

@Resolver()
export class LiveResolver {
  @SignedIn('a position in the event log; reveals no data')
  @Query(() => String, {
    description:
      'The event-log position this operation read its data at: captured before any other field of the same operation is read. ' +
      "Load a live view's data and `liveCursor` in one query, then subscribe with `after: liveCursor`: nothing committed after " +
      'the data was read is missed (an event already reflected in the data may be replayed once — apply events idempotently).',
  })
  async liveCursor(@Ctx() ctx: GraphQLContext): Promise<string> {
    // Always set by the capture hook (HTTP plugin / WebSocket context) before execution; the
    // fallback (should neither run) is exact only when liveCursor is the operation's only field.
    return ctx.liveCursorAtStart ?? captureLiveCursor(ctx.services);
  }

  @SignedIn('case.read, re-checked for every event at delivery')
  @Subscription(() => LiveEventType, {
    description: 'Everything that happens on one case: replayed after `after`, then live. RESYNC_REQUIRED when the cursor is too old.',
    subscribe: async ({ args, context }) => {
      const ctx = context as GraphQLContext;
      if (!ctx.viewer) throw notFound('việc thi hành án');
      // NOT_FOUND unless readable now: fresh facts (one query per subscribe, none per event).
      if (!UUID.test(args.caseId)) throw notFound('việc thi hành án');
      const facts = (await loadCaseFacts(ctx.services.orm.em.fork(), [args.caseId])).get(args.caseId);
      if (!facts || !canOnCase(ctx.viewer, 'case.read', facts)) throw notFound('việc thi hành án');
      return openFeed(ctx, args.after, {
        topics: [topics.case(args.caseId)],
        authorize: mayReadCasesOf(ctx, () => args.caseId),
        denied: accessLost,
      });
    },
  })
  caseActivity(
    @Root() event: StoredEvent,
    @Arg('caseId', () => ID) _caseId: string,
    @Arg('after', () => String, { nullable: true }) _after?: string | null,
  ): LiveEventType {
    return toLiveEvent(event);
  }

  @SignedIn('addressed to the viewer or their agency; case events re-checked for case.read at delivery')
  @Subscription(() => LiveEventType, {
    description: 'What concerns me: events addressed to me or my agency (cases shared with us, …). Replayed after `after`, then live.',
    subscribe: async ({ args, context }) => {
      const ctx = context as GraphQLContext;
      if (!ctx.viewer) throw notFound('nguồn sự kiện');
      return openFeed(ctx, args.after, {
        topics: [topics.user(ctx.viewer.userId), topics.agency(ctx.viewer.agencyId)],
        authorize: mayReadCasesOf(ctx, (event) => event.payload.caseId),
      });
    },
  })
  myFeed(@Root() event: StoredEvent, @Arg('after', () => String, { nullable: true }) _after?: string | null): LiveEventType {
    return toLiveEvent(event);
  }
}
