import { Migration } from '@mikro-orm/migrations';

export class Migration20261202075001 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "event_position" ("position" bigint not null, "event_id" bigint not null, constraint "event_position_pkey" primary key ("position"));`);
    this.addSql(`alter table "event_position" add constraint "event_position_event_id_unique" unique ("event_id");`);
    // Reviewed addition: positions are part of the record (cursors point at them), so they are
    // append-only like the log itself; the function comes from the first migration.
    this.addSql(`create trigger "event_position_no_update_delete" before update or delete on "event_position" for each row execute function "event_append_only"();`);
    this.addSql(`create trigger "event_position_no_truncate" before truncate on "event_position" for each statement execute function "event_append_only"();`);

    this.addSql(`create table "event_sequencer" ("id" smallint not null, "snapshot_xmax" xid8 not null, "in_progress" xid8[] not null, "updated_at" timestamptz(3) not null, constraint "event_sequencer_pkey" primary key ("id"));`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "event_position" cascade;`);

    this.addSql(`drop table if exists "event_sequencer" cascade;`);
  }

}
