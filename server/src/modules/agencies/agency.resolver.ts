import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLContext } from '../../graphql/context';
import { PageArgsInput, toConnection } from '../../graphql/connection';
import { RequireAbility, SignedIn } from '../../graphql/guards';
import { AreaType } from '../areas/area.types';
import { Agency } from './agency.entity';
import { AgencyType, AgencyConnection, AgencyFilterInput, CreateAgencyInput, UpdateAgencyInput } from './agency.types';

@Resolver(() => AgencyType)
export class AgencyResolver {
  @SignedIn()
  @Query(() => AgencyConnection, { description: 'The agency directory (every signed-in official needs it to share cases).' })
  async agencies(
    @Ctx() ctx: GraphQLContext,
    @Args() page: PageArgsInput,
    @Arg('filter', () => AgencyFilterInput, { nullable: true }) filter?: AgencyFilterInput,
  ) {
    return toConnection(await ctx.services.agencies.list(ctx.em, filter ?? {}, page));
  }

  @SignedIn()
  @Query(() => AgencyType)
  agency(@Ctx() ctx: GraphQLContext, @Arg('id', () => ID) id: string): Promise<Agency> {
    return ctx.services.agencies.get(ctx.em, id);
  }

  @RequireAbility('agency.manage')
  @Mutation(() => AgencyType)
  createAgency(@Ctx() ctx: GraphQLContext, @Arg('input') input: CreateAgencyInput): Promise<Agency> {
    return ctx.services.agencies.create(ctx.em, ctx.viewer!, input);
  }

  @RequireAbility('agency.manage')
  @Mutation(() => AgencyType, { description: 'Renames, re-parents, changes coverage or (de)activates an agency.' })
  updateAgency(@Ctx() ctx: GraphQLContext, @Arg('input') input: UpdateAgencyInput): Promise<Agency> {
    return ctx.services.agencies.update(ctx.em, ctx.viewer!, input);
  }

  @FieldResolver(() => AgencyType, { nullable: true })
  parent(@Root() agency: Agency, @Ctx() ctx: GraphQLContext) {
    return agency.parent ? ctx.loaders.agencyById.load(agency.parent.id) : null;
  }

  @FieldResolver(() => [AreaType], { description: 'Areas whose cases this agency covers.' })
  coveredAreas(@Root() agency: Agency, @Ctx() ctx: GraphQLContext) {
    return ctx.loaders.coveredAreasByAgency.load(agency.id);
  }
}
