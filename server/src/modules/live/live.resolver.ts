import { GraphQLJSONObject } from 'graphql-scalars';
import { Arg, Field, ID, ObjectType, Resolver, Root, Subscription } from 'type-graphql';
import { notFound } from '../../errors';
import { formatCursor, parseCursor } from '../../events/cursor';
import type { StoredEvent } from '../../events/event-log';
import { liveFeed, resolveResumePoint } from '../../events/live-feed';
import type { GraphQLContext } from '../../graphql/context';
import { SignedIn } from '../../graphql/guards';
import { CLOSE_SLOW_CONSUMER } from '../../graphql/ws-server';
import { canOnCase } from '../../policy/abilities';

@ObjectType('LiveEvent', { description: 'One event from the log, as delivered live. Keep `cursor` and pass it as `after` to resume.' })
export class LiveEventType {
  @Field({ description: 'Position in the log; resume with after: cursor.' }) cursor!: string;
  @Field({ description: 'Dotted type, e.g. case.shared, case.transitioned.' }) type!: string;
  @Field() occurredAt!: Date;
  @Field(() => ID, { nullable: true }) actorId!: string | null;
  @Field(() => ID, { nullable: true, description: 'The case it concerns, if any.' }) caseId!: string | null;
  @Field(() => GraphQLJSONObject, { description: 'Facts of the change (money as decimal strings; never restricted personal data).' }) payload!: Record<string, unknown>;
}

const toLiveEvent = (e: StoredEvent): LiveEventType => ({
  cursor: formatCursor(e.position),
  type: e.type,
  occurredAt: e.occurredAt,
  actorId: e.actorId,
  caseId: typeof e.payload.caseId === 'string' ? e.payload.caseId : null,
  payload: e.payload,
});

/** True when the viewer may still read the case an event is about (checked per event, at delivery). */
async function mayReadCaseOf(ctx: GraphQLContext, caseId: unknown): Promise<boolean> {
  if (typeof caseId !== 'string') return true;
  ctx.loaders.caseFacts.clear(caseId); // sharing may have changed since the last event
  const facts = await ctx.loaders.caseFacts.load(caseId);
  return !!facts && canOnCase(ctx.viewer!, 'case.read', facts);
}

/** Retention and slow-consumer handling shared by every live feed. */
const feedLimits = (ctx: GraphQLContext) => ({
  retentionDays: ctx.services.config.EVENT_REPLAY_RETENTION_DAYS,
  maxBuffered: ctx.services.config.LIVE_MAX_BUFFERED,
  onOverflow: () => ctx.closeConnection?.(CLOSE_SLOW_CONSUMER, 'Kết nối nhận sự kiện quá chậm'),
});

@Resolver()
export class LiveResolver {
  @SignedIn('case.read, re-checked for every event at delivery')
  @Subscription(() => LiveEventType, {
    description: 'Everything that happens on one case: replayed after `after`, then live. RESYNC_REQUIRED when the cursor is too old.',
    subscribe: async ({ args, context }) => {
      const ctx = context as GraphQLContext;
      if (!ctx.viewer) throw notFound('việc thi hành án');
      await ctx.services.cases.get(ctx.em, ctx.viewer, args.caseId); // NOT_FOUND unless readable now
      const after = await resolveResumePoint(ctx.em, args.after ? parseCursor(args.after) : null, ctx.services.config.EVENT_REPLAY_RETENTION_DAYS);
      return liveFeed({
        em: ctx.em,
        dispatcher: ctx.services.dispatcher,
        topics: [`case:${args.caseId}`],
        after,
        authorize: () => mayReadCaseOf(ctx, args.caseId),
        ...feedLimits(ctx),
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
    description: "What concerns me: events addressed to me or my agency (cases shared with us, …). Replayed after `after`, then live.",
    subscribe: async ({ args, context }) => {
      const ctx = context as GraphQLContext;
      if (!ctx.viewer) throw notFound('nguồn sự kiện');
      const after = await resolveResumePoint(ctx.em, args.after ? parseCursor(args.after) : null, ctx.services.config.EVENT_REPLAY_RETENTION_DAYS);
      return liveFeed({
        em: ctx.em,
        dispatcher: ctx.services.dispatcher,
        topics: [`user:${ctx.viewer.userId}`, `agency:${ctx.viewer.agencyId}`],
        after,
        authorize: (event) => mayReadCaseOf(ctx, event.payload.caseId),
        ...feedLimits(ctx),
      });
    },
  })
  myFeed(@Root() event: StoredEvent, @Arg('after', () => String, { nullable: true }) _after?: string | null): LiveEventType {
    return toLiveEvent(event);
  }
}
