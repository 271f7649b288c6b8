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
): Promise<void> {
  const updated = await em.nativeUpdate(entity, { id, version: expectedVersion } as never, { version: expectedVersion + 1 } as never);
  if (updated === 1) return;
  const current = await em.findOne(entity, { id } as never, { fields: ['version'] as never });
  if (!current) throw notFound(what);
  throw conflict(
    `${capitalise(what)} vừa được người khác cập nhật (phiên bản ${current.version}, bạn đang sửa phiên bản ${expectedVersion}); hãy tải lại rồi thử lại.`,
    {
      currentVersion: current.version,
    },
  );
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
