import { getNamedType, isLeafType, isObjectType } from 'graphql';
import { getMetadataStorage } from 'type-graphql';
import { describe, expect, it } from 'vitest';
import { createSchema } from '../../server/src/graphql/schema';
import { LiveEventType, VIEWER_INDEPENDENT_SUBSCRIPTIONS } from '../../server/src/modules/live/live.types';
import { PostType } from '../../server/src/modules/threads/thread.types';

/**
 * The WebSocket server executes an event once per selection and shares the result among every
 * subscriber of the subscriptions in VIEWER_INDEPENDENT_SUBSCRIPTIONS (graphql/ws-shared-results.ts).
 * That is safe only while their result can depend on nothing but the event and the selection. This
 * pins the shape that guarantees it, so a change that would make a shared result viewer-dependent —
 * a nested object (whose fields could resolve per viewer), a field with arguments, or a field resolver
 * (which could read the context) on the event type — fails here instead of leaking one subscriber's
 * answer to another.
 */

/** Classes with a type-graphql @FieldResolver (a resolver class bound to them). */
function classesWithFieldResolvers(): Set<Function> {
  const storage = getMetadataStorage();
  const bound = new Set<Function>();
  for (const fieldResolver of storage.fieldResolvers) {
    const owner = storage.resolverClasses.find((c) => c.target === fieldResolver.target);
    const objectType = fieldResolver.getObjectType?.() ?? owner?.getObjectType();
    if (objectType) bound.add(objectType as Function);
  }
  return bound;
}

describe('live events shared among subscribers are viewer-independent', () => {
  it('every shared subscription returns a flat LiveEvent: leaf fields without arguments', async () => {
    const schema = await createSchema();
    const subscription = schema.getSubscriptionType()!;
    expect(VIEWER_INDEPENDENT_SUBSCRIPTIONS.size).toBeGreaterThan(0);
    for (const name of VIEWER_INDEPENDENT_SUBSCRIPTIONS) {
      const field = subscription.getFields()[name];
      expect(field, `Subscription.${name}`).toBeDefined();
      const type = getNamedType(field.type);
      expect(type.name, `Subscription.${name}`).toBe('LiveEvent');
      if (!isObjectType(type)) throw new Error('LiveEvent is not an object type');
      const notFlat = Object.values(type.getFields())
        .filter((f) => !isLeafType(getNamedType(f.type)) || f.args.length > 0)
        .map((f) => f.name);
      expect(notFlat, 'LiveEvent fields that are not plain leaf values').toEqual([]);
    }
  });

  it('LiveEvent has no field resolver (every field is a property of the event read as it is)', () => {
    const bound = classesWithFieldResolvers();
    // The check itself works: the thread's post type has field resolvers (author, unread, …).
    expect(bound.has(PostType)).toBe(true);
    expect(bound.has(LiveEventType)).toBe(false);
  });
});
