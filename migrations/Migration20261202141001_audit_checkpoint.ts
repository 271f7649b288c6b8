import { Migration } from '@mikro-orm/migrations';

export class Migration20261202141001_audit_checkpoint extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "audit_checkpoint" ("id" bigserial primary key, "stream" varchar(200) not null, "stream_seq" bigint not null, "hash" char(64) not null, "created_at" timestamptz(3) not null, "prev_mac" char(64) not null, "mac" char(64) not null);`);
    this.addSql(`create index "audit_checkpoint_stream_seq_idx" on "audit_checkpoint" ("stream", "stream_seq");`);

    // Reviewed addition: the checkpoints are append-only without exception (retention never prunes
    // them), so only a superuser bypassing triggers can remove one — and the chain of macs tells.
    this.addSql(`create function "audit_checkpoint_append_only"() returns trigger language plpgsql as $$
      begin raise exception 'audit checkpoints are append-only (% refused)', tg_op using errcode = 'P0001'; end $$;`);
    this.addSql(`create trigger "audit_checkpoint_no_update_delete" before update or delete on "audit_checkpoint" for each row execute function "audit_checkpoint_append_only"();`);
    this.addSql(`create trigger "audit_checkpoint_no_truncate" before truncate on "audit_checkpoint" for each statement execute function "audit_checkpoint_append_only"();`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "audit_checkpoint" cascade;`);
    this.addSql(`drop function if exists "audit_checkpoint_append_only"();`);
  }

}
