import { Migration } from '@mikro-orm/migrations';

export class Migration20261123200410 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create type "task_kind" as enum ('VERIFY_CONDITIONS', 'PERSUADE', 'SERVE_NOTICE', 'PROVIDE_INFORMATION', 'PROTECTION_PLAN', 'ATTEND_ACTION', 'FREEZE_ACCOUNT', 'EXPLAIN_JUDGMENT', 'OTHER');`);
    this.addSql(`create type "task_status" as enum ('OPEN', 'ACCEPTED', 'IN_PROGRESS', 'DONE', 'DECLINED', 'CANCELLED');`);
    this.addSql(`create type "task_priority" as enum ('LOW', 'NORMAL', 'HIGH', 'URGENT');`);
    this.addSql(`create type "post_kind" as enum ('NOTE', 'REPORT', 'DIRECTIVE', 'RECOMMENDATION', 'SYSTEM');`);
    this.addSql(`create table "thread_read" ("id" uuid not null, "user_id" uuid not null, "case_id" uuid not null, "last_read_seq" int not null default 0, "updated_at" timestamptz(3) not null, constraint "thread_read_pkey" primary key ("id"));`);
    this.addSql(`create index "thread_read_case_id_index" on "thread_read" ("case_id");`);
    this.addSql(`alter table "thread_read" add constraint "thread_read_user_id_case_id_unique" unique ("user_id", "case_id");`);

    this.addSql(`create table "case_task" ("id" uuid not null, "case_id" uuid not null, "kind" "task_kind" not null, "title" varchar(300) not null, "details" text null, "assignee_agency_id" uuid not null, "assignee_id" uuid null, "created_by_id" uuid not null, "status" "task_status" not null default 'OPEN', "priority" "task_priority" not null default 'NORMAL', "due_at" timestamptz(3) null, "reason" text null, "result_note" text null, "completed_at" timestamptz(3) null, "escalated_at" timestamptz(3) null, "version" int not null default 1, "created_at" timestamptz(3) not null, "updated_at" timestamptz(3) not null, constraint "case_task_pkey" primary key ("id"));`);
    this.addSql(`create index "case_task_case_id_index" on "case_task" ("case_id");`);
    this.addSql(`create index "case_task_assignee_id_index" on "case_task" ("assignee_id");`);
    this.addSql(`create index "case_task_status_due_at_index" on "case_task" ("status", "due_at");`);
    this.addSql(`create index "case_task_assignee_agency_id_status_index" on "case_task" ("assignee_agency_id", "status");`);

    this.addSql(`create table "case_post" ("id" uuid not null, "case_id" uuid not null, "seq" int not null, "kind" "post_kind" not null, "author_id" uuid null, "author_agency_id" uuid null, "body" text not null, "mentioned_user_ids" text[] not null default '{}', "mentioned_agency_ids" text[] not null default '{}', "attachments" jsonb not null default '[]', "edited_at" timestamptz(3) null, "deleted_at" timestamptz(3) null, "deleted_by_id" uuid null, "delete_reason" varchar(500) null, "version" int not null default 1, "created_at" timestamptz(3) not null, "updated_at" timestamptz(3) not null, constraint "case_post_pkey" primary key ("id"));`);
    this.addSql(`create index "case_post_author_id_index" on "case_post" ("author_id");`);
    this.addSql(`create index "case_post_mentioned_agencies_gin" on "case_post" using gin ("mentioned_agency_ids");`);
    this.addSql(`create index "case_post_mentioned_users_gin" on "case_post" using gin ("mentioned_user_ids");`);
    this.addSql(`alter table "case_post" add constraint "case_post_case_id_seq_unique" unique ("case_id", "seq");`);

    this.addSql(`create table "case_post_revision" ("id" uuid not null, "post_id" uuid not null, "version" int not null, "body" text not null, "mentioned_user_ids" text[] not null default '{}', "mentioned_agency_ids" text[] not null default '{}', "replaced_by_id" uuid not null, "created_at" timestamptz(3) not null, constraint "case_post_revision_pkey" primary key ("id"));`);
    this.addSql(`create index "case_post_revision_post_id_index" on "case_post_revision" ("post_id");`);

    this.addSql(`create table "case_thread" ("case_id" uuid not null, "last_seq" int not null default 0, constraint "case_thread_pkey" primary key ("case_id"));`);

    this.addSql(`alter table "thread_read" add constraint "thread_read_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on update cascade;`);
    this.addSql(`alter table "thread_read" add constraint "thread_read_case_id_foreign" foreign key ("case_id") references "enforcement_case" ("id") on update cascade;`);

    this.addSql(`alter table "case_task" add constraint "case_task_case_id_foreign" foreign key ("case_id") references "enforcement_case" ("id") on update cascade;`);
    this.addSql(`alter table "case_task" add constraint "case_task_assignee_agency_id_foreign" foreign key ("assignee_agency_id") references "agency" ("id") on update cascade;`);
    this.addSql(`alter table "case_task" add constraint "case_task_assignee_id_foreign" foreign key ("assignee_id") references "app_user" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "case_task" add constraint "case_task_created_by_id_foreign" foreign key ("created_by_id") references "app_user" ("id") on update cascade;`);

    this.addSql(`alter table "case_post" add constraint "case_post_case_id_foreign" foreign key ("case_id") references "enforcement_case" ("id") on update cascade;`);
    this.addSql(`alter table "case_post" add constraint "case_post_author_id_foreign" foreign key ("author_id") references "app_user" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "case_post" add constraint "case_post_author_agency_id_foreign" foreign key ("author_agency_id") references "agency" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "case_post" add constraint "case_post_deleted_by_id_foreign" foreign key ("deleted_by_id") references "app_user" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "case_post_revision" add constraint "case_post_revision_post_id_foreign" foreign key ("post_id") references "case_post" ("id") on update cascade;`);
    this.addSql(`alter table "case_post_revision" add constraint "case_post_revision_replaced_by_id_foreign" foreign key ("replaced_by_id") references "app_user" ("id") on update cascade;`);

    this.addSql(`alter table "case_thread" add constraint "case_thread_case_id_foreign" foreign key ("case_id") references "enforcement_case" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "case_post_revision" drop constraint "case_post_revision_post_id_foreign";`);

    this.addSql(`drop table if exists "thread_read" cascade;`);

    this.addSql(`drop table if exists "case_task" cascade;`);

    this.addSql(`drop table if exists "case_post" cascade;`);

    this.addSql(`drop table if exists "case_post_revision" cascade;`);

    this.addSql(`drop table if exists "case_thread" cascade;`);

    this.addSql(`drop type "task_kind";`);
    this.addSql(`drop type "task_status";`);
    this.addSql(`drop type "task_priority";`);
    this.addSql(`drop type "post_kind";`);
  }

}
