import { createHash } from 'node:crypto';
import { configure } from 'safe-stable-stringify';
import { type EntityManager, IsolationLevel } from '@mikro-orm/postgresql';
import type { ClientCursor, Cursor } from './cursor';
import { scanCheckpoints } from './checkpoints';
import { headPosition } from './sequencer';
import type { EventType, NewEvent } from './vocabulary';

export type { NewEvent } from './vocabulary';

/** An event as read back from the log. */
export interface StoredEvent {
  /** A type of the vocabulary (events/vocabulary.ts); narrow the payload with `isEvent`. */
  type: EventType;
  stream: string;
  actorId: string | null;
  topics: string[];
  /** As stored: older events may lack fields added since (the log is forever). */
  payload: Record<string, unknown>;
  /** Global delivery position (the cursor), assigned by the sequencer after commit. */
  position: bigint;
  id: bigint;
  txId: bigint;
  streamSeq: bigint;
  occurredAt: Date;
  prevHash: string;
  hash: string;
}

/** Deterministic JSON: keys sorted at every depth, so jsonb's reordering cannot change a hash. */
const canonicalJson = configure({ deterministic: true, circularValue: Error, bigint: false });

/** The hash of "nothing before": the prevHash of each stream's first event. */
export const GENESIS_HASH = '0'.repeat(64);

/** What the hash covers: an event's content, whether being appended or read back. */
interface HashedContent {
  type: string;
  stream: string;
  actorId: string | null;
  topics: readonly string[];
  payload: unknown;
}

/** The canonical JSON of an event's content: what its hash covers after the previous hash. */
function eventContent(e: HashedContent, seq: string, occurredAt: Date): string {
  return (
    canonicalJson({
      stream: e.stream,
      seq,
      type: e.type,
      actorId: e.actorId,
      topics: e.topics,
      payload: e.payload,
      occurredAt: occurredAt.toISOString(),
    }) ?? ''
  );
}

/** sha256 of the previous hash and the key-sorted canonical JSON of the event's content. */
export function computeEventHash(prevHash: string, e: HashedContent & { streamSeq: bigint; occurredAt: Date }): string {
  return createHash('sha256')
    .update(prevHash)
    .update('\n')
    .update(eventContent(e, e.streamSeq.toString(), e.occurredAt))
    .digest('hex');
}

/**
 * An event as a row of the `event` table (column names), for writers that insert many in one statement.
 * A type, not an interface: it stays assignable to the generic rows (`Record<string, unknown>`) of the seed.
 */
export type ChainedEventRow = {
  stream: string;
  stream_seq: string;
  type: string;
  actor_id: string | null;
  topics: readonly string[];
  payload: unknown;
  occurred_at: string;
  prev_hash: string;
  hash: string;
};

/**
 * The link of a stream's hash chain that follows `prevHash`: `event` as the row at `streamSeq`, with
 * its hash (what appendEvent writes). The one chain step of every bulk writer: appendFirstEvents (the
 * case import), the province generator, the bench's missed events.
 */
export function chainedEventRow(prevHash: string, event: HashedContent, streamSeq: bigint, occurredAt: Date): ChainedEventRow {
  return {
    stream: event.stream,
    stream_seq: streamSeq.toString(),
    type: event.type,
    actor_id: event.actorId,
    topics: event.topics,
    payload: event.payload,
    occurred_at: occurredAt.toISOString(),
    prev_hash: prevHash,
    hash: computeEventHash(prevHash, { ...event, streamSeq, occurredAt }),
  };
}

/** A PostgreSQL text[] literal, so arrays travel as one bound parameter. */
export function toPgTextArray(values: readonly string[]): string {
  return `{${values.map((v) => `"${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`).join(',')}}`;
}

/** Stands for the stream sequence number while the content is split around it (never a real seq). */
const SEQ_PLACEHOLDER = '\u0001seq\u0001';

