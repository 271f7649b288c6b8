import { Ctx, Query, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../../graphql/context';
import { Public } from '../../graphql/guards';
import { ServerInfo } from './system.types';

@Resolver()
export class SystemResolver {
  @Public()
  @Query(() => ServerInfo, { description: 'Which instance answered and how it delivers events. Needs no sign-in.' })
  serverInfo(@Ctx() ctx: GraphQLContext): ServerInfo {
    return { version: ctx.services.version, instanceId: ctx.services.instanceId, eventBus: ctx.services.bus.kind, now: new Date() };
  }
}
