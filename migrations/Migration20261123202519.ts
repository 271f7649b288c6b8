import { Migration } from '@mikro-orm/migrations';

export class Migration20261123202519 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create type "action_kind" as enum ('PERSUASION_VISIT', 'COORDINATION_MEETING', 'VERIFICATION_VISIT', 'COERCION');`);
    this.addSql(`create type "action_status" as enum ('PLANNED', 'READY', 'IN_PROGRESS', 'COMPLETED', 'POSTPONED', 'CANCELLED');`);
    this.addSql(`create type "action_outcome" as enum ('VOLUNTARY_COMPLIANCE', 'PARTIAL_PAYMENT', 'REFUSED', 'COERCED', 'POSTPONED', 'REQUEST_WITHDRAWN', 'OTHER');`);
    this.addSql(`create type "invitation_status" as enum ('INVITED', 'CONFIRMED', 'DECLINED');`);
    this.addSql(`create table "deadline_escalation" ("id" uuid not null, "case_id" uuid not null, "kind" varchar(64) not null, "subject_id" uuid not null, "due_at" timestamptz(3) not null, "escalated_at" timestamptz(3) not null, constraint "deadline_escalation_pkey" primary key ("id"));`);
    this.addSql(`create index "deadline_escalation_case_id_index" on "deadline_escalation" ("case_id");`);
    this.addSql(`alter table "deadline_escalation" add constraint "deadline_escalation_kind_subject_id_unique" unique ("kind", "subject_id");`);

    this.addSql(`create table "case_action" ("id" uuid not null, "case_id" uuid not null, "kind" "action_kind" not null, "title" varchar(300) not null, "status" "action_status" not null default 'PLANNED', "scheduled_start" timestamptz(3) not null, "scheduled_end" timestamptz(3) not null, "place" varchar(500) not null, "lead_officer_id" uuid not null, "created_by_id" uuid not null, "person_coerced" varchar(300) null, "measure" varchar(300) null, "method" text null, "forces" text null, "protection" text null, "cost_estimate" bigint null, "protection_plan_due_at" timestamptz(3) null, "protection_plan_recorded_at" timestamptz(3) null, "protection_plan_note" text null, "protection_plan_recorded_by_id" uuid null, "protection_task_id" uuid null, "postponement_requested_at" timestamptz(3) null, "postponement_reason" text null, "postponement_late" boolean not null default false, "reason" text null, "outcome" "action_outcome" null, "minutes" text null, "attendees" jsonb null, "money_collected" bigint not null default '0', "completed_at" timestamptz(3) null, "version" int not null default 1, "created_at" timestamptz(3) not null, "updated_at" timestamptz(3) not null, constraint "case_action_pkey" primary key ("id"));`);
    this.addSql(`create index "case_action_case_id_index" on "case_action" ("case_id");`);
    this.addSql(`create index "case_action_status_scheduled_start_index" on "case_action" ("status", "scheduled_start");`);

    this.addSql(`create table "action_participant" ("id" uuid not null, "action_id" uuid not null, "agency_id" uuid not null, "required" boolean not null, "status" "invitation_status" not null default 'INVITED', "decline_reason" text null, "task_id" uuid null, "invited_at" timestamptz(3) not null, "responded_at" timestamptz(3) null, "responded_by_id" uuid null, "version" int not null default 1, constraint "action_participant_pkey" primary key ("id"));`);
    this.addSql(`create index "action_participant_agency_id_status_index" on "action_participant" ("agency_id", "status");`);
    this.addSql(`alter table "action_participant" add constraint "action_participant_action_id_agency_id_unique" unique ("action_id", "agency_id");`);

    this.addSql(`alter table "deadline_escalation" add constraint "deadline_escalation_case_id_foreign" foreign key ("case_id") references "enforcement_case" ("id") on update cascade;`);

    this.addSql(`alter table "case_action" add constraint "case_action_case_id_foreign" foreign key ("case_id") references "enforcement_case" ("id") on update cascade;`);
    this.addSql(`alter table "case_action" add constraint "case_action_lead_officer_id_foreign" foreign key ("lead_officer_id") references "app_user" ("id") on update cascade;`);
    this.addSql(`alter table "case_action" add constraint "case_action_created_by_id_foreign" foreign key ("created_by_id") references "app_user" ("id") on update cascade;`);
    this.addSql(`alter table "case_action" add constraint "case_action_protection_plan_recorded_by_id_foreign" foreign key ("protection_plan_recorded_by_id") references "app_user" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "case_action" add constraint "case_action_protection_task_id_foreign" foreign key ("protection_task_id") references "case_task" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "action_participant" add constraint "action_participant_action_id_foreign" foreign key ("action_id") references "case_action" ("id") on update cascade;`);
    this.addSql(`alter table "action_participant" add constraint "action_participant_agency_id_foreign" foreign key ("agency_id") references "agency" ("id") on update cascade;`);
    this.addSql(`alter table "action_participant" add constraint "action_participant_task_id_foreign" foreign key ("task_id") references "case_task" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "action_participant" add constraint "action_participant_responded_by_id_foreign" foreign key ("responded_by_id") references "app_user" ("id") on update cascade on delete set null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "action_participant" drop constraint "action_participant_action_id_foreign";`);

    this.addSql(`drop table if exists "deadline_escalation" cascade;`);

    this.addSql(`drop table if exists "case_action" cascade;`);

    this.addSql(`drop table if exists "action_participant" cascade;`);

    this.addSql(`drop type "action_kind";`);
    this.addSql(`drop type "action_status";`);
    this.addSql(`drop type "action_outcome";`);
    this.addSql(`drop type "invitation_status";`);
  }

}
