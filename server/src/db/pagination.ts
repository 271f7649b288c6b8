import type { Cursor as OrmCursor, EntityName, FilterQuery, QueryOrderMap } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { badInput } from '../errors';

/** A page request: `first` items after the opaque `after` cursor. */
export interface PageArgs {
  first?: number | null;
  after?: string | null;
}

/** One page of items, the shape GraphQL connections are built from. */
export interface Page<T> {
  items: T[];
  cursorOf(item: T): string;
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  startCursor: string | null;
  endCursor: string | null;
  totalCount: number;
}

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

/**
 * Keyset pagination through MikroORM's `findByCursor` (stable under inserts, no OFFSET scans).
 * `orderBy` must end with a unique key (e.g. id) so every position is unambiguous.
 */
export async function findPage<T extends object>(
  em: EntityManager,
  entity: EntityName<T>,
  where: FilterQuery<T>,
  orderBy: QueryOrderMap<T>,
  args: PageArgs,
): Promise<Page<T>> {
  const first = args.first ?? DEFAULT_PAGE_SIZE;
  if (first < 1 || first > MAX_PAGE_SIZE) throw badInput(`Số mục mỗi trang phải từ 1 đến ${MAX_PAGE_SIZE}.`, { field: 'first' });
  let cursor: OrmCursor<T>;
  try {
    cursor = await em.findByCursor(entity, where, { first, after: args.after ?? undefined, orderBy, includeCount: true } as never);
  } catch (err) {
    if (args.after && /cursor/i.test(String((err as Error).message))) {
      throw badInput('Con trỏ trang không hợp lệ; hãy tải lại danh sách từ đầu.', { field: 'after' });
    }
    throw err;
  }
  return {
    items: [...cursor.items],
    cursorOf: (item) => cursor.from(item),
    hasNextPage: cursor.hasNextPage ?? false,
    hasPreviousPage: cursor.hasPrevPage ?? false,
    startCursor: cursor.startCursor,
    endCursor: cursor.endCursor,
    totalCount: cursor.totalCount ?? cursor.items.length,
  };
}
