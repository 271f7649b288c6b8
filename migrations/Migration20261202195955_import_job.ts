import { Migration } from '@mikro-orm/migrations';

export class Migration20261202195955_import_job extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create type "import_job_state" as enum ('RUNNING', 'DONE', 'FAILED');`);
    this.addSql(`create table "import_job" ("id" uuid not null, "kind" text not null, "actor_id" uuid not null, "state" "import_job_state" not null default 'RUNNING', "skip_bad_rows" boolean not null, "rows" int not null, "total" int not null, "processed" int not null default 0, "created" int not null default 0, "unchanged" int not null default 0, "skipped" int not null default 0, "errors" jsonb not null default '[]', "failure" text null, "started_at" timestamptz(3) not null, "finished_at" timestamptz(3) null, constraint "import_job_pkey" primary key ("id"));`);
    this.addSql(`create index "import_job_actor_id_started_at_index" on "import_job" ("actor_id", "started_at");`);

    this.addSql(`alter table "import_job" add constraint "import_job_actor_id_foreign" foreign key ("actor_id") references "app_user" ("id") on update cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "import_job" cascade;`);

    this.addSql(`drop type "import_job_state";`);
  }

}
