import { Migration } from '@mikro-orm/migrations';

export class Migration20261202135735 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "action_outcome_entry" ("id" uuid not null, "action_id" uuid not null, "outcome" "action_outcome" not null, "minutes" text not null, "attendees" jsonb not null, "collections" jsonb not null, "money_collected" bigint not null default '0', "corrects_id" uuid null, "correction_reason" text null, "recorded_by_id" uuid not null, "recorded_at" timestamptz(3) not null, constraint "action_outcome_entry_pkey" primary key ("id"));`);
    this.addSql(`create index "action_outcome_entry_action_id_index" on "action_outcome_entry" ("action_id");`);
    this.addSql(`alter table "action_outcome_entry" add constraint "action_outcome_entry_corrects_id_unique" unique ("corrects_id");`);

    this.addSql(`create table "action_invitee" ("id" uuid not null, "action_id" uuid not null, "name" varchar(200) not null, "role" varchar(200) not null, "phone" varchar(20) null, "status" "invitation_status" not null default 'INVITED', "note" text null, "invited_at" timestamptz(3) not null, "responded_at" timestamptz(3) null, "recorded_by_id" uuid null, "version" int not null default 1, constraint "action_invitee_pkey" primary key ("id"));`);
    this.addSql(`create index "action_invitee_action_id_index" on "action_invitee" ("action_id");`);

    this.addSql(`alter table "action_outcome_entry" add constraint "action_outcome_entry_action_id_foreign" foreign key ("action_id") references "case_action" ("id") on update cascade;`);
    this.addSql(`alter table "action_outcome_entry" add constraint "action_outcome_entry_corrects_id_foreign" foreign key ("corrects_id") references "action_outcome_entry" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "action_outcome_entry" add constraint "action_outcome_entry_recorded_by_id_foreign" foreign key ("recorded_by_id") references "app_user" ("id") on update cascade;`);

    this.addSql(`alter table "action_invitee" add constraint "action_invitee_action_id_foreign" foreign key ("action_id") references "case_action" ("id") on update cascade;`);
    this.addSql(`alter table "action_invitee" add constraint "action_invitee_recorded_by_id_foreign" foreign key ("recorded_by_id") references "app_user" ("id") on update cascade on delete set null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "action_outcome_entry" drop constraint "action_outcome_entry_corrects_id_foreign";`);

    this.addSql(`drop table if exists "action_outcome_entry" cascade;`);

    this.addSql(`drop table if exists "action_invitee" cascade;`);
  }

}
