import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../server/src/app';
import type { Viewer } from '../../server/src/auth/viewer';
import { verifyAuditChain } from '../../server/src/events/event-log';
import type { Agency } from '../../server/src/modules/agencies/agency.entity';
import type { Area } from '../../server/src/modules/areas/area.entity';
import { parseDong, parseLocalDate } from '../../server/src/modules/imports/case-import';
import type { User } from '../../server/src/modules/users/user.entity';
import { PROJECT_ROOT as projectRoot } from '../../server/src/paths';
import { AgencyKind, makeAgency, makeProvince, makeUser, Role, signIn, viewerOf } from '../support/factories';
import { runAdminCli } from '../support/admin-cli';
import { createTestDatabase, gql, startTestApp } from '../support/harness';

/** Issue 15: importing existing cases with parties and obligations — validation, dry run, skip, idempotency, exact money. */
let app: App;
let office: Agency, otherOffice: Agency, police: Agency;
let communeA: Area, communeB: Area;
let officer: User, otherOfficer: User;
let admin: Viewer, officeAdmin: Viewer;
/** A user of the office who is not an enforcement officer (may not be assigned cases). */
let officeClerk: { username: string };

const TABLES = ['enforcement_case', 'case_party', 'obligation', 'case_participant', 'case_state_history'] as const;

/** A checksum of every table a case import writes (row contents, ordered) and the event count: equal = nothing changed. */
async function checksums(): Promise<Record<string, string | number>> {
  const conn = app.orm.em.fork().getConnection();
  const out: Record<string, string | number> = {};
  for (const t of TABLES) {
    const [row] = await conn.execute(
      `select count(*)::int as n, md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as sum from "${t}" t`,
    );
    out[t] = `${row.n}:${row.sum}`;
  }
  const [ev] = await conn.execute(`select count(*)::int as n from event`);
  out.events = ev.n;
  return out;
}

const HEADER =
  'ma_co_quan,so_ban_an,toa_an,ngay_ban_an,ngay_thu_ly,loai_viec,ma_xa,so_quyet_dinh,ngay_quyet_dinh,chap_hanh_vien,' +
  'ds1_vai_tro,ds1_loai,ds1_ten,ds1_cccd,ds1_dien_thoai,ds2_vai_tro,ds2_ten,' +
  'nv1_loai,nv1_mo_ta,nv1_so_tien,nv1_dien_tich_m2,nv1_ds_phai_thi_hanh,nv1_ds_duoc_thi_hanh,nv2_loai,nv2_mo_ta,nv2_dien_tich_m2';

