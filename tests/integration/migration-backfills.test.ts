// Migrations that backfill existing rows are run against rows written before them: the database of a
// running province is not empty when a migration lands. The obligation-position migration
// (Migration20261203062239) must number the obligations already stored by (created_at, then id), from
// 0 within each case, so every page keeps the order it showed before the column existed.
import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../server/src/app';
import { AgencyKind, makeAgency, makeProvince, makeSharedCase, makeUser, Role, signIn } from '../support/factories';
import { createTestDatabase, gql, openOwnerOrm, ownerUrlOf, startTestApp } from '../support/harness';

const OBLIGATION_POSITION = 'Migration20261203062239_obligation_position';

let app: App;
let databaseUrl: string;
let token: string;
const caseIds: string[] = [];

beforeAll(async () => {
  databaseUrl = await createTestDatabase();
  app = await startTestApp(databaseUrl);
  const { communeA } = await makeProvince(app.orm);
  const office = await makeAgency(app.orm, AgencyKind.ENFORCEMENT_OFFICE, [communeA]);
  const officer = await makeUser(app.orm, office, [Role.ENFORCEMENT_OFFICER]);
  token = (await signIn(app, officer.username)).accessToken;
  caseIds.push((await makeSharedCase(app, token, communeA.id)).id, (await makeSharedCase(app, token, communeA.id)).id);
});
afterAll(async () => {
  await app?.close();
});

/** Runs `run` on a connection of the database owner (DDL and raw rows the app may not write). */
async function asOwner<T>(run: (db: Client) => Promise<T>): Promise<T> {
  const db = new Client({ connectionString: ownerUrlOf(databaseUrl) });
  await db.connect();
  try {
    return await run(db);
  } finally {
    await db.end();
  }
}

/**
 * Obligations stored before the migration, inserted out of order: two share one millisecond (the id
 * decides), and all are older than the obligation each case was created with.
 */
const OLD_ROWS = [
  { idSuffix: 'c', description: 'third (same time as second, larger id)', at: '2026-01-05T01:00:00.000Z' },
  { idSuffix: 'a', description: 'first', at: '2026-01-02T01:00:00.000Z' },
  { idSuffix: 'b', description: 'second (same time as third, smaller id)', at: '2026-01-05T01:00:00.000Z' },
];
const oldRowId = (caseIndex: number, idSuffix: string) => `00000000-0000-4000-800${caseIndex}-00000000000${idSuffix}`;

describe('obligation position backfill', () => {
  it('numbers existing obligations per case by (created_at, id), as they were listed before', async () => {
    const owner = await openOwnerOrm(databaseUrl);
    try {
      // Back to the schema before the column, then rows written by the old code (no position).
      await owner.getMigrator().down({ migrations: [OBLIGATION_POSITION] });
      await asOwner(async (db) => {
        const columns = await db.query(
          `select 1 from information_schema.columns where table_name = 'obligation' and column_name = 'position'`,
        );
        expect(columns.rowCount).toBe(0);
        for (const [caseIndex, caseId] of caseIds.entries()) {
          for (const row of OLD_ROWS) {
            await db.query(
              `insert into obligation (id, case_id, kind, description, amount_owed, created_at)
               values ($1, $2, 'PAY_MONEY', $3, '1000', $4)`,
              [oldRowId(caseIndex, row.idSuffix), caseId, row.description, row.at],
            );
          }
        }
      });
      await owner.getMigrator().up({ migrations: [OBLIGATION_POSITION] });
    } finally {
      await owner.close(true);
    }

    const stored = await asOwner((db) =>
      db.query<{ case_id: string; description: string; position: number }>(
        'select case_id, description, position from obligation where case_id = any($1) order by case_id, position',
        [caseIds],
      ),
    );
    // Each case: the two January rows first (by time, then id), then the obligation its creation entered.
    const expected = ['first', 'second (same time as third, smaller id)', 'third (same time as second, larger id)', 'Trả nợ'];
    for (const caseId of caseIds) {
      const rows = stored.rows.filter((r) => r.case_id === caseId);
      expect(rows.map((r) => r.description)).toEqual(expected);
      expect(rows.map((r) => r.position)).toEqual([0, 1, 2, 3]);
    }

    // The case page lists them in that order.
    const page = await gql<{ case: { obligations: { description: string }[] } }>(
      app,
      'query($id: ID!) { case(id: $id) { obligations { description } } }',
      { id: caseIds[1] },
      token,
    );
    expect(page.errors).toBeUndefined();
    expect(page.data!.case.obligations.map((o) => o.description)).toEqual(expected);
  });
});
