import { Entity, Index, ManyToOne, OptionalProps, PrimaryKey, Property, type Rel } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { User } from '../modules/users/user.entity';

/**
 * A refresh-token session. The token is `<session id>.<secret>`; only sha256(secret) is stored.
 * Refreshing rotates: the old row is revoked and points at its successor, so presenting a rotated
 * token again (a stolen copy) is detected and revokes the whole family.
 *
 * `familyId` (the id of the sign-in's first row, kept through rotations) is what access tokens carry
 * as `sid`; `endedAt` on any row of the family (sign-out, detected reuse) voids those access tokens on
 * the next request and closes their sockets. `revokedAt` alone (a rotation) does not.
 */
@Entity({ tableName: 'auth_session' })
export class AuthSession {
  [OptionalProps]?: 'createdAt' | 'familyId';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Index()
  @Property({ type: 'uuid', nullable: true })
  familyId?: string | null;

  @Property({ type: 'datetime', columnType: 'timestamptz(3)', nullable: true })
  endedAt?: Date | null;

  @Index()
  @ManyToOne(() => User)
  user!: Rel<User>;

  @Property({ type: 'string', columnType: 'char(64)' })
  secretHash!: string;

  @Property({ type: 'datetime', columnType: 'timestamptz(3)' })
  expiresAt!: Date;

  @Property({ type: 'datetime', columnType: 'timestamptz(3)', nullable: true })
  revokedAt?: Date | null;

  @Property({ type: 'uuid', nullable: true })
  replacedBy?: string | null;

  @Property({ type: 'string', length: 64, nullable: true })
  ip?: string | null;

  @Property({ type: 'datetime', columnType: 'timestamptz(3)' })
  createdAt: Date = new Date();
}

/**
 * Counters of failed sign-ins, in the exact table shape `rate-limiter-flexible`'s PostgreSQL store
 * uses (so the table is created by our migrations, not by the library at run time). Shared by all
 * instances through the database.
 */
@Entity({ tableName: 'signin_throttle' })
export class SigninThrottle {
  @PrimaryKey({ type: 'string', length: 255 })
  key!: string;

  @Property({ type: 'integer', default: 0 })
  points!: number;

  @Property({ type: 'bigint', nullable: true })
  expire?: string | null;
}
