import { Collection, Entity, Enum, ManyToMany, ManyToOne, OptionalProps, PrimaryKey, Property, type Rel } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Area } from '../areas/area.entity';

/** What an agency is; the policy derives supervision and default duties from it. */
export enum AgencyKind {
  ENFORCEMENT_OFFICE = 'ENFORCEMENT_OFFICE',
  POLICE = 'POLICE',
  COURT = 'COURT',
  PROCURACY = 'PROCURACY',
  PEOPLES_COMMITTEE = 'PEOPLES_COMMITTEE',
  STEERING_COMMITTEE = 'STEERING_COMMITTEE',
  BANK = 'BANK',
  MASS_ORGANISATION = 'MASS_ORGANISATION',
  OTHER = 'OTHER',
}

/**
 * An agency taking part in enforcement (Phòng THADS khu vực, Công an xã, VKSND khu vực, UBND xã …):
 * a kind, an optional parent agency and the areas it covers — all data, so that merging or
 * splitting offices is an admin task.
 */
@Entity({ tableName: 'agency' })
export class Agency {
  [OptionalProps]?: 'active' | 'createdAt' | 'version';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'string', length: 64, unique: true })
  code!: string;

  @Property({ type: 'string', length: 300 })
  name!: string;

  @Enum({ items: () => AgencyKind, nativeEnumName: 'agency_kind' })
  kind!: AgencyKind;

  @ManyToOne(() => Agency, { nullable: true })
  parent?: Rel<Agency> | null;

  /** Areas whose cases this agency covers (a province covers all its communes). */
  @ManyToMany({ entity: () => Area, pivotTable: 'agency_coverage', joinColumn: 'agency_id', inverseJoinColumn: 'area_id' })
  coveredAreas = new Collection<Area>(this);

  @Property({ type: 'boolean', default: true })
  active: boolean = true;

  /** Optimistic-concurrency version, bumped by `claimVersion` on every update. */
  @Property({ type: 'integer', default: 1 })
  version: number = 1;

  @Property({ type: 'datetime', columnType: 'timestamptz(3)' })
  createdAt: Date = new Date();
}
