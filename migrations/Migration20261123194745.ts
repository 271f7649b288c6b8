import { Migration } from '@mikro-orm/migrations';

export class Migration20261123194745 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create type "case_kind" as enum ('ON_REQUEST', 'PROACTIVE');`);
    this.addSql(`create type "case_status" as enum ('RECEIVED', 'DECISION_ISSUED', 'VOLUNTARY_PERIOD', 'VERIFICATION', 'ENFORCEABLE', 'NOT_YET_ENFORCEABLE', 'ENFORCING', 'COMPLETED', 'POSTPONED', 'SUSPENDED', 'TERMINATED', 'RETURNED');`);
    this.addSql(`create type "party_role" as enum ('DEBTOR', 'CREDITOR', 'RELATED');`);
    this.addSql(`create type "party_kind" as enum ('PERSON', 'ORGANISATION');`);
    this.addSql(`create type "obligation_kind" as enum ('PAY_MONEY', 'HAND_OVER_LAND', 'HAND_OVER_PROPERTY', 'PERFORM_ACT', 'OTHER');`);
    this.addSql(`create type "participant_role" as enum ('LEAD', 'SUPPORT', 'SUPERVISOR', 'STEERING', 'PROTECTION', 'INFORMATION_PROVIDER', 'JUDGMENT_EXPLANATION');`);
    this.addSql(`create table "idempotency_key" ("id" uuid not null, "user_id" uuid not null, "key" varchar(128) not null, "operation" varchar(64) not null, "result_id" uuid not null, "created_at" timestamptz(3) not null, constraint "idempotency_key_pkey" primary key ("id"));`);
    this.addSql(`alter table "idempotency_key" add constraint "idempotency_key_user_id_key_unique" unique ("user_id", "key");`);

    this.addSql(`create table "enforcement_case" ("id" uuid not null, "decision_number" varchar(64) null, "decision_date" date null, "judgment_number" varchar(64) not null, "judgment_court" varchar(300) not null, "judgment_date" date not null, "received_at" timestamptz(3) not null, "kind" "case_kind" not null, "lead_agency_id" uuid not null, "officer_id" uuid null, "commune_id" uuid not null, "status" "case_status" not null default 'RECEIVED', "resume_status" "case_status" null, "complex" boolean not null default false, "backlog" boolean not null default false, "urgent_security" boolean not null default false, "notes" text null, "decision_due_at" timestamptz(3) null, "decision_delivered_at" timestamptz(3) null, "voluntary_period_ends_at" timestamptz(3) null, "verification_due_at" timestamptz(3) null, "search_text" text not null default '', "version" int not null default 1, "created_at" timestamptz(3) not null, "updated_at" timestamptz(3) not null, constraint "enforcement_case_pkey" primary key ("id"));`);
    this.addSql(`create index "enforcement_case_lead_agency_id_index" on "enforcement_case" ("lead_agency_id");`);
    this.addSql(`create index "enforcement_case_officer_id_index" on "enforcement_case" ("officer_id");`);
    this.addSql(`create index "enforcement_case_commune_id_index" on "enforcement_case" ("commune_id");`);
    this.addSql(`create index "case_search_idx" on "enforcement_case" ("search_text");`);

    this.addSql(`create table "case_party" ("id" uuid not null, "case_id" uuid not null, "role" "party_role" not null, "kind" "party_kind" not null, "name" varchar(300) not null, "address" varchar(500) null, "id_number" varchar(32) null, "phone" varchar(32) null, "created_at" timestamptz(3) not null, constraint "case_party_pkey" primary key ("id"));`);
    this.addSql(`create index "case_party_case_id_index" on "case_party" ("case_id");`);

    this.addSql(`create table "obligation" ("id" uuid not null, "case_id" uuid not null, "kind" "obligation_kind" not null, "description" text not null, "debtor_id" uuid null, "creditor_id" uuid null, "amount_owed" bigint null, "amount_collected" bigint not null default '0', "land_area_m2" numeric(14,2) null, "fulfilled" boolean not null default false, "created_at" timestamptz(3) not null, constraint "obligation_pkey" primary key ("id"));`);
    this.addSql(`create index "obligation_case_id_index" on "obligation" ("case_id");`);

    this.addSql(`create table "case_participant" ("id" uuid not null, "case_id" uuid not null, "agency_id" uuid not null, "role" "participant_role" not null, "added_by_id" uuid null, "added_at" timestamptz(3) not null, "removed_at" timestamptz(3) null, constraint "case_participant_pkey" primary key ("id"));`);
    this.addSql(`create index "case_participant_agency_id_removed_at_index" on "case_participant" ("agency_id", "removed_at");`);
    this.addSql(`create unique index "case_participant_active_idx" on "case_participant" ("case_id", "agency_id") where "removed_at" is null;`);

    this.addSql(`alter table "enforcement_case" add constraint "enforcement_case_lead_agency_id_foreign" foreign key ("lead_agency_id") references "agency" ("id") on update cascade;`);
    this.addSql(`alter table "enforcement_case" add constraint "enforcement_case_officer_id_foreign" foreign key ("officer_id") references "app_user" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "enforcement_case" add constraint "enforcement_case_commune_id_foreign" foreign key ("commune_id") references "area" ("id") on update cascade;`);

    this.addSql(`alter table "case_party" add constraint "case_party_case_id_foreign" foreign key ("case_id") references "enforcement_case" ("id") on update cascade;`);

    this.addSql(`alter table "obligation" add constraint "obligation_case_id_foreign" foreign key ("case_id") references "enforcement_case" ("id") on update cascade;`);
    this.addSql(`alter table "obligation" add constraint "obligation_debtor_id_foreign" foreign key ("debtor_id") references "case_party" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "obligation" add constraint "obligation_creditor_id_foreign" foreign key ("creditor_id") references "case_party" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "case_participant" add constraint "case_participant_case_id_foreign" foreign key ("case_id") references "enforcement_case" ("id") on update cascade;`);
    this.addSql(`alter table "case_participant" add constraint "case_participant_agency_id_foreign" foreign key ("agency_id") references "agency" ("id") on update cascade;`);
    this.addSql(`alter table "case_participant" add constraint "case_participant_added_by_id_foreign" foreign key ("added_by_id") references "app_user" ("id") on update cascade on delete set null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "case_party" drop constraint "case_party_case_id_foreign";`);

    this.addSql(`alter table "obligation" drop constraint "obligation_case_id_foreign";`);

    this.addSql(`alter table "case_participant" drop constraint "case_participant_case_id_foreign";`);

    this.addSql(`alter table "obligation" drop constraint "obligation_debtor_id_foreign";`);

    this.addSql(`alter table "obligation" drop constraint "obligation_creditor_id_foreign";`);

    this.addSql(`drop table if exists "idempotency_key" cascade;`);

    this.addSql(`drop table if exists "enforcement_case" cascade;`);

    this.addSql(`drop table if exists "case_party" cascade;`);

    this.addSql(`drop table if exists "obligation" cascade;`);

    this.addSql(`drop table if exists "case_participant" cascade;`);

    this.addSql(`drop type "case_kind";`);
    this.addSql(`drop type "case_status";`);
    this.addSql(`drop type "party_role";`);
    this.addSql(`drop type "party_kind";`);
    this.addSql(`drop type "obligation_kind";`);
    this.addSql(`drop type "participant_role";`);
  }

}
