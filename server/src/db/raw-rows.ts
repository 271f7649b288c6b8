import { type EntityName, ReferenceKind } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * Reading an entity's row inside a larger hand-written statement (a write that claims, loads and
 * decides access in one round trip): `columnsOf` lists the entity's stored columns as
 * `alias."col" as "prefix__col"` (lazy columns left out, as a find leaves them), `takePrefixed` gives them back unprefixed, ready for `em.map`
 * (which hydrates and registers the entity exactly as a find would).
 */
export function columnsOf<T extends object>(em: EntityManager, entity: EntityName<T>, alias: string, prefix: string): string {
  return storedColumns(em, entity)
    .map((col) => `${alias}."${col}" as "${prefix}__${col}"`)
    .join(', ');
}

/** The columns of `row` named `prefix__col`, as `col` (null when the joined row was missing). */
export function takePrefixed(row: Record<string, unknown>, prefix: string): Record<string, unknown> | null {
  const out: Record<string, unknown> = {};
  const start = `${prefix}__`;
  let present = false;
  for (const [key, value] of Object.entries(row)) {
    if (!key.startsWith(start)) continue;
    out[key.slice(start.length)] = value;
    if (value !== null && value !== undefined) present = true;
  }
  return present ? out : null;
}

function storedColumns<T extends object>(em: EntityManager, entity: EntityName<T>): string[] {
  return storedProps(em, entity).flatMap((p) => p.fieldNames ?? []);
}

/**
 * The stored columns of `entity` at `alias` as one `json_build_object(...)` (lazy columns left out, as
 * in `columnsOf`), for reading many child rows inside a larger statement with `json_agg`. Big integer
 * and decimal columns are sent as text (a JSON number would lose digits of an amount in đồng);
 * timestamps arrive as ISO text, which `em.map` parses, the same as for a find.
 */
export function jsonObjectOf<T extends object>(em: EntityManager, entity: EntityName<T>, alias: string): string {
  const meta = em.getMetadata().get(entity);
  const exact = /^(bigint|int8|numeric|decimal)/i;
  const pairs = storedProps(em, entity).flatMap((p) =>
    (p.fieldNames ?? []).map((col, i) => {
      const type = String(p.columnTypes?.[i] ?? p.type ?? '');
      const value = exact.test(type) || /^(bigint|decimal)$/i.test(String(p.type)) ? `${alias}."${col}"::text` : `${alias}."${col}"`;
      return `'${col}', ${value}`;
    }),
  );
  if (pairs.length > 50) throw new Error(`jsonObjectOf(${meta.className}): more than 50 columns`);
  return `json_build_object(${pairs.join(', ')})`;
}

function storedProps<T extends object>(em: EntityManager, entity: EntityName<T>) {
  return em
    .getMetadata()
    .get(entity)
    .props.filter(
      (p) =>
        p.persist !== false &&
        !p.formula &&
        !p.lazy &&
        (p.kind === ReferenceKind.SCALAR || p.kind === ReferenceKind.MANY_TO_ONE || (p.kind === ReferenceKind.ONE_TO_ONE && p.owner)),
    );
}

/** The stored columns of `entity` as `alias."col"` (lazy columns left out, as a find leaves them). */
export function plainColumnsOf<T extends object>(em: EntityManager, entity: EntityName<T>, alias: string): string[] {
  return storedColumns(em, entity).map((col) => `${alias}."${col}"`);
}

/**
 * An `insert` of `row` (an entity instance that is NOT persisted through the unit of work, e.g. made
 * with `em.create(..., { persist: false })`) as SQL with `?` parameters, to send inside a larger
 * statement (Tx.emit's `alongside`: the row and its event in one round trip). Every stored column is
 * written (lazy ones included): relations as their primary key, custom types (JSON, big integers)
 * converted as a flush converts them; a column left undefined is sent as NULL, so give every non-null column a value.
 */
export function insertSqlOf<T extends object>(em: EntityManager, row: T): { sql: string; params: unknown[] } {
  const meta = em.getMetadata().get(row.constructor.name);
  const platform = em.getPlatform();
  const columns: string[] = [];
  const params: unknown[] = [];
  for (const p of meta.props) {
    if (p.persist === false || p.formula) continue;
    const stored =
      p.kind === ReferenceKind.SCALAR || p.kind === ReferenceKind.MANY_TO_ONE || (p.kind === ReferenceKind.ONE_TO_ONE && p.owner);
    if (!stored) continue;
    if ((p.fieldNames?.length ?? 0) !== 1) throw new Error(`insertSqlOf(${meta.className}.${p.name}): composite columns are not supported`);
    const value = (row as Record<string, unknown>)[p.name];
    columns.push(`"${p.fieldNames[0]}"`);
    if (value == null) params.push(null);
    else if (p.kind !== ReferenceKind.SCALAR) params.push((value as { id?: unknown }).id ?? value);
    // The ORM's own conversion (JSON as text, big integers as strings), as a flush would send them.
    else if (p.customType) params.push(p.customType.convertToDatabaseValue(value, platform, { mode: 'query' }));
    else params.push(value);
  }
  return { sql: `insert into "${meta.tableName}" (${columns.join(', ')}) values (${columns.map(() => '?').join(', ')})`, params };
}
