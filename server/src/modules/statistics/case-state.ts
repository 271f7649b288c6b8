import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * Records the case's current statistical state in `case_state_history`, inside the caller's
 * transaction, when it differs from the last recorded one: closes the current row at `at` and opens
 * a new one from `at`. Called once per case change (CaseService.create / changeIn), after the flush,
 * so it reads the values being committed. `at` defaults to the transaction's time; seeding and
 * tests may pass a past instant, in chronological order per case.
 */
export async function recordCaseState(em: EntityManager, caseId: string, at?: Date): Promise<void> {
  // Two statements, so the current row is closed before the new one is inserted (the partial unique
  // index allows one open row per case; sub-statements of one WITH run in no guaranteed order).
  const [changed] = await em.execute<
    Array<{
      at: Date;
      status: string;
      lead: string;
      commune: string;
      officer: string | null;
      owed: string;
      collected: string;
      accepted: Date | null;
    }>
  >(
    `with cur as (
       select c.id, c.status, c.lead_agency_id, c.commune_id, c.officer_id, coalesce(?::timestamptz, date_trunc('milliseconds', now())) as at,
              coalesce((select sum(o.amount_owed) from obligation o where o.case_id = c.id), 0)::bigint as owed,
              coalesce((select sum(o.amount_collected) from obligation o where o.case_id = c.id), 0)::bigint as collected
         from enforcement_case c where c.id = ?
     ),
     last as (select h.* from case_state_history h where h.case_id = ? and h.valid_to is null),
     changed as (
       select cur.* from cur left join last on true
        where last.id is null
           or (last.status, last.lead_agency_id, last.commune_id, last.officer_id, last.amount_owed, last.amount_collected)
              is distinct from (cur.status, cur.lead_agency_id, cur.commune_id, cur.officer_id, cur.owed, cur.collected)
     ),
     closed as (
       update case_state_history h set valid_to = changed.at from changed where h.case_id = changed.id and h.valid_to is null returning h.accepted_at
     )
     select changed.at, changed.status, changed.lead_agency_id as lead, changed.commune_id as commune, changed.officer_id as officer,
            changed.owed::text as owed, changed.collected::text as collected, (select accepted_at from closed) as accepted
       from changed`,
    [at ?? null, caseId, caseId],
  );
  if (!changed) return;
  await em.execute(
    `insert into case_state_history (case_id, valid_from, status, lead_agency_id, commune_id, officer_id, amount_owed, amount_collected, accepted_at)
     values (?, ?, ?::case_status, ?, ?, ?, ?, ?, ?)`,
    [
      caseId,
      changed.at,
      changed.status,
      changed.lead,
      changed.commune,
      changed.officer,
      changed.owed,
      changed.collected,
      changed.accepted ?? (changed.status !== 'RECEIVED' ? changed.at : null),
    ],
  );
}
