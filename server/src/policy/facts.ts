import type { EntityManager } from '@mikro-orm/postgresql';
import type { CaseFacts } from './abilities';

/**
 * The facts the policy needs about cases (lead office, agencies with an active participation,
 * the commune's path), for many cases in one query. The one place CaseFacts are built: the request
 * loader batches through it, services call it inside their transaction (`em.execute` runs in the
 * EntityManager's transaction, so a participation granted earlier in it counts). Missing ids are
 * absent from the map.
 */
export async function loadCaseFacts(em: EntityManager, caseIds: readonly string[]): Promise<Map<string, CaseFacts>> {
  if (caseIds.length === 0) return new Map();
  const rows = await em.execute<{ id: string; lead: string; path: string; participants: string[] }[]>(
    `select c.id, c.lead_agency_id as lead, a.path,
            coalesce(array_agg(p.agency_id) filter (where p.agency_id is not null), '{}') as participants
       from enforcement_case c
       join area a on a.id = c.commune_id
       left join case_participant p on p.case_id = c.id and p.removed_at is null
      where c.id = any(?::uuid[])
      group by c.id, a.path`,
    [`{${caseIds.join(',')}}`],
  );
  return new Map(rows.map((r) => [r.id, { leadAgencyId: r.lead, participantAgencyIds: r.participants, communePath: r.path }]));
}

/** Facts already asked for, per EntityManager: a request (or a transaction) decides access once per case. */
const factsByEm = new WeakMap<EntityManager, Map<string, Promise<CaseFacts | undefined>>>();

/**
 * loadCaseFacts, remembered per EntityManager: the root fields of one request (the case, its thread, its
 * tasks) and the field resolvers after them share one decision and one query. A transaction has its own
 * EntityManager, so a write never reads facts remembered before it; missing ids are absent from the map.
 */
export async function caseFactsOnce(em: EntityManager, caseIds: readonly string[]): Promise<Map<string, CaseFacts>> {
  let known = factsByEm.get(em);
  if (!known) factsByEm.set(em, (known = new Map()));
  const missing = [...new Set(caseIds.filter((id) => !known.has(id)))];
  if (missing.length > 0) {
    const batch = loadCaseFacts(em, missing);
    for (const id of missing)
      known.set(
        id,
        batch.then((m) => m.get(id)),
      );
    // A failed query is not remembered: the next ask retries.
    batch.catch(() => {
      for (const id of missing) known.delete(id);
    });
  }
  const found = await Promise.all(caseIds.map(async (id) => [id, await known.get(id)] as const));
  return new Map(found.filter((e): e is readonly [string, CaseFacts] => e[1] !== undefined));
}
