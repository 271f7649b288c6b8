import { createHash, randomUUID } from 'node:crypto';
import { Entity, OptionalProps, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { configure } from 'safe-stable-stringify';
import { AppError, badInput } from '../errors';
import type { Tx } from '../events/outbox';

/**
 * Remembers creating requests by the client's idempotency key, so a retried request returns the first
 * result instead of creating a second record. Keys are scoped per user: two officers (of one office or
 * not) cannot collide, whatever keys their devices generate.
 */
@Entity({ tableName: 'idempotency_key' })
@Unique({ properties: ['userId', 'key'] })
export class IdempotencyKey {
  [OptionalProps]?: 'createdAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  userId!: string;

  @Property({ type: 'string', length: 128 })
  key!: string;

  @Property({ type: 'string', length: 64 })
  operation!: string;

  /**
   * sha256 of the operation name and its canonical input: the same key sent with another input is
   * refused. Null only on keys stored before the hash existed (those are matched by operation alone).
   */
  @Property({ type: 'string', columnType: 'char(64)', nullable: true })
  requestHash?: string | null;

  /** The id of what the first request created or changed; set in the same transaction as the claim. */
  @Property({ type: 'uuid', nullable: true })
  resultId?: string | null;

  @Property({ type: 'datetime', columnType: 'timestamptz(3)' })
  createdAt: Date = new Date();
}

/** One idempotent request: the client's key (none = not idempotent), the operation and its input. */
export interface IdempotentRequest {
  key?: string | null;
  /** The mutation's name (e.g. `postToThread`): a key used for another operation is refused too. */
  operation: string;
  /** The operation's arguments other than the key, as received (hashed canonically). */
  input: unknown;
}

const MAX_KEY_LENGTH = 128;

/** Key-sorted JSON; null and absent fields are the same request (clients differ in which they send). */
const canonicalJson = configure({ deterministic: true, circularValue: Error, bigint: true });
const dropNulls = (_key: string, value: unknown) => (value === null ? undefined : value);

/** The fingerprint stored with a key: sha256 over the operation name and its canonical input. */
export function requestHash(operation: string, input: unknown): string {
  return createHash('sha256')
    .update(`${operation}\n${canonicalJson(input ?? {}, dropNulls) ?? ''}`)
    .digest('hex');
}

const keyReused = () =>
  new AppError(
    'IDEMPOTENCY_KEY_REUSED',
    'Khóa chống gửi trùng (idempotencyKey) này đã được dùng cho một yêu cầu khác (khác thao tác hoặc khác nội dung). Hãy tạo khóa mới cho yêu cầu mới.',
    { field: 'idempotencyKey' },
  );

/**
 * Runs `work` (which creates or changes something and returns its id) at most once per
 * (user, key). Inside the caller's transaction it claims the key with INSERT … ON CONFLICT DO NOTHING:
 * a concurrent retry waits on the unique (user, key) index until the first transaction ends; if that
 * committed, the retry finds its row and returns the same id without doing anything; if it rolled
 * back, its claim went with it and the retry does the work. The same key with another operation or
 * input is refused with IDEMPOTENCY_KEY_REUSED. Without a key, `work` just runs.
 */
export async function idempotent(tx: Tx, userId: string, request: IdempotentRequest, work: () => Promise<string>): Promise<string> {
  const key = request.key;
  if (key == null) return work();
  if (!key.trim() || key.length > MAX_KEY_LENGTH)
    throw badInput(`Khóa chống gửi trùng (idempotencyKey) phải có từ 1 đến ${MAX_KEY_LENGTH} ký tự.`, { field: 'idempotencyKey' });
  const hash = requestHash(request.operation, request.input);
  const claimId = randomUUID();
  const inserted = await tx.em.execute<{ id: string }[]>(
    `insert into idempotency_key (id, user_id, key, operation, request_hash, result_id, created_at) values (?, ?, ?, ?, ?, null, now())
     on conflict (user_id, key) do nothing returning id`,
    [claimId, userId, key, request.operation, hash],
  );
  if (inserted.length) {
    const resultId = await work();
    await tx.em.execute('update idempotency_key set result_id = ? where id = ?', [resultId, claimId]);
    return resultId;
  }
  const [earlier] = await tx.em.execute<{ operation: string; request_hash: string | null; result_id: string | null }[]>(
    'select operation, request_hash, result_id from idempotency_key where user_id = ? and key = ?',
    [userId, key],
  );
  if (!earlier?.result_id || earlier.operation !== request.operation) throw keyReused();
  if (earlier.request_hash !== null && earlier.request_hash !== hash) throw keyReused();
  return earlier.result_id;
}
