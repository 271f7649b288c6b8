import { IsBoolean, IsEnum, IsOptional, IsUUID, Length, Matches } from 'class-validator';
import {
  Arg,
  Args,
  Ctx,
  Field,
  FieldResolver,
  ID,
  InputType,
  Mutation,
  ObjectType,
  Query,
  registerEnumType,
  Resolver,
  Root,
} from 'type-graphql';
import type { GraphQLContext } from '../../graphql/context';
import { ConnectionType, PageArgsInput, toConnection } from '../../graphql/connection';
import { RequireAbility, SignedIn } from '../../graphql/guards';
import { Area, AreaKind } from './area.entity';

registerEnumType(AreaKind, {
  name: 'AreaKind',
  description: 'Level of an administrative area (DISTRICT only for history before 1 July 2025).',
});

@ObjectType('Area', { description: 'An administrative area (province, commune …).' })
export class AreaType {
  @Field(() => ID) id!: string;
  @Field() code!: string;
  @Field() name!: string;
  @Field(() => AreaKind) kind!: AreaKind;
  @Field({ description: 'Codes from the root, e.g. /VN/LS/TH/.' }) path!: string;
  @Field() active!: boolean;
}

@ObjectType()
export class AreaConnection extends ConnectionType('Area', AreaType) {}

@InputType()
export class AreaFilterInput {
  @Field(() => AreaKind, { nullable: true }) @IsOptional() @IsEnum(AreaKind) kind?: AreaKind | null;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID('all', { message: 'Mã địa bàn cấp trên không hợp lệ.' }) parentId?:
    | string
    | null;
  @Field(() => String, { nullable: true }) @IsOptional() @Length(0, 100) search?: string | null;
}

@InputType()
export class CreateAreaInput {
  @Field() @Matches(/^[A-Za-z0-9_-]{1,32}$/, { message: 'Mã địa bàn gồm 1–32 chữ cái không dấu, chữ số, "-" hoặc "_".' }) code!: string;
  @Field() @Length(2, 200, { message: 'Tên địa bàn dài từ 2 đến 200 ký tự.' }) name!: string;
  @Field(() => AreaKind) @IsEnum(AreaKind) kind!: AreaKind;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID('all', { message: 'Mã địa bàn cấp trên không hợp lệ.' }) parentId?:
    | string
    | null;
}

@InputType()
export class UpdateAreaInput {
  @Field(() => ID) @IsUUID('all') id!: string;
  @Field(() => String, { nullable: true }) @IsOptional() @Length(2, 200, { message: 'Tên địa bàn dài từ 2 đến 200 ký tự.' }) name?:
    | string
    | null;
  @Field(() => Boolean, { nullable: true, description: 'An inactive area no longer counts for coverage (its history stays).' })
  @IsOptional()
  @IsBoolean()
  active?: boolean | null;
}

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
