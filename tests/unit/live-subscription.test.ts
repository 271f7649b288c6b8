import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Client, FormattedExecutionResult, Sink, SubscribePayload } from 'graphql-ws';
import {
  CursorTracker,
  RESYNC_REQUIRED,
  compareCursors,
  isResyncRequired,
  parseCursor,
  subscribeWithResume,
  type LiveSubscriptionError,
} from '../../client/src/lib/live-subscription';

const cursor = (tx: bigint | number, id: bigint | number) => `${tx}.${id}`;
const u64 = fc.bigInt({ min: 0n, max: 2n ** 64n - 1n });

describe('compareCursors', () => {
  it('orders by transaction id first, then by event id', () => {
    expect(compareCursors('5.9', '6.1')).toBeLessThan(0);
    expect(compareCursors('6.1', '5.9')).toBeGreaterThan(0);
    expect(compareCursors('6.1', '6.2')).toBeLessThan(0);
    expect(compareCursors('6.2', '6.2')).toBe(0);
  });

  it('compares numerically, not as strings', () => {
    expect(compareCursors('10.1', '9.5')).toBeGreaterThan(0);
    expect(compareCursors('7.10', '7.9')).toBeGreaterThan(0);
    expect(compareCursors('007.1', '7.1')).toBe(0);
  });

  it('stays exact beyond 2^53', () => {
    const big = 2n ** 63n;
    expect(compareCursors(cursor(big, 1), cursor(big + 1n, 1))).toBeLessThan(0);
    expect(compareCursors(cursor(1, 9007199254740993n), cursor(1, 9007199254740992n))).toBeGreaterThan(0);
  });

  it('agrees with lexicographic order of the (txId, id) bigint pair', () => {
    fc.assert(
      fc.property(u64, u64, u64, u64, (aTx, aId, bTx, bId) => {
        const expected = aTx === bTx ? Math.sign(Number(aId - bId)) : aTx < bTx ? -1 : 1;
        expect(Math.sign(compareCursors(cursor(aTx, aId), cursor(bTx, bId)))).toBe(expected);
        expect(Math.sign(compareCursors(cursor(bTx, bId), cursor(aTx, aId)))).toBe(-expected);
      }),
    );
  });

  it('orders log positions numerically, and every legacy "<txId>.<id>" cursor before every position', () => {
    expect(compareCursors('9', '10')).toBeLessThan(0);
    expect(compareCursors('10', '10')).toBe(0);
    expect(compareCursors('9223372036854775807', '9223372036854775806')).toBeGreaterThan(0);
    expect(compareCursors('999999.999999', '1')).toBeLessThan(0);
    expect(compareCursors('1', '999999.999999')).toBeGreaterThan(0);
    const tracker = new CursorTracker('812.44'); // a cursor kept from before the upgrade
    expect(tracker.accept('3')).toBe(true);
    expect(tracker.accept('3')).toBe(false);
    expect(tracker.accept('4')).toBe(true);
  });

  it.each(['', '1a', '1.', '.1', '1.2.3', '-1.2', '1.-2', 'a.b', '1.2 ', '1,2'])('rejects the malformed cursor %j', (bad) => {
    expect(() => compareCursors(bad, '1.1')).toThrow(TypeError);
    expect(() => parseCursor(bad)).toThrow(/Invalid event cursor/);
  });
});

