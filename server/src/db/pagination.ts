import type { Cursor as OrmCursor, EntityName, FilterQuery, QueryOrderMap } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { badInput } from '../errors';

/**
 * A page request: `first` items after the opaque `after` cursor (forward), or `last` items before
 * the `before` cursor (backward; `last` alone gives the final items). Items always come in the
 * list's own order.
 */
export interface PageArgs {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
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
  const backward = args.last != null || (args.before != null && args.first == null);
  if (args.first != null && args.last != null)
    throw badInput('Chỉ dùng một trong hai: first (trang sau) hoặc last (trang trước).', { field: 'last' });
  if (backward && args.after != null) throw badInput('Không dùng after cùng với last/before.', { field: 'after' });
  if (!backward && args.before != null) throw badInput('Không dùng before cùng với first.', { field: 'before' });
  const size = (backward ? args.last : args.first) ?? DEFAULT_PAGE_SIZE;
  const sizeField = backward ? 'last' : 'first';
  if (size < 1 || size > MAX_PAGE_SIZE) throw badInput(`Số mục mỗi trang phải từ 1 đến ${MAX_PAGE_SIZE}.`, { field: sizeField });
  const options = backward
    ? { last: size, before: args.before ?? undefined, orderBy, includeCount: true }
    : { first: size, after: args.after ?? undefined, orderBy, includeCount: true };
  const given = backward ? args.before : args.after;
  if (given != null) {
    // A cursor is base64url JSON of the sort values; anything else is the caller's error, before SQL.
    let decoded: unknown;
    try {
      decoded = JSON.parse(Buffer.from(given, 'base64url').toString('utf8'));
    } catch {
      decoded = undefined;
    }
    if (!Array.isArray(decoded) || given.length > 1000)
      throw badInput('Con trỏ trang không hợp lệ; hãy tải lại danh sách từ đầu.', { field: backward ? 'before' : 'after' });
  }
  let cursor: OrmCursor<T>;
  try {
    cursor = await em.findByCursor(entity, where, options as never);
  } catch (err) {
    if (given && /cursor/i.test(String((err as Error).message))) {
      throw badInput('Con trỏ trang không hợp lệ; hãy tải lại danh sách từ đầu.', { field: backward ? 'before' : 'after' });
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
