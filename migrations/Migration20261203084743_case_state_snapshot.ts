import { Migration } from '@mikro-orm/migrations';

export class Migration20261203084743_case_state_snapshot extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "case_state_snapshot_boundary" ("boundary" timestamptz(3) not null, "filled_at" timestamptz(3) not null, "rows" int not null, constraint "case_state_snapshot_boundary_pkey" primary key ("boundary"));`);

    this.addSql(`create table "case_state_snapshot" ("boundary" timestamptz(3) not null, "case_id" uuid not null, "status" "case_status" not null, "lead_agency_id" uuid not null, "commune_id" uuid not null, "officer_id" uuid null, "amount_owed" bigint not null, "amount_collected" bigint not null, "accepted_at" timestamptz(3) not null, constraint "case_state_snapshot_pkey" primary key ("boundary", "case_id"));`);

    this.addSql(`alter table "case_state_snapshot" add constraint "case_state_snapshot_case_id_foreign" foreign key ("case_id") references "enforcement_case" ("id") on update cascade on delete cascade;`);

    // Hand-added (reviewed): MikroORM does not diff an index whose name is unchanged. The current rows'
    // unique index now carries the columns the statistics read (periods ending after now, the backlog).
    this.addSql(`drop index if exists "case_state_history_current_idx";`);
    this.addSql(`create unique index "case_state_history_current_idx" on "case_state_history" ("case_id") include ("valid_from", "status", "amount_owed", "amount_collected", "accepted_at", "lead_agency_id", "commune_id", "officer_id") where "valid_to" is null;`);

    // Hand-added (reviewed): keeps the snapshot exact for back-dated history writes (snapshot.ts). Once
    // per statement, with the written rows as transition tables: takes the fill lock shared (a fill in
    // progress finishes first, and a fill that starts later waits for this transaction), then, for each
    // written case, recomputes its rows at the filled boundaries after the earliest instant the write
    // can change (an insert or delete: its valid_from; an update of valid_to only: the earlier of the
    // two valid_to; any other update: the earlier valid_from). A live write (valid from now) finds no
    // filled boundary after it and costs one index probe.
    this.addSql(`create function "case_state_snapshot_refresh"() returns trigger language plpgsql as $$
declare
  ids uuid[];
  sinces timestamptz[];
begin
  perform pg_advisory_xact_lock_shared(hashtext('phoihop:case-state-snapshot'));
  if tg_op = 'INSERT' then
    select array_agg(n.case_id), array_agg(n.valid_from) into ids, sinces from new_rows n;
  elsif tg_op = 'DELETE' then
    select array_agg(o.case_id), array_agg(o.valid_from) into ids, sinces from old_rows o;
  else
    select array_agg(n.case_id),
           array_agg(case when o.case_id = n.case_id and o.valid_from = n.valid_from
                               and (o.status, o.lead_agency_id, o.commune_id, o.officer_id, o.amount_owed, o.amount_collected, o.accepted_at)
                                   is not distinct from (n.status, n.lead_agency_id, n.commune_id, n.officer_id, n.amount_owed, n.amount_collected, n.accepted_at)
                          then least(coalesce(o.valid_to, 'infinity'), coalesce(n.valid_to, 'infinity'))
                          else least(o.valid_from, n.valid_from) end)
      into ids, sinces
      from old_rows o join new_rows n on n.id = o.id;
    -- The old case of a row moved to another case is refreshed too.
    select ids || coalesce(array_agg(o.case_id), '{}'), sinces || coalesce(array_agg(o.valid_from), '{}') into ids, sinces
      from old_rows o join new_rows n on n.id = o.id where o.case_id <> n.case_id;
  end if;
  if ids is null or not exists (
    select 1 from case_state_snapshot_boundary b where b.boundary > (select min(x) from unnest(sinces) x)
  ) then
    return null;
  end if;
  delete from case_state_snapshot s
   using (select distinct w.case_id, b.boundary from unnest(ids, sinces) w(case_id, since)
            join case_state_snapshot_boundary b on b.boundary > w.since) a
   where s.case_id = a.case_id and s.boundary = a.boundary;
  insert into case_state_snapshot (boundary, case_id, status, lead_agency_id, commune_id, officer_id, amount_owed, amount_collected, accepted_at)
  select a.boundary, h.case_id, h.status, h.lead_agency_id, h.commune_id, h.officer_id, h.amount_owed, h.amount_collected, h.accepted_at
    from (select distinct w.case_id, b.boundary from unnest(ids, sinces) w(case_id, since)
            join case_state_snapshot_boundary b on b.boundary > w.since) a
    join case_state_history h on h.case_id = a.case_id and h.valid_from < a.boundary and (h.valid_to is null or h.valid_to >= a.boundary)
   where h.accepted_at is not null;
  return null;
end $$;`);
    this.addSql(`create trigger "case_state_snapshot_refresh_insert" after insert on "case_state_history" referencing new table as new_rows for each statement execute function "case_state_snapshot_refresh"();`);
    this.addSql(`create trigger "case_state_snapshot_refresh_update" after update on "case_state_history" referencing old table as old_rows new table as new_rows for each statement execute function "case_state_snapshot_refresh"();`);
    this.addSql(`create trigger "case_state_snapshot_refresh_delete" after delete on "case_state_history" referencing old table as old_rows for each statement execute function "case_state_snapshot_refresh"();`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger if exists "case_state_snapshot_refresh_insert" on "case_state_history";`);
    this.addSql(`drop trigger if exists "case_state_snapshot_refresh_update" on "case_state_history";`);
    this.addSql(`drop trigger if exists "case_state_snapshot_refresh_delete" on "case_state_history";`);
    this.addSql(`drop function if exists "case_state_snapshot_refresh"();`);
    this.addSql(`drop index if exists "case_state_history_current_idx";`);
    this.addSql(`create unique index "case_state_history_current_idx" on "case_state_history" ("case_id") where "valid_to" is null;`);
    this.addSql(`drop table if exists "case_state_snapshot_boundary" cascade;`);

    this.addSql(`drop table if exists "case_state_snapshot" cascade;`);
  }

}
