import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../../auth/viewer';
import type { Outbox } from '../../events/outbox';
import { streams, topics } from '../../events/vocabulary';

/** One read of restricted personal data: which subject and which field. */
export interface PersonalDataRead {
  subjectType: 'user' | 'party' | 'invitee';
  subjectId: string;
  field: string;
}

/**
 * Records every read of restricted personal data (ND 13/2023) in the event log. Reads resolved in
 * the same tick (a page of 50 users) are batched into one `personalData.read` event, committed (one
 * autocommitted statement, see Outbox.record) before the value is returned — no value leaves without its audit row.
 */
export function createPersonalDataReads(em: EntityManager, outbox: Outbox, viewer: Viewer | null) {
  return new DataLoader<PersonalDataRead, true, string>(
    async (reads) => {
      if (!viewer) throw new Error('personal data read without a viewer');
      // One autocommitted statement (no BEGIN/COMMIT round trips, the stream head locked only for it).
      await outbox.record(em.fork(), {
        type: 'personalData.read',
        stream: streams.user(viewer.userId),
        actorId: viewer.userId,
        // Audit only: a person's own reads are not news for their work feed.
        topics: [topics.audit],
        payload: { reads: reads.map((r) => ({ ...r })) },
      });
      return reads.map(() => true as const);
    },
    {
      cacheKeyFn: (r) => `${r.subjectType}:${r.subjectId}:${r.field}`,
      // Field resolvers reach their restricted reads after different numbers of awaits; waiting for
      // the next macrotask gathers a whole page's reads into one event instead of a few.
      batchScheduleFn: (dispatch) => setImmediate(dispatch),
    },
  );
}

export type PersonalDataReads = ReturnType<typeof createPersonalDataReads>;
