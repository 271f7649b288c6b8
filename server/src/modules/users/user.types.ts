import { ArrayMaxSize, ArrayMinSize, IsBoolean, IsEnum, IsInt, IsOptional, IsUUID, Length, Matches, Min } from 'class-validator';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Role } from '../../auth/viewer';
import { ConnectionType } from '../../graphql/connection';

registerEnumType(Role, { name: 'Role', description: 'What a user may do; abilities derive from roles in the policy module.' });

@ObjectType('UserAbilities', { description: "What the viewer may do with this account (drives the UI's buttons)." })
export class UserAbilities {
  @Field() update!: boolean;
  @Field() deactivate!: boolean;
  @Field() readRestricted!: boolean;
}

@ObjectType('ViewerAbilities', {
  description: 'What the signed-in user may do beyond single objects: which screens the web app offers (each call is still checked).',
})
export class ViewerAbilities {
  @Field({ description: 'Open cases in their own enforcement office.' }) createCase!: boolean;
  @Field({ description: 'Manage user accounts (system admins: all; agency admins: their own agency).' }) manageUsers!: boolean;
  @Field() manageAgencies!: boolean;
  @Field() manageAreas!: boolean;
  @Field() manageCalendar!: boolean;
  @Field() verifyAudit!: boolean;
  @Field({ description: 'The system page (version, instance, event bus).' }) inspectSystem!: boolean;
  @Field(() => [String], {
    description: 'Kinds of CSV file the viewer may import (areas, agencies, users, cases): the page #/admin/import.',
  })
  importKinds!: string[];
}

@ObjectType('User', { description: 'A person who signs in; belongs to one agency.' })
export class UserType {
  @Field(() => ID) id!: string;
  @Field() fullName!: string;
  @Field(() => Int) version!: number;
}

@ObjectType()
export class UserConnection extends ConnectionType('User', UserType) {}

export const PASSWORD_RULE = { message: 'Mật khẩu dài 10–128 ký tự, có chữ hoa, chữ thường và chữ số.' };
export const PASSWORD_PATTERN = /^(?=.*[a-z])(?=.*[A-Z])(?=.*\d).{10,128}$/;
export const PHONE_RULE = { message: 'Số điện thoại gồm 9–15 chữ số, có thể bắt đầu bằng "+".' };

@InputType()
export class UserFilterInput {
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID('all') agencyId?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @Length(0, 100) search?: string | null;
  @Field(() => Boolean, { nullable: true }) @IsOptional() @IsBoolean() includeInactive?: boolean | null;
  @Field(() => Boolean, {
    nullable: true,
    description:
      "true: only users who may be assigned cases as their officer (the policy's rule), e.g. for the intake form's list; false or absent: no such condition.",
  })
  @IsOptional()
  @IsBoolean()
  mayBeAssignedCases?: boolean | null;
}

@InputType()
export class CreateUserInput {
  @Field(() => ID) @IsUUID('all', { message: 'Mã cơ quan không hợp lệ.' }) agencyId!: string;
  @Field()
  @Matches(/^[a-zA-Z0-9._-]{3,64}$/, { message: 'Tên đăng nhập gồm 3–64 chữ cái không dấu, chữ số, ".", "-" hoặc "_".' })
  username!: string;
  @Field() @Length(2, 200, { message: 'Họ tên dài từ 2 đến 200 ký tự.' }) fullName!: string;
  @Field(() => [Role])
  @IsEnum(Role, { each: true })
  @ArrayMinSize(1, { message: 'Chọn ít nhất một vai trò.' })
  @ArrayMaxSize(7)
  roles!: Role[];
  @Field() @Matches(PASSWORD_PATTERN, PASSWORD_RULE) password!: string;
  @Field(() => String, { nullable: true }) @IsOptional() @Matches(/^\+?\d{9,15}$/, PHONE_RULE) phone?: string | null;
}

@InputType()
export class UpdateUserInput {
  @Field(() => ID) @IsUUID('all') id!: string;
  @Field(() => Int) @IsInt() @Min(1) version!: number;
  @Field(() => String, { nullable: true }) @IsOptional() @Length(2, 200) fullName?: string | null;
  @Field(() => [Role], { nullable: true }) @IsOptional() @IsEnum(Role, { each: true }) @ArrayMinSize(1) roles?: Role[] | null;
  @Field(() => String, { nullable: true }) @IsOptional() @Matches(/^\+?\d{9,15}$/, PHONE_RULE) phone?: string | null;
  @Field(() => ID, {
    nullable: true,
    description: 'Moves the user to another agency (its cases, not the old one’s, from the next request).',
  })
  @IsOptional()
  @IsUUID('all', { message: 'Mã cơ quan không hợp lệ.' })
  agencyId?: string | null;
}
