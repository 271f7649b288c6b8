import { Migration } from '@mikro-orm/migrations';

export class Migration20261123193128 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create type "agency_kind" as enum ('ENFORCEMENT_OFFICE', 'POLICE', 'COURT', 'PROCURACY', 'PEOPLES_COMMITTEE', 'STEERING_COMMITTEE', 'BANK', 'MASS_ORGANISATION', 'OTHER');`);
    this.addSql(`create type "area_kind" as enum ('NATION', 'PROVINCE', 'DISTRICT', 'COMMUNE');`);
    this.addSql(`create table "agency" ("id" uuid not null, "code" varchar(64) not null, "name" varchar(300) not null, "kind" "agency_kind" not null, "parent_id" uuid null, "active" boolean not null default true, "version" int not null default 1, "created_at" timestamptz(3) not null, constraint "agency_pkey" primary key ("id"));`);
    this.addSql(`alter table "agency" add constraint "agency_code_unique" unique ("code");`);

    this.addSql(`create table "area" ("id" uuid not null, "code" varchar(32) not null, "name" varchar(200) not null, "kind" "area_kind" not null, "parent_id" uuid null, "path" varchar(400) not null, "active" boolean not null default true, "created_at" timestamptz(3) not null, constraint "area_pkey" primary key ("id"));`);
    this.addSql(`alter table "area" add constraint "area_code_unique" unique ("code");`);
    this.addSql(`create index "area_path_idx" on "area" ("path" text_pattern_ops);`);

    this.addSql(`create table "agency_coverage" ("agency_id" uuid not null, "area_id" uuid not null, constraint "agency_coverage_pkey" primary key ("agency_id", "area_id"));`);

    this.addSql(`create table "signin_throttle" ("key" varchar(255) not null, "points" int not null default 0, "expire" bigint null, constraint "signin_throttle_pkey" primary key ("key"));`);

    this.addSql(`create table "app_user" ("id" uuid not null, "username" varchar(64) not null, "full_name" varchar(200) not null, "agency_id" uuid not null, "roles" text[] not null, "password_hash" varchar(200) not null, "phone" varchar(32) null, "active" boolean not null default true, "token_version" int not null default 0, "version" int not null default 1, "created_at" timestamptz(3) not null, constraint "app_user_pkey" primary key ("id"));`);
    this.addSql(`alter table "app_user" add constraint "app_user_username_unique" unique ("username");`);
    this.addSql(`create index "app_user_agency_id_index" on "app_user" ("agency_id");`);

    this.addSql(`create table "auth_session" ("id" uuid not null, "user_id" uuid not null, "secret_hash" char(64) not null, "expires_at" timestamptz(3) not null, "revoked_at" timestamptz(3) null, "replaced_by" uuid null, "ip" varchar(64) null, "created_at" timestamptz(3) not null, constraint "auth_session_pkey" primary key ("id"));`);
    this.addSql(`create index "auth_session_user_id_index" on "auth_session" ("user_id");`);

    this.addSql(`alter table "agency" add constraint "agency_parent_id_foreign" foreign key ("parent_id") references "agency" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "area" add constraint "area_parent_id_foreign" foreign key ("parent_id") references "area" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "agency_coverage" add constraint "agency_coverage_agency_id_foreign" foreign key ("agency_id") references "agency" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "agency_coverage" add constraint "agency_coverage_area_id_foreign" foreign key ("area_id") references "area" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "app_user" add constraint "app_user_agency_id_foreign" foreign key ("agency_id") references "agency" ("id") on update cascade;`);

    this.addSql(`alter table "auth_session" add constraint "auth_session_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on update cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "agency" drop constraint "agency_parent_id_foreign";`);

    this.addSql(`alter table "agency_coverage" drop constraint "agency_coverage_agency_id_foreign";`);

    this.addSql(`alter table "app_user" drop constraint "app_user_agency_id_foreign";`);

    this.addSql(`alter table "area" drop constraint "area_parent_id_foreign";`);

    this.addSql(`alter table "agency_coverage" drop constraint "agency_coverage_area_id_foreign";`);

    this.addSql(`alter table "auth_session" drop constraint "auth_session_user_id_foreign";`);

    this.addSql(`drop table if exists "agency" cascade;`);

    this.addSql(`drop table if exists "area" cascade;`);

    this.addSql(`drop table if exists "agency_coverage" cascade;`);

    this.addSql(`drop table if exists "signin_throttle" cascade;`);

    this.addSql(`drop table if exists "app_user" cascade;`);

    this.addSql(`drop table if exists "auth_session" cascade;`);

    this.addSql(`drop type "agency_kind";`);
    this.addSql(`drop type "area_kind";`);
  }

}
