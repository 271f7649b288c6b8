import { ArrayType, Entity, Index, ManyToOne, OptionalProps, PrimaryKey, Property, type Rel } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Role } from '../../auth/viewer';
import { Agency } from '../agencies/agency.entity';

/** A person who signs in. Belongs to exactly one agency; abilities come from roles via policy/. */
@Entity({ tableName: 'app_user' })
export class User {
  [OptionalProps]?: 'active' | 'createdAt' | 'version' | 'tokenVersion';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  /** Lower-case sign-in name, unique. */
  @Property({ type: 'string', length: 64, unique: true })
  username!: string;

  @Property({ type: 'string', length: 200 })
  fullName!: string;

  @Index()
  @ManyToOne(() => Agency)
  agency!: Rel<Agency>;

  @Property({ type: ArrayType, columnType: 'text[]' })
  roles: Role[] = [];

  /** argon2id hash (never returned by the API). */
  @Property({ type: 'string', length: 200, hidden: true, lazy: true })
  passwordHash!: string;

  /** Restricted personal data (ND 13/2023): resolved only for those who need it, every read audited. */
  @Property({ type: 'string', length: 32, nullable: true, lazy: true })
  phone?: string | null;

  @Property({ type: 'boolean', default: true })
  active: boolean = true;

  /** Bumped on deactivation or password change: every token carrying an older value stops working. */
  @Property({ type: 'integer', default: 0 })
  tokenVersion: number = 0;

  /** Optimistic-concurrency version, bumped by `claimVersion` on every update. */
  @Property({ type: 'integer', default: 1 })
  version: number = 1;

  @Property({ type: 'datetime', columnType: 'timestamptz(3)' })
  createdAt: Date = new Date();
}
