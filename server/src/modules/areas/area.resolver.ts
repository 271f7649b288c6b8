import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLContext } from '../../graphql/context';
import { PageArgsInput, toConnection } from '../../graphql/connection';
import { RequireAbility, SignedIn } from '../../graphql/guards';
import { Area } from './area.entity';
import { AreaType, AreaConnection, AreaFilterInput, CreateAreaInput, UpdateAreaInput } from './area.types';

@Resolver(() => AreaType)
export class AreaResolver {
  @SignedIn()
  @Query(() => AreaConnection, { description: 'Administrative areas, alphabetical.' })
  async areas(
    @Ctx() ctx: GraphQLContext,
    @Args() page: PageArgsInput,
    @Arg('filter', () => AreaFilterInput, { nullable: true }) filter?: AreaFilterInput,
  ) {
    return toConnection(await ctx.services.areas.list(ctx.em, filter ?? {}, page));
  }

  @RequireAbility('area.manage')
  @Mutation(() => AreaType, { description: 'Adds an area (system admins).' })
  createArea(@Ctx() ctx: GraphQLContext, @Arg('input') input: CreateAreaInput): Promise<Area> {
    return ctx.services.areas.create(ctx.em, ctx.viewer!, input);
  }

  @RequireAbility('area.manage')
  @Mutation(() => AreaType, { description: 'Renames or (de)activates an area (system admins).' })
  updateArea(@Ctx() ctx: GraphQLContext, @Arg('input') input: UpdateAreaInput): Promise<Area> {
    return ctx.services.areas.update(ctx.em, ctx.viewer!, input);
  }

  @FieldResolver(() => AreaType, { nullable: true })
  parent(@Root() area: Area, @Ctx() ctx: GraphQLContext) {
    return area.parent ? ctx.loaders.areaById.load(area.parent.id) : null;
  }
}
