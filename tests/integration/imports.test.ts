import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT as projectRoot } from '../../server/src/paths';
import type { App } from '../../server/src/app';
import type { Viewer } from '../../server/src/auth/viewer';
import type { Agency } from '../../server/src/modules/agencies/agency.entity';
import { AgencyKind, makeAgency, makeProvince, makeUser, Role, signIn, viewerOf } from '../support/factories';
import { runAdminCli } from '../support/admin-cli';
import { createTestDatabase, startTestApp } from '../support/harness';

/** Issue 15 item 3: CSV imports of areas, agencies and users — whole-file validation, dry run, skip, idempotent. */
let app: App;
let office: Agency;
let admin: Viewer, officeAdmin: Viewer;
const PASSWORD = 'Nhap-Tep-2026';

/** Row counts of the tables an import writes, and of the event log: "nothing changed" is all equal. */
async function counts() {
  const [row] = await app.orm.em
    .fork()
    .getConnection()
    .execute(
      `select (select count(*) from area)::int as areas, (select count(*) from agency)::int as agencies,
              (select count(*) from agency_coverage)::int as coverage, (select count(*) from app_user)::int as users,
              (select count(*) from event)::int as events`,
    );
  return row as Record<string, number>;
}

const run = (viewer: Viewer, kind: 'areas' | 'agencies' | 'users', csv: string, options = {}) =>
  app.services.imports.run(app.orm.em.fork(), viewer, kind, csv, options);

const AREAS = [
  'ma,ten,cap,ma_cap_tren',
  'VN,Việt Nam,QUOC_GIA,',
  'T99,Tỉnh Lâm Sơn Mới,TINH,VN',
  'X9901,Xã Tân Hòa Mới,XA,T99',
  'X9902,Phường Phú An Mới,XA,T99',
].join('\n');

beforeAll(async () => {
  app = await startTestApp(await createTestDatabase());
  const { communeA } = await makeProvince(app.orm);
  office = await makeAgency(app.orm, AgencyKind.ENFORCEMENT_OFFICE, [communeA], 'Phòng THADS khu vực 9');
  admin = await viewerOf(app, (await makeUser(app.orm, office, [Role.SYSTEM_ADMIN])).username);
  officeAdmin = await viewerOf(app, (await makeUser(app.orm, office, [Role.AGENCY_ADMIN])).username);
}, 60_000);

afterAll(async () => {
  await app?.close();
});

