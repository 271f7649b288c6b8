import { Migration } from '@mikro-orm/migrations';

export class Migration20261123192346 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "event" ("id" bigserial primary key, "tx_id" xid8 not null default pg_current_xact_id(), "stream" varchar(200) not null, "stream_seq" bigint not null, "type" varchar(100) not null, "actor_id" uuid null, "topics" text[] not null, "payload" jsonb not null, "occurred_at" timestamptz(3) not null, "prev_hash" char(64) not null, "hash" char(64) not null);`);
    this.addSql(`create index "event_topics_gin" on "event" using gin ("topics");`);
    this.addSql(`create index "event_tx_order_idx" on "event" ("tx_id", "id");`);
    this.addSql(`alter table "event" add constraint "event_stream_stream_seq_unique" unique ("stream", "stream_seq");`);

    this.addSql(`create table "event_stream" ("stream" varchar(200) not null, "last_seq" bigint not null, "last_hash" char(64) not null, constraint "event_stream_pkey" primary key ("stream"));`);

    // Reviewed addition: the event log is the audit trail, so the database itself refuses to
    // change or remove a row (verifyAuditChain still detects tampering by a superuser who disables this).
    this.addSql(`create function "event_append_only"() returns trigger language plpgsql as $$
      begin raise exception 'the event log is append-only (% refused)', tg_op using errcode = 'P0001'; end $$;`);
    this.addSql(`create trigger "event_no_update_delete" before update or delete on "event" for each row execute function "event_append_only"();`);
    this.addSql(`create trigger "event_no_truncate" before truncate on "event" for each statement execute function "event_append_only"();`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "event" cascade;`);
    this.addSql(`drop function if exists "event_append_only"();`);

    this.addSql(`drop table if exists "event_stream" cascade;`);
  }

}