/**
 * The event's canonical content split around its `seq` value, so PostgreSQL can hash it once it knows
 * the head: content = before + seq + after. Null when the placeholder is not found exactly once (a
 * payload that contains it), and then the caller reads the head first.
 */
function contentAroundSeq(e: NewEvent, occurredAt: Date): { before: string; after: string } | null {
  const marker = JSON.stringify(SEQ_PLACEHOLDER);
  const parts = eventContent(e, SEQ_PLACEHOLDER, occurredAt).split(marker);
  return parts.length === 2 ? { before: `${parts[0]}"`, after: `"${parts[1]}` } : null;
}

/** A piece of SQL with its `?` parameters, to run inside another statement. */
export interface BoundSql {
  sql: string;
  params: readonly unknown[];
}

/**
 * The one statement of an append to a stream that exists: lock its head, hash in SQL, insert, move the
 * head. `appended` is false when the stream has no head yet (no event written). Two optional riders
 * share the statement (and so its atomicity and its one round trip):
 * - `alongside`: a data-modifying statement run first as a CTE (e.g. inserting the row the event
 *   describes). PostgreSQL runs it to completion even when the stream has no head, so the caller must
 *   not send it again on a retry.
 * - `reading`: a query whose rows come back as `rows` only when the event was appended — an audited
 *   read whose values cannot reach the caller without their audit record.
 */
async function appendToExistingStream(
  em: EntityManager,
  event: NewEvent,
  content: { before: string; after: string },
  occurredAt: Date,
  riders: { alongside?: BoundSql; reading?: BoundSql } = {},
): Promise<{ appended: boolean; rows: Record<string, unknown>[] }> {
  const { alongside, reading } = riders;
  const result = await em.execute<{ last_seq: string; reading?: Record<string, unknown>[] | null }[]>(
    `with ${alongside ? `alongside as (${alongside.sql}), ` : ''}head as (
       select last_seq, last_hash from event_stream where stream = ? for update
     ), next as (
       select last_seq + 1 as seq, last_hash as prev_hash,
              encode(sha256(convert_to(last_hash || chr(10) || ? || (last_seq + 1)::text || ?, 'UTF8')), 'hex') as hash
         from head
     ), ins as (
       insert into event (stream, stream_seq, type, actor_id, topics, payload, occurred_at, prev_hash, hash)
       select ?, seq, ?, ?, ?::text[], ?::jsonb, ?, prev_hash, hash from next
       returning stream_seq, hash
     ), moved as (
       update event_stream s set last_seq = ins.stream_seq, last_hash = ins.hash from ins where s.stream = ?
       returning s.last_seq
     )
     select moved.last_seq::text as last_seq${
       reading ? `, (select coalesce(json_agg(r), '[]'::json) from (${reading.sql}) r) as reading` : ''
     } from moved`,
    [
      ...(alongside?.params ?? []),
      event.stream,
      content.before,
      content.after,
      event.stream,
      event.type,
      event.actorId,
      toPgTextArray(event.topics),
      JSON.stringify(event.payload),
      occurredAt,
      event.stream,
      ...(reading?.params ?? []),
    ],
  );
  return { appended: result.length === 1, rows: result[0]?.reading ?? [] };
}

/**
 * Appends an event that describes no change of its own (an audit record such as `personalData.read`)
 * in ONE autocommitted statement, outside any transaction: the statement is atomic on its own (head
 * lock, hashed insert and head move commit together or not at all), holds the head row's lock only for
 * that statement — not across BEGIN/append/COMMIT round trips — so one user's concurrent page loads no
 * longer queue behind each other's transactions. `reading`, when given, runs in the same statement and
 * its rows are returned — only when the event was appended: restricted values and their audit record
 * commit or fail together, in one round trip. Null when it could not append (the stream has no head yet,
 * or the content needs the head read first; nothing was read out then): the caller then appends in a
 * transaction.
 * @throws if `em` is inside a transaction — the caller wants that transaction's outbox append instead.
 */
