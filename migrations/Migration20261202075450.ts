import { Migration } from '@mikro-orm/migrations';

export class Migration20261202075450 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "inbox_read" ("user_id" uuid not null, "event_id" bigint not null, "read_at" timestamptz(3) not null, constraint "inbox_read_pkey" primary key ("user_id", "event_id"));`);

    this.addSql(`alter table "inbox_read" add constraint "inbox_read_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "inbox_read" cascade;`);
  }

}
