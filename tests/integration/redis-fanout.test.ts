import { afterAll, beforeAll, describe, expect } from 'vitest';
import type { App } from '../../server/src/app';
import type { StoredEvent } from '../../server/src/events/event-log';
import { eventually, itWithRedis, redisUrl } from '../support/harness';
import { startTwoInstances, type TwoInstances } from '../support/instances';
import { syntheticEvent } from '../support/synthetic-event';

/**
 * Two instances in one process against one PostgreSQL and one real Redis. The poll interval is set
 * far beyond the test's patience, so only the Redis wake-up can carry an event across in time.
 */
describe('event fan-out across instances through Redis', () => {
  let a: App | undefined;
  let b: App | undefined;
  let instances: TwoInstances | undefined;
  beforeAll(async () => {
    if (!redisUrl()) return;
    instances = await startTwoInstances({ REDIS_URL: redisUrl(), EVENT_POLL_MS: 60_000 });
    ({ a, b } = instances);
  });
  afterAll(async () => {
    await instances?.close();
  });

  itWithRedis('an event committed on instance A reaches a listener on instance B, routed by topic', async () => {
    expect(a!.bus.kind).toBe('redis');
    const ready = (await (await fetch(`${b!.url}/readyz`)).json()) as { checks: { bus: boolean } };
    expect(ready.checks.bus).toBe(true);
    const onB: StoredEvent[] = [];
    const elsewhere: StoredEvent[] = [];
    b!.services.dispatcher.subscribe(['case:fanout-1'], (e) => onB.push(e));
    b!.services.dispatcher.subscribe(['case:unrelated'], (e) => elsewhere.push(e));
    for (let i = 0; i < 5; i++) {
      await a!.services.outbox.transaction(a!.orm.em.fork(), (tx) =>
        tx.emit(syntheticEvent({ type: 'test.fanout', stream: 'case:fanout-1', actorId: null, topics: ['case:fanout-1'], payload: { i } })),
      );
    }
    await eventually(() => onB.length === 5, 'five events on instance B', 5_000);
    expect(onB.map((e) => e.payload.i)).toEqual([0, 1, 2, 3, 4]);
    expect(elsewhere).toHaveLength(0);
  });

  itWithRedis(
    'one event costs the deployment one sequencer pass: the writer numbers it and announces it, the peer only reads',
    async () => {
      const onB: StoredEvent[] = [];
      b!.services.dispatcher.subscribe(['case:fanout-2'], (e) => onB.push(e));
      await eventually(() => a!.services.dispatcher.status().lagEvents === 0 && b!.services.dispatcher.status().lagEvents === 0, 'idle');
      const before = { a: { ...a!.services.dispatcher.work }, b: { ...b!.services.dispatcher.work } };
      await a!.services.outbox.transaction(a!.orm.em.fork(), (tx) =>
        tx.emit(
          syntheticEvent({ type: 'test.fanout', stream: 'case:fanout-2', actorId: null, topics: ['case:fanout-2'], payload: { i: 0 } }),
        ),
      );
      await eventually(() => onB.length === 1, 'the event on instance B', 5_000);
      // A's own announcement comes back to A through Redis as well: give it time to be (not) acted on.
      await new Promise((resolve) => setTimeout(resolve, 200));
      const after = { a: a!.services.dispatcher.work, b: b!.services.dispatcher.work };
      expect(after.a.sequencerPasses - before.a.sequencerPasses).toBe(1);
      expect(after.a.logReads - before.a.logReads).toBe(1);
      expect(after.b.sequencerPasses - before.b.sequencerPasses).toBe(0);
      expect(after.b.logReads - before.b.logReads).toBe(1);
      expect(b!.services.dispatcher.status().position).toBe(a!.services.dispatcher.status().position);
    },
  );
});
