import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../server/src/app';
import { createContext, forgetOperationState, holdsLoaders } from '../../server/src/graphql/context';
import { createLogger } from '../../server/src/logger';
import { createTestDatabase, startTestApp } from '../support/harness';

/**
 * Issue 12 (heap per idle socket): a context builds its ~20 DataLoaders on first use only, and a
 * subscription's shared context drops them after each event, so an idle subscription holds none.
 * No timing involved: it checks what the context retains.
 */
let app: App;
beforeAll(async () => {
  app = await startTestApp(await createTestDatabase());
});
afterAll(async () => {
  await app?.close();
});

describe('lazy per-operation state of a GraphQL context', () => {
  it('holds no loaders until one is used, and none again after forgetOperationState', async () => {
    const ctx = createContext(app.services, { requestId: randomUUID(), viewer: null, ip: '127.0.0.1', logger: createLogger('silent') });
    expect(holdsLoaders(ctx)).toBe(false);

    const loaders = ctx.loaders;
    expect(holdsLoaders(ctx)).toBe(true);
    expect(ctx.loaders).toBe(loaders); // one set per operation, not one per access
    expect(await loaders.userById.load(randomUUID())).toBeNull(); // a real query through the context's fork

    forgetOperationState(ctx);
    expect(holdsLoaders(ctx)).toBe(false);
    expect(ctx.loaders).not.toBe(loaders); // the next event gets fresh loaders (no cache carried over)
  });
});