export async function appendEventAloneReading(
  em: EntityManager,
  event: NewEvent,
  reading?: BoundSql,
): Promise<Record<string, unknown>[] | null> {
  if (em.isInTransaction()) throw new Error(`appendEventAloneReading(${event.type}) must run outside a transaction`);
  const occurredAt = new Date();
  const content = contentAroundSeq(event, occurredAt);
  if (!content) return null;
  const { appended, rows } = await appendToExistingStream(em, event, content, occurredAt, { reading });
  return appended ? rows : null;
}

/**
 * Appends an event inside the caller's transaction (the transactional outbox): it commits or rolls
 * back with the change it describes. Locks only the stream's head row until commit.
 *
 * One statement when the stream exists (the usual case: a case's stream exists from its intake): lock
 * the head, hash in SQL (`sha256` of the previous hash, a newline and the canonical content, exactly
 * what computeEventHash and verifyAuditChain compute in Node), insert the event, move the head. A new
 * stream costs one more statement (its head row) and a retry.
 * @throws if `em` is not inside a transaction — an event outside one could outlive a rolled-back change.
 */
export async function appendEvent(em: EntityManager, event: NewEvent, alongside?: BoundSql): Promise<void> {
  if (!em.isInTransaction()) throw new Error(`appendEvent(${event.type}) must run inside a transaction`);
  const occurredAt = new Date();
  const content = contentAroundSeq(event, occurredAt);
  if (!content) {
    if (alongside) await em.execute(alongside.sql, [...alongside.params]);
    return appendEventReadingHead(em, event, occurredAt);
  }
  // `alongside` ran with the first try whether or not the head existed: the retry must not repeat it.
  if ((await appendToExistingStream(em, event, content, occurredAt, { alongside })).appended) return;
  // First event of this stream: create its head (a concurrent first append may win; either is fine), retry.
  await em.execute(`insert into event_stream (stream, last_seq, last_hash) values (?, 0, ?) on conflict (stream) do nothing`, [
    event.stream,
    GENESIS_HASH,
  ]);
  if (!(await appendToExistingStream(em, event, content, occurredAt)).appended)
    throw new Error(`appendEvent(${event.type}): the head of ${event.stream} could not be locked`);
}

/** The two-statement append (read and lock the head, then insert and move it), hashing in Node. */
async function appendEventReadingHead(em: EntityManager, event: NewEvent, occurredAt: Date): Promise<void> {
  // Upsert-and-lock the head: ON CONFLICT … DO UPDATE takes the row lock and returns the old head.
  const [head] = await em.execute<{ last_seq: string; last_hash: string }[]>(
    `insert into event_stream (stream, last_seq, last_hash) values (?, 0, ?)
     on conflict (stream) do update set stream = excluded.stream
     returning last_seq, last_hash`,
    [event.stream, GENESIS_HASH],
  );
  const streamSeq = BigInt(head.last_seq) + 1n;
  const hash = computeEventHash(head.last_hash, { ...event, streamSeq, occurredAt });
  await em.execute(
    `with ins as (
       insert into event (stream, stream_seq, type, actor_id, topics, payload, occurred_at, prev_hash, hash)
       values (?, ?, ?, ?, ?::text[], ?::jsonb, ?, ?, ?) returning 1)
     update event_stream set last_seq = ?, last_hash = ? where stream = ?`,
    [
      event.stream,
      streamSeq.toString(),
      event.type,
      event.actorId,
      toPgTextArray(event.topics),
      JSON.stringify(event.payload),
      occurredAt,
      head.last_hash,
      hash,
      streamSeq.toString(),
      hash,
      event.stream,
    ],
  );
}

interface EventRow {
  position: string;
  id: string;
  tx_id: string;
  stream: string;
  stream_seq: string;
  type: string;
  actor_id: string | null;
  topics: string[];
  payload: Record<string, unknown>;
  occurred_at: Date | string;
  prev_hash: string;
  hash: string;
}

