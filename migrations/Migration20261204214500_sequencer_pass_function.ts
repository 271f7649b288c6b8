import { Migration } from '@mikro-orm/migrations';

/**
 * The sequencer pass as one server-side function (server/src/events/sequencer.ts): one round trip and one
 * autocommitted transaction instead of BEGIN, the lock, the numbering and COMMIT, and a lock-free check first, so
 * a pass that finds nothing to number (a poll, a peer) takes no lock. Hand-written: a function is not an entity.
 */
export class Migration20261204214500_sequencer_pass_function extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create function "event_sequencer_pass"("lock_key" bigint)
  returns table ("numbered" int, "head_position" bigint)
  language plpgsql volatile
  set lock_timeout = '5s'
  set plan_cache_mode = force_custom_plan
as $fn$
declare
  st record;
begin
  -- Lock-free: does this snapshot show a committed event without a position? Only events at or above a saved
  -- pass's xmax, or in its in-progress list, can be unnumbered (an older saved state only widens the search).
  select s.snapshot_xmax, s.in_progress into st from event_sequencer s where s.id = 1;
  if found and not exists (
    select 1 from event e
     where (e.tx_id >= st.snapshot_xmax or e.tx_id = any(st.in_progress))
       and not exists (select 1 from event_position p where p.event_id = e.id)
  ) then
    numbered := 0;
    select coalesce(max(p.position), 0) into head_position from event_position p;
    return next;
    return;
  end if;
  -- Passes of every instance run one after another; each statement below takes its snapshot after the lock,
  -- so it sees every position the previous pass committed.
  perform pg_advisory_xact_lock(lock_key);
  -- No saved state (the first pass ever: st's fields are null): the whole existing log, in the old (txId, id)
  -- cursor order, so that cursors minted before the sequencer map onto positions exactly.
  select s.snapshot_xmax, s.in_progress into st from event_sequencer s where s.id = 1;
  with fresh as (
    select e.id, e.tx_id from event e
     where (st.snapshot_xmax is null or e.tx_id >= st.snapshot_xmax or e.tx_id = any(st.in_progress))
       and not exists (select 1 from event_position p where p.event_id = e.id)
  ),
  base as (select coalesce(max(p.position), 0) as last from event_position p),
  ins as (
    insert into event_position (position, event_id)
    select base.last + row_number() over (order by fresh.tx_id, fresh.id), fresh.id from fresh, base
    returning event_position.position
  ),
  snap as (select pg_current_snapshot() as s),
  saved as (
    insert into event_sequencer (id, snapshot_xmax, in_progress, updated_at)
    select 1, pg_snapshot_xmax(snap.s), array(select pg_snapshot_xip(snap.s)), now() from snap
    on conflict (id) do update set snapshot_xmax = excluded.snapshot_xmax, in_progress = excluded.in_progress, updated_at = excluded.updated_at
  )
  select (select count(*)::int from ins), greatest((select max(ins.position) from ins), (select base.last from base))
    into numbered, head_position;
  return next;
end
$fn$;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop function if exists "event_sequencer_pass"(bigint);`);
  }

}
