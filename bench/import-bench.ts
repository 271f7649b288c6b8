/**
 * Case import benchmark (issue 15): generates a CSV of `--cases` existing cases (default 10,000; two
 * parties and two obligations each), then in one embedded PostgreSQL measures
 *   1. the dry run (parse + whole-file validation),
 *   2. the import (validation + bulk write + one `case.created` per case),
 *   3. the same import again (idempotency: everything unchanged),
 * beside a CEILING measured in the same run: the raw multi-row INSERT of the same number of case,
 * party and obligation rows (json_populate_recordset, no validation, no events), rolled back.
 * It measures; it never asserts. Writes bench/results/import.json.
 *
 * Run: npm run bench:import [-- --cases 10000]
 */
import { randomUUID } from 'node:crypto';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EntityManager } from '@mikro-orm/postgresql';
import { build, type App } from '../server/src/app';
import type { Viewer } from '../server/src/auth/viewer';
import { loadConfig } from '../server/src/config';
import { createLogger } from '../server/src/logger';
import { PROJECT_ROOT } from '../server/src/paths';
import { bulkInsert } from '../server/src/seed/bulk-insert';
import { now } from './stats';

const argCases = () => {
  const i = process.argv.indexOf('--cases');
  return i >= 0 ? Number(process.argv[i + 1]) : 10_000;
};
const log = (message: string) => console.log(`· ${message}`);

const HEADER =
  'ma_co_quan,so_ban_an,toa_an,ngay_ban_an,ngay_thu_ly,loai_viec,ma_xa,ds1_vai_tro,ds1_loai,ds1_ten,ds1_dia_chi,ds1_cccd,ds1_dien_thoai,' +
  'ds2_vai_tro,ds2_loai,ds2_ten,nv1_loai,nv1_mo_ta,nv1_so_tien,nv1_ds_phai_thi_hanh,nv1_ds_duoc_thi_hanh,nv2_loai,nv2_mo_ta,nv2_dien_tich_m2';

function generateCsv(n: number, officeCode: string, communeCodes: string[]): string {
  const lines = [HEADER];
  for (let i = 0; i < n; i++) {
    const day = String((i % 28) + 1).padStart(2, '0');
    lines.push(
      [
        officeCode,
        `${i + 1}/2025/BENCH`,
        'Tòa án nhân dân khu vực 1',
        `${day}/01/2025`,
        `${day}/02/2025`,
        i % 5 ? 'THEO_DON' : 'CHU_DONG',
        communeCodes[i % communeCodes.length],
        'PHAI_THI_HANH',
        'CA_NHAN',
        `Người Phải Thi Hành ${i}`,
        `"Thôn ${i % 9}, xã Mẫu"`,
        String(79_000_000_000 + i).padStart(12, '0'),
        `09${String(i).padStart(8, '0')}`,
        'DUOC_THI_HANH',
        'CA_NHAN',
        `Người Được Thi Hành ${i}`,
        'TRA_TIEN',
        'Trả nợ',
        `${(i % 900) + 1}.000.000`,
        '1',
        '2',
        'GIAO_DAT',
        'Giao đất',
        `"${(i % 300) + 10},5"`,
      ].join(','),
    );
  }
  return lines.join('\n');
}