describe('CursorTracker', () => {
  it('accepts strictly increasing cursors and drops duplicates and older ones', () => {
    const tracker = new CursorTracker();
    expect(tracker.lastCursor).toBeUndefined();
    expect(tracker.accept('3.1')).toBe(true);
    expect(tracker.accept('3.1')).toBe(false);
    expect(tracker.accept('2.9')).toBe(false);
    expect(tracker.accept('3.2')).toBe(true);
    expect(tracker.accept('10.1')).toBe(true);
    expect(tracker.lastCursor).toBe('10.1');
  });

  it('treats the starting `after` as already seen', () => {
    const tracker = new CursorTracker('5.5');
    expect(tracker.accept('5.5')).toBe(false);
    expect(tracker.accept('5.4')).toBe(false);
    expect(tracker.accept('5.6')).toBe(true);
  });

  it('rejects a malformed starting cursor and malformed event cursors', () => {
    expect(() => new CursorTracker('x')).toThrow(TypeError);
    const tracker = new CursorTracker();
    expect(() => tracker.accept('nope')).toThrow(TypeError);
    expect(tracker.lastCursor).toBeUndefined();
  });

  it('leaves `after` out of the variables until a cursor is known, then resumes from the last one', () => {
    const tracker = new CursorTracker();
    expect(tracker.resumeVariables({ caseId: 'c1' })).toEqual({ caseId: 'c1' });
    expect('after' in tracker.resumeVariables({ caseId: 'c1', after: 'stale' })).toBe(false);
    tracker.accept('4.2');
    expect(tracker.resumeVariables({ caseId: 'c1' })).toEqual({ caseId: 'c1', after: '4.2' });
    expect(tracker.resumeVariables({ caseId: 'c1', after: '1.1' })).toEqual({ caseId: 'c1', after: '4.2' });
  });

  it('delivers each event exactly once when a replay after reconnecting overlaps what was seen', () => {
    const tracker = new CursorTracker();
    const delivered: string[] = [];
    const feed = (cursors: string[]) => cursors.forEach((c) => tracker.accept(c) && delivered.push(c));
    feed(['1.1', '1.2', '2.1', '3.1']);
    // The socket dropped; the server replays from an older point and goes live.
    feed(['2.1', '3.1', '3.2', '4.1']);
    feed(['4.1', '5.1']);
    expect(delivered).toEqual(['1.1', '1.2', '2.1', '3.1', '3.2', '4.1', '5.1']);
  });

  it('delivers any interleaving of duplicates as the sorted set of distinct cursors', () => {
    const pair = fc.tuple(fc.bigInt({ min: 0n, max: 50n }), fc.bigInt({ min: 0n, max: 5n }));
    fc.assert(
      fc.property(fc.array(pair, { maxLength: 60 }), (pairs) => {
        const tracker = new CursorTracker();
        const delivered = pairs.map(([tx, id]) => cursor(tx, id)).filter((c) => tracker.accept(c));
        // Delivered cursors are strictly increasing: no duplicate, no step back.
        for (let i = 1; i < delivered.length; i++) expect(compareCursors(delivered[i - 1]!, delivered[i]!)).toBeLessThan(0);
      }),
    );
  });
});

interface CaseEvent {
  cursor: string;
  kind: string;
}
type CaseEventsData = { caseEvents: CaseEvent };

/**
 * A stand-in for a graphql-ws client: it behaves like graphql-ws on reconnect (it re-sends the very
 * payload object it was given) and lets the test push server messages. No socket involved.
 */
function fakeClient() {
  let payload: SubscribePayload | undefined;
  let sink: Sink<FormattedExecutionResult<CaseEventsData>> | undefined;
  const sent: Array<Record<string, unknown> | null | undefined> = [];
  let disposed = 0;
  const client = {
    subscribe(p: SubscribePayload, s: Sink<FormattedExecutionResult<CaseEventsData>>) {
      payload = p;
      sink = s;
      sent.push(JSON.parse(JSON.stringify(p)).variables);
      return () => {
        disposed++;
      };
    },
  } as unknown as Client;
  return {
    client,
    sent,
    disposed: () => disposed,
    /** The socket dropped and came back: graphql-ws subscribes again with the same payload object. */
    reconnect: () => sent.push(JSON.parse(JSON.stringify(payload)).variables),
    next: (result: FormattedExecutionResult<CaseEventsData>) => sink!.next(result),
    event: (c: string, kind = 'NOTE') => sink!.next({ data: { caseEvents: { cursor: c, kind } } }),
    error: (cause: unknown) => sink!.error(cause),
    complete: () => sink!.complete(),
  };
}

function collect(fake: ReturnType<typeof fakeClient>, after?: string) {
  const events: string[] = [];
  const errors: LiveSubscriptionError[] = [];
  const resyncs: LiveSubscriptionError[] = [];
  let completed = 0;
  const sub = subscribeWithResume<CaseEventsData, { caseId: string; after?: string | null }, CaseEvent>({
    client: fake.client,
    query: 'subscription CaseEvents($caseId: ID!, $after: String) { caseEvents(caseId: $caseId, after: $after) { cursor kind } }',
    variables: { caseId: 'c1' },
    after,
    select: (d) => d.caseEvents,
    cursorOf: (e) => e.cursor,
    onEvent: (e) => events.push(e.cursor),
    onResync: (e) => resyncs.push(e),
    onError: (e) => errors.push(e),
    onComplete: () => completed++,
  });
  return { sub, events, errors, resyncs, completed: () => completed };
}

