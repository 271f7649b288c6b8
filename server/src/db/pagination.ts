import {
  Cursor,
  type Cursor as OrmCursor,
  type EntityName,
  type FilterQuery,
  type QueryOrderMap,
  raw,
  ReferenceKind,
  Utils,
} from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { badInput } from '../errors';
import { jsonObjectOf, plainColumnsOf } from './raw-rows';

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
  /**
   * The values of `options.alongside` read by the page's own statement: set on a first page that has
   * rows, undefined otherwise (a cursor page, or no row to carry them — the caller reads them itself).
   */
  alongside?: Record<string, unknown>;
}

/** One scalar SQL expression read beside a first page, in the same statement (e.g. the viewer's read mark). */
export interface AlongsideValue {
  /** A scalar expression, e.g. a sub-select returning one value; `?` placeholders take `params`. */
  sql: string;
  params: readonly unknown[];
}

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

/**
 * Keyset pagination through MikroORM's `findByCursor` (stable under inserts, no OFFSET scans).
 * `orderBy` must end with a unique key (e.g. id) so every position is unambiguous. `joined` names
 * many-to-one relations (e.g. a post's author) whose rows the first page reads in its own statement,
 * hydrated into the identity map (`wrap(item.author).isInitialized()`), so the page's field resolvers
 * need no second round trip for them (issue 18: the case page); cursor pages leave them to the loaders.
 */
export async function findPage<T extends object>(
  em: EntityManager,
  entity: EntityName<T>,
  where: FilterQuery<T>,
  orderBy: QueryOrderMap<T>,
  args: PageArgs,
  options: {
    /**
     * Count the total in a second statement, also on the first page. For a list whose order an index
     * serves (the case list): the page query then stops after `first + 1` rows, where `count(*) over ()`
     * would make PostgreSQL produce and sort every matching row before cutting the page.
     */
    separateCount?: boolean;
    /** Many-to-one relations the first page reads in its own statement (see above). */
    joined?: ReadonlyArray<keyof T & string>;
    /**
     * Scalar values the first page reads in its own statement (returned in `Page.alongside`): what the
     * page's field resolvers would otherwise ask for in a round trip of their own once the rows are known.
     */
    alongside?: Readonly<Record<string, AlongsideValue>>;
  } = {},
): Promise<Page<T>> {
  const backward = args.last != null || (args.before != null && args.first == null);
  if (args.first != null && args.last != null)
    throw badInput('Chỉ dùng một trong hai: first (trang sau) hoặc last (trang trước).', { field: 'last' });
  if (backward && args.after != null) throw badInput('Không dùng after cùng với last/before.', { field: 'after' });
  if (!backward && args.before != null) throw badInput('Không dùng before cùng với first.', { field: 'before' });
  const size = (backward ? args.last : args.first) ?? DEFAULT_PAGE_SIZE;
  const sizeField = backward ? 'last' : 'first';
  if (size < 1 || size > MAX_PAGE_SIZE) throw badInput(`Số mục mỗi trang phải từ 1 đến ${MAX_PAGE_SIZE}.`, { field: sizeField });
  const cursorOptions = backward
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
  let alongside: Record<string, unknown> | undefined;
  try {
    if (given == null && !options.separateCount) {
      const first = await firstPage(em, entity, where, orderBy, backward, size, options.joined ?? [], options.alongside ?? {});
      cursor = first.cursor;
      alongside = first.alongside;
    } else cursor = await em.findByCursor(entity, where, cursorOptions as never);
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
    alongside,
  };
}

/**
 * A page with no cursor (the first, or with `last` the final one) and its total in ONE statement: the
 * total is `count(*) over ()`, which PostgreSQL computes over every row matching `where` before the
 * limit — exactly the count `findByCursor` runs as a second statement. (With a cursor the window would
 * count only the rows past it, so cursor pages keep findByCursor's two statements.) An empty page
 * means no row matches: its total is 0. `alongside` values ride on every row (an uncorrelated scalar
 * sub-select is computed once by PostgreSQL) and are taken from the first.
 */
async function firstPage<T extends object>(
  em: EntityManager,
  entity: EntityName<T>,
  where: FilterQuery<T>,
  orderBy: QueryOrderMap<T>,
  backward: boolean,
  size: number,
  joined: readonly string[],
  alongside: Readonly<Record<string, AlongsideValue>>,
): Promise<{ cursor: OrmCursor<T>; alongside?: Record<string, unknown> }> {
  const flip = (dir: unknown) => (/^desc/i.test(String(dir)) ? 'asc' : 'desc');
  const order = backward ? Object.fromEntries(Object.entries(orderBy).map(([k, v]) => [k, flip(v)])) : orderBy;
  const meta = em.getMetadata().get(Utils.className(entity));
  // Each joined relation as one JSON column (a correlated subquery on its primary key: one row at most).
  const relations = joined.map((name, i) => {
    const prop = meta.properties[name as keyof typeof meta.properties];
    if (prop?.kind !== ReferenceKind.MANY_TO_ONE) throw new Error(`findPage: ${meta.className}.${name} is not a many-to-one relation`);
    const target = prop.targetMeta!;
    const alias = `j${i}`;
    const sql = `(select ${jsonObjectOf(em, target.class, alias)} from "${target.tableName}" ${alias}
                   where ${alias}."${target.getPrimaryProps()[0].fieldNames[0]}" = e."${prop.fieldNames[0]}") as "page__join${i}"`;
    return { target, column: `page__join${i}`, sql };
  });
  const extras = Object.entries(alongside).map(([name, value], i) => ({ name, column: `page__alongside${i}`, ...value }));
  const rows = await em
    .createQueryBuilder(entity, 'e')
    .select([
      ...plainColumnsOf(em, entity, 'e').map((c) => raw(c)),
      ...relations.map((r) => raw(r.sql)),
      ...extras.map((x) => raw(`(${x.sql}) as "${x.column}"`, x.params)),
      raw('count(*) over () as "page__total"'),
    ] as never)
    .where(where)
    .orderBy(order as never)
    .limit(size + 1)
    .execute<Record<string, unknown>[]>('all', false);
  const total = rows.length ? Number(rows[0].page__total) : 0;
  const values = rows.length && extras.length ? Object.fromEntries(extras.map((x) => [x.name, rows[0][x.column]])) : undefined;
  const items = rows.map(({ page__total, ...row }) => {
    for (const x of extras) delete row[x.column];
    for (const r of relations) {
      const related = row[r.column];
      delete row[r.column];
      // Registered like a find: the item's reference to it (same identity) is now initialized.
      if (related) em.map(r.target.class, related as Record<string, unknown>);
    }
    return em.map(entity, row as never);
  });
  if (backward) items.reverse();
  const cursor = new Cursor(items, total, { ...(backward ? { last: size } : { first: size }), orderBy, overfetch: true } as never, meta);
  return { cursor, alongside: values };
}