async function main(): Promise<void> {
  const cases = argCases();
  const dataDir = mkdtempSync(join(tmpdir(), 'phoihop-bench-import-'));
  chmodSync(dataDir, 0o711);
  let app: App | undefined;
  try {
    app = await build(
      loadConfig({ DATA_DIR: dataDir, PORT: 0, HOST: '127.0.0.1', LOG_LEVEL: 'silent', SERVE_CLIENT: false, SEED_DEMO: true }, {}),
      { logger: createLogger('silent') },
    );
    const conn = app.orm.em.fork().getConnection();
    const [office] = await conn.execute<{ id: string; code: string }[]>(
      `select id, code from agency where kind = 'ENFORCEMENT_OFFICE' and active order by code limit 1`,
    );
    const communes = (await conn.execute<{ code: string }[]>(`select code from area where kind = 'COMMUNE' and active order by code`)).map(
      (a) => a.code,
    );
    const [admin] = await conn.execute<{ id: string; agency_id: string; kind: string; roles: Viewer['roles'] }[]>(
      `select u.id, u.agency_id, a.kind, u.roles from app_user u join agency a on a.id = u.agency_id where 'SYSTEM_ADMIN' = any(u.roles) and u.active limit 1`,
    );
    const viewer: Viewer = {
      userId: admin.id,
      agencyId: admin.agency_id,
      agencyKind: admin.kind,
      roles: admin.roles,
      coveredAreaPaths: [],
      tokenExpiresAt: 0,
    };
    const csv = generateCsv(cases, office.code, communes);
    log(`${cases} cases, ${(csv.length / 1e6).toFixed(1)} MB of CSV, office ${office.code}, ${communes.length} communes`);
    const em = () => app!.orm.em.fork() as EntityManager;

    let t = now();
    const dry = await app.services.imports.run(em(), viewer, 'cases', csv, { dryRun: true });
    const dryMs = now() - t;
    log(`dry run: ${dry.created} to create, ${dry.errors.length} errors`);

    t = now();
    const report = await app.services.imports.run(em(), viewer, 'cases', csv);
    const importMs = now() - t;
    log(`import: created ${report.created}`);

    t = now();
    const again = await app.services.imports.run(em(), viewer, 'cases', csv);
    const againMs = now() - t;
    log(`again: unchanged ${again.unchanged}, created ${again.created}`);

    // Ceiling: the same number of case/party/obligation rows by raw multi-row INSERT, rolled back.
    const [commune] = await conn.execute<{ id: string }[]>(`select id from area where kind = 'COMMUNE' limit 1`);
    t = now();
    await em()
      .transactional(async (tx) => {
        const at = new Date().toISOString();
        const caseRows = [];
        const partyRows = [];
        const obligationRows = [];
        for (let i = 0; i < cases; i++) {
          const id = randomUUID();
          caseRows.push({
            id,
            judgment_number: `${i}/CEIL`,
            judgment_court: 'Tòa án nhân dân khu vực 1',
            judgment_date: '2025-01-01',
            received_at: at,
            kind: 'ON_REQUEST',
            lead_agency_id: office.id,
            commune_id: commune.id,
            created_at: at,
            updated_at: at,
          });
          for (const role of ['DEBTOR', 'CREDITOR'])
            partyRows.push({ id: randomUUID(), case_id: id, role, kind: 'PERSON', name: `Người ${i}`, created_at: at });
          obligationRows.push({
            id: randomUUID(),
            case_id: id,
            kind: 'PAY_MONEY',
            description: 'Trả nợ',
            amount_owed: '1000000',
            created_at: at,
          });
          obligationRows.push({
            id: randomUUID(),
            case_id: id,
            kind: 'HAND_OVER_LAND',
            description: 'Giao đất',
            land_area_m2: '10.5',
            created_at: at,
          });
        }
        await bulkInsert(tx as EntityManager, 'enforcement_case', caseRows);
        await bulkInsert(tx as EntityManager, 'case_party', partyRows);
        await bulkInsert(tx as EntityManager, 'obligation', obligationRows);
        throw new Error('rollback');
      })
      .catch((err: Error) => {
        if (err.message !== 'rollback') throw err;
      });
    const ceilingMs = now() - t;

    const rate = (ms: number) => Math.round((cases / ms) * 1000);
    const rows = [
      ['dry run (validate only)', dryMs],
      ['import (validate + write + events)', importMs],
      ['same file again (all unchanged)', againMs],
      ['ceiling: raw multi-row INSERT, no checks/events', ceilingMs],
    ] as const;
    console.log(`\nCase import, ${cases} cases (${cpus().length} CPUs)\n`);
    console.log(`${'step'.padEnd(50)}${'ms'.padStart(10)}${'cases/s'.padStart(10)}${'× ceiling'.padStart(11)}`);
    for (const [name, ms] of rows)
      console.log(
        `${name.padEnd(50)}${ms.toFixed(0).padStart(10)}${String(rate(ms)).padStart(10)}${(ms / ceilingMs).toFixed(1).padStart(11)}`,
      );
    console.log(`\nUnder a minute for ${cases} cases: ${importMs < 60_000 ? 'yes' : 'NO'} (${(importMs / 1000).toFixed(1)} s).`);
    const out = join(PROJECT_ROOT, 'bench/results');
    mkdirSync(out, { recursive: true });
    writeFileSync(
      join(out, 'import.json'),
      JSON.stringify({ cases, cpus: cpus().length, dryMs, importMs, againMs, ceilingMs, at: new Date().toISOString() }, null, 2),
    );
  } finally {
    await app?.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
