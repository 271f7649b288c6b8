import type { EntityName } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { conflict, notFound } from '../errors';

/**
 * Optimistic concurrency as one atomic compare-and-set: bumps `version` only if it still equals the
 * version the client saw. The UPDATE also row-locks until commit, so a concurrent writer with the same
 * stale version waits, then finds the new version and gets CONFLICT — never a silent overwrite.
 * Call it first in the transaction, then load the entity (it will carry the new version).
 */
export async function claimVersion<T extends { id: string; version: number }>(
  em: EntityManager,
  entity: EntityName<T>,
  id: string,
  expectedVersion: number,
  what: string,
  history?: VersionHistory,
): Promise<void> {
  const updated = await em.nativeUpdate(entity, { id, version: expectedVersion } as never, { version: expectedVersion + 1 } as never);
  if (updated === 1) return;
  const current = await em.findOne(entity, { id } as never, { fields: ['version'] as never });
  if (!current) throw notFound(what);
  throw conflict(
    `${capitalise(what)} vừa được người khác cập nhật (phiên bản ${current.version}, bạn đang sửa phiên bản ${expectedVersion}); hãy tải lại rồi thử lại.`,
    {
      currentVersion: current.version,
      expectedVersion,
      ...(history ? await changedSince(em, history, id, expectedVersion) : {}),
    },
  );
}

/**
 * Where the log records an entity's versioned changes: the events of `stream` whose payload names the
 * entity under `idKey` and whose type starts with `typePrefix` carry its new `version`.
 */
export interface VersionHistory {
  stream: string;
  idKey: string;
  typePrefix: string;
}

/**
 * What happened to the entity after the version the client saw, from the event log (bounded: the
 * last 100 changes): `changed` = the field names the events recorded (`changes` / `changed` in their
 * payloads), `changedBy` = the event types, so the client can show what to look at before retrying.
 */
async function changedSince(
  em: EntityManager,
  history: VersionHistory,
  id: string,
  expectedVersion: number,
): Promise<{ changed: string[]; changedBy: string[] }> {
  const rows = await em.getConnection().execute<{ type: string; payload: Record<string, unknown> }[]>(
    `select type, payload from event
      where stream = ? and payload ->> ? = ? and left(type, ?) = ? and (payload ->> 'version')::int > ?
      order by id desc limit 100`,
    [history.stream, history.idKey, id, history.typePrefix.length, history.typePrefix, expectedVersion],
  );
  const changed = new Set<string>();
  const changedBy = new Set<string>();
  for (const { type, payload } of rows.reverse()) {
    changedBy.add(type);
    if (payload.changes && typeof payload.changes === 'object') for (const field of Object.keys(payload.changes)) changed.add(field);
    if (Array.isArray(payload.changed)) for (const field of payload.changed) if (typeof field === 'string') changed.add(field);
  }
  return { changed: [...changed], changedBy: [...changedBy] };
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
