/**
 * The offline write queue (issue 16 item 4): posts, task updates and visit outcomes made without a
 * connection wait here (persisted by an injected {@link QueueStorage}, IndexedDB in the browser), are
 * shown in place as "waiting to send", and are sent on reconnect one by one in the order they were
 * made, each with the idempotency key it was given when the user pressed the button — so a send whose
 * answer was lost and is sent again creates nothing twice, and nothing is dropped.
 *
 * Per item, a send ends in one of:
 * - success → removed from the queue (`onSent`);
 * - no answer (network, OUTCOME_UNKNOWN …) → the flush stops and the item stays first in line with
 *   the same key, for the next reconnect;
 * - a coded refusal → kept as `conflict` (CONFLICT: someone changed it meanwhile) or `failed`
 *   (any other code), with the server's error; the user discards it or re-applies it (a new key,
 *   usually with the current version), and the flush goes on with the next item.
 *
 * It knows neither React nor IndexedDB nor the session: see client/src/offline.ts for the wiring.
 */
import { isUncertainFailure } from './writes';

/** What kind of write, for showing it in place. */
export type QueuedWriteKind = 'post' | 'task' | 'outcome';

/** One write waiting to be sent. */
export interface QueuedWrite {
  /** Stable id of the entry (also the first idempotency key). */
  id: string;
  kind: QueuedWriteKind;
  caseId: string;
  /** The GraphQL operation text (a codegen document's string). */
  document: string;
  /** Variables, `idempotencyKey` included when the operation takes one. */
  variables: Record<string, unknown>;
  /** What to show in place (the post's text, the outcome …), free-form per kind. */
  summary: Record<string, string>;
  /** Query tags to refresh once it has been sent. */
  invalidates: string[];
  /** ISO time the user made it. */
  queuedAt: string;
  state: 'pending' | 'conflict' | 'failed';
  /** The refusal of the last attempt (conflict / failed). */
  error?: { code?: string; message: string; extensions?: Record<string, unknown> };
}

/** Where the queue is kept (one list per signed-in user). */
export interface QueueStorage {
  load(): Promise<QueuedWrite[] | undefined>;
  save(items: QueuedWrite[]): Promise<void>;
}

/** An in-memory storage (tests, or a browser without IndexedDB: the queue then lasts as long as the tab). */
export function memoryQueueStorage(initial: QueuedWrite[] = []): QueueStorage & { items: QueuedWrite[] } {
  const box = {
    items: initial,
    load: async () => box.items.map((i) => ({ ...i })),
    save: async (items: QueuedWrite[]) => {
      box.items = items.map((i) => ({ ...i }));
    },
  };
  return box;
}

/** Options of {@link WriteQueue}. */
export interface WriteQueueOptions {
  storage: QueueStorage;
  /** Sends one write; rejects with the request's error (a GraphQLRequestError in the app). */
  send: (item: QueuedWrite) => Promise<unknown>;
  /** Called after an item was sent and removed. */
  onSent?: (item: QueuedWrite, result: unknown) => void;
  /** Which failures mean "try again later with the same key". Default: isUncertainFailure. */
  isRetryLater?: (err: unknown) => boolean;
  /** Makes a new idempotency key (re-apply). */
  newKey?: () => string;
  /** How much may wait (default {@link DEFAULT_QUEUE_LIMITS}). */
  limits?: QueueLimits;
}

/**
 * The most the queue holds, counting every stored entry (waiting and refused alike: both stay in
 * storage until sent or discarded). Bytes are those of the entries as stored (JSON, UTF-8).
 */
export interface QueueLimits {
  maxItems: number;
  maxBytes: number;
}

/**
 * 100 writes and 512 KiB: a long day of visits offline is a few dozen posts and outcomes of a few
 * hundred bytes each, so this only stops a runaway (a pasted book, a stuck loop) — while staying far
 * below what any browser grants an origin's IndexedDB, so the queue never fails half-saved.
 */
export const DEFAULT_QUEUE_LIMITS: QueueLimits = { maxItems: 100, maxBytes: 512 * 1024 };

/**
 * A write that was NOT queued because the queue is full (`reason` says which limit). It is thrown by
 * {@link WriteQueue.enqueue} before anything is stored, so the form keeps what the user typed.
 */
export class QueueFullError extends Error {
  override name = 'QueueFullError';
  readonly code = 'QUEUE_FULL';
  constructor(
    readonly reason: 'count' | 'bytes',
    readonly limits: QueueLimits,
  ) {
    super(
      reason === 'count'
        ? `The offline queue holds at most ${limits.maxItems} writes`
        : `The offline queue holds at most ${limits.maxBytes} bytes`,
    );
  }
}

/** Bytes of entries as stored (JSON, UTF-8). */
export function storedBytes(items: readonly QueuedWrite[]): number {
  return new TextEncoder().encode(JSON.stringify(items)).length;
}

/** The result of one {@link WriteQueue.flush}. */
export interface FlushResult {
  sent: number;
  refused: number;
  /** Items still pending because the connection failed again. */
  waiting: number;
}

