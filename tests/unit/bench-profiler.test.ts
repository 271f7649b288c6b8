import { describe, expect, it } from 'vitest';
import { type CpuProfile, categoryOf, groupOf, renderOverview, summarizeProfiles } from '../../bench/profiler';

/** The profile summary's arithmetic and attribution (bench/profiler.ts), on a hand-built V8 profile. */

const frame = (functionName: string, url = '') => ({ functionName, url, lineNumber: 0 });

/**
 * root → pg's parseRow (2 samples) → JSON.parse (native, 1 sample)
 *      → MikroORM's create (1 sample), GC (1 sample), idle (3 samples).
 * Every sample lasts 1 ms (timeDeltas are in µs; delta i+1 is sample i's duration).
 */
const profile: CpuProfile = {
  nodes: [
    { id: 1, callFrame: frame('(root)'), children: [2, 4, 5, 6] },
    { id: 2, callFrame: frame('parseRow', 'file:///app/node_modules/pg/lib/result.js'), children: [3] },
    { id: 3, callFrame: frame('parse') },
    { id: 4, callFrame: frame('create', 'file:///app/node_modules/@mikro-orm/core/entity/EntityFactory.js') },
    { id: 5, callFrame: frame('(garbage collector)') },
    { id: 6, callFrame: frame('(idle)') },
  ],
  startTime: 0,
  endTime: 9000,
  samples: [2, 2, 3, 4, 5, 6, 6, 6],
  timeDeltas: [0, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000],
};

describe('CPU profile summary', () => {
  it('names where code comes from', () => {
    expect(categoryOf(frame('x', '/w/node_modules/@mikro-orm/knex/query/QueryBuilder.js'))).toBe('MikroORM');
    expect(categoryOf(frame('x', '/w/node_modules/pg-protocol/dist/parser.js'))).toBe('pg driver');
    expect(categoryOf(frame('x', '/w/dist/server/src/modules/cases/case.service.js'))).toBe('app: modules/cases');
    expect(categoryOf(frame('x', '/w/dist/server/src/events/live-feed.js'))).toBe('app: events');
    expect(categoryOf(frame('x', 'node:internal/async_hooks'))).toBe('async context tracking (async_hooks)');
    expect(categoryOf(frame('writev'))).toBe('socket writes (libuv/syscalls)');
    expect(groupOf('knex (query building)')).toBe('ORM');
    expect(groupOf('app: policy')).toBe('app');
    expect(groupOf('package lru-cache')).toBe('other');
  });

  it('sums self time, leaves idle out and counts a native frame for the script that called it', () => {
    const summary = summarizeProfiles([profile]);
    expect(summary.busyMs).toBe(5);
    expect(summary.categories).toEqual([
      { name: 'pg driver', ms: 3, share: 0.6 },
      { name: 'MikroORM', ms: 1, share: 0.2 },
      { name: 'garbage collection', ms: 1, share: 0.2 },
    ]);
    // The function table keeps the native frame under its own name.
    expect(summary.functions.map((f) => [f.name, f.ms])).toEqual([
      ['parseRow', 2],
      ['parse', 1],
      ['create', 1],
      ['(garbage collector)', 1],
    ]);
  });

  it('sums profiles of several instances and renders the overview per group', () => {
    const summary = summarizeProfiles([profile, profile]);
    expect(summary.busyMs).toBe(10);
    const table = renderOverview([{ figure: { key: 'k', label: 'case page', requests: 4, instances: ['a', 'b'] }, summary }]);
    // 10 ms over 4 requests; ORM 20 %, pg driver 60 %, GC 20 %.
    expect(table.split('\n')[2]).toBe('| case page | 2.5 | 20 % | 60 % | 0 % | 20 % | 0 % | 0 % | 0 % | 0 % | 0 % | 0 % |');
  });
});
