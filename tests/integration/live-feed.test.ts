import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../server/src/app';
import { AppError } from '../../server/src/errors';
import type { StoredEvent } from '../../server/src/events/event-log';
import { liveFeed } from '../../server/src/events/live-feed';
import { createTestDatabase, startTestApp } from '../support/harness';
import { syntheticEvent } from '../support/synthetic-event';

/**
 * The live feed's own orderings (server/src/events/live-feed.ts), on one instance with its real dispatcher:
 * verdicts known at once and verdicts that must wait, two pulls at once, a refusal that ends the feed.
 */
let app: App;
beforeAll(async () => {
  app = await startTestApp(await createTestDatabase());
});
afterAll(async () => {
  await app?.close();
});

let topicSeq = 0;
const newTopic = () => `case:live-feed-${process.pid}-${++topicSeq}`;

const emit = (topic: string, n: number) =>
  app.services.outbox.transaction(app.orm.em.fork(), (tx) =>
    tx.emit(syntheticEvent({ type: 'test.feed', stream: topic, actorId: null, topics: [topic], payload: { n } })),
  );

const feedOf = (topic: string, authorize: (events: readonly StoredEvent[]) => readonly boolean[] | Promise<readonly boolean[]>) =>
  liveFeed({
    em: () => app.orm.em.fork(),
    dispatcher: app.services.dispatcher,
    topics: [topic as `case:${string}`],
    after: null,
    authorize,
    denied: () => new AppError('FORBIDDEN', 'refused'),
    retentionDays: 30,
  });

/** The next `count` values of `feed`, failing after `ms`. */
async function take(feed: AsyncIterator<StoredEvent>, count: number, ms = 5000): Promise<number[]> {
  const out: number[] = [];
  const deadline = Date.now() + ms;
  while (out.length < count) {
    const step = await Promise.race([
      feed.next(),
      new Promise<never>((_, reject) =>
        setTimeout(() => reject(new Error(`only ${out.length} of ${count} events`)), deadline - Date.now()),
      ),
    ]);
    if (step.done) throw new Error(`the feed ended after ${out.length} events`);
    out.push(step.value.payload.n as number);
  }
  return out;
}

describe('live feed', () => {
  it('an event whose check must wait holds the later ones back: every event once, in order', async () => {
    const topic = newTopic();
    let calls = 0;
    const feed = feedOf(topic, (events) => {
      calls++;
      // The first check waits (facts being loaded); the later ones are answered at once.
      if (calls === 1) return new Promise((resolve) => setTimeout(() => resolve(events.map(() => true)), 200));
      return events.map(() => true);
    });
    const first = take(feed, 5);
    for (let n = 0; n < 5; n++) await emit(topic, n);
    expect(await first).toEqual([0, 1, 2, 3, 4]);
    expect(calls).toBeGreaterThanOrEqual(2); // the events behind the waiting check were checked after it
    await feed.return?.(undefined);
  });

  it('answers two pulls asked at once with the next two events, in order', async () => {
    const topic = newTopic();
    const feed = feedOf(topic, (events) => events.map(() => true));
    const a = feed.next();
    const b = feed.next();
    await emit(topic, 0);
    await emit(topic, 1);
    const [first, second] = await Promise.all([a, b]);
    expect([first.value?.payload.n, second.value?.payload.n]).toEqual([0, 1]);
    await feed.return?.(undefined);
  });

  it('a refused event ends the feed with the refusal, after every allowed event before it, and nothing after', async () => {
    const topic = newTopic();
    const feed = feedOf(topic, (events) => events.map((e) => (e.payload.n as number) < 2));
    const before = take(feed, 2);
    for (let n = 0; n < 4; n++) await emit(topic, n);
    expect(await before).toEqual([0, 1]);
    await expect(feed.next()).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect((await feed.next()).done).toBe(true);
  });

  it('a pull waiting when the consumer unsubscribes ends, and the feed stops listening', async () => {
    const topic = newTopic();
    const feed = feedOf(topic, (events) => events.map(() => true));
    const waiting = feed.next();
    const topicsBefore = app.services.dispatcher.topicCount;
    await feed.return?.(undefined);
    expect((await waiting).done).toBe(true);
    expect(app.services.dispatcher.topicCount).toBe(topicsBefore - 1);
  });
});
