import { Entity, Enum, Index, ManyToOne, OptionalProps, PrimaryKey, Property, type Rel } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';

/**
 * Kinds of administrative area. Since 1 July 2025 Viet Nam has two local levels (province, commune);
 * DISTRICT remains only so that history recorded before the reform stays representable.
 */
export enum AreaKind {
  NATION = 'NATION',
  PROVINCE = 'PROVINCE',
  DISTRICT = 'DISTRICT',
  COMMUNE = 'COMMUNE',
}

/**
 * An administrative area. `path` is the materialised chain of codes from the root
 * (`/VN/LS/TH/`), so "does agency X's coverage include commune Y" is a prefix test — the next
 * reorganisation is new rows, not new code.
 */
@Entity({ tableName: 'area' })
export class Area {
  [OptionalProps]?: 'active' | 'createdAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  /** Official administrative code (unique). */
  @Property({ type: 'string', length: 32, unique: true })
  code!: string;

  @Property({ type: 'string', length: 200 })
  name!: string;

  @Enum({ items: () => AreaKind, nativeEnumName: 'area_kind' })
  kind!: AreaKind;

  @ManyToOne(() => Area, { nullable: true })
  parent?: Rel<Area> | null;

  @Index({ name: 'area_path_idx', expression: 'create index "area_path_idx" on "area" ("path" text_pattern_ops)' })
  @Property({ type: 'string', length: 400 })
  path!: string;

  @Property({ type: 'boolean', default: true })
  active: boolean = true;

  @Property({ type: 'datetime', columnType: 'timestamptz(3)' })
  createdAt: Date = new Date();
}
