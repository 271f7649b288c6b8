import { randomUUID } from 'node:crypto';
import { parseString } from '@fast-csv/parse';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../server/src/app';
import type { Agency } from '../../server/src/modules/agencies/agency.entity';
import type { Area } from '../../server/src/modules/areas/area.entity';
import { EXPORT_ROWS } from '../../server/src/modules/statistics/statistics-export';
import type { User } from '../../server/src/modules/users/user.entity';
import { AgencyKind, makeAgency, makeProvince, makeUser, Role, signIn } from '../support/factories';
import { createTestDatabase, gql, startTestApp } from '../support/harness';

/**
 * The statistics files (issue 14 item 5): GET /export/statistics.{xlsx,csv} must carry exactly the
 * figures of the GraphQL `statistics` query for the same period and unit (the workbook parsed back
 * with exceljs, the CSV with @fast-csv/parse), the CSV starts with the UTF-8 BOM, and the route is
 * authorised like the query (401 without a token, 403 outside the viewer's reach, 400 for bad input).
 */

const ROWS = `carriedOver { cases money } newlyAccepted { cases money } totalAccepted { cases money } entrustedOut { cases money }
  totalToEnforce { cases money } notYetEnforceable { cases money } enforceable { cases money } completed { cases money }
  completedFullyCases completedTerminatedCases completedPartlyCases terminatedUncollectedMoney
  postponed { cases money } suspended { cases money } inProgress { cases money } carriedToNext { cases money }
  caseRate { percent target gap met } moneyRate { percent target gap met }`;
const REPORT = `query($period: StatisticsPeriodInput!, $scope: StatisticsScopeInput) {
  statistics(period: $period, scope: $scope) { scope { name } totals { ${ROWS} }
    byAgency { name rows { ${ROWS} } } byCommune { name rows { ${ROWS} } } byOfficer { name rows { ${ROWS} } } } }`;

const day = (date: string) => new Date(`${date}T12:00:00+07:00`);
type Step = [at: Date, status: string, owed: string, collected: string];

let app: App;
let officeA: Agency;
let officeB: Agency;
let farOffice: Agency;
let c1: Area;
let c2: Area;
let o1: User;
let adminToken: string;
let headAToken: string;
let committeeToken: string;
let communeToken: string;
let policeToken: string;

