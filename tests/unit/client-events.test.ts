/// <reference lib="dom" />
// Typed live events in the client (issue 10): every EventKind of the API has its tags and its labels.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema, type GraphQLEnumType } from 'graphql';
import { describe, expect, it } from 'vitest';
import type { EventKind } from '../../client/src/gql/graphql';
import { translate } from '../../client/src/i18n';
import { eventKindOfType, eventsEn, eventsVi } from '../../client/src/i18n-events';
import { tags, tagsForEvent } from '../../client/src/lib/event-tags';
import { ALL_EVENT_TYPES, eventKindName } from '../../server/src/events/vocabulary';
import { PROJECT_ROOT } from '../../server/src/paths';

/** Every value of the EventKind enum, read from the committed SDL (not from the client's own lists). */
const schema = buildSchema(readFileSync(join(PROJECT_ROOT, 'schema', 'schema.graphql'), 'utf8'));
const KINDS = (schema.getType('EventKind') as GraphQLEnumType).getValues().map((v) => v.name as EventKind);
const CASE = '00000000-0000-4000-8000-000000000001';
const caseSections = [tags.case(CASE), tags.thread(CASE), tags.tasks(CASE), tags.actions(CASE)];

describe('client live events: tagsForEvent over every EventKind', () => {
  it('the schema lists every event type of the server vocabulary', () => {
    expect(KINDS.length).toBe(ALL_EVENT_TYPES.length);
    expect(KINDS.length).toBeGreaterThan(50);
  });

  it.each(KINDS)('%s: the inbox, no duplicate tag, only tags of its own case', (kind) => {
    const out = tagsForEvent(kind, CASE);
    expect(out[0]).toBe(tags.inbox);
    expect(new Set(out).size).toBe(out.length);
    for (const tag of out) expect([tags.inbox, tags.cases, ...caseSections]).toContain(tag);
    // Without a case no case section can be named.
    for (const tag of tagsForEvent(kind, null)) expect([tags.inbox, tags.cases]).toContain(tag);
  });

  it('each family refreshes the sections it changes, and no more', () => {
    for (const kind of KINDS) {
      const out = tagsForEvent(kind, CASE);
      if (kind.startsWith('THREAD_')) expect(out, kind).toEqual([tags.inbox, tags.thread(CASE), tags.cases]);
      else if (kind.startsWith('TASK_')) expect(out, kind).toEqual([tags.inbox, tags.tasks(CASE)]);
      else if (kind.startsWith('ACTION_')) expect(out, kind).toEqual([tags.inbox, tags.actions(CASE), tags.case(CASE), tags.cases]);
      else if (kind === 'CASE_SHARED' || kind === 'CASE_UNSHARED')
        expect(new Set(out), kind).toEqual(new Set([tags.inbox, tags.cases, ...caseSections]));
      else if (kind.startsWith('CASE_')) expect(out, kind).toEqual([tags.inbox, tags.case(CASE), tags.cases]);
      else if (kind === 'IMPORT_COMPLETED') expect(out, kind).toEqual([tags.inbox, tags.cases]);
      // Accounts, agencies, areas, audit, calendar: nothing cached on a case page depends on them;
      // reading protected data must not refetch the case (that read would be logged again).
      else expect(out, kind).toEqual([tags.inbox]);
    }
  });

  it('a kind this build does not know (a newer server) refreshes all of its case instead of failing', () => {
    const out = tagsForEvent('CASE_SOMETHING_NEW' as EventKind, CASE);
    expect(new Set(out)).toEqual(new Set([tags.inbox, tags.cases, ...caseSections]));
  });
});

describe('client live events: labels', () => {
  it.each(KINDS)('%s has a Vietnamese and an English label', (kind) => {
    const vi = translate('vi', `event.${kind}`);
    const en = translate('en', `event.${kind}`);
    expect(vi).toBe(eventsVi[`event.${kind}`]);
    expect(en).toBe(eventsEn[`event.${kind}`]);
    expect(vi.length).toBeGreaterThan(2);
    expect(en.length).toBeGreaterThan(2);
  });

  it('no label map holds a kind the API does not have', () => {
    expect(Object.keys(eventsVi).sort()).toEqual(KINDS.map((k) => `event.${k}`).sort());
    expect(Object.keys(eventsEn).sort()).toEqual(KINDS.map((k) => `event.${k}`).sort());
  });

  it('a dotted log type (a CONFLICT’s missedChanges) maps to the kind the server names it', () => {
    for (const type of ALL_EVENT_TYPES) expect(eventKindOfType(type), type).toBe(eventKindName(type));
    expect(eventKindOfType('case.neverHeardOf')).toBeNull();
  });
});
