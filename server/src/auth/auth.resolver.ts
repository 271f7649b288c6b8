import { Length } from 'class-validator';
import { Arg, Ctx, Field, InputType, Mutation, ObjectType, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../graphql/context';
import { Public } from '../graphql/guards';
import { UserType } from '../modules/users/user.resolver';
import type { AuthResult } from './auth.service';

@InputType()
export class SignInInput {
  @Field() @Length(1, 64, { message: 'Nhập tên đăng nhập.' }) username!: string;
  @Field() @Length(1, 256, { message: 'Nhập mật khẩu.' }) password!: string;
}

@ObjectType({
  description: 'Tokens for a session: send accessToken as "Authorization: Bearer …" (HTTP) or in connection_init (WebSocket).',
})
export class AuthPayload {
  @Field() accessToken!: string;
  @Field() accessTokenExpiresAt!: Date;
  @Field({ description: 'Exchange with refreshSession before accessTokenExpiresAt; it rotates on each use.' }) refreshToken!: string;
  @Field(() => UserType) user!: UserType;
}

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
