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

/**
 * Maps remembered per EntityManager (one HTTP request, one WebSocket query or mutation, one transaction).
 * Every map made here is emptied by `forgetRemembered(em)`: a WebSocket connection's subscriptions share
 * one context (and its EntityManager) for the socket's life, so graphql/ws-server.ts forgets after each
 * execution there — an access decision never outlives the operation that made it.
 */
const rememberedMaps: Array<WeakMap<EntityManager, Map<string, unknown>>> = [];

/** A per-EntityManager memo whose entries `forgetRemembered` drops. */
export function rememberedPerEm<V>(): (em: EntityManager) => Map<string, V> {
  const maps = new WeakMap<EntityManager, Map<string, V>>();
  rememberedMaps.push(maps as WeakMap<EntityManager, Map<string, unknown>>);
  return (em) => {
    let known = maps.get(em);
    if (!known) maps.set(em, (known = new Map()));
    return known;
  };
}

/** Drops every access decision and load remembered for `em` (the next ask reads the database again). */
export function forgetRemembered(em: EntityManager): void {
  for (const maps of rememberedMaps) maps.delete(em);
}

/** Facts already asked for, per EntityManager: a request (or a transaction) decides access once per case. */
const factsOf = rememberedPerEm<Promise<CaseFacts | undefined>>();

/**
 * loadCaseFacts, remembered per EntityManager: the root fields of one request (the case, its thread, its
 * tasks) and the field resolvers after them share one decision and one query. A transaction has its own
 * EntityManager, so a write never reads facts remembered before it; missing ids are absent from the map.
 */
export async function caseFactsOnce(em: EntityManager, caseIds: readonly string[]): Promise<Map<string, CaseFacts>> {
  const known = factsOf(em);
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

/** Remembers facts read by a combined statement (see `lateralCaseFactsSql`), so later asks need no query. */
export function rememberFacts(em: EntityManager, caseId: string, facts: CaseFacts | undefined): void {
  const known = factsOf(em);
  if (!known.has(caseId)) known.set(caseId, Promise.resolve(facts));
}

/**
 * The facts of the case whose id is the SQL expression `caseIdSql`, as a lateral join adding the columns
 * `facts_lead`, `facts_path`, `facts_participants` (null when the case does not exist): lets a write
 * claim or load its row and decide access in the same statement. Read them back with `factsFromRow`.
 */
export function lateralCaseFactsSql(caseIdSql: string): string {
  return `left join lateral (
    select fc.lead_agency_id as facts_lead, fa.path as facts_path,
           coalesce(array(select fp.agency_id from case_participant fp where fp.case_id = fc.id and fp.removed_at is null), '{}') as facts_participants
      from enforcement_case fc join area fa on fa.id = fc.commune_id
     where fc.id = ${caseIdSql}) facts on true`;
}

/** Splits a row selected with `lateralCaseFactsSql` into the facts and the remaining columns. */
export function factsFromRow<R extends Record<string, unknown>>(row: R): { facts: CaseFacts | undefined; rest: Record<string, unknown> } {
  const { facts_lead, facts_path, facts_participants, ...rest } = row;
  const facts =
    facts_lead == null
      ? undefined
      : { leadAgencyId: String(facts_lead), communePath: String(facts_path), participantAgencyIds: (facts_participants as string[]) ?? [] };
  return { facts, rest };
}