// Selected as text (64-bit values survive JSON/JS). ORDER BY must name the table columns (e.x),
// not these aliases: ordering by the text outputs would sort "1000" before "999".
const EVENT_COLUMNS = `e.id::text as id, e.tx_id::text as tx_id, e.stream, e.stream_seq::text as stream_seq, e.type, e.actor_id, e.topics, e.payload, e.occurred_at, e.prev_hash, e.hash`;

function toStoredEvent(r: EventRow): StoredEvent {
  return {
    position: BigInt(r.position ?? '0'),
    id: BigInt(r.id),
    txId: BigInt(r.tx_id),
    stream: r.stream,
    streamSeq: BigInt(r.stream_seq),
    type: r.type as EventType,
    actorId: r.actor_id,
    topics: r.topics,
    payload: r.payload,
    occurredAt: new Date(r.occurred_at),
    prevHash: r.prev_hash,
    hash: r.hash,
  };
}

/** The cursor of an event. */
export const cursorOf = (e: { position: bigint }): Cursor => e.position;

/**
 * Reads numbered events after position `after`, in position order, optionally only those carrying
 * one of `topics`. Positions are assigned after commit, one sequencer pass at a time, so a later read
 * returns only events after the last one returned here: "everything after my cursor" is complete.
 */
export async function readEventsAfter(
  em: EntityManager,
  after: Cursor,
  options: { limit: number; topics?: readonly string[] },
): Promise<StoredEvent[]> {
  const params: unknown[] = [after.toString()];
  let topicFilter = '';
  if (options.topics) {
    topicFilter = 'and e.topics && ?::text[]';
    params.push(toPgTextArray(options.topics));
  }
  params.push(options.limit);
  const rows = await em.getConnection().execute<EventRow[]>(
    `select p.position::text as position, ${EVENT_COLUMNS} from event_position p join event e on e.id = p.event_id
     where p.position > ?::bigint ${topicFilter}
     order by p.position limit ?`,
    params,
  );
  return rows.map(toStoredEvent);
}

/**
 * The position a reader starting "now" should resume from: the highest numbered so far. Events
 * numbered afterwards (including older commits not numbered yet) all come after it.
 */
export async function headCursor(em: EntityManager): Promise<Cursor> {
  return headPosition(em);
}

/**
 * Resolves a client's resume point to a position and the time of the event there (null when no
 * event has it: unknown, not numbered, or made up). Legacy `"<txId>.<id>"` cursors resolve to the
 * position of the event they name.
 */
export async function findEventAt(em: EntityManager, cursor: ClientCursor): Promise<{ position: Cursor; occurredAt: Date } | null> {
  const [row] =
    cursor.kind === 'position'
      ? await em
          .getConnection()
          .execute<{ position: string; occurred_at: Date | string }[]>(
            'select p.position::text as position, e.occurred_at from event_position p join event e on e.id = p.event_id where p.position = ?::bigint',
            [cursor.position.toString()],
          )
      : await em
          .getConnection()
          .execute<{ position: string; occurred_at: Date | string }[]>(
            'select p.position::text as position, e.occurred_at from event e join event_position p on p.event_id = e.id where e.id = ?::bigint and e.tx_id = ?::xid8',
            [cursor.id.toString(), cursor.txId.toString()],
          );
  return row ? { position: BigInt(row.position), occurredAt: new Date(row.occurred_at) } : null;
}

/** One inconsistency found by `verifyAuditChain`. */
export interface AuditProblem {
  stream: string;
  streamSeq: string | null;
  kind: AuditProblemKind;
  detail: string;
}

/**
 * HASH_MISMATCH, BROKEN_LINK, MISSING_EVENT, HEAD_MISMATCH: the chain itself. With the checkpoint key:
 * STREAM_TRUNCATED (a signed head is beyond the log's end), STREAM_MISSING (a signed stream is gone),
 * CHECKPOINT_MISMATCH (the event at a signed head differs: rewritten with every later hash recomputed),
 * CHECKPOINT_INVALID (a checkpoint row forged, edited or removed from the middle).
 */
