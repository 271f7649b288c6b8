import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../graphql/context';
import { Public } from '../graphql/guards';
import type { AuthResult } from './auth.service';
import { SignInInput, AuthPayload } from './auth.types';

@Resolver()
export class AuthResolver {
  @Public()
  @Mutation(() => AuthPayload, { description: 'Password sign-in. Failed attempts are limited per account and per address.' })
  signIn(@Ctx() ctx: GraphQLContext, @Arg('input') input: SignInInput): Promise<AuthResult> {
    return ctx.services.auth.signIn(ctx.em, { ...input, ip: ctx.ip });
  }

  @Public()
  @Mutation(() => AuthPayload, { description: 'New tokens for a refresh token (which is then spent).' })
  refreshSession(@Ctx() ctx: GraphQLContext, @Arg('refreshToken') refreshToken: string): Promise<AuthResult> {
    return ctx.services.auth.refresh(ctx.em, refreshToken, ctx.ip);
  }

  @Public()
  @Mutation(() => Boolean, { description: 'Ends the session of this refresh token.' })
  signOut(@Ctx() ctx: GraphQLContext, @Arg('refreshToken') refreshToken: string): Promise<boolean> {
    return ctx.services.auth.signOut(ctx.em, refreshToken);
  }
}
