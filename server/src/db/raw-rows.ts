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
  const meta = em.getMetadata().get(entity);
  return meta.props
    .filter(
      (p) =>
        p.persist !== false &&
        !p.formula &&
        !p.lazy &&
        (p.kind === ReferenceKind.SCALAR || p.kind === ReferenceKind.MANY_TO_ONE || (p.kind === ReferenceKind.ONE_TO_ONE && p.owner)),
    )
    .flatMap((p) => p.fieldNames ?? []);
}