export type AuditProblemKind =
  | 'HASH_MISMATCH'
  | 'BROKEN_LINK'
  | 'MISSING_EVENT'
  | 'HEAD_MISMATCH'
  | 'STREAM_TRUNCATED'
  | 'STREAM_MISSING'
  | 'CHECKPOINT_MISMATCH'
  | 'CHECKPOINT_INVALID';

/** Result of `verifyAuditChain`. */
export interface AuditReport {
  ok: boolean;
  eventsChecked: number;
  streamsChecked: number;
  /** Signed stream heads compared with the log (0 when no checkpoint key was given). */
  checkpointsChecked: number;
  problems: AuditProblem[];
}

/** Progress of a running verification: events checked so far out of the total counted at the start. */
export interface AuditProgress {
  eventsChecked: number;
  eventsTotal: number;
  streamsChecked: number;
}

/** Options of `verifyAuditChain`. */
export interface VerifyOptions {
  /** Stop collecting after this many problems (the report stays small on a badly damaged log). */
  maxProblems?: number;
  /** The checkpoint key (checkpoints.ts): also compare the log with its signed stream heads. */
  checkpointKey?: Buffer;
  /** Called after every batch (and once at the end). */
  onProgress?: (progress: AuditProgress) => void;
  /** Events read per batch. */
  batchSize?: number;
}

/**
 * Re-computes every event's hash stream by stream and checks the links, the sequence (a gap means a
 * deleted row) and each stream's head (a deleted tail). With `checkpointKey`, each stream must also
 * still reach its last signed head with the same hash, which catches what the chain alone cannot: a
 * tail removed together with its head row updated, a whole stream removed, a rewrite with every later
 * hash recomputed. Reads in keyset-paginated batches; memory grows with the number of streams, not events.
 */
export async function verifyAuditChain(em: EntityManager, options: VerifyOptions = {}): Promise<AuditReport> {
  // One REPEATABLE READ snapshot for every read: heads, checkpoints and events read statement by
  // statement while writers commit disagree (a stream appended after its head was read has "no head
  // row"; a head moved by an append looks truncated). Read-only, so it takes no transaction id and
  // blocks no writer; it holds back only VACUUM for as long as the verification runs.
  return em.fork().transactional((tx) => verifyInSnapshot(tx as EntityManager, options), {
    isolationLevel: IsolationLevel.REPEATABLE_READ,
    readOnly: true,
  });
}

