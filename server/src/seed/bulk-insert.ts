import type { EntityManager } from '@mikro-orm/postgresql';
import type { GeneratedRows } from './province-generator';

/** Rows per INSERT: big enough to be fast, small enough to keep each JSON parameter modest. */
const CHUNK = 2000;

/**
 * Inserts plain rows into `table` in chunks, one statement per chunk: the rows travel as one JSON
 * parameter and `json_populate_recordset` turns them into the table's row type. Only the columns
 * named by the first row are written, so the others keep their defaults (ids, `tx_id`).
 */
export async function bulkInsert(em: EntityManager, table: string, rows: ReadonlyArray<Record<string, unknown>>): Promise<void> {
  if (!rows.length) return;
  const columns = Object.keys(rows[0])
    .map((c) => `"${c}"`)
    .join(', ');
  for (let i = 0; i < rows.length; i += CHUNK) {
    await em.execute(`insert into "${table}" (${columns}) select ${columns} from json_populate_recordset(null::"${table}", ?::json)`, [
      JSON.stringify(rows.slice(i, i + CHUNK)),
    ]);
  }
}

/** Writes generated cases and everything hanging on them, parents before children. */
export async function writeGenerated(em: EntityManager, rows: GeneratedRows): Promise<void> {
  for (const table of [
    'enforcement_case',
    'case_party',
    'obligation',
    'case_participant',
    'case_state_history',
    'case_task',
    'case_action',
    'action_participant',
    'event_stream',
    'event',
  ] as const) {
    await bulkInsert(em, table, rows[table]);
  }
}
