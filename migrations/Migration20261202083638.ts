import { Migration } from '@mikro-orm/migrations';

export class Migration20261202083638 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "account_freeze" ("id" uuid not null, "case_id" uuid not null, "recorded_at" timestamptz(3) not null, "decision_due_at" timestamptz(3) not null, "note" text not null, "decided_at" timestamptz(3) null, "decision_number" varchar(100) null, "task_id" uuid null, "created_by_id" uuid not null, "created_at" timestamptz(3) not null, constraint "account_freeze_pkey" primary key ("id"));`);
    this.addSql(`create index "account_freeze_case_id_index" on "account_freeze" ("case_id");`);
    this.addSql(`create index "account_freeze_decided_at_decision_due_at_index" on "account_freeze" ("decided_at", "decision_due_at");`);

    this.addSql(`alter table "account_freeze" add constraint "account_freeze_case_id_foreign" foreign key ("case_id") references "enforcement_case" ("id") on update cascade;`);
    this.addSql(`alter table "account_freeze" add constraint "account_freeze_task_id_foreign" foreign key ("task_id") references "case_task" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "account_freeze" add constraint "account_freeze_created_by_id_foreign" foreign key ("created_by_id") references "app_user" ("id") on update cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "account_freeze" cascade;`);
  }

}