async function historyCase(key: string, lead: Agency, commune: Area, officer: User | null, steps: Step[]) {
  const id = randomUUID();
  const conn = app.orm.em.getConnection();
  const last = steps[steps.length - 1]!;
  await conn.execute(
    `insert into enforcement_case (id, judgment_number, judgment_court, judgment_date, received_at, kind, lead_agency_id, officer_id, commune_id, status, version, created_at, updated_at, search_text)
     values (?, ?, 'TAND khu vực 1', '2025-01-01', ?, 'ON_REQUEST', ?, ?, ?, ?, 1, ?, now(), '')`,
    [id, `EX-${key}`, steps[0]![0], lead.id, officer?.id ?? null, commune.id, last[1], steps[0]![0]],
  );
  await conn.execute(
    `insert into obligation (id, case_id, kind, description, amount_owed, amount_collected, fulfilled, created_at) values (?, ?, 'PAY_MONEY', 'Trả tiền', ?, ?, false, now())`,
    [randomUUID(), id, last[2], last[3]],
  );
  const accepted = steps.find((s) => s[1] !== 'RECEIVED')?.[0] ?? null;
  for (let i = 0; i < steps.length; i++) {
    const [from, status, owed, collected] = steps[i]!;
    const to = steps[i + 1]?.[0] ?? null;
    await conn.execute(
      `insert into case_state_history (case_id, valid_from, valid_to, status, lead_agency_id, commune_id, officer_id, amount_owed, amount_collected, accepted_at)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [id, from, to, status, lead.id, commune.id, officer?.id ?? null, owed, collected, accepted && accepted <= from ? accepted : null],
    );
  }
}

const exportUrl = (ext: 'xlsx' | 'csv', params: Record<string, string>) =>
  `${app.url}/export/statistics.${ext}?${new URLSearchParams(params)}`;
const download = (ext: 'xlsx' | 'csv', params: Record<string, string>, token?: string) =>
  fetch(exportUrl(ext, params), { headers: token ? { authorization: `Bearer ${token}` } : {} });

/** The figures of one Ministry row as the export writes them (cases, money as a decimal string). */
function expected(rows: Record<string, any>) {
  return EXPORT_ROWS.map((r) => {
    const f = r.figure(rows as never);
    return { number: r.number, cases: f.cases, money: f.money };
  });
}

async function workbookOf(res: Response) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as never);
  return wb;
}

/** A money cell read back: numbers up to 2^53 are numbers, larger sums are exact text. */
const moneyText = (v: ExcelJS.CellValue) => (v == null || v === '' ? null : typeof v === 'number' ? BigInt(v).toString() : String(v));
const casesOf = (v: ExcelJS.CellValue) => (v == null || v === '' ? null : Number(v));

beforeAll(async () => {
  app = await startTestApp(await createTestDatabase());
  const p = await makeProvince(app.orm);
  c1 = p.communeA;
  c2 = p.communeB;
  const far = await makeProvince(app.orm);
  officeA = await makeAgency(app.orm, AgencyKind.ENFORCEMENT_OFFICE, [c1, c2], 'Phòng THADS khu vực Xuất');
  officeB = await makeAgency(app.orm, AgencyKind.ENFORCEMENT_OFFICE, [c1], 'Phòng THADS khu vực Bên');
  farOffice = await makeAgency(app.orm, AgencyKind.ENFORCEMENT_OFFICE, [far.communeA], 'Phòng THADS tỉnh khác');
  o1 = await makeUser(app.orm, officeA, [Role.ENFORCEMENT_OFFICER]);
  adminToken = (await signIn(app, (await makeUser(app.orm, officeA, [Role.SYSTEM_ADMIN])).username)).accessToken;
  headAToken = (await signIn(app, (await makeUser(app.orm, officeA, [Role.AGENCY_HEAD])).username)).accessToken;
  const committee = await makeAgency(app.orm, AgencyKind.STEERING_COMMITTEE, [p.province], 'Ban Chỉ đạo THADS tỉnh Xuất');
  committeeToken = (await signIn(app, (await makeUser(app.orm, committee, [Role.STEERING_MEMBER])).username)).accessToken;
  const commune = await makeAgency(app.orm, AgencyKind.PEOPLES_COMMITTEE, [c2], 'UBND xã Hai');
  communeToken = (await signIn(app, (await makeUser(app.orm, commune, [Role.OFFICER])).username)).accessToken;
  const police = await makeAgency(app.orm, AgencyKind.POLICE, [c1], 'Công an xã Một');
  policeToken = (await signIn(app, (await makeUser(app.orm, police, [Role.OFFICER])).username)).accessToken;

  // Statistical year 2026 (1/10/2025 – 30/9/2026): carried over and completed, a sum above 2^53,
  // terminated, partly paid, not yet enforceable, postponed; another office's case; a far province's case.
  await historyCase('A1', officeA, c1, o1, [
    [day('2025-06-10'), 'ENFORCING', '777000000', '100000000'],
    [day('2026-01-20'), 'COMPLETED', '777000000', '777000000'],
  ]);
  await historyCase('A2', officeA, c1, o1, [
    [day('2025-11-05'), 'DECISION_ISSUED', '9600000000000001', '0'],
    [day('2026-03-01'), 'ENFORCING', '9600000000000001', '600000000000000'],
  ]);
  await historyCase('A3', officeA, c2, o1, [
    [day('2025-07-01'), 'ENFORCING', '300000000', '0'],
    [day('2026-04-10'), 'TERMINATED', '300000000', '0'],
  ]);
  await historyCase('A4', officeA, c2, null, [
    [day('2026-02-01'), 'ENFORCING', '200000000', '50000000'],
    [day('2026-05-01'), 'TERMINATED', '200000000', '50000000'],
  ]);
  await historyCase('A5', officeA, c2, o1, [[day('2025-09-01'), 'NOT_YET_ENFORCEABLE', '1000000000', '0']]);
  await historyCase('A6', officeA, c1, o1, [
    [day('2026-01-10'), 'ENFORCEABLE', '90000000', '0'],
    [day('2026-06-01'), 'POSTPONED', '90000000', '0'],
  ]);
  await historyCase('B1', officeB, c1, null, [[day('2025-11-01'), 'ENFORCING', '60000000', '0']]);
  await historyCase('F1', farOffice, far.communeA, null, [[day('2025-11-01'), 'ENFORCING', '70000000', '0']]);
  const target = await gql(
    app,
    'mutation($i: SetStatisticsTargetInput!) { setStatisticsTarget(input: $i) { id } }',
    { i: { agencyId: officeA.id, statisticalYear: 2026, caseRatePercent: '80', moneyRatePercent: '40.5' } },
    adminToken,
  );
  expect(target.errors).toBeUndefined();
});

afterAll(async () => {
  await app?.close();
});

describe('statistics export: the files carry the API figures', () => {
  const cases: Array<{ label: string; token: () => string; params: Record<string, string>; scope: () => Record<string, string> | null }> = [
    {
      label: 'an office head, their office, the statistical year',
      token: () => headAToken,
      params: { kind: 'STATISTICAL_YEAR', year: '2026' },
      scope: () => null,
    },
    {
      label: 'a committee member, office A, quarter 2',
      token: () => committeeToken,
      params: { kind: 'QUARTER', year: '2026', number: '2' },
      scope: () => ({ agencyId: officeA.id }),
    },
    {
      label: 'a committee member, the province, the statistical year',
      token: () => committeeToken,
      params: { kind: 'STATISTICAL_YEAR', year: '2026' },
      scope: () => null,
    },
  ];

  it.each(cases)('xlsx: $label', async ({ token, params, scope }) => {
    const s = scope();
    const api = await gql(
      app,
      REPORT,
      { period: { kind: params.kind, statisticalYear: Number(params.year), number: Number(params.number ?? 1) }, scope: s },
      token(),
    );
    expect(api.errors).toBeUndefined();
    const report = api.data!.statistics;
    expect(report.totals.totalAccepted.cases).toBeGreaterThan(0);

    const res = await download('xlsx', { ...params, ...(s ?? {}) }, token());
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="?thong-ke-thads-.+\.xlsx"?$/);
    const wb = await workbookOf(res);
    const summary = wb.getWorksheet('Tổng hợp')!;
    expect(String(summary.getCell('A2').value)).toContain(report.scope.name);
    // The Ministry table: column A the row number, C cases, D money.
    const byNumber = new Map<string, { cases: number | null; money: string | null }>();
    summary.eachRow((row) => {
      const n = row.getCell(1).value;
      if (typeof n === 'string' && /^\d+(\.\d+)*$/.test(n)) {
        byNumber.set(n, { cases: casesOf(row.getCell(3).value), money: moneyText(row.getCell(4).value) });
      }
    });
    const want = expected(report.totals);
    expect(byNumber.size).toBe(want.length);
    for (const w of want) expect(byNumber.get(w.number), `row ${w.number}`).toEqual({ cases: w.cases, money: w.money });

    // One sheet per breakdown: a line per office / commune / officer with the same figures as the API.
    for (const [sheet, lines] of [
      ['Theo cơ quan', report.byAgency],
      ['Theo xã', report.byCommune],
      ['Theo chấp hành viên', report.byOfficer],
    ] as const) {
      const ws = wb.getWorksheet(sheet)!;
      expect(ws.rowCount - 3, sheet).toBe(lines.length);
      lines.forEach((line: any, i: number) => {
        const row = ws.getRow(4 + i);
        expect(row.getCell(1).value).toBe(line.name);
        expected(line.rows).forEach((w, j) => {
          expect(casesOf(row.getCell(2 + 2 * j).value), `${sheet} ${line.name} ${w.number} cases`).toBe(w.cases);
          expect(moneyText(row.getCell(3 + 2 * j).value), `${sheet} ${line.name} ${w.number} money`).toBe(w.money);
        });
      });
    }
  });

  it('the money above 2^53 is exact in the workbook (text), and the rates and target are there', async () => {
    const res = await download('xlsx', { kind: 'STATISTICAL_YEAR', year: '2026' }, headAToken);
    const summary = (await workbookOf(res)).getWorksheet('Tổng hợp')!;
    const values: ExcelJS.CellValue[][] = [];
    summary.eachRow((row) => values.push((row.values as ExcelJS.CellValue[]).slice(1)));
    const accepted = values.find((v) => v[0] === '3')!;
    // What remains to collect when accepted or carried over: (777 − 100) M + 9,600,000,000,000,001 + 300 M + 200 M + 1,000 M + 90 M.
    expect(accepted[3]).toBe('9600002267000001');
    const target = values.find((v) => v[1] === 'Chỉ tiêu (%)')!;
    expect(target.slice(2)).toEqual([80, 40.5]);
  });

  it('CSV: UTF-8 with a BOM, Vietnamese intact, the same figures as the API', async () => {
    const s = { agencyId: officeA.id };
    const api = await gql(app, REPORT, { period: { kind: 'STATISTICAL_YEAR', statisticalYear: 2026 }, scope: s }, committeeToken);
    const report = api.data!.statistics;
    const res = await download('csv', { kind: 'STATISTICAL_YEAR', year: '2026', ...s }, committeeToken);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const rows = await new Promise<string[][]>((resolve, reject) => {
      const out: string[][] = [];
      parseString(text.slice(1))
        .on('data', (r: string[]) => out.push(r))
        .on('end', () => resolve(out))
        .on('error', reject);
    });
    const [header, ...lines] = rows;
    expect(header![0]).toBe('Nhóm');
    expect(header).toContain('7.1. Thi hành xong (tiền: số đã thu) – việc');
    const groups = [
      ['Tổng', [{ name: report.scope.name, rows: report.totals }]],
      ['Cơ quan', report.byAgency],
      ['Xã', report.byCommune],
      ['Chấp hành viên', report.byOfficer],
    ] as const;
    expect(lines.length).toBe(groups.reduce((n, [, ls]) => n + ls.length, 0));
    let at = 0;
    for (const [group, ls] of groups) {
      for (const line of ls as ReadonlyArray<{ name: string; rows: any }>) {
        const csv = lines[at++]!;
        expect(csv.slice(0, 2)).toEqual([group, line.name]);
        const figures = expected(line.rows).flatMap((w) => [w.cases == null ? '' : String(w.cases), w.money ?? '']);
        expect(csv.slice(2, 2 + figures.length), `${group} ${line.name}`).toEqual(figures);
        expect(csv[2 + figures.length]).toBe(line.rows.caseRate.percent == null ? '' : String(line.rows.caseRate.percent));
      }
    }
  });
});

describe('targets (chỉ tiêu) as the targets screen sets them', () => {
  it('setting a target again updates it, names the office, and the export shows the new target', async () => {
    const set = async (caseRatePercent: string) =>
      gql(
        app,
        'mutation($i: SetStatisticsTargetInput!) { setStatisticsTarget(input: $i) { agencyId agencyName statisticalYear caseRatePercent moneyRatePercent version } }',
        { i: { agencyId: officeA.id, statisticalYear: 2026, caseRatePercent, moneyRatePercent: '40.5' } },
        committeeToken,
      );
    const first = await set('81.5');
    expect(first.errors).toBeUndefined();
    const again = await set('82.25');
    expect(again.errors).toBeUndefined();
    expect(again.data!.setStatisticsTarget).toEqual({
      agencyId: officeA.id,
      agencyName: 'Phòng THADS khu vực Xuất',
      statisticalYear: 2026,
      caseRatePercent: '82.25',
      moneyRatePercent: '40.50',
      version: first.data!.setStatisticsTarget.version + 1,
    });
    const res = await download('xlsx', { kind: 'STATISTICAL_YEAR', year: '2026' }, headAToken);
    const summary = (await workbookOf(res)).getWorksheet('Tổng hợp')!;
    const values: ExcelJS.CellValue[][] = [];
    summary.eachRow((row) => values.push((row.values as ExcelJS.CellValue[]).slice(1)));
    expect(values.find((v) => v[1] === 'Chỉ tiêu (%)')!.slice(2)).toEqual([82.25, 40.5]);
  });
});

describe('statistics export: authorised like the statistics query', () => {
  const code = async (res: Response) =>
    ((await res.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0]!.extensions.code;

  it('no token: 401 UNAUTHENTICATED, as JSON', async () => {
    const res = await download('xlsx', { kind: 'STATISTICAL_YEAR', year: '2026' });
    expect(res.status).toBe(401);
    expect(await code(res)).toBe('UNAUTHENTICATED');
  });

  it('an officer of an agency without statistics (police): 403 FORBIDDEN for both files', async () => {
    for (const ext of ['xlsx', 'csv'] as const) {
      const res = await download(ext, { kind: 'STATISTICAL_YEAR', year: '2026' }, policeToken);
      expect(res.status, ext).toBe(403);
      expect(await code(res)).toBe('FORBIDDEN');
    }
  });

  it('an office head: another office is 403, their own is the default scope', async () => {
    const other = await download('csv', { kind: 'STATISTICAL_YEAR', year: '2026', agencyId: officeB.id }, headAToken);
    expect(other.status).toBe(403);
    expect(await code(other)).toBe('FORBIDDEN');
  });

  it('a committee member: offices in the covered province yes, an office of another province no', async () => {
    const near = await download('csv', { kind: 'STATISTICAL_YEAR', year: '2026', agencyId: officeB.id }, committeeToken);
    expect(near.status).toBe(200);
    expect(await near.text()).toContain('Phòng THADS khu vực Bên');
    const far = await download('xlsx', { kind: 'STATISTICAL_YEAR', year: '2026', agencyId: farOffice.id }, committeeToken);
    expect(far.status).toBe(403);
    expect(await code(far)).toBe('FORBIDDEN');
  });

  it("a commune official: only their commune's figures; another commune is 403", async () => {
    const own = await download('xlsx', { kind: 'STATISTICAL_YEAR', year: '2026' }, communeToken);
    expect(own.status).toBe(200);
    const api = await gql(app, REPORT, { period: { kind: 'STATISTICAL_YEAR', statisticalYear: 2026 } }, communeToken);
    const totalAccepted = api.data!.statistics.totals.totalAccepted;
    expect(totalAccepted.cases).toBe(3); // A3, A4, A5 are in commune 2
    const summary = (await workbookOf(own)).getWorksheet('Tổng hợp')!;
    let row3: ExcelJS.Row | undefined;
    summary.eachRow((row) => {
      if (row.getCell(1).value === '3') row3 = row;
    });
    expect(casesOf(row3!.getCell(3).value)).toBe(3);
    expect(moneyText(row3!.getCell(4).value)).toBe(totalAccepted.money);
    const other = await download('csv', { kind: 'STATISTICAL_YEAR', year: '2026', areaId: c1.id }, communeToken);
    expect(other.status).toBe(403);
  });

  it('bad input: 400 BAD_USER_INPUT with the field', async () => {
    const bad: Array<Record<string, string>> = [
      { kind: 'WEEK', year: '2026' },
      { kind: 'MONTH' },
      { kind: 'MONTH', year: '2026', agencyId: 'not-a-uuid' },
    ];
    for (const params of bad) {
      const res = await download('csv', params, adminToken);
      expect(res.status, JSON.stringify(params)).toBe(400);
      expect(await code(res)).toBe('BAD_USER_INPUT');
    }
  });
});
