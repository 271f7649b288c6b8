import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../../auth/viewer';
import { findPage, type PageArgs } from '../../db/pagination';
import { claimVersion } from '../../db/optimistic';
import { badInput, conflict, notFound } from '../../errors';
import type { Outbox, Tx } from '../../events/outbox';
import { type EventsOf, type NewEvent, type PayloadBeyond, streams, topics } from '../../events/vocabulary';
import { assertAllowed, canGlobally } from '../../policy/abilities';
import { Area } from '../areas/area.entity';
import { Agency, AgencyKind } from './agency.entity';

export interface AgencyFilter {
  kind?: AgencyKind | null;
  /** Agencies whose coverage includes this area (directly or through a parent area). */
  coversAreaId?: string | null;
  search?: string | null;
  includeInactive?: boolean | null;
}

export interface AgencyInput {
  code: string;
  name: string;
  kind: AgencyKind;
  parentId?: string | null;
  coveredAreaIds: string[];
}

export interface AgencyPatch {
  id: string;
  /** The version the client saw; a different current version means someone else changed it. */
  version: number;
  name?: string | null;
  parentId?: string | null;
  coveredAreaIds?: string[] | null;
  active?: boolean | null;
}

/**
 * The agency directory. Every signed-in official may read it (they need it to share cases and
 * assign tasks); only system admins change it. Coverage is data: a merger is an update, not a release.
 */
export class AgencyService {
  constructor(private readonly outbox: Outbox) {}

  async list(em: EntityManager, filter: AgencyFilter, page: PageArgs) {
    const where: Record<string, unknown> = {};
    if (!filter.includeInactive) where.active = true;
    if (filter.kind) where.kind = filter.kind;
    if (filter.search?.trim()) where.name = { $ilike: `%${filter.search.trim()}%` };
    if (filter.coversAreaId) {
      const area = await em.findOne(Area, { id: filter.coversAreaId });
      if (!area) throw notFound('địa bàn', { field: 'coversAreaId' });
      // Covering an ancestor covers the area: match every prefix of its path.
      const prefixes = area.path
        .split('/')
        .filter(Boolean)
        .map((_, i, parts) => `/${parts.slice(0, i + 1).join('/')}/`);
      where.coveredAreas = { path: { $in: prefixes } };
    }
    return findPage(em, Agency, where, { name: 'asc', id: 'asc' }, page);
  }

  async get(em: EntityManager, id: string): Promise<Agency> {
    const agency = await em.findOne(Agency, { id });
    if (!agency) throw notFound('cơ quan');
    return agency;
  }

  async create(em: EntityManager, viewer: Viewer, input: AgencyInput): Promise<Agency> {
    assertAllowed(canGlobally(viewer, 'agency.manage'), 'quản lý danh mục cơ quan');
    return this.outbox.transaction(em, async (tx) => {
      const code = input.code.trim().toUpperCase();
      if (await tx.em.count(Agency, { code })) throw conflict(`Mã cơ quan "${code}" đã tồn tại.`, { field: 'code' });
      const parent = input.parentId ? await this.mustFind(tx.em, input.parentId, 'parentId') : null;
      const areas = await this.mustFindAreas(tx.em, input.coveredAreaIds);
      const agency = tx.em.create(Agency, { code, name: input.name.trim(), kind: input.kind, parent });
      agency.coveredAreas.set(areas);
      await tx.em.flush();
      await emitAgency(tx, viewer.userId, agency, 'agency.created', {
        code,
        name: agency.name,
        kind: agency.kind,
        coveredAreaIds: areas.map((a) => a.id),
      });
      return agency;
    });
  }

  async update(em: EntityManager, viewer: Viewer, patch: AgencyPatch): Promise<Agency> {
    assertAllowed(canGlobally(viewer, 'agency.manage'), 'quản lý danh mục cơ quan');
    return this.outbox.transaction(em, async (tx) => {
      await claimVersion(tx.em, Agency, patch.id, patch.version, 'cơ quan');
      const agency = await this.mustFind(tx.em, patch.id, 'id');
      const changes: Record<string, unknown> = {};
      if (patch.name != null && patch.name.trim() !== agency.name) agency.name = changes.name = patch.name.trim();
      if (patch.parentId !== undefined && patch.parentId !== (agency.parent?.id ?? null)) {
        if (patch.parentId === agency.id) throw badInput('Một cơ quan không thể là cơ quan cấp trên của chính nó.', { field: 'parentId' });
        agency.parent = patch.parentId ? await this.mustFind(tx.em, patch.parentId, 'parentId') : null;
        changes.parentId = patch.parentId;
      }
      if (patch.coveredAreaIds) {
        const areas = await this.mustFindAreas(tx.em, patch.coveredAreaIds);
        await agency.coveredAreas.init();
        agency.coveredAreas.set(areas);
        changes.coveredAreaIds = areas.map((a) => a.id);
      }
      if (patch.active != null && patch.active !== agency.active) agency.active = changes.active = patch.active;
      await tx.em.flush();
      await emitAgency(tx, viewer.userId, agency, 'agency.updated', { changes });
      return agency;
    });
  }

  private async mustFind(em: EntityManager, id: string, field: string): Promise<Agency> {
    const agency = await em.findOne(Agency, { id });
    if (!agency) throw notFound('cơ quan', { field });
    return agency;
  }

  private async mustFindAreas(em: EntityManager, ids: string[]): Promise<Area[]> {
    const unique = [...new Set(ids)];
    const areas = unique.length ? await em.find(Area, { id: { $in: unique } }) : [];
    if (areas.length !== unique.length) throw notFound('một hoặc nhiều địa bàn được chọn', { field: 'coveredAreaIds' });
    return areas;
  }
}

/**
 * The active steering committees whose covered areas contain the commune (path prefix): who hears of an
 * escalation (an overdue task, a missed legal deadline) besides the lead office. One query.
 */
export async function steeringCommitteesCovering(em: EntityManager, communePath: string): Promise<string[]> {
  const rows = await em.getConnection().execute<{ id: string }[]>(
    `select distinct a.id from agency a
       join agency_coverage ac on ac.agency_id = a.id
       join area ar on ar.id = ac.area_id
      where a.kind = ? and a.active and left(?, length(ar.path)) = ar.path`,
    [AgencyKind.STEERING_COMMITTEE, communePath],
  );
  return rows.map((r) => r.id);
}

/**
 * Appends an event of an agency on its own stream, routed to the directory caches and the agency's
 * members. `actorId` null: the system (the operator's bootstrap agency, users/user.service.ts).
 */
export function emitAgency<T extends EventsOf<'agency'>>(
  tx: Tx,
  actorId: string | null,
  agency: Agency,
  type: T,
  payload: PayloadBeyond<T, 'agencyId'>,
): Promise<void> {
  return tx.emit({
    type,
    stream: streams.agency(agency.id),
    actorId,
    topics: [topics.directory, topics.agency(agency.id)],
    payload: { agencyId: agency.id, ...payload },
  } as NewEvent);
}
