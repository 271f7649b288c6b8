import type { EntityManager } from '@mikro-orm/postgresql';
import { fillPastSnapshots } from '../modules/statistics/snapshot';

/**
 * Fills the monthly statistics snapshot for every past month boundary of the seeded history (the demo
 * and the province generator write back-dated history, so the snapshot is filled once after them
 * instead of being refreshed by the trigger row by row). Nothing to do when all are filled.
 */
export async function fillDemoSnapshots(em: EntityManager): Promise<number> {
  return (await fillPastSnapshots(em.fork())).length;
}
