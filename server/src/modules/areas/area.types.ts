import { IsBoolean, IsEnum, IsOptional, IsUUID, Length, Matches } from 'class-validator';
import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { ConnectionType } from '../../graphql/connection';
import { AreaKind } from './area.entity';

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
