import { Kind, type OperationDefinitionNode, type SelectionSetNode } from 'graphql';
import { formatCursor } from '../events/cursor';
import { headCursor } from '../events/event-log';
import type { AppServices } from '../services';

/** The root field that returns the log position an operation's data was read at. */
export const LIVE_CURSOR_FIELD = 'liveCursor';

function selects(selectionSet: SelectionSetNode, field: string): boolean {
  return selectionSet.selections.some((s) =>
    s.kind === Kind.FIELD ? s.name.value === field : s.kind === Kind.INLINE_FRAGMENT ? selects(s.selectionSet, field) : false,
  );
}

/** True when a query asks for `liveCursor` at its root (directly or in an inline fragment). */
export function selectsLiveCursor(operation: OperationDefinitionNode | null | undefined): boolean {
  return operation?.operation === 'query' && selects(operation.selectionSet, LIVE_CURSOR_FIELD);
}

/**
 * Reads the log head. Called before an operation that selects `liveCursor` executes, so the
 * position is read before any of its data: everything numbered up to it was committed before the
 * data was read (so it is in the data), and anything committed later is numbered after it (so a
 * subscription `after` it replays it). An event both in the data and replayed is the harmless case.
 */
export async function captureLiveCursor(services: AppServices): Promise<string> {
  return formatCursor(await headCursor(services.orm.em.fork()));
}
