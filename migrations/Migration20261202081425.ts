import { Migration } from '@mikro-orm/migrations';

export class Migration20261202081425 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create index "event_occurred_at_brin" on "event" using brin ("occurred_at");`);

    this.addSql(`alter table "event_stream" add column "pruned_seq" bigint not null default 0, add column "pruned_hash" char(64) not null default '0000000000000000000000000000000000000000000000000000000000000000';`);

    // Reviewed addition: event-log retention (off by default) deletes a prefix of each stream in a
    // transaction that sets `phoihop.prune_events`; everything else (UPDATE, other DELETEs, TRUNCATE)
    // is still refused. The pruned prefix is recorded in event_stream.pruned_seq/pruned_hash, so
    // verifyAuditChain still detects any other missing or changed row.
    this.addSql(`create or replace function "event_append_only"() returns trigger language plpgsql as $$
      begin
        if tg_op = 'DELETE' and coalesce(current_setting('phoihop.prune_events', true), '') = 'on' then return old; end if;
        raise exception 'the event log is append-only (% refused)', tg_op using errcode = 'P0001';
      end $$;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "event_occurred_at_brin";`);

    this.addSql(`alter table "event_stream" drop column "pruned_seq", drop column "pruned_hash";`);

    this.addSql(`create or replace function "event_append_only"() returns trigger language plpgsql as $$
      begin raise exception 'the event log is append-only (% refused)', tg_op using errcode = 'P0001'; end $$;`);
  }

}
