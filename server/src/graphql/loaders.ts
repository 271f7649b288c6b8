import { wrap } from '@mikro-orm/core';
import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Agency } from '../modules/agencies/agency.entity';
import { Area } from '../modules/areas/area.entity';
import { ActionInvitee, ActionOutcomeEntry, ActionParticipant, CaseAction } from '../modules/actions/action.entity';
import { CaseParticipant, CaseParty, EnforcementCase, Obligation } from '../modules/cases/case.entity';
import { Task } from '../modules/tasks/task.entity';
import { Post } from '../modules/threads/post.entity';
import { User } from '../modules/users/user.entity';
import type { CaseFacts } from '../policy/abilities';
import { caseFactsOnce } from '../policy/facts';

/** Finds rows by id in one query and returns them in the order asked (null for missing ids). */
function byIdLoader<T extends { id: string }>(em: EntityManager, entity: new () => T) {
  return new DataLoader<string, T | null>(async (ids) => {
    const rows = await em.find(entity, { id: { $in: [...ids] } } as never);
    const map = new Map(rows.map((r) => [r.id, r]));
    return ids.map((id) => map.get(id) ?? null);
  });
}

/** Loads the children of many cases in one query, grouped by case id. */
function byCaseLoader<T extends { case: { id: string } }>(
  em: EntityManager,
  entity: new () => T,
  orderBy: keyof T & string,
  extraWhere: Record<string, unknown> = {},
) {
  return new DataLoader<string, T[]>(async (caseIds) => {
    const rows = await em.find(entity, { case: { $in: [...caseIds] }, ...extraWhere } as never, {
      orderBy: { [orderBy]: 'asc', id: 'asc' } as never,
    });
    return caseIds.map((id) => rows.filter((r) => r.case.id === id));
  });
}

/**
 * Primes `loader` with the entities among `refs` that are already loaded (e.g. joined by a page's own
 * statement, see findPage's `joined`), so resolving them sends no query; references not loaded are skipped.
 */
export function primeLoaded<T extends { id: string }>(loader: DataLoader<string, T | null>, refs: Iterable<T | null | undefined>): void {
  for (const ref of refs) if (ref && wrap(ref).isInitialized()) loader.prime(ref.id, ref);
}

/**
 * Per-request batch loaders: a page of 50 users asks for its agencies in one query, not 50.
 * Created with the request's EntityManager, discarded with it.
 */
export function createLoaders(em: EntityManager) {
  return {
    agencyById: byIdLoader(em, Agency),
    userById: byIdLoader(em, User),
    partiesByCase: byCaseLoader(em, CaseParty, 'position'),
    obligationsByCase: byCaseLoader(em, Obligation, 'position'),
    participantsByCase: byCaseLoader(em, CaseParticipant, 'addedAt', { removedAt: null }),
    /** What the policy needs per case (lead, active participants, commune path), one query per batch. */
    caseFacts: new DataLoader<string, CaseFacts | null>(async (caseIds) => {
      const facts = await caseFactsOnce(em, caseIds);
      return caseIds.map((id) => facts.get(id) ?? null);
    }),
    areaById: byIdLoader(em, Area),
    caseById: byIdLoader(em, EnforcementCase),
    postById: byIdLoader(em, Post),
    taskById: byIdLoader(em, Task),
    actionsByCase: byCaseLoader(em, CaseAction, 'scheduledStart'),
    participantsByAction: new DataLoader<string, ActionParticipant[]>(async (actionIds) => {
      const rows = await em.find(ActionParticipant, { action: { $in: [...actionIds] } }, { orderBy: { invitedAt: 'asc', id: 'asc' } });
      return actionIds.map((id) => rows.filter((r) => r.action.id === id));
    }),
    actionById: byIdLoader(em, CaseAction),
    inviteesByAction: new DataLoader<string, ActionInvitee[]>(async (actionIds) => {
      const rows = await em.find(
        ActionInvitee,
        { action: { $in: [...actionIds] } },
        { orderBy: { invitedAt: 'asc', name: 'asc', id: 'asc' } },
      );
      return actionIds.map((id) => rows.filter((r) => r.action.id === id));
    }),
    outcomeEntriesByAction: new DataLoader<string, ActionOutcomeEntry[]>(async (actionIds) => {
      const rows = await em.find(ActionOutcomeEntry, { action: { $in: [...actionIds] } }, { orderBy: { recordedAt: 'asc', id: 'asc' } });
      return actionIds.map((id) => rows.filter((r) => r.action.id === id));
    }),
    /** A user's read mark on a case's thread, keyed "userId:caseId" (0 when never read). */
    threadReadSeq: new DataLoader<string, number>(async (keys) => {
      const pairs = keys.map((k) => k.split(':'));
      const rows = await em.getConnection().execute<{ user_id: string; case_id: string; last_read_seq: number }[]>(
        `select r.user_id, r.case_id, r.last_read_seq from thread_read r
           join unnest(?::uuid[], ?::uuid[]) as k(user_id, case_id) on k.user_id = r.user_id and k.case_id = r.case_id`,
        [`{${pairs.map((p) => p[0]).join(',')}}`, `{${pairs.map((p) => p[1]).join(',')}}`],
      );
      const map = new Map(rows.map((r) => [`${r.user_id}:${r.case_id}`, Number(r.last_read_seq)]));
      return keys.map((k) => map.get(k) ?? 0);
    }),
    coveredAreasByAgency: new DataLoader<string, Area[]>(async (agencyIds) => {
      const rows = await em
        .getConnection()
        .execute<{ agency_id: string; area_id: string }[]>(
          `select agency_id, area_id from agency_coverage where agency_id = any(?::uuid[])`,
          [`{${agencyIds.join(',')}}`],
        );
      const areas = rows.length
        ? await em.find(Area, { id: { $in: [...new Set(rows.map((r) => r.area_id))] } }, { orderBy: { name: 'asc' } })
        : [];
      const areaMap = new Map(areas.map((a) => [a.id, a]));
      return agencyIds.map((id) =>
        rows
          .filter((r) => r.agency_id === id)
          .map((r) => areaMap.get(r.area_id)!)
          .filter(Boolean),
      );
    }),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