describe('subscribeWithResume bookkeeping (fake client, no socket)', () => {
  it('resubscribes after a reconnect with `after` set to the last delivered cursor', () => {
    const fake = fakeClient();
    const { sub, events } = collect(fake);
    expect(fake.sent[0]).toEqual({ caseId: 'c1' });
    fake.event('7.1');
    fake.event('7.2');
    fake.reconnect();
    expect(fake.sent[1]).toEqual({ caseId: 'c1', after: '7.2' });
    // The replay overlaps: only new events reach the app.
    fake.event('7.2');
    fake.event('8.1');
    expect(events).toEqual(['7.1', '7.2', '8.1']);
    expect(sub.lastCursor()).toBe('8.1');
  });

  it('starts after the given cursor', () => {
    const fake = fakeClient();
    const { events } = collect(fake, '3.3');
    expect(fake.sent[0]).toEqual({ caseId: 'c1', after: '3.3' });
    fake.event('3.3');
    fake.event('3.4');
    expect(events).toEqual(['3.4']);
  });

  it('calls onResync (not onError) when the server answers RESYNC_REQUIRED in a result', () => {
    const fake = fakeClient();
    const { events, errors, resyncs } = collect(fake, '1.1');
    fake.next({ errors: [{ message: 'Cần tải lại dữ liệu', extensions: { code: RESYNC_REQUIRED } }] });
    expect(resyncs).toHaveLength(1);
    expect(resyncs[0]!.code).toBe(RESYNC_REQUIRED);
    expect(errors).toEqual([]);
    expect(fake.disposed()).toBe(1);
    fake.event('9.9');
    expect(events).toEqual([]);
  });

  it('calls onResync when RESYNC_REQUIRED arrives as an error message', () => {
    const fake = fakeClient();
    const { resyncs, errors } = collect(fake);
    fake.error([{ message: 'Con trỏ quá cũ', extensions: { code: RESYNC_REQUIRED } }]);
    expect(resyncs.map((r) => r.message)).toEqual(['Con trỏ quá cũ']);
    expect(errors).toEqual([]);
  });

  it('reports other server errors with their code and message', () => {
    const fake = fakeClient();
    const { errors, resyncs } = collect(fake);
    fake.error([{ message: 'Không có quyền', extensions: { code: 'FORBIDDEN' } }]);
    expect(errors).toMatchObject([{ code: 'FORBIDDEN', message: 'Không có quyền' }]);
    expect(resyncs).toEqual([]);
  });

  it('reports a connection closed for good with its close code, and 4401 as UNAUTHENTICATED', () => {
    const fake = fakeClient();
    const { errors } = collect(fake);
    fake.error({ code: 4401, reason: 'Phiên đăng nhập đã hết hạn', wasClean: true });
    expect(errors).toMatchObject([{ code: 'UNAUTHENTICATED', closeCode: 4401, message: 'Phiên đăng nhập đã hết hạn' }]);
  });

  it('reports a malformed cursor instead of delivering the event', () => {
    const fake = fakeClient();
    const { events, errors } = collect(fake);
    fake.event('not-a-cursor');
    fake.event('2.1');
    expect(events).toEqual(['2.1']);
    expect(errors).toHaveLength(1);
  });

  it('keeps going when onEvent throws, reporting the error once', () => {
    const fake = fakeClient();
    const errors: LiveSubscriptionError[] = [];
    const seen: string[] = [];
    subscribeWithResume<CaseEventsData, { caseId: string }, CaseEvent>({
      client: fake.client,
      query: 'subscription { caseEvents { cursor kind } }',
      select: (d) => d.caseEvents,
      cursorOf: (e) => e.cursor,
      onEvent: (e) => {
        seen.push(e.cursor);
        if (e.cursor === '1.1') throw new Error('boom');
      },
      onResync: () => {},
      onError: (e) => errors.push(e),
    });
    expect(() => fake.event('1.1')).not.toThrow();
    fake.event('1.2');
    expect(seen).toEqual(['1.1', '1.2']);
    expect(errors.map((e) => e.message)).toEqual(['boom']);
  });

  it('stops delivering after unsubscribe and calls no completion callback for it', () => {
    const fake = fakeClient();
    const { sub, events, completed } = collect(fake);
    fake.event('1.1');
    sub.unsubscribe();
    sub.unsubscribe();
    fake.event('1.2');
    fake.complete();
    expect(events).toEqual(['1.1']);
    expect(fake.disposed()).toBe(1);
    expect(completed()).toBe(0);
  });

  it('tells the caller when the server completes the subscription', () => {
    const fake = fakeClient();
    const { completed } = collect(fake);
    fake.complete();
    expect(completed()).toBe(1);
  });
});

describe('isResyncRequired', () => {
  it('recognises the code among several errors and nothing else', () => {
    expect(isResyncRequired([{ message: 'a' }, { message: 'b', extensions: { code: RESYNC_REQUIRED } }])).toBe(true);
    expect(isResyncRequired([{ message: 'a', extensions: { code: 'FORBIDDEN' } }])).toBe(false);
    expect(isResyncRequired(new Error(RESYNC_REQUIRED))).toBe(false);
    expect(isResyncRequired(undefined)).toBe(false);
  });
});
