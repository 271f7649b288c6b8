import { Migration } from '@mikro-orm/migrations';

export class Migration20261202161500_app_role extends Migration {

  override async up(): Promise<void> {
    // Reviewed addition: the app runs as a role without DELETE on the event log (docs/SECURITY.md,
    // "Database roles"). Retention (EVENT_LOG_RETENTION_DAYS, off by default) is the one legitimate
    // deletion: this function, owned by the owner (SECURITY DEFINER, fixed search_path), deletes a
    // prefix of each stream older than `cutoff` (at most `batch` events) and records it in
    // event_stream.pruned_seq/pruned_hash — the same statement the app used to run itself. Only the
    // app role gets EXECUTE (granted after migrations, see server/src/db/roles.ts).
    this.addSql(`create function "prune_events_before"(cutoff timestamptz, batch integer) returns bigint
      language plpgsql security definer set search_path = public, pg_temp as $$
      declare
        deleted bigint;
      begin
        perform set_config('phoihop.prune_events', 'on', true);
        with oldest as (
          select stream, stream_seq from event where occurred_at < cutoff order by id limit batch
        ), upto as (
          select stream, max(stream_seq) as seq from oldest group by stream
        ), gone as (
          delete from event e using upto u where e.stream = u.stream and e.stream_seq <= u.seq
          returning e.stream, e.stream_seq, e.hash
        ), last_gone as (
          select distinct on (stream) stream, stream_seq, hash from gone order by stream, stream_seq desc
        ), moved as (
          update event_stream h set pruned_seq = l.stream_seq, pruned_hash = l.hash
          from last_gone l where h.stream = l.stream and h.pruned_seq < l.stream_seq
          returning 1
        )
        select count(*) into deleted from gone;
        perform set_config('phoihop.prune_events', '', true);
        return deleted;
      end $$;`);
    this.addSql(`revoke all on function "prune_events_before"(timestamptz, integer) from public;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop function if exists "prune_events_before"(timestamptz, integer);`);
  }

}
