import { AsyncLocalStorage } from 'node:async_hooks';
import type { MikroORM } from '@mikro-orm/postgresql';

/** The SQL statements one request has sent so far (BEGIN and COMMIT included: each is a round trip). */
export interface StatementTally {
  statements: number;
}

const requestScope = new AsyncLocalStorage<StatementTally>();
const counted = new WeakSet<object>();

/**
 * Counts every statement the ORM's knex sends into the tally of the request it runs for. Background
 * work (sequencer, dispatcher passes, timers) runs outside any request scope and is not counted, so the
 * figure is exactly what answering the request cost — the statement-count tests and the bench rely on it.
 */
export function countStatements(orm: MikroORM): void {
  const knex = orm.em.getConnection().getKnex();
  if (counted.has(knex)) return;
  counted.add(knex);
  knex.on('query', () => {
    const tally = requestScope.getStore();
    if (tally) tally.statements++;
  });
}

/** Runs `work` (one request) with a fresh tally; `tally` is read when the request has been answered. */
export function withStatementTally<T>(tally: StatementTally, work: () => T): T {
  return requestScope.run(tally, work);
}

/** The current request's tally, or undefined outside a request. */
export function currentStatementTally(): StatementTally | undefined {
  return requestScope.getStore();
}

/**
 * Runs `work` outside the current request's scope: wake-ups and dispatcher passes started by a commit
 * belong to the instance, not to the request that committed (its async context would otherwise follow them).
 */
export function outsideRequest<T>(work: () => T): T {
  return requestScope.exit(work);
}
