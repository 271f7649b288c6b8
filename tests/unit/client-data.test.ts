/// <reference lib="dom" />
// The client modules under test (i18n, router) are browser code.
import { describe, expect, it } from 'vitest';
import { formatDateTime } from '../../client/src/format';
import { legalText, translate, type Translate } from '../../client/src/i18n';
import { createQueryStore, queryKey, type QueryDocument } from '../../client/src/lib/query-store';
import { parseRoute } from '../../client/src/router';

/** A typed document is a string with a type; any string does for the store. */
const doc = <R, V>(text: string) => new String(text) as unknown as QueryDocument<R, V>;

/** A fetcher whose answers the test releases by hand, recording every request. */
function manualFetcher() {
  const calls: Array<{
    query: string;
    variables: unknown;
    resolve: (v: unknown) => void;
    reject: (e: unknown) => void;
    signal: AbortSignal;
  }> = [];
  const fetcher = (document: { toString(): string }, variables: unknown, signal: AbortSignal) =>
    new Promise<never>((resolve, reject) =>
      calls.push({ query: document.toString(), variables, resolve: resolve as (v: unknown) => void, reject, signal }),
    );
  return { calls, fetcher: fetcher as never };
}
const tick = () => new Promise((r) => setTimeout(r, 0));

describe('the client query store', () => {
  it('fetches once for every watcher of the same query, whatever the key order of its variables', async () => {
    const { calls, fetcher } = manualFetcher();
    const store = createQueryStore({ fetcher });
    const cases = doc<{ n: number }, { a: number; b: number }>('query Cases');
    const one = store.entry(cases, { a: 1, b: 2 }, ['cases']);
    const two = store.entry(cases, { b: 2, a: 1 } as { a: number; b: number }, ['cases']);
    expect(two).toBe(one);
    const offOne = one.subscribe(() => {});
    const offTwo = two.subscribe(() => {});
    expect(calls).toHaveLength(1);
    calls[0]!.resolve({ n: 1 });
    await tick();
    expect(one.getState()).toEqual({ data: { n: 1 }, fetching: false });
    offOne();
    offTwo();
    expect(queryKey(cases, { a: 1, b: 2 })).toBe(queryKey(cases, { b: 2, a: 1 }));
  });

  it('refetches exactly the watched results carrying an invalidated tag, keeping their data meanwhile', async () => {
    const { calls, fetcher } = manualFetcher();
    const store = createQueryStore({ fetcher });
    const thread = store.entry(doc<{ posts: number }, object>('query Thread'), {}, ['thread:1']);
    const tasks = store.entry(doc<{ tasks: number }, object>('query Tasks'), {}, ['tasks:1']);
    thread.subscribe(() => {});
    tasks.subscribe(() => {});
    calls[0]!.resolve({ posts: 1 });
    calls[1]!.resolve({ tasks: 1 });
    await tick();

    store.invalidate(['thread:1']);
    expect(calls.map((c) => c.query)).toEqual(['query Thread', 'query Tasks', 'query Thread']);
    expect(thread.getState()).toEqual({ data: { posts: 1 }, fetching: true }); // still shown while refetching
    calls[2]!.resolve({ posts: 2 });
    await tick();
    expect(thread.getState().data).toEqual({ posts: 2 });
    expect(tasks.getState().data).toEqual({ tasks: 1 });
  });

  it('lets only the newest request write: an older answer arriving late is dropped and its request aborted', async () => {
    const { calls, fetcher } = manualFetcher();
    const store = createQueryStore({ fetcher });
    const entry = store.entry(doc<{ v: number }, object>('query Case'), {}, ['case:1']);
    entry.subscribe(() => {});
    entry.refetch();
    expect(calls).toHaveLength(2);
    expect(calls[0]!.signal.aborted).toBe(true);
    calls[1]!.resolve({ v: 2 });
    calls[0]!.resolve({ v: 1 });
    await tick();
    expect(entry.getState().data).toEqual({ v: 2 });
  });

  it('keeps the last data after a failed refetch, shows the error, and retries on the next watcher', async () => {
    const { calls, fetcher } = manualFetcher();
    const store = createQueryStore({ fetcher });
    const entry = store.entry(doc<{ v: number }, object>('query Case'), {}, ['case:1']);
    const off = entry.subscribe(() => {});
    calls[0]!.resolve({ v: 1 });
    await tick();
    entry.refetch();
    const failure = new Error('offline');
    calls[1]!.reject(failure);
    await tick();
    expect(entry.getState()).toEqual({ data: { v: 1 }, error: failure, fetching: false });
    off();
    entry.subscribe(() => {});
    expect(calls).toHaveLength(3);
  });

  it('marks unwatched results stale instead of fetching them, and forgets everything on reset', async () => {
    const { calls, fetcher } = manualFetcher();
    const store = createQueryStore({ fetcher, keepUnwatchedMs: 60_000 });
    const entry = store.entry(doc<{ v: number }, object>('query Inbox'), {}, ['inbox']);
    const off = entry.subscribe(() => {});
    calls[0]!.resolve({ v: 1 });
    await tick();
    off();
    store.invalidate(['inbox']);
    expect(calls).toHaveLength(1); // nobody is looking: no request now
    entry.subscribe(() => {});
    expect(calls).toHaveLength(2); // the next look refreshes it, showing the old data meanwhile
    expect(entry.getState().data).toEqual({ v: 1 });
    store.reset();
    expect(calls[1]!.signal.aborted).toBe(true);
    expect(store.entry(doc<{ v: number }, object>('query Inbox'), {}, ['inbox'])).not.toBe(entry);
  });
});

