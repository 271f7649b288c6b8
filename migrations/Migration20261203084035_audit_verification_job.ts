import { Migration } from '@mikro-orm/migrations';

export class Migration20261203084035_audit_verification_job extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create type "audit_verification_state" as enum ('RUNNING', 'DONE', 'FAILED');`);
    this.addSql(`create table "audit_verification_job" ("id" uuid not null, "state" "audit_verification_state" not null default 'RUNNING', "started_by_id" uuid not null, "events_checked" int not null default 0, "events_total" int not null default 0, "streams_checked" int not null default 0, "report" jsonb null, "failure" text null, "started_at" timestamptz(3) not null, "finished_at" timestamptz(3) null, constraint "audit_verification_job_pkey" primary key ("id"));`);
    this.addSql(`create index "audit_verification_job_started_at_index" on "audit_verification_job" ("started_at");`);

    this.addSql(`alter table "audit_verification_job" add constraint "audit_verification_job_started_by_id_foreign" foreign key ("started_by_id") references "app_user" ("id") on update cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "audit_verification_job" cascade;`);

    this.addSql(`drop type "audit_verification_state";`);
  }

}
