import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../../auth/viewer';
import { badInput, conflict, notFound } from '../../errors';
import type { Outbox, Tx } from '../../events/outbox';
import { type EventsOf, type NewEvent, type PayloadBeyond, streams, topics } from '../../events/vocabulary';
import { findPage, type PageArgs } from '../../db/pagination';
import { assertAllowed, canGlobally } from '../../policy/abilities';
import { Area, AreaKind } from './area.entity';

/** Which kind of area may sit under which: the administrative hierarchy as data-checked rules. */
const ALLOWED_PARENT: Record<AreaKind, AreaKind[]> = {
  [AreaKind.NATION]: [],
  [AreaKind.PROVINCE]: [AreaKind.NATION],
  [AreaKind.DISTRICT]: [AreaKind.PROVINCE],
  [AreaKind.COMMUNE]: [AreaKind.PROVINCE, AreaKind.DISTRICT],
};

export interface AreaFilter {
  kind?: AreaKind | null;
  parentId?: string | null;
  search?: string | null;
}

/** Administrative areas: listing for everyone signed in, changes for system admins. */
export class AreaService {
  constructor(private readonly outbox: Outbox) {}

  /** Areas, alphabetical, optionally filtered. */
  list(em: EntityManager, filter: AreaFilter, page: PageArgs) {
    const where: Record<string, unknown> = {};
    if (filter.kind) where.kind = filter.kind;
    if (filter.parentId) where.parent = filter.parentId;
    if (filter.search?.trim()) where.name = { $ilike: `%${filter.search.trim()}%` };
    return findPage(em, Area, where, { name: 'asc', id: 'asc' }, page);
  }

  /** Creates an area under `parentId`, deriving its path. */
  async create(
    em: EntityManager,
    viewer: Viewer,
    input: { code: string; name: string; kind: AreaKind; parentId?: string | null },
  ): Promise<Area> {
    assertAllowed(canGlobally(viewer, 'area.manage'), 'quản lý địa bàn hành chính');
    return this.outbox.transaction(em, async (tx) => {
      const code = input.code.trim().toUpperCase();
      if (await tx.em.count(Area, { code })) throw conflict(`Mã địa bàn "${code}" đã tồn tại.`, { field: 'code' });
      let parent: Area | null = null;
      if (input.parentId) {
        parent = await tx.em.findOne(Area, { id: input.parentId });
        if (!parent) throw notFound('địa bàn cấp trên', { field: 'parentId' });
      }
      const allowed = ALLOWED_PARENT[input.kind];
      if ((parent && !allowed.includes(parent.kind)) || (!parent && allowed.length > 0)) {
        throw badInput(`Địa bàn loại ${input.kind} phải thuộc một địa bàn loại ${allowed.join(' hoặc ') || '(không có)'}.`, {
          field: 'parentId',
        });
      }
      const area = tx.em.create(Area, { code, name: input.name.trim(), kind: input.kind, parent, path: `${parent?.path ?? '/'}${code}/` });
      await tx.em.flush();
      await emitArea(tx, viewer, area, 'area.created', { code, name: area.name, kind: area.kind });
      return area;
    });
  }

  /**
   * Renames or (de)activates an area. Codes and parents are fixed once created: paths of every
   * descendant and agency coverage depend on them; a reorganisation adds new areas instead.
   */
  async update(em: EntityManager, viewer: Viewer, patch: { id: string; name?: string | null; active?: boolean | null }): Promise<Area> {
    assertAllowed(canGlobally(viewer, 'area.manage'), 'quản lý địa bàn hành chính');
    return this.outbox.transaction(em, async (tx) => {
      const area = await tx.em.findOne(Area, { id: patch.id });
      if (!area) throw notFound('địa bàn', { field: 'id' });
      const changes: Record<string, unknown> = {};
      if (patch.name != null && patch.name.trim() !== area.name) area.name = changes.name = patch.name.trim();
      if (patch.active != null && patch.active !== area.active) area.active = changes.active = patch.active;
      if (Object.keys(changes).length === 0) return area;
      await tx.em.flush();
      await emitArea(tx, viewer, area, 'area.updated', { changes });
      return area;
    });
  }
}

/** Appends an event of an area on its own stream, routed to the directory caches. */
function emitArea<T extends EventsOf<'area'>>(tx: Tx, viewer: Viewer, area: Area, type: T, payload: PayloadBeyond<T, 'areaId'>) {
  return tx.emit({
    type,
    stream: streams.area(area.id),
    actorId: viewer.userId,
    topics: [topics.directory],
    payload: { areaId: area.id, ...payload },
  } as NewEvent);
}
