import { Migration } from '@mikro-orm/migrations';

export class Migration20261202075149 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "tet_directive" ("id" uuid not null, "tet_year" int not null, "first_day" date not null, "last_day" date not null, "document_number" varchar(100) not null, "document_date" date not null, "created_by_id" uuid not null, "created_at" timestamptz(3) not null, constraint "tet_directive_pkey" primary key ("id"));`);
    this.addSql(`alter table "tet_directive" add constraint "tet_directive_tet_year_unique" unique ("tet_year");`);

    this.addSql(`alter table "tet_directive" add constraint "tet_directive_created_by_id_foreign" foreign key ("created_by_id") references "app_user" ("id") on update cascade;`);

    this.addSql(`alter table "case_action" add column "calendar_conflict_at" timestamptz(3) null, add column "calendar_conflict" text null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "tet_directive" cascade;`);

    this.addSql(`alter table "case_action" drop column "calendar_conflict_at", drop column "calendar_conflict";`);
  }

}