function describe(err: unknown): NonNullable<QueuedWrite['error']> {
  if (err && typeof err === 'object') {
    const e = err as { code?: unknown; message?: unknown; extensions?: unknown };
    return {
      ...(typeof e.code === 'string' ? { code: e.code } : {}),
      message: typeof e.message === 'string' ? e.message : String(err),
      ...(e.extensions && typeof e.extensions === 'object' ? { extensions: e.extensions as Record<string, unknown> } : {}),
    };
  }
  return { message: String(err) };
}

/** See the module comment. */
export class WriteQueue {
  private list: QueuedWrite[] = [];
  private readonly listeners = new Set<() => void>();
  private loaded: Promise<void> | undefined;
  private flushing: Promise<FlushResult> | undefined;
  private again = false;

  constructor(private readonly options: WriteQueueOptions) {}

  /** Loads the stored queue once (every other method waits for it). */
  ready(): Promise<void> {
    this.loaded ??= this.options.storage.load().then((items) => {
      // Items added before the load finished go after the stored ones.
      this.list = [...(items ?? []), ...this.list];
      this.emit();
    });
    return this.loaded;
  }

  /** The queue as it stands (oldest first); a new array after every change. */
  items(): readonly QueuedWrite[] {
    return this.list;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Adds a write (kept as pending) and stores the queue. Throws {@link QueueFullError}, storing
   * nothing, when the write would take the queue past its limits.
   */
  async enqueue(item: Omit<QueuedWrite, 'state' | 'queuedAt'> & { queuedAt?: string }): Promise<QueuedWrite> {
    await this.ready();
    const entry: QueuedWrite = { ...item, queuedAt: item.queuedAt ?? new Date().toISOString(), state: 'pending' };
    const next = [...this.list, entry];
    const limits = this.options.limits ?? DEFAULT_QUEUE_LIMITS;
    if (next.length > limits.maxItems) throw new QueueFullError('count', limits);
    if (storedBytes(next) > limits.maxBytes) throw new QueueFullError('bytes', limits);
    await this.update(next);
    return entry;
  }

  /** Forgets a write the user gave up (a conflict, a refusal, or one still waiting). */
  async discard(id: string): Promise<void> {
    await this.ready();
    await this.update(this.list.filter((i) => i.id !== id));
  }

  /**
   * Sends a refused write again, changed by `patch` (e.g. the current version), with a NEW idempotency
   * key (its input changed, so the old key would be refused as reused); it keeps its place in line.
   */
  async reapply(id: string, patch: (variables: Record<string, unknown>) => Record<string, unknown> = (v) => v): Promise<FlushResult> {
    await this.ready();
    const newKey = this.options.newKey ?? (() => crypto.randomUUID());
    await this.update(
      this.list.map((i) => {
        if (i.id !== id) return i;
        const variables = patch({ ...i.variables });
        if ('idempotencyKey' in i.variables) variables.idempotencyKey = newKey();
        const { error: _error, ...rest } = i;
        return { ...rest, variables, state: 'pending' as const };
      }),
    );
    return this.flush();
  }

  /**
   * Sends the pending writes in order. One flush at a time: a call during a flush runs another pass
   * after it (a write queued meanwhile is not left behind).
   */
  flush(): Promise<FlushResult> {
    if (this.flushing) {
      this.again = true;
      return this.flushing;
    }
    this.flushing = (async () => {
      const total: FlushResult = { sent: 0, refused: 0, waiting: 0 };
      try {
        do {
          this.again = false;
          const pass = await this.pass();
          total.sent += pass.sent;
          total.refused += pass.refused;
          total.waiting = pass.waiting;
          if (pass.waiting > 0) break; // offline again: wait for the next reconnect
        } while (this.again);
      } finally {
        this.flushing = undefined;
      }
      return total;
    })();
    return this.flushing;
  }

  private async pass(): Promise<FlushResult> {
    await this.ready();
    const result: FlushResult = { sent: 0, refused: 0, waiting: 0 };
    const isRetryLater = this.options.isRetryLater ?? isUncertainFailure;
    for (;;) {
      const next = this.list.find((i) => i.state === 'pending');
      if (!next) break;
      let answer: unknown;
      try {
        answer = await this.options.send(next);
      } catch (err) {
        if (isRetryLater(err)) {
          result.waiting = this.list.filter((i) => i.state === 'pending').length;
          break;
        }
        const error = describe(err);
        await this.update(
          this.list.map((i) => (i.id === next.id ? { ...i, state: error.code === 'CONFLICT' ? 'conflict' : 'failed', error } : i)),
        );
        result.refused++;
        continue;
      }
      await this.update(this.list.filter((i) => i.id !== next.id));
      result.sent++;
      try {
        this.options.onSent?.(next, answer);
      } catch {
        // A failing listener must not stop the queue.
      }
    }
    return result;
  }

  private async update(next: QueuedWrite[]): Promise<void> {
    this.list = next;
    this.emit();
    await this.options.storage.save(next);
  }

  private emit(): void {
    for (const l of [...this.listeners]) l();
  }
}