async function verifyInSnapshot(conn: EntityManager, options: VerifyOptions): Promise<AuditReport> {
  const maxProblems = options.maxProblems ?? 100;
  const batchSize = options.batchSize ?? 2000;
  const problems: AuditProblem[] = [];
  const report = (p: AuditProblem) => {
    if (problems.length < maxProblems) problems.push(p);
  };
  const heads = new Map<string, { lastSeq: bigint; lastHash: string; prunedSeq: bigint }>();
  // Where each stream's kept events start: after the prefix deleted by retention (seq 0 = nothing deleted).
  const seen = new Map<string, { seq: bigint; hash: string }>();
  for (const h of await conn.execute<{ stream: string; last_seq: string; last_hash: string; pruned_seq: string; pruned_hash: string }[]>(
    'select stream, last_seq::text, last_hash, pruned_seq::text, pruned_hash from event_stream',
  )) {
    heads.set(h.stream, { lastSeq: BigInt(h.last_seq), lastHash: h.last_hash, prunedSeq: BigInt(h.pruned_seq) });
    if (h.pruned_seq !== '0') seen.set(h.stream, { seq: BigInt(h.pruned_seq), hash: h.pruned_hash });
  }
  const signed = options.checkpointKey ? await scanCheckpoints(conn, options.checkpointKey) : null;
  for (const p of signed?.problems ?? []) report({ ...p, kind: 'CHECKPOINT_INVALID' });
  // Signed heads whose event the scan has found (by stream); the rest are reported after the scan.
  const confirmed = new Set<string>();
  const [{ total }] = await conn.execute<{ total: string }[]>('select count(*)::text as total from event');
  const eventsTotal = Number(total);
  let eventsChecked = 0;
  const streamsWithEvents = new Set<string>();
  const progress = () => options.onProgress?.({ eventsChecked, eventsTotal, streamsChecked: streamsWithEvents.size });
  let after = { stream: '', seq: '0' };
  for (;;) {
    const rows = await conn.execute<EventRow[]>(
      `select ${EVENT_COLUMNS} from event e where (e.stream, e.stream_seq) > (?, ?::bigint) order by e.stream, e.stream_seq limit ?`,
      [after.stream, after.seq, batchSize],
    );
    if (rows.length === 0) break;
    for (const row of rows) {
      const e = toStoredEvent(row);
      streamsWithEvents.add(e.stream);
      const prev = seen.get(e.stream) ?? { seq: 0n, hash: GENESIS_HASH };
      const seqText = e.streamSeq.toString();
      if (e.streamSeq !== prev.seq + 1n) {
        report({ stream: e.stream, streamSeq: seqText, kind: 'MISSING_EVENT', detail: `expected seq ${prev.seq + 1n}` });
      } else if (e.prevHash !== prev.hash) {
        report({ stream: e.stream, streamSeq: seqText, kind: 'BROKEN_LINK', detail: 'prevHash differs from the previous event' });
      }
      if (computeEventHash(e.prevHash, e) !== e.hash) {
        report({ stream: e.stream, streamSeq: seqText, kind: 'HASH_MISMATCH', detail: 'content was changed after it was written' });
      }
      const checkpoint = signed?.latest.get(e.stream);
      if (checkpoint && checkpoint.seq === e.streamSeq) {
        confirmed.add(e.stream);
        if (checkpoint.hash !== e.hash) {
          report({
            stream: e.stream,
            streamSeq: seqText,
            kind: 'CHECKPOINT_MISMATCH',
            detail: 'the event differs from its signed checkpoint: the stream was rewritten up to here',
          });
        }
      }
      seen.set(e.stream, { seq: e.streamSeq, hash: e.hash });
      eventsChecked++;
    }
    const last = rows[rows.length - 1];
    after = { stream: last.stream, seq: last.stream_seq };
    progress();
  }
  for (const [stream, head] of heads) {
    const last = seen.get(stream) ?? { seq: 0n, hash: GENESIS_HASH };
    if (last.seq !== head.lastSeq || last.hash !== head.lastHash) {
      report({
        stream,
        streamSeq: head.lastSeq.toString(),
        kind: 'HEAD_MISMATCH',
        detail: `log ends at seq ${last.seq}, head says ${head.lastSeq}`,
      });
    }
  }
  for (const stream of seen.keys()) {
    if (!heads.has(stream)) report({ stream, streamSeq: null, kind: 'HEAD_MISMATCH', detail: 'stream has no head row' });
  }
  for (const [stream, checkpoint] of signed?.latest ?? []) {
    if (confirmed.has(stream)) continue;
    const head = heads.get(stream);
    // Retention deleted the prefix holding the signed event: nothing left to compare, and nothing missing.
    if (head && head.prunedSeq >= checkpoint.seq) continue;
    const last = seen.get(stream);
    const seqText = checkpoint.seq.toString();
    if (!last && !head) {
      report({ stream, streamSeq: seqText, kind: 'STREAM_MISSING', detail: `the whole stream is gone; it was signed at seq ${seqText}` });
    } else if (!last || last.seq < checkpoint.seq) {
      report({
        stream,
        streamSeq: seqText,
        kind: 'STREAM_TRUNCATED',
        detail: `the log ends at seq ${last?.seq ?? 0n}, but seq ${seqText} was signed`,
      });
    } else {
      // The stream goes past the signed seq yet that event was never seen: the scan reported the gap.
      report({ stream, streamSeq: seqText, kind: 'CHECKPOINT_MISMATCH', detail: `the signed event at seq ${seqText} is missing` });
    }
  }
  progress();
  return {
    ok: problems.length === 0,
    eventsChecked,
    streamsChecked: streamsWithEvents.size,
    checkpointsChecked: signed?.latest.size ?? 0,
    problems,
  };
}

