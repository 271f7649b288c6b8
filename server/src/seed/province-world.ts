import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { bulkInsert } from './bulk-insert';
import type { GeneratorWorld } from './province-generator';

/**
 * Adds `offices` regional enforcement offices to the demo province (area code `LS`, agency
 * `THADS-LS`), each with `communesPerOffice` communes, their People's Committee and police, a
 * regional procuracy and `officersPerOffice` officers (no password: they cannot sign in). Used by
 * the benchmark generator; codes carry `runId` so repeated runs add, never clash.
 */
export async function addBenchmarkOffices(
  em: EntityManager,
  options: { runId: string; offices: number; communesPerOffice?: number; officersPerOffice?: number },
): Promise<GeneratorWorld> {
  const [province] = await em.execute<Array<{ id: string; path: string }>>(`select id, path from area where code = 'LS'`);
  const [parent] = await em.execute<Array<{ id: string }>>(`select id from agency where code = 'THADS-LS'`);
  if (!province || !parent)
    throw new Error('The demo province (area LS, agency THADS-LS) is missing: start once with SEED_DEMO=true first.');
  const communesPer = options.communesPerOffice ?? 6;
  const officersPer = options.officersPerOffice ?? 4;
  const now = new Date().toISOString();
  const areas: Record<string, unknown>[] = [];
  const agencies: Record<string, unknown>[] = [];
  const coverage: Record<string, unknown>[] = [];
  const users: Record<string, unknown>[] = [];
  const world: GeneratorWorld = { offices: [] };
  const agency = (code: string, name: string, kind: string, parentId: string | null, covers: string[]) => {
    const id = randomUUID();
    agencies.push({ id, code, name, kind, parent_id: parentId, active: true, version: 1, created_at: now });
    for (const areaId of covers) coverage.push({ agency_id: id, area_id: areaId });
    return id;
  };
  for (let o = 1; o <= options.offices; o++) {
    const tag = `${options.runId}-${o}`;
    const communes = Array.from({ length: communesPer }, (_, c) => {
      const code = `LS-${tag}-${c + 1}`;
      const id = randomUUID();
      const name = `Xã Thử Nghiệm ${o}.${c + 1}`;
      areas.push({
        id,
        code,
        name,
        kind: 'COMMUNE',
        parent_id: province.id,
        path: `${province.path}${code}/`,
        active: true,
        created_at: now,
      });
      return { id, code, name };
    });
    const communeIds = communes.map((c) => c.id);
    const officeId = agency(`THADS-${tag}`, `Phòng THADS khu vực ${tag} (dữ liệu sinh)`, 'ENFORCEMENT_OFFICE', parent.id, communeIds);
    const procuracyId = agency(`VKS-${tag}`, `VKSND khu vực ${tag} (dữ liệu sinh)`, 'PROCURACY', null, communeIds);
    const officerIds = Array.from({ length: officersPer }, (_, k) => {
      const id = randomUUID();
      users.push({
        id,
        username: `chv.${tag}.${k + 1}`.toLowerCase(),
        full_name: `Chấp hành viên ${o}.${k + 1}`,
        agency_id: officeId,
        roles: ['ENFORCEMENT_OFFICER'],
        password_hash: '!',
        active: true,
        token_version: 0,
        version: 1,
        created_at: now,
      });
      return id;
    });
    world.offices.push({
      id: officeId,
      officerIds,
      procuracyId,
      communes: communes.map((c) => ({
        id: c.id,
        name: c.name,
        peoplesCommitteeId: agency(`UBND-${c.code}`, `Ủy ban nhân dân ${c.name.replace(/^Xã/, 'xã')}`, 'PEOPLES_COMMITTEE', null, [c.id]),
        policeId: agency(`CA-${c.code}`, `Công an ${c.name.replace(/^Xã/, 'xã')}`, 'POLICE', null, [c.id]),
      })),
    });
  }
  await bulkInsert(em, 'area', areas);
  await bulkInsert(em, 'agency', agencies);
  await bulkInsert(em, 'agency_coverage', coverage);
  await bulkInsert(em, 'app_user', users);
  return world;
}
