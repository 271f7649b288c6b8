import { Migration } from '@mikro-orm/migrations';

export class Migration20261123203640 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create type "calendar_day_kind" as enum ('DAY_OFF', 'WORKING_DAY');`);
    this.addSql(`create table "calendar_day" ("id" uuid not null, "date" date not null, "kind" "calendar_day_kind" not null, "name" varchar(200) not null, "source" varchar(300) not null, "created_by_id" uuid not null, "created_at" timestamptz(3) not null, constraint "calendar_day_pkey" primary key ("id"));`);
    this.addSql(`alter table "calendar_day" add constraint "calendar_day_date_unique" unique ("date");`);

    this.addSql(`alter table "calendar_day" add constraint "calendar_day_created_by_id_foreign" foreign key ("created_by_id") references "app_user" ("id") on update cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "calendar_day" cascade;`);

    this.addSql(`drop type "calendar_day_kind";`);
  }

}