/** One case row; `over` replaces cells by column name. */
function row(over: Record<string, string> = {}): string {
  const cells: Record<string, string> = {
    ma_co_quan: office.code,
    so_ban_an: '1/2025/DS-ST',
    toa_an: 'Tòa án nhân dân khu vực 9',
    ngay_ban_an: '10/01/2025',
    ngay_thu_ly: '20/01/2025',
    loai_viec: 'THEO_DON',
    ma_xa: communeA.code,
    so_quyet_dinh: '',
    ngay_quyet_dinh: '',
    chap_hanh_vien: officer.username,
    ds1_vai_tro: 'PHAI_THI_HANH',
    ds1_loai: 'CA_NHAN',
    ds1_ten: 'Nguyễn Văn Nợ',
    ds1_cccd: '079085000123',
    ds1_dien_thoai: '0912345678',
    ds2_vai_tro: 'DUOC_THI_HANH',
    ds2_ten: 'Trần Thị Có',
    nv1_loai: 'TRA_TIEN',
    nv1_mo_ta: 'Trả tiền vay',
    nv1_so_tien: '777.000.000',
    nv1_dien_tich_m2: '',
    nv1_ds_phai_thi_hanh: '1',
    nv1_ds_duoc_thi_hanh: '2',
    nv2_loai: '',
    nv2_mo_ta: '',
    nv2_dien_tich_m2: '',
    ...over,
  };
  return HEADER.split(',')
    .map((c) => {
      const v = cells[c] ?? '';
      return /[",]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
    })
    .join(',');
}
const file = (...rows: string[]) => [HEADER, ...rows].join('\n');
const run = (viewer: Viewer, csv: string, options = {}) => app.services.imports.run(app.orm.em.fork(), viewer, 'cases', csv, options);

beforeAll(async () => {
  app = await startTestApp(await createTestDatabase());
  ({ communeA, communeB } = await makeProvince(app.orm));
  office = await makeAgency(app.orm, AgencyKind.ENFORCEMENT_OFFICE, [communeA, communeB], 'Phòng THADS khu vực 9');
  otherOffice = await makeAgency(app.orm, AgencyKind.ENFORCEMENT_OFFICE, [communeB], 'Phòng THADS khu vực 8');
  police = await makeAgency(app.orm, AgencyKind.POLICE, [communeA]);
  officer = await makeUser(app.orm, office, [Role.ENFORCEMENT_OFFICER]);
  otherOfficer = await makeUser(app.orm, otherOffice, [Role.ENFORCEMENT_OFFICER]);
  admin = await viewerOf(app, (await makeUser(app.orm, police, [Role.SYSTEM_ADMIN])).username);
  officeClerk = await makeUser(app.orm, office, [Role.OFFICER]);
  officeAdmin = await viewerOf(app, (await makeUser(app.orm, office, [Role.AGENCY_ADMIN])).username);
}, 60_000);

afterAll(async () => {
  await app?.close();
});

describe('cell formats', () => {
  it('money: digits or Vietnamese grouping, exact beyond 2^53; fractions and junk refused', () => {
    expect(parseDong('777.000.000')).toEqual({ value: '777000000' });
    expect(parseDong('777000000')).toEqual({ value: '777000000' });
    expect(parseDong('200000 đ')).toEqual({ value: '200000' });
    expect(parseDong('9.007.199.254.740.993')).toEqual({ value: '9007199254740993' });
    expect(parseDong('777.000.000,5')).toMatchObject({ error: expect.stringContaining('phần lẻ') });
    expect(parseDong('77.00.000')).toMatchObject({ error: expect.any(String) });
    expect(parseDong('0')).toMatchObject({ error: expect.any(String) });
    expect(parseDong('99999999999999999999')).toMatchObject({ error: expect.stringContaining('giới hạn') });
  });

  it('dates: dd/mm/yyyy or ISO, real calendar days only', () => {
    expect(parseLocalDate('05/03/2025')).toBe('2025-03-05');
    expect(parseLocalDate('2025-03-05')).toBe('2025-03-05');
    expect(parseLocalDate('31/02/2025')).toBeNull();
    expect(parseLocalDate('3.5.2025')).toBeNull();
  });
});

describe('case import', () => {
  it('reports every kind of row error with row, column and a Vietnamese reason, and writes nothing', async () => {
    const before = await checksums();
    const csv = file(
      row({ so_ban_an: 'E1' }), // row 2: valid
      row({ so_ban_an: 'E2', ngay_ban_an: '31/02/2025' }), // 3: invalid date
      row({ so_ban_an: 'E3', nv1_so_tien: '777.000.000,5' }), // 4: money with a fraction
      row({ so_ban_an: 'E4', ds1_cccd: '07908500' }), // 5: CCCD too short
      row({ so_ban_an: 'E5', ma_xa: 'KHONG-CO' }), // 6: unknown commune
      row({ so_ban_an: 'E1' }), // 7: duplicate key in the file
      row({ so_ban_an: 'E7', ds1_vai_tro: 'DUOC_THI_HANH', nv1_ds_phai_thi_hanh: '', nv1_ds_duoc_thi_hanh: '' }), // 8: no debtor
      row({ so_ban_an: 'E8', ma_co_quan: otherOffice.code, chap_hanh_vien: otherOfficer.username }), // 9: office admin, other office
      row({ so_ban_an: '', loai_viec: 'LA' }), // 10: required + invalid kind
      row({ so_ban_an: 'E10', nv2_loai: 'GIAO_DAT', nv2_mo_ta: 'Giao đất' }), // 11: land without area
      row({ so_ban_an: 'E11', nv1_ds_duoc_thi_hanh: '5' }), // 12: reference to a party not on the row
      row({ so_ban_an: 'E12', chap_hanh_vien: otherOfficer.username }), // 13: officer of another office
      row({ so_ban_an: 'E13', ma_co_quan: police.code, chap_hanh_vien: '' }), // 14: not an enforcement office
      row({ so_ban_an: 'E14', chap_hanh_vien: officeClerk.username }), // 15: of the office, but not an enforcement officer
    );
    const report = await run(officeAdmin, csv);
    expect(report.applied).toBe(false);
    expect(report.errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [3, 'ngay_ban_an', 'INVALID'],
      [4, 'nv1_so_tien', 'INVALID'],
      [5, 'ds1_cccd', 'INVALID'],
      [6, 'ma_xa', 'UNKNOWN_REFERENCE'],
      [7, 'so_ban_an', 'DUPLICATE_IN_FILE'],
      [8, 'ds1_vai_tro', 'REQUIRED'],
      [9, 'ma_co_quan', 'NOT_ALLOWED'],
      [10, 'so_ban_an', 'REQUIRED'],
      [10, 'loai_viec', 'INVALID'],
      [11, 'nv2_dien_tich_m2', 'REQUIRED'],
      [12, 'nv1_ds_duoc_thi_hanh', 'UNKNOWN_REFERENCE'],
      [13, 'chap_hanh_vien', 'INVALID'],
      [14, 'ma_co_quan', 'INVALID'],
      [15, 'chap_hanh_vien', 'INVALID'],
    ]);
    expect(report.errors.find((e) => e.row === 15)?.message).toContain('không phải chấp hành viên');
    expect(report.errors.find((e) => e.row === 4)?.message).toContain('phần lẻ');
    expect(report.errors.find((e) => e.row === 7)?.message).toContain('đã có ở dòng 2');
    expect(report.errors.find((e) => e.row === 9)?.message).toContain('cơ quan mình');
    expect(await checksums()).toEqual(before);
  });

  it('names missing required columns in the header row', async () => {
    const report = await run(admin, 'ma_co_quan,so_ban_an\nX,1');
    expect(report.errors.map((e) => [e.row, e.column, e.code])).toEqual(
      ['toa_an', 'ngay_ban_an', 'ngay_thu_ly', 'loai_viec', 'ma_xa'].map((c) => [1, c, 'MISSING_COLUMN']),
    );
  });

  it('an officer of a police station may not import cases at all', async () => {
    const policeOfficer = await viewerOf(app, (await makeUser(app.orm, police, [Role.OFFICER])).username);
    await expect(run(policeOfficer, file(row()))).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('dry run counts, then imports exactly (money beyond 2^53, land in m², restricted fields), one case.created per case; twice changes nothing', async () => {
    const csv = file(
      row({ so_ban_an: 'OK-1' }),
      row({
        so_ban_an: 'OK-2',
        ma_xa: communeB.code,
        so_quyet_dinh: '08/QĐ-THADS',
        ngay_quyet_dinh: '25/01/2025',
        nv1_so_tien: '9.007.199.254.740.993',
        nv2_loai: 'GIAO_DAT',
        nv2_mo_ta: 'Giao trả thửa đất số 112',
        nv2_dien_tich_m2: '120,5',
      }),
    );
    const before = await checksums();
    const dry = await run(admin, csv, { dryRun: true });
    expect(dry).toMatchObject({ rows: 2, created: 2, unchanged: 0, applied: false, errors: [] });
    expect(await checksums()).toEqual(before);

    const progress: number[] = [];
    const report = await run(admin, csv, { onProgress: (done: number) => progress.push(done) });
    expect(report).toMatchObject({ created: 2, applied: true, errors: [] });
    expect(progress.at(-1)).toBe(2);
    const conn = app.orm.em.fork().getConnection();
    const cases = await conn.execute(
      `select c.id, c.judgment_number, c.status, c.decision_number, c.decision_due_at, c.officer_id,
              (select sum(amount_owed)::text from obligation o where o.case_id = c.id) as owed,
              (select land_area_m2::text from obligation o where o.case_id = c.id and kind = 'HAND_OVER_LAND') as land,
              (select id_number from case_party p where p.case_id = c.id and role = 'DEBTOR') as cccd
         from enforcement_case c where c.lead_agency_id = ? order by c.judgment_number`,
      [office.id],
    );
    expect(cases.map((c) => [c.judgment_number, c.status, c.owed, c.land, c.cccd, c.officer_id])).toEqual([
      ['OK-1', 'RECEIVED', '777000000', null, '079085000123', officer.id],
      ['OK-2', 'DECISION_ISSUED', '9007199254740993', '120.50', '079085000123', officer.id],
    ]);
    expect(cases[0].decision_due_at).not.toBeNull();
    const events = await conn.execute(
      `select type, stream, payload from event where type in ('case.created', 'import.completed') and (stream in (?, ?) or type = 'import.completed') order by id`,
      cases.map((c) => `case:${c.id}`),
    );
    expect(events.map((e) => e.type)).toEqual(['case.created', 'case.created', 'import.completed']);
    expect(events[1].payload).toMatchObject({ imported: true, totalOwed: '9007199254740993', parties: 2, obligations: 2 });
    expect((await verifyAuditChain(app.orm.em.fork())).ok).toBe(true);
    // The first statistical state is open from the day received.
    const [state] = await conn.execute(`select amount_owed::text as owed, valid_to from case_state_history where case_id = ?`, [
      cases[1].id,
    ]);
    expect(state).toEqual({ owed: '9007199254740993', valid_to: null });

    // The imported case opens for its officer, with the exact amount and the restricted CCCD.
    const { accessToken } = await signIn(app, officer.username);
    const opened = await gql(
      app,
      `query($id: ID!) { case(id: $id) { judgmentNumber status parties { name role idNumber { value hidden } } obligations { kind amountOwed landAreaM2 } } }`,
      { id: cases[1].id },
      accessToken,
    );
    expect(opened.errors).toBeUndefined();
    expect(opened.data?.case).toMatchObject({
      judgmentNumber: 'OK-2',
      status: 'DECISION_ISSUED',
      parties: [
        { name: 'Nguyễn Văn Nợ', role: 'DEBTOR', idNumber: { value: '079085000123', hidden: false } },
        { name: 'Trần Thị Có', role: 'CREDITOR' },
      ],
      // In the file's order (nv1, nv2): the import writes both with one created_at, so only position orders them.
      obligations: [
        { kind: 'PAY_MONEY', amountOwed: '9007199254740993', landAreaM2: null },
        { kind: 'HAND_OVER_LAND', amountOwed: null, landAreaM2: '120.50' },
      ],
    });

    // Idempotent: the same file again writes no row (checksums equal) and only its import.completed record.
    const after = await checksums();
    const again = await run(admin, csv);
    expect(again).toMatchObject({ created: 0, unchanged: 2, applied: true });
    expect(await checksums()).toEqual({ ...after, events: (after.events as number) + 1 });
  });

  it('skip-bad-rows imports the valid cases and reports the bad ones', async () => {
    const before = await checksums();
    const csv = file(row({ so_ban_an: 'SK-1' }), row({ so_ban_an: 'SK-2', ngay_thu_ly: '01/01/2024' }), row({ so_ban_an: 'SK-3' }));
    const refused = await run(admin, csv);
    expect(refused).toMatchObject({ applied: false, created: 0 });
    expect(await checksums()).toEqual(before);
    const report = await run(admin, csv, { skipBadRows: true });
    expect(report).toMatchObject({ created: 2, skipped: 1, applied: true });
    // Received before the judgment: refused.
    expect(report.errors).toEqual([expect.objectContaining({ row: 3, column: 'ngay_thu_ly', code: 'INVALID' })]);
    const numbers = await app.orm.em
      .fork()
      .getConnection()
      .execute(`select judgment_number from enforcement_case where judgment_number like 'SK-%' order by 1`);
    expect(numbers.map((r) => r.judgment_number)).toEqual(['SK-1', 'SK-3']);
  });
});

describe('admin command line', () => {
  it('imports the sample directory and case files; the bad case sample is refused per row', async () => {
    const db = await createTestDatabase();
    const cli = (...args: string[]) => runAdminCli(db, ...args);
    const other = await startTestApp(db);
    const { communeA: home } = await makeProvince(other.orm);
    const sys = await makeUser(other.orm, await makeAgency(other.orm, AgencyKind.OTHER, [home]), [Role.SYSTEM_ADMIN]);
    await other.close();
    const sample = (name: string) => join(projectRoot, 'docs/import-samples', name);
    for (const kind of ['areas', 'agencies', 'users'])
      expect(cli('import', kind, sample(`${kind}.csv`), '--as', sys.username).status).toBe(0);
    const bad = cli('import', 'cases', sample('cases-with-errors.csv'), '--as', sys.username);
    expect(bad.status, bad.stderr).toBe(1);
    expect(bad.stdout).toContain('[DUPLICATE_IN_FILE]');
    expect(bad.stdout).toContain('cột / column ma_xa [UNKNOWN_REFERENCE]');
    const good = cli('import', 'cases', sample('cases.csv'), '--as', sys.username);
    expect(good.status, good.stderr + good.stdout).toBe(0);
    expect(good.stdout).toContain('created 4');
    expect(cli('import', 'cases', sample('cases.csv'), '--as', sys.username).stdout).toContain('unchanged 4');
  }, 300_000);
});
