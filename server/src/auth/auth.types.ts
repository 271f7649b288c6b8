import { Length } from 'class-validator';
import { Field, InputType, ObjectType } from 'type-graphql';
import { UserType } from '../modules/users/user.types';

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
