/**
 * Case pages readable offline (issue 16 item 4): the last answer of each case-page query (the case,
 * its thread, tasks and actions) is kept in IndexedDB under the signed-in user's id, and shown when
 * the network is gone. Another user of the same browser never reads it (the user id is part of every
 * key, and the whole store is cleared on sign-out). See docs/offline.md.
 */
import { clear, createStore, get, set, type UseStore } from 'idb-keyval';

/** The case page's queries and the frame around it (operation names from client/src/operations.ts, pages/). */
const CACHED_OPERATIONS = new Set(['Home', 'CaseDetail', 'CaseThread', 'CaseTasks', 'CaseActions']);

/** A saved answer and when it was read. */
export interface SavedPage<T = unknown> {
  data: T;
  savedAt: string;
}

let store: UseStore | null | undefined;
function pages(): UseStore | null {
  if (store === undefined) {
    try {
      store = typeof indexedDB === 'undefined' ? null : createStore('phoihop-pages', 'pages');
    } catch {
      store = null; // IndexedDB blocked (private mode in some browsers): nothing is kept
    }
  }
  return store;
}

/** The operation name of a document ("query CaseThread(…)" → "CaseThread"). */
export function operationName(document: { toString(): string }): string | undefined {
  return /\b(?:query|mutation|subscription)\s+([A-Za-z_][A-Za-z0-9_]*)/.exec(document.toString())?.[1];
}

/** True for the queries whose answers are kept for offline reading. */
export function isCachedOperation(document: { toString(): string }): boolean {
  const name = operationName(document);
  return name !== undefined && CACHED_OPERATIONS.has(name);
}

/**
 * The user id inside an access token (the JWT's `sub`), only to key what is stored for that user;
 * the server is what checks the token.
 */
export function userIdOfToken(token: string | null | undefined): string | null {
  const part = token?.split('.')[1];
  if (!part) return null;
  try {
    const json = atob(
      part
        .replace(/-/g, '+')
        .replace(/_/g, '/')
        .padEnd(Math.ceil(part.length / 4) * 4, '='),
    );
    const sub = (JSON.parse(json) as { sub?: unknown }).sub;
    return typeof sub === 'string' ? sub : null;
  } catch {
    return null;
  }
}

/** Keeps an answer for `userId` (errors are ignored: the cache is a convenience). */
export async function savePage(userId: string, key: string, data: unknown): Promise<void> {
  const s = pages();
  if (!s) return;
  try {
    await set(`${userId}\n${key}`, { data, savedAt: new Date().toISOString() } satisfies SavedPage, s);
  } catch {
    // Quota or a closed database: the page is simply not available offline.
  }
}

/** The kept answer for `userId`, if any. */
export async function readPage<T>(userId: string, key: string): Promise<SavedPage<T> | undefined> {
  const s = pages();
  if (!s) return undefined;
  try {
    return await get<SavedPage<T>>(`${userId}\n${key}`, s);
  } catch {
    return undefined;
  }
}

/** Forgets every kept page (sign-out). */
export async function clearPages(): Promise<void> {
  const s = pages();
  if (!s) return;
  try {
    await clear(s);
  } catch {
    // Nothing to clear.
  }
}
