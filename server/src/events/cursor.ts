import { badInput } from '../errors';

/**
 * A position in the event log: (writer transaction id, event id). Opaque to clients as the string
 * `"<txId>.<id>"`; ordered by txId then id, which is the order readers deliver in.
 */
export interface Cursor {
  txId: bigint;
  id: bigint;
}

/** The position before every event. */
export const START_CURSOR: Cursor = { txId: 0n, id: 0n };

/** Formats a cursor for clients. */
export function formatCursor(c: Cursor): string {
  return `${c.txId}.${c.id}`;
}

/** Parses a client cursor; a malformed one is the client's error, said plainly. */
export function parseCursor(value: string): Cursor {
  const match = /^(\d{1,20})\.(\d{1,20})$/.exec(value);
  if (!match) throw badInput(`Con trỏ sự kiện "${value.slice(0, 40)}" không hợp lệ; hãy dùng giá trị cursor nhận được từ máy chủ.`, { field: 'after' });
  return { txId: BigInt(match[1]), id: BigInt(match[2]) };
}

/** Negative, zero or positive as a is before, equal to or after b. */
export function compareCursors(a: Cursor, b: Cursor): number {
  if (a.txId !== b.txId) return a.txId < b.txId ? -1 : 1;
  if (a.id !== b.id) return a.id < b.id ? -1 : 1;
  return 0;
}
