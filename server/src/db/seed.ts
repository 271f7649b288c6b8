import { hashPassword } from '../auth/passwords';
import { Agency } from '../modules/agencies/agency.entity';
import { Area } from '../modules/areas/area.entity';
import { User } from '../modules/users/user.entity';
import type { AppServices } from '../services';
import { DEMO_AGENCIES, DEMO_AREAS, DEMO_PASSWORD, DEMO_USERS } from './demo-data';

/**
 * Seeds the demo data (DOMAIN.md's worked example, invented names) once: the `demo.seeded` event in
 * the `system` stream marks it done, so restarts and several instances never seed twice.
 */
export async function seedDemoData(services: AppServices): Promise<void> {
  const em = services.orm.em.fork();
  // Hashed once (argon2 is deliberately slow); every demo account shares the demo password.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await services.outbox.transaction(em, async (tx) => {
    // Serialise concurrent first starts (two instances on a fresh database).
    await tx.em.execute('select pg_advisory_xact_lock(hashtext(?))', ['phoihop:seed']);
    const [done] = await tx.em.execute(`select 1 from event where stream = 'system' and type = 'demo.seeded' limit 1`);
    if (done) return;

    const areas = new Map<string, Area>();
    for (const a of DEMO_AREAS) {
      const parent = a.parent ? areas.get(a.parent)! : null;
      areas.set(a.code, tx.em.create(Area, { code: a.code, name: a.name, kind: a.kind, parent, path: `${parent?.path ?? '/'}${a.code}/` }));
    }
    const agencies = new Map<string, Agency>();
    for (const g of DEMO_AGENCIES) {
      const agency = tx.em.create(Agency, { code: g.code, name: g.name, kind: g.kind, parent: g.parent ? agencies.get(g.parent)! : null });
      agency.coveredAreas.set(g.covers.map((c) => areas.get(c)!));
      agencies.set(g.code, agency);
    }
    for (const u of DEMO_USERS) {
      tx.em.create(User, { username: u.username, fullName: u.fullName, agency: agencies.get(u.agency)!, roles: [...u.roles], passwordHash, phone: '0912' + String(100000 + DEMO_USERS.indexOf(u)).slice(-6) });
    }
    await tx.em.flush();
    await tx.emit({
      type: 'demo.seeded',
      stream: 'system',
      actorId: null,
      topics: ['system'],
      payload: { areas: DEMO_AREAS.length, agencies: DEMO_AGENCIES.length, users: DEMO_USERS.length },
    });
    services.logger.info('demo data seeded');
  });
}
