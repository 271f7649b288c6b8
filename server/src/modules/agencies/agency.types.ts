import { ArrayMaxSize, IsBoolean, IsEnum, IsInt, IsOptional, IsUUID, Length, Matches, Min } from 'class-validator';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ConnectionType } from '../../graphql/connection';
import { AgencyKind } from './agency.entity';

registerEnumType(AgencyKind, { name: 'AgencyKind', description: 'What an agency is (enforcement office, police, court, procuracy …).' });

@ObjectType('Agency', { description: 'An agency taking part in enforcement; its coverage is data.' })
export class AgencyType {
  @Field(() => ID) id!: string;
  @Field() code!: string;
  @Field() name!: string;
  @Field(() => AgencyKind) kind!: AgencyKind;
  @Field() active!: boolean;
  @Field(() => Int, { description: 'Send it back with updates (optimistic concurrency).' }) version!: number;
}

@ObjectType()
export class AgencyConnection extends ConnectionType('Agency', AgencyType) {}

@InputType()
export class AgencyFilterInput {
  @Field(() => AgencyKind, { nullable: true }) @IsOptional() @IsEnum(AgencyKind) kind?: AgencyKind | null;
  @Field(() => ID, { nullable: true, description: 'Only agencies covering this area.' }) @IsOptional() @IsUUID('all') coversAreaId?:
    | string
    | null;
  @Field(() => String, { nullable: true }) @IsOptional() @Length(0, 100) search?: string | null;
  @Field(() => Boolean, { nullable: true }) @IsOptional() @IsBoolean() includeInactive?: boolean | null;
}

export const CODE_RULE = { message: 'Mã cơ quan gồm 2–64 chữ cái không dấu, chữ số, "-", "_" hoặc ".".' };

@InputType()
export class CreateAgencyInput {
  @Field() @Matches(/^[A-Za-z0-9_.-]{2,64}$/, CODE_RULE) code!: string;
  @Field() @Length(2, 300, { message: 'Tên cơ quan dài từ 2 đến 300 ký tự.' }) name!: string;
  @Field(() => AgencyKind) @IsEnum(AgencyKind) kind!: AgencyKind;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID('all') parentId?: string | null;
  @Field(() => [ID]) @IsUUID('all', { each: true, message: 'Mã địa bàn không hợp lệ.' }) @ArrayMaxSize(500) coveredAreaIds!: string[];
}

@InputType()
export class UpdateAgencyInput {
  @Field(() => ID) @IsUUID('all') id!: string;
  @Field(() => Int, { description: 'The version you loaded; a newer one on the server gives CONFLICT.' }) @IsInt() @Min(1) version!: number;
  @Field(() => String, { nullable: true }) @IsOptional() @Length(2, 300) name?: string | null;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID('all') parentId?: string | null;
  @Field(() => [ID], { nullable: true }) @IsOptional() @IsUUID('all', { each: true }) @ArrayMaxSize(500) coveredAreaIds?: string[] | null;
  @Field(() => Boolean, { nullable: true }) @IsOptional() @IsBoolean() active?: boolean | null;
}
