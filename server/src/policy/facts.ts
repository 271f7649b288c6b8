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