describe('client formats and routes', () => {
  it('writes date-times as HH:mm dd/mm/yyyy in Viet Nam time, 24 h, whatever the machine time zone', () => {
    expect(formatDateTime('2027-03-10T01:00:00.000Z')).toBe('08:00 10/03/2027');
    expect(formatDateTime('2026-12-31T15:30:00.000Z')).toBe('22:30 31/12/2026');
    expect(formatDateTime('2026-12-31T17:05:00.000Z')).toBe('00:05 01/01/2027');
    expect(formatDateTime('không phải ngày')).toBe('không phải ngày');
  });

  it('translates legal citations in English and leaves them as they are in Vietnamese', () => {
    const en = Object.assign((key: Parameters<Translate>[0]) => translate('en', key), { lang: 'en' as const });
    const vi = Object.assign((key: Parameters<Translate>[0]) => translate('vi', key), { lang: 'vi' as const });
    expect(legalText(en, 'Điều 46 Luật THADS')).toBe('Article 46 Law on Civil Judgment Enforcement');
    expect(legalText(en, 'Điều 72 khoản 4 Luật THADS')).toBe('Article 72 clause 4 Law on Civil Judgment Enforcement');
    expect(legalText(vi, 'Điều 46 Luật THADS')).toBe('Điều 46 Luật THADS');
  });

  it('routes malformed and unknown links to "not found" instead of the home page', () => {
    expect(parseRoute('')).toEqual({ page: 'home' });
    expect(parseRoute('#/')).toEqual({ page: 'home' });
    expect(parseRoute('#/inbox')).toEqual({ page: 'inbox' });
    expect(parseRoute('#/cases/abc')).toEqual({ page: 'case', id: 'abc' });
    expect(parseRoute('#/cases/%E0%A4%A')).toEqual({ page: 'notFound', what: 'case' });
    expect(parseRoute('#/cases/a/b')).toEqual({ page: 'notFound', what: 'case' });
    expect(parseRoute('#/cases/')).toEqual({ page: 'notFound', what: 'case' });
    expect(parseRoute('#/khong-co')).toEqual({ page: 'notFound', what: 'page' });
  });
});
