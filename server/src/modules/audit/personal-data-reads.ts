import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../../auth/viewer';
import type { BoundSql } from '../../events/event-log';
import type { Outbox } from '../../events/outbox';
import { streams, topics } from '../../events/vocabulary';

/** One read of restricted personal data: which subject and which field. */
export interface PersonalDataRead {
  subjectType: 'user' | 'party' | 'invitee';
  subjectId: string;
  field: string;
}

/** Where each restricted field is stored: table and column per subject type and field. */
const RESTRICTED_COLUMNS: Record<PersonalDataRead['subjectType'], { table: string; columns: Record<string, string> }> = {
  party: { table: 'case_party', columns: { idNumber: 'id_number', phone: 'phone' } },
  user: { table: 'app_user', columns: { phone: 'phone' } },
  invitee: { table: 'action_invitee', columns: { phone: 'phone' } },
};

/**
 * The query reading exactly the fields `reads` name (one `union all` arm per subject type and field,
 * nothing else), as rows (t, id, field, value).
 */
function restrictedValuesSql(reads: readonly PersonalDataRead[]): BoundSql {
  const idsOf = new Map<string, { subjectType: PersonalDataRead['subjectType']; field: string; ids: Set<string> }>();
  for (const r of reads) {
    const key = `${r.subjectType}:${r.field}`;
    if (!RESTRICTED_COLUMNS[r.subjectType]?.columns[r.field]) throw new Error(`personal data read of an unknown field ${key}`);
    let entry = idsOf.get(key);
    if (!entry) idsOf.set(key, (entry = { subjectType: r.subjectType, field: r.field, ids: new Set() }));
    entry.ids.add(r.subjectId);
  }
  const arms: string[] = [];
  const params: unknown[] = [];
  for (const { subjectType, field, ids } of idsOf.values()) {
    const { table, columns } = RESTRICTED_COLUMNS[subjectType];
    // Names come from the constant map above, never from the request.
    arms.push(`select '${subjectType}' as t, x.id::text as id, '${field}' as field, x.${columns[field]}::text as value
                 from ${table} x where x.id = any(?::uuid[])`);
    params.push(`{${[...ids].join(',')}}`);
  }
  return { sql: arms.join(' union all '), params };
}

/**
 * Reads restricted personal data (ND 13/2023) and records every read in the event log. Reads resolved
 * in the same tick (a page of 50 parties) are batched into one `personalData.read` event; the values
 * are read in the SAME autocommitted statement as the event is appended (Outbox.recordReading), so no
 * value leaves without its committed audit row and a page's reads cost one round trip. Each read
 * resolves to the field's value (null when empty or the subject is gone). The caller decides first,
 * through the policy, that the viewer may read the field: this only reads and audits.
 */
export function createPersonalDataReads(em: EntityManager, outbox: Outbox, viewer: Viewer | null) {
  return new DataLoader<PersonalDataRead, string | null, string>(
    async (reads) => {
      if (!viewer) throw new Error('personal data read without a viewer');
      const rows = await outbox.recordReading(
        em.fork(),
        {
          type: 'personalData.read',
          stream: streams.user(viewer.userId),
          actorId: viewer.userId,
          // Audit only: a person's own reads are not news for their work feed.
          topics: [topics.audit],
          payload: { reads: reads.map((r) => ({ subjectType: r.subjectType, subjectId: r.subjectId, field: r.field })) },
        },
        restrictedValuesSql(reads),
      );
      const values = new Map(rows.map((r) => [`${r.t}:${r.id}:${r.field}`, (r.value as string | null) ?? null]));
      return reads.map((r) => values.get(`${r.subjectType}:${r.subjectId}:${r.field}`) ?? null);
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
