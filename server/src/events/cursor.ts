import { badInput } from '../errors';

/**
 * A position in the event log: the global, gap-free number the sequencer gave an event after it
 * committed (see sequencer.ts). Opaque to clients as a decimal string; positions only grow.
 */
export type Cursor = bigint;

/** The position before every event. */
export const START_CURSOR: Cursor = 0n;

/**
 * A resume point sent by a client. Current cursors are positions; cursors minted before the
 * sequencer (`"<txId>.<id>"`) are still accepted and resolved to the position of the event they
 * name (the upgrade numbered the existing log in exactly that old order, so nothing is skipped).
 */
export type ClientCursor = { kind: 'position'; position: Cursor } | { kind: 'legacy'; txId: bigint; id: bigint };

/** Formats a cursor for clients. */
export function formatCursor(c: Cursor): string {
  return c.toString();
}

const MAX_BIGINT = 2n ** 63n - 1n;
const MAX_XID8 = 2n ** 64n - 1n;

/** Parses a client cursor; a malformed one is the client's error, said plainly. */
export function parseCursor(value: string): ClientCursor {
  if (/^\d{1,19}$/.test(value) && BigInt(value) <= MAX_BIGINT) return { kind: 'position', position: BigInt(value) };
  const legacy = /^(\d{1,20})\.(\d{1,19})$/.exec(value);
  if (legacy && BigInt(legacy[1]) <= MAX_XID8 && BigInt(legacy[2]) <= MAX_BIGINT)
    return { kind: 'legacy', txId: BigInt(legacy[1]), id: BigInt(legacy[2]) };
  throw badInput(`Con trỏ sự kiện "${value.slice(0, 40)}" không hợp lệ; hãy dùng giá trị cursor nhận được từ máy chủ.`, { field: 'after' });
}

/** Negative, zero or positive as a is before, equal to or after b. */
export function compareCursors(a: Cursor, b: Cursor): number {
  return a === b ? 0 : a < b ? -1 : 1;
}
