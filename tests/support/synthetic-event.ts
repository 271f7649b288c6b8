import type { NewEvent } from '../../server/src/events/vocabulary';

/**
 * An event of a type outside the vocabulary ("test.*"), for tests of the log itself — hash chains,
 * cursors, routing, delivery — which must not depend on any product event's payload. The product
 * cannot emit these: only tests, through this one cast.
 */
export function syntheticEvent(e: {
  type: string;
  stream: string;
  actorId?: string | null;
  topics: string[];
  payload: Record<string, unknown>;
}): NewEvent {
  return { actorId: null, ...e } as unknown as NewEvent;
}
