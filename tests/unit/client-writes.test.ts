/// <reference lib="dom" />
// Client write logic without a browser: idempotency keys, bounded retries, the offline queue.
import { describe, expect, it } from 'vitest';
import { errorText } from '../../client/src/errors';
import { translate, type Lang, type Translate } from '../../client/src/i18n';
import { GraphQLRequestError } from '../../client/src/lib/graphql-http';
import { memoryQueueStorage, QueueFullError, type QueuedWrite, storedBytes, WriteQueue } from '../../client/src/lib/write-queue';
import { acceptsIdempotencyKey, isNetworkFailure, isUncertainFailure, retryDelay, sendWithRetry } from '../../client/src/lib/writes';
import { isCachedOperation, operationName, userIdOfToken } from '../../client/src/offline/page-cache';

const network = () => new GraphQLRequestError('Failed to fetch', 'network');
const coded = (code: string, extensions: Record<string, unknown> = {}) =>
  new GraphQLRequestError(`refused: ${code}`, 'graphql', code, 200, undefined, { code, ...extensions });
const noSleep = async () => {};

describe('idempotent writes', () => {
  it('knows which operations take a key, and which failures leave the outcome open', () => {
    expect(acceptsIdempotencyKey('mutation PostToThread($input: NewPostInput!, $idempotencyKey: String) { x }')).toBe(true);
    expect(acceptsIdempotencyKey('mutation TransitionTask($input: TransitionTaskInput!) { x }')).toBe(false);
    expect(isUncertainFailure(network())).toBe(true);
    expect(isUncertainFailure(coded('OUTCOME_UNKNOWN'))).toBe(true);
    expect(isUncertainFailure(coded('SERVICE_UNAVAILABLE'))).toBe(true);
    expect(isUncertainFailure(new GraphQLRequestError('HTTP 502', 'http', undefined, 502))).toBe(true);
    expect(isUncertainFailure(new GraphQLRequestError('HTTP 500', 'http', undefined, 500))).toBe(false);
    for (const code of ['CONFLICT', 'BAD_USER_INPUT', 'IDEMPOTENCY_KEY_REUSED', 'FORBIDDEN'])
      expect(isUncertainFailure(coded(code))).toBe(false);
    expect(isNetworkFailure(coded('OUTCOME_UNKNOWN'))).toBe(false);
    expect(isUncertainFailure(new Error('boom'))).toBe(false);
  });

  it('retries a lost answer with the same request, bounded, with growing delays, and reports each retry', async () => {
    const sent: number[] = [];
    const retries: Array<[number, number]> = [];
    const result = await sendWithRetry(
      async (attempt) => {
        sent.push(attempt);
        if (attempt === 1) throw network();
        if (attempt === 2) throw coded('OUTCOME_UNKNOWN');
        return 'post-1';
      },
      { sleep: noSleep, baseDelayMs: 100, onRetry: (attempt, _err, delay) => retries.push([attempt, delay]) },
    );
    expect(result).toBe('post-1');
    expect(sent).toEqual([1, 2, 3]);
    expect(retries.map(([a]) => a)).toEqual([2, 3]);
    expect(retries[0]![1]).toBeGreaterThanOrEqual(50);
    expect(retries[0]![1]).toBeLessThanOrEqual(100);
    expect(retries[1]![1]).toBeGreaterThanOrEqual(100);
    expect(retries[1]![1]).toBeLessThanOrEqual(200);
    // The ceiling holds.
    expect(retryDelay(20, 500, 8_000, () => 1)).toBe(8_000);
    expect(retryDelay(1, 500, 8_000, () => 0)).toBe(250);
  });

  it('gives up after the last attempt with its error, and never retries a coded refusal', async () => {
    let calls = 0;
    await expect(
      sendWithRetry(
        async () => {
          calls++;
          throw network();
        },
        { attempts: 3, sleep: noSleep },
      ),
    ).rejects.toMatchObject({ failure: 'network' });
    expect(calls).toBe(3);
    calls = 0;
    await expect(
      sendWithRetry(
        async () => {
          calls++;
          throw coded('CONFLICT', { currentVersion: 4, changed: ['status'] });
        },
        { sleep: noSleep },
      ),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(calls).toBe(1);
  });
});

/** A "server" for the queue: records what it received, keyed, and answers as told per call. */
function fakeServer() {
  const received: Array<{ key: unknown; body: unknown }> = [];
  const committed = new Map<unknown, string>();
  let script: Array<'ok' | 'drop-after-commit' | 'offline' | 'conflict'> = [];
  const send = async (item: QueuedWrite) => {
    const what = script.shift() ?? 'ok';
    if (what === 'offline') throw network();
    if (what === 'conflict') throw coded('CONFLICT', { currentVersion: 3, changed: ['status'] });
    received.push({ key: item.variables.idempotencyKey, body: item.summary.body });
    // An idempotent server: the same key returns the first result and creates nothing.
    if (!committed.has(item.variables.idempotencyKey)) committed.set(item.variables.idempotencyKey, `post-${committed.size + 1}`);
    if (what === 'drop-after-commit') throw network();
    return committed.get(item.variables.idempotencyKey);
  };
  return {
    received,
    committed,
    send,
    play: (s: typeof script) => {
      script = [...s];
    },
  };
}

const post = (n: number): Omit<QueuedWrite, 'state' | 'queuedAt'> => ({
  id: `key-${n}`,
  kind: 'post',
  caseId: 'case-1',
  document: 'mutation PostToThread($input: NewPostInput!, $idempotencyKey: String) { postToThread }',
  variables: { input: { caseId: 'case-1', body: `post ${n}` }, idempotencyKey: `key-${n}` },
  summary: { body: `post ${n}` },
  invalidates: ['thread:case-1'],
});

describe('the offline write queue', () => {
  it('keeps writes across a reload, sends them in order once online, each exactly once', async () => {
    const storage = memoryQueueStorage();
    const server = fakeServer();
    const first = new WriteQueue({ storage, send: server.send });
    await first.enqueue(post(1));
    await first.enqueue(post(2));
    expect(storage.items.map((i) => i.id)).toEqual(['key-1', 'key-2']);
    expect(storage.items.every((i) => i.state === 'pending')).toBe(true);

    // The tab was closed offline; a new one loads the stored queue.
    const sentOnes: string[] = [];
    const again = new WriteQueue({ storage, send: server.send, onSent: (i) => sentOnes.push(i.id) });
    server.play(['offline']);
    expect(await again.flush()).toEqual({ sent: 0, refused: 0, waiting: 2 });
    expect(again.items()).toHaveLength(2);

    // Back online: the first send commits but its answer is lost; the next flush resends the same key.
    server.play(['drop-after-commit']);
    expect(await again.flush()).toMatchObject({ sent: 0, waiting: 2 });
    expect(await again.flush()).toEqual({ sent: 2, refused: 0, waiting: 0 });
    expect(server.received.map((r) => r.key)).toEqual(['key-1', 'key-1', 'key-2']);
    expect([...server.committed.keys()]).toEqual(['key-1', 'key-2']); // nothing doubled
    expect(sentOnes).toEqual(['key-1', 'key-2']);
    expect(storage.items).toEqual([]);
  });

  it('keeps a conflicting write with the reason, goes on with the rest, and re-applies it with a new key', async () => {
    const storage = memoryQueueStorage();
    const server = fakeServer();
    let n = 0;
    const queue = new WriteQueue({ storage, send: server.send, newKey: () => `fresh-${++n}` });
    await queue.enqueue(post(1));
    await queue.enqueue(post(2));
    server.play(['conflict', 'ok']);
    expect(await queue.flush()).toEqual({ sent: 1, refused: 1, waiting: 0 });
    expect(queue.items()).toHaveLength(1);
    const [left] = queue.items();
    expect(left).toMatchObject({ id: 'key-1', state: 'conflict', error: { code: 'CONFLICT', extensions: { changed: ['status'] } } });
    expect(storage.items[0]?.state).toBe('conflict');

    // Re-apply with the current version: a new key (the input changed), then it is sent.
    const result = await queue.reapply('key-1', (v) => ({ ...v, input: { ...(v.input as object), version: 3 } }));
    expect(result).toEqual({ sent: 1, refused: 0, waiting: 0 });
    expect(server.received.at(-1)).toEqual({ key: 'fresh-1', body: 'post 1' });
    expect(queue.items()).toEqual([]);
  });

  it('discards a write the user gave up, and one flush at a time sends what was queued meanwhile', async () => {
    const storage = memoryQueueStorage();
    const server = fakeServer();
    let release: () => void = () => {};
    const gate = new Promise<void>((r) => {
      release = r;
    });
    const queue = new WriteQueue({
      storage,
      send: async (item) => {
        if (item.id === 'key-1') await gate;
        return server.send(item);
      },
    });
    await queue.enqueue(post(1));
    await queue.enqueue(post(3));
    await queue.discard('key-3');
    const flushing = queue.flush();
    await queue.enqueue(post(2));
    const second = queue.flush(); // joins the running flush, which runs another pass
    release();
    await Promise.all([flushing, second]);
    expect(server.received.map((r) => r.key)).toEqual(['key-1', 'key-2']);
    expect(queue.items()).toEqual([]);
  });
});

describe('the offline queue limit', () => {
  it('refuses a write past the count limit, stores nothing of it, and takes writes again once some were sent', async () => {
    const storage = memoryQueueStorage();
    const server = fakeServer();
    const queue = new WriteQueue({ storage, send: server.send, limits: { maxItems: 2, maxBytes: 1_000_000 } });
    await queue.enqueue(post(1));
    await queue.enqueue(post(2));
    const refused = await queue.enqueue(post(3)).catch((err: unknown) => err);
    expect(refused).toBeInstanceOf(QueueFullError);
    expect(refused).toMatchObject({ code: 'QUEUE_FULL', reason: 'count', limits: { maxItems: 2 } });
    expect(queue.items().map((i) => i.id)).toEqual(['key-1', 'key-2']);
    expect(storage.items.map((i) => i.id)).toEqual(['key-1', 'key-2']);
    // A refused write still counts: it stays stored until sent or discarded.
    server.play(['conflict', 'offline']);
    await queue.flush();
    expect(queue.items().map((i) => i.state)).toEqual(['conflict', 'pending']);
    await expect(queue.enqueue(post(3))).rejects.toBeInstanceOf(QueueFullError);
    await queue.discard('key-1');
    await queue.enqueue(post(3));
    expect(storage.items.map((i) => i.id)).toEqual(['key-2', 'key-3']);
  });

  it('refuses a write that would take the stored queue past the byte limit, counting UTF-8 bytes', async () => {
    const storage = memoryQueueStorage();
    const one = { ...post(1), queuedAt: '2027-01-01T00:00:00.000Z' };
    const size = storedBytes([{ ...one, state: 'pending' }]);
    const queue = new WriteQueue({ storage, send: fakeServer().send, limits: { maxItems: 100, maxBytes: size + 10 } });
    await queue.enqueue(one);
    expect(storage.items).toHaveLength(1);
    // Vietnamese letters take 2–3 bytes each: a post of 10 characters is more than 10 bytes.
    const tooBig = { ...post(2), summary: { body: 'Đề nghị' } };
    await expect(queue.enqueue(tooBig)).rejects.toMatchObject({ reason: 'bytes' });
    expect(storage.items.map((i) => i.id)).toEqual(['key-1']);
    expect(storedBytes([{ ...one, state: 'pending', summary: { body: 'ệ' } }])).toBe(
      storedBytes([{ ...one, state: 'pending', summary: { body: 'e' } }]) + 2,
    );
  });

  it('tells the user in Vietnamese and English that the write was not kept', () => {
    const t = (lang: Lang): Translate =>
      Object.assign((key: Parameters<Translate>[0], params?: Parameters<Translate>[1]) => translate(lang, key, params), { lang });
    const count = new QueueFullError('count', { maxItems: 100, maxBytes: 512 * 1024 });
    const bytes = new QueueFullError('bytes', { maxItems: 100, maxBytes: 512 * 1024 });
    expect(errorText(count, t('vi'))).toContain('Hàng chờ gửi đã đầy (100 việc): việc này CHƯA được lưu.');
    expect(errorText(bytes, t('vi'))).toContain('tối đa 512 KB');
    expect(errorText(count, t('en'))).toContain('this one was NOT saved');
  });

  it('uses limits by default', async () => {
    const queue = new WriteQueue({ storage: memoryQueueStorage(), send: fakeServer().send });
    const huge = { ...post(1), summary: { body: 'x'.repeat(600 * 1024) } };
    await expect(queue.enqueue(huge)).rejects.toMatchObject({ reason: 'bytes' });
    for (let n = 1; n <= 100; n++) await queue.enqueue(post(n));
    await expect(queue.enqueue(post(101))).rejects.toMatchObject({ reason: 'count' });
  });
});

describe('offline page copies', () => {
  it('keeps only the case page queries, keyed by the user inside the token', () => {
    expect(operationName('query CaseThread($caseId: ID!) { x }')).toBe('CaseThread');
    expect(isCachedOperation('query CaseDetail($id: ID!) { case }')).toBe(true);
    expect(isCachedOperation('query Cases { cases }')).toBe(false);
    expect(isCachedOperation('mutation PostToThread { x }')).toBe(false);
    const payload = Buffer.from(JSON.stringify({ sub: '6f1c1f0e-2d7a-4a35-9a43-1f2e3d4c5b6a', tv: 1 })).toString('base64url');
    expect(userIdOfToken(`h.${payload}.s`)).toBe('6f1c1f0e-2d7a-4a35-9a43-1f2e3d4c5b6a');
    expect(userIdOfToken('not-a-token')).toBeNull();
    expect(userIdOfToken(null)).toBeNull();
  });
});
