import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Role } from '../../auth/viewer';
import { badInput } from '../../errors';
import type { GraphQLContext } from '../../graphql/context';
import { PageArgsInput, toConnection } from '../../graphql/connection';
import { RequireAbility, SignedIn } from '../../graphql/guards';
import { disclosed, RestrictedText, withheld } from '../../graphql/restricted';
import { canOnUser, globalAbilities, importableKinds } from '../../policy/abilities';
import { AgencyType } from '../agencies/agency.types';
import { User } from './user.entity';
import {
  UserAbilities,
  ViewerAbilities,
  UserType,
  UserConnection,
  PASSWORD_RULE,
  PASSWORD_PATTERN,
  UserFilterInput,
  CreateUserInput,
  UpdateUserInput,
} from './user.types';

@Resolver(() => UserType)
export class UserResolver {
  @SignedIn()
  @Query(() => UserType, { description: 'The signed-in user.' })
  me(@Ctx() ctx: GraphQLContext): Promise<User> {
    return ctx.services.users.get(ctx.em, ctx.viewer!, ctx.viewer!.userId);
  }

  @SignedIn('answers for the viewer only')
  @Query(() => ViewerAbilities, {
    name: 'viewerCan',
    description: "The viewer's global abilities (drives the navigation; no client role checks).",
  })
  viewerGlobalAbilities(@Ctx() ctx: GraphQLContext): ViewerAbilities {
    const can = globalAbilities(ctx.viewer!);
    return {
      createCase: can['case.create'],
      manageUsers: can['user.manage'],
      manageAgencies: can['agency.manage'],
      manageAreas: can['area.manage'],
      manageCalendar: can['calendar.manage'],
      verifyAudit: can['audit.verify'],
      inspectSystem: can['system.inspect'],
      importKinds: importableKinds(ctx.viewer!),
    };
  }

  @SignedIn('own agency only, unless system admin')
  @Query(() => UserConnection, { description: "Colleagues in the viewer's agency (system admins: anyone)." })
  async users(
    @Ctx() ctx: GraphQLContext,
    @Args() page: PageArgsInput,
    @Arg('filter', () => UserFilterInput, { nullable: true }) filter?: UserFilterInput,
  ) {
    return toConnection(await ctx.services.users.list(ctx.em, ctx.viewer!, filter ?? {}, page));
  }

  @SignedIn('own agency only, unless system admin')
  @Query(() => UserType)
  user(@Ctx() ctx: GraphQLContext, @Arg('id', () => ID) id: string): Promise<User> {
    return ctx.services.users.get(ctx.em, ctx.viewer!, id);
  }

  @RequireAbility('user.manage')
  @Mutation(() => UserType, { description: 'Creates an account (agency admins: in their own agency only).' })
  createUser(@Ctx() ctx: GraphQLContext, @Arg('input') input: CreateUserInput): Promise<User> {
    return ctx.services.users.create(ctx.em, ctx.viewer!, input);
  }

  @RequireAbility('user.manage')
  @Mutation(() => UserType)
  updateUser(@Ctx() ctx: GraphQLContext, @Arg('input') input: UpdateUserInput): Promise<User> {
    return ctx.services.users.update(ctx.em, ctx.viewer!, input);
  }

  @RequireAbility('user.manage')
  @Mutation(() => UserType, { description: 'Takes effect at once: tokens stop working and open connections close.' })
  deactivateUser(@Ctx() ctx: GraphQLContext, @Arg('id', () => ID) id: string): Promise<User> {
    return ctx.services.users.setActive(ctx.em, ctx.viewer!, id, false);
  }

  @RequireAbility('user.manage')
  @Mutation(() => UserType)
  reactivateUser(@Ctx() ctx: GraphQLContext, @Arg('id', () => ID) id: string): Promise<User> {
    return ctx.services.users.setActive(ctx.em, ctx.viewer!, id, true);
  }

  @RequireAbility('user.manage')
  @Mutation(() => UserType, {
    description: "Sets a new password for an account you manage; the user's sessions and connections end at once.",
  })
  resetUserPassword(@Ctx() ctx: GraphQLContext, @Arg('id', () => ID) id: string, @Arg('newPassword') newPassword: string): Promise<User> {
    if (!PASSWORD_PATTERN.test(newPassword)) throw badInput(PASSWORD_RULE.message, { field: 'newPassword' });
    return ctx.services.users.resetPassword(ctx.em, ctx.viewer!, id, newPassword);
  }

  @SignedIn()
  @Mutation(() => Boolean, { description: 'Changes your own password and signs out your other sessions.' })
  changeMyPassword(
    @Ctx() ctx: GraphQLContext,
    @Arg('currentPassword') currentPassword: string,
    @Arg('newPassword') newPassword: string,
  ): Promise<boolean> {
    if (!PASSWORD_PATTERN.test(newPassword)) throw badInput(PASSWORD_RULE.message, { field: 'newPassword' });
    return ctx.services.users.changeOwnPassword(ctx.em, ctx.viewer!, currentPassword, newPassword);
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: 'Login name: colleagues of the same agency and system admins only (null for others).',
  })
  username(@Root() user: User, @Ctx() ctx: GraphQLContext): string | null {
    return readsAccount(ctx, user) ? user.username : null;
  }

  @FieldResolver(() => [Role], {
    nullable: true,
    description: 'Roles: colleagues of the same agency and system admins only (null for others).',
  })
  roles(@Root() user: User, @Ctx() ctx: GraphQLContext): Role[] | null {
    return readsAccount(ctx, user) ? user.roles : null;
  }

  @FieldResolver(() => Boolean, {
    nullable: true,
    description: 'Whether the account is active: colleagues of the same agency and system admins only (null for others).',
  })
  active(@Root() user: User, @Ctx() ctx: GraphQLContext): boolean | null {
    return readsAccount(ctx, user) ? user.active : null;
  }

  @FieldResolver(() => AgencyType)
  async agency(@Root() user: User, @Ctx() ctx: GraphQLContext) {
    return ctx.loaders.agencyById.load(user.agency.id);
  }

  @FieldResolver(() => RestrictedText, {
    description: 'Phone number: the person, their agency admin and system admins only; each read is audited.',
  })
  async phone(@Root() user: User, @Ctx() ctx: GraphQLContext): Promise<RestrictedText> {
    if (!ctx.viewer || !canOnUser(ctx.viewer, 'user.readRestricted', { id: user.id, agencyId: user.agency.id })) {
      return withheld('Thông tin cá nhân được bảo vệ (Nghị định 13/2023/NĐ-CP); chỉ người có thẩm quyền mới xem được.');
    }
    // Read and audited in one statement (audit/personal-data-reads.ts).
    return disclosed(await ctx.personalDataReads.load({ subjectType: 'user', subjectId: user.id, field: 'phone' }));
  }

  @FieldResolver(() => UserAbilities)
  viewerCan(@Root() user: User, @Ctx() ctx: GraphQLContext): UserAbilities {
    const facts = { id: user.id, agencyId: user.agency.id };
    const viewer = ctx.viewer;
    return {
      update: !!viewer && canOnUser(viewer, 'user.update', facts),
      deactivate: !!viewer && canOnUser(viewer, 'user.deactivate', facts),
      readRestricted: !!viewer && canOnUser(viewer, 'user.readRestricted', facts),
    };
  }
}

/** Whether the viewer may see the account details of `user` (policy: user.readAccount). */
function readsAccount(ctx: GraphQLContext, user: User): boolean {
  return !!ctx.viewer && canOnUser(ctx.viewer, 'user.readAccount', { id: user.id, agencyId: user.agency.id });
}