describe('areas', () => {
  it('a file with errors changes nothing and reports each bad row, column and reason', async () => {
    const before = await counts();
    const bad = `${AREAS}\nX9903,,XA,T99\nX9904,Xã Lạ,HUYEN,T99\nX9905,Xã Mồ Côi,XA,T00\nX9901,Xã Trùng,XA,T99`;
    const report = await run(admin, 'areas', bad);
    expect(report.applied).toBe(false);
    expect(report.errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [6, 'ten', 'REQUIRED'],
      [7, 'cap', 'INVALID'],
      [8, 'ma_cap_tren', 'UNKNOWN_REFERENCE'],
      [9, 'ma', 'DUPLICATE_IN_FILE'],
    ]);
    expect(report.errors[2].message).toContain('Không có địa bàn mã "T00"');
    expect(await counts()).toEqual(before);
  });

  it('a dry run of a valid file reports what it would create and writes nothing', async () => {
    const before = await counts();
    const report = await run(admin, 'areas', AREAS, { dryRun: true });
    expect(report).toMatchObject({ rows: 4, created: 4, unchanged: 0, applied: false, errors: [] });
    expect(await counts()).toEqual(before);
  });

  it('imports a valid file through the area service, and a second import changes nothing', async () => {
    const before = await counts();
    const first = await run(admin, 'areas', AREAS);
    expect(first).toMatchObject({ created: 4, applied: true, errors: [] });
    const after = await counts();
    // One area.created event per row plus the import.completed record.
    expect(after).toMatchObject({ areas: before.areas + 4, events: before.events + 5 });
    const commune = await app.orm.em.fork().getConnection().execute(`select path from area where code = 'X9902'`);
    expect(commune[0].path).toBe('/VN/T99/X9902/');
    const second = await run(admin, 'areas', AREAS);
    expect(second).toMatchObject({ created: 0, unchanged: 4, errors: [] });
    // The repeat writes no area and one import.completed event only.
    expect(await counts()).toMatchObject({ ...after, events: after.events + 1 });
  });

  it('skipping bad rows imports the valid ones and reports the others', async () => {
    const before = await counts();
    const csv = 'ma;ten;cap;ma_cap_tren\nX9906;Xã Hòa Bình;XA;T99\nX9907;Xã Sai Cấp;XA;X9901\n';
    const report = await run(admin, 'areas', csv, { skipBadRows: true });
    expect(report).toMatchObject({ created: 1, skipped: 1, applied: true });
    expect(report.errors).toEqual([expect.objectContaining({ row: 3, column: 'ma_cap_tren', code: 'INVALID' })]);
    expect((await counts()).areas).toBe(before.areas + 1);
  });

  it('office admins may not import areas', async () => {
    await expect(run(officeAdmin, 'areas', AREAS)).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe('agencies and users', () => {
  const AGENCIES = [
    'ma,ten,loai,ma_co_quan_cap_tren,ma_dia_ban',
    'THA-T99,Thi hành án dân sự tỉnh Lâm Sơn Mới,ENFORCEMENT_OFFICE,,T99',
    'THA-T99-KV1,Phòng THADS khu vực 1,ENFORCEMENT_OFFICE,THA-T99,X9901;X9902',
    'CA-X9901,Công an xã Tân Hòa Mới,POLICE,,X9901',
  ].join('\n');

  it('imports agencies with their coverage, refuses unknown areas, and is idempotent', async () => {
    const before = await counts();
    const bad = await run(admin, 'agencies', `${AGENCIES}\nUB-X,UBND xã Lạ,PEOPLES_COMMITTEE,,X0000`);
    expect(bad.errors).toEqual([expect.objectContaining({ row: 5, column: 'ma_dia_ban', code: 'UNKNOWN_REFERENCE' })]);
    expect(await counts()).toEqual(before);
    expect(await run(admin, 'agencies', AGENCIES)).toMatchObject({ created: 3, applied: true });
    const after = await counts();
    expect(after).toMatchObject({ agencies: before.agencies + 3, coverage: before.coverage + 4 });
    expect(await run(admin, 'agencies', AGENCIES)).toMatchObject({ created: 0, unchanged: 3 });
    expect((await counts()).agencies).toBe(after.agencies);
  });

  it('imports users; office admins only for their own office, never as system admins', async () => {
    const users = [
      'ten_dang_nhap,ho_ten,ma_co_quan,vai_tro,mat_khau,dien_thoai',
      `nguyen.van.moi,Nguyễn Văn Mới,THA-T99-KV1,ENFORCEMENT_OFFICER,${PASSWORD},0912345678`,
      `tran.thi.moi,Trần Thị Mới,CA-X9901,OFFICER,${PASSWORD},`,
    ].join('\n');
    const before = await counts();
    const refused = await run(officeAdmin, 'users', users);
    expect(refused.errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [2, 'ma_co_quan', 'NOT_ALLOWED'],
      [3, 'ma_co_quan', 'NOT_ALLOWED'],
    ]);
    const own = `ten_dang_nhap,ho_ten,ma_co_quan,vai_tro,mat_khau\nle.van.moi,Lê Văn Mới,${office.code},SYSTEM_ADMIN,${PASSWORD}\nle.thi.moi,Lê Thị Mới,${office.code},OFFICER,ngan`;
    const ownReport = await run(officeAdmin, 'users', own);
    expect(ownReport.errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [2, 'vai_tro', 'NOT_ALLOWED'],
      [3, 'mat_khau', 'INVALID'],
    ]);
    expect(await counts()).toEqual(before);

    expect(await run(admin, 'users', users)).toMatchObject({ created: 2, applied: true });
    expect((await counts()).users).toBe(before.users + 2);
    // The imported account signs in with the file's password.
    await expect(signIn(app, 'nguyen.van.moi', PASSWORD)).resolves.toMatchObject({ accessToken: expect.any(String) });
    expect(await run(admin, 'users', users)).toMatchObject({ created: 0, unchanged: 2 });
    expect((await counts()).users).toBe(before.users + 2);
  });

  it('names a missing column in the header row', async () => {
    const report = await run(admin, 'users', 'ten_dang_nhap,ho_ten\nabc,Ai Đó');
    expect(report.errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [1, 'ma_co_quan', 'MISSING_COLUMN'],
      [1, 'vai_tro', 'MISSING_COLUMN'],
      [1, 'mat_khau', 'MISSING_COLUMN'],
    ]);
  });
});

describe('admin command line', () => {
  it('imports the sample files in order, reports a bad file per row with exit code 1, and repeats change nothing', async () => {
    const db = await createTestDatabase();
    const cli = (...args: string[]) => runAdminCli(db, ...args);
    const orm = (await startTestApp(db)) as App;
    const { communeA } = await makeProvince(orm.orm);
    const home = await makeAgency(orm.orm, AgencyKind.OTHER, [communeA]);
    const sys = await makeUser(orm.orm, home, [Role.SYSTEM_ADMIN]);
    await orm.close();
    const sample = (name: string) => join(projectRoot, 'docs/import-samples', name);
    const dry = cli('import', 'areas', sample('areas.csv'), '--dry-run', '--as', sys.username);
    expect(dry.status, dry.stderr).toBe(0);
    expect(dry.stdout).toContain('created 5');
    for (const kind of ['areas', 'agencies', 'users']) {
      const res = cli('import', kind, sample(`${kind}.csv`));
      expect(res.status, res.stderr + res.stdout).toBe(0);
      expect(res.stdout).toContain('created 5');
      expect(cli('import', kind, sample(`${kind}.csv`)).stdout).toContain('unchanged 5');
    }
    const bad = cli('import', 'areas', sample('areas-with-errors.csv'));
    expect(bad.status).toBe(1);
    expect(bad.stdout).toContain('row 3, cột / column ten [REQUIRED]');
    expect(bad.stdout).toContain('NOT imported');
  }, 300_000);
});