/**
 * Event-log retention: deletes every stream's events older than `cutoff` (a prefix of each stream,
 * so no gap opens inside a chain), recording per stream the last deleted seq and hash, from which
 * `verifyAuditChain` then checks. Runs in batches of `batch` rows, each its own short transaction
 * calling `prune_events_before` (migration 20261202161500: owner-defined, SECURITY DEFINER, the one way
 * past the append-only privilege and trigger). Instances take turns through an
 * advisory lock; one that finds it taken skips this round. Returns the number of rows deleted.
 * Cursors pointing at deleted events then get RESYNC_REQUIRED (see `assertResumable`).
 */
export async function pruneEventsBefore(em: EntityManager, cutoff: Date, batch = 5000): Promise<number> {
  let total = 0;
  for (;;) {
    const deleted = await em.fork().transactional(async (tx) => {
      // tx.execute runs on the transaction's connection (getConnection().execute would not).
      const conn = tx as EntityManager;
      const [lock] = await conn.execute<{ ok: boolean }[]>(`select pg_try_advisory_xact_lock(hashtext('phoihop:prune-events')) as ok`);
      if (!lock.ok) return 0;
      const [any] = await conn.execute<{ old: boolean }[]>(`select exists (select 1 from event where occurred_at < ?) as old`, [cutoff]);
      if (!any.old) return 0;
      // prune_events_before (SECURITY DEFINER, owned by the owner): the app role has no DELETE on the log.
      const [row] = await conn.execute<{ deleted: string }[]>(`select prune_events_before(?, ?)::text as deleted`, [cutoff, batch]);
      return Number(row.deleted);
    });
    total += deleted;
    if (deleted < batch) return total;
  }
}

/** Events per statement in appendFirstEvents (each event is a few hundred bytes of JSON). */
const FIRST_EVENTS_CHUNK = 2000;

/**
 * Appends the FIRST event of many brand-new streams at once, inside the caller's transaction: the
 * hashes are computed in Node (seq 1 after GENESIS_HASH, exactly what appendEvent would write), the
 * heads are inserted in one statement per chunk and the events in another. For bulk work (the case
 * import: one `case.created` per new case) where one appendEvent per event would cost three round
 * trips each. A stream that already exists is refused — its chain would fork — and the whole
 * transaction rolls back.
 */
export async function appendFirstEvents(em: EntityManager, events: readonly NewEvent[]): Promise<void> {
  if (!em.isInTransaction()) throw new Error('appendFirstEvents must run inside a transaction');
  const occurredAt = new Date();
  for (let i = 0; i < events.length; i += FIRST_EVENTS_CHUNK) {
    const chunk = events.slice(i, i + FIRST_EVENTS_CHUNK).map((e) => chainedEventRow(GENESIS_HASH, e, 1n, occurredAt));
    const heads = await em.execute<{ stream: string }[]>(
      `insert into event_stream (stream, last_seq, last_hash)
       select stream, 1, hash from json_to_recordset(?::json) as r(stream text, hash text)
       on conflict (stream) do nothing returning stream`,
      [JSON.stringify(chunk.map(({ stream, hash }) => ({ stream, hash })))],
    );
    if (heads.length !== chunk.length) throw new Error(`appendFirstEvents: ${chunk.length - heads.length} stream(s) already exist`);
    await em.execute(
      `insert into event (stream, stream_seq, type, actor_id, topics, payload, occurred_at, prev_hash, hash)
       select stream, stream_seq, type, actor_id, topics, payload, occurred_at, prev_hash, hash
         from json_populate_recordset(null::event, ?::json)`,
      [JSON.stringify(chunk)],
    );
  }
}
