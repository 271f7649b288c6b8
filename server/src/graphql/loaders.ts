import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Agency } from '../modules/agencies/agency.entity';
import { Area } from '../modules/areas/area.entity';
import { User } from '../modules/users/user.entity';

/** Finds rows by id in one query and returns them in the order asked (null for missing ids). */
function byIdLoader<T extends { id: string }>(em: EntityManager, entity: new () => T) {
  return new DataLoader<string, T | null>(async (ids) => {
    const rows = await em.find(entity, { id: { $in: [...ids] } } as never);
    const map = new Map(rows.map((r) => [r.id, r]));
    return ids.map((id) => map.get(id) ?? null);
  });
}

/**
 * Per-request batch loaders: a page of 50 users asks for its agencies in one query, not 50.
 * Created with the request's EntityManager, discarded with it.
 */
export function createLoaders(em: EntityManager) {
  return {
    agencyById: byIdLoader(em, Agency),
    /** Restricted column, loaded apart from the user row and only after the policy said yes. */
    userPhoneById: new DataLoader<string, string | null>(async (ids) => {
      const rows = await em.find(User, { id: { $in: [...ids] } }, { fields: ['phone'] });
      const map = new Map(rows.map((r) => [r.id, r.phone ?? null]));
      return ids.map((id) => map.get(id) ?? null);
    }),
    areaById: byIdLoader(em, Area),
    coveredAreasByAgency: new DataLoader<string, Area[]>(async (agencyIds) => {
      const rows = await em.getConnection().execute<{ agency_id: string; area_id: string }[]>(
        `select agency_id, area_id from agency_coverage where agency_id = any(?::uuid[])`,
        [`{${agencyIds.join(',')}}`],
      );
      const areas = rows.length ? await em.find(Area, { id: { $in: [...new Set(rows.map((r) => r.area_id))] } }, { orderBy: { name: 'asc' } }) : [];
      const areaMap = new Map(areas.map((a) => [a.id, a]));
      return agencyIds.map((id) => rows.filter((r) => r.agency_id === id).map((r) => areaMap.get(r.area_id)!).filter(Boolean));
    }),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
