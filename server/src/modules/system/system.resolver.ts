import { Ctx, Field, Int, ObjectType, Query, Resolver } from 'type-graphql';
import { verifyAuditChain } from '../../events/event-log';
import type { GraphQLContext } from '../../graphql/context';
import { Public, RequireAbility } from '../../graphql/guards';

@ObjectType({ description: 'Facts about the server instance answering.' })
export class ServerInfo {
  @Field({ description: 'Product version (package.json).' })
  version!: string;

  @Field({ description: 'Identifier of this instance (differs between instances behind a load balancer).' })
  instanceId!: string;

  @Field({ description: '"in-process" (one instance) or "redis" (many instances).' })
  eventBus!: string;

  @Field({ description: 'Server time.' })
  now!: Date;
}

@Resolver()
export class SystemResolver {
  @Public()
  @Query(() => ServerInfo, { description: 'Which instance answered and how it delivers events. Needs no sign-in.' })
  serverInfo(@Ctx() ctx: GraphQLContext): ServerInfo {
    return { version: ctx.services.version, instanceId: ctx.services.instanceId, eventBus: ctx.services.bus.kind, now: new Date() };
  }
}

@ObjectType('AuditProblem')
export class AuditProblemType {
  @Field() stream!: string;
  @Field(() => String, { nullable: true }) streamSeq!: string | null;
  @Field({ description: 'HASH_MISMATCH, BROKEN_LINK, MISSING_EVENT or HEAD_MISMATCH.' }) kind!: string;
  @Field() detail!: string;
}

@ObjectType('AuditReport', { description: 'Result of re-checking the hash chain of the whole event log.' })
export class AuditReportType {
  @Field() ok!: boolean;
  @Field(() => Int) eventsChecked!: number;
  @Field(() => Int) streamsChecked!: number;
  @Field(() => [AuditProblemType]) problems!: AuditProblemType[];
}

@Resolver()
export class AuditResolver {
  @RequireAbility('audit.verify')
  @Query(() => AuditReportType, { description: 'Verifies that no event-log row was edited or deleted (system admins).' })
  verifyAuditChain(@Ctx() ctx: GraphQLContext): Promise<AuditReportType> {
    return verifyAuditChain(ctx.em);
  }
}
