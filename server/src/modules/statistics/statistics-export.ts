import { format as formatCsv } from '@fast-csv/format';
import ExcelJS from 'exceljs';
import type { BreakdownLine, Figure, Rate, StatisticsReport, StatisticsRows } from './statistics.service';

/**
 * The statistics as files (issue 14 item 5): an Excel workbook laid out like the Ministry's report
 * table (Thông tư 06/2019/TT-BTP, rule 9 — the rows as rows, cases and money as columns, then the
 * same rows per office, commune and officer) and a flat CSV of the same figures (UTF-8 with a BOM,
 * so Excel opens the Vietnamese correctly). Both are built from one `StatisticsReport`, the object
 * the GraphQL `statistics` query returns, so the files can never disagree with the screen.
 */

/** One line of the Ministry table: its number, its Vietnamese label and how to read it from the rows. */
export interface ExportRow {
  number: string;
  label: string;
  figure: (rows: StatisticsRows) => { cases: number | null; money: string | null };
}

const both = (f: (r: StatisticsRows) => Figure) => (r: StatisticsRows) => ({ cases: f(r).cases, money: f(r).money });

/** The rows of the Ministry's table, in its order (rule 9). */
export const EXPORT_ROWS: readonly ExportRow[] = [
  { number: '1', label: 'Số cũ chuyển sang', figure: both((r) => r.carriedOver) },
  { number: '2', label: 'Số mới thụ lý', figure: both((r) => r.newlyAccepted) },
  { number: '3', label: 'Tổng số thụ lý (1 + 2)', figure: both((r) => r.totalAccepted) },
  { number: '4', label: 'Ủy thác thi hành án', figure: both((r) => r.entrustedOut) },
  { number: '5', label: 'Tổng số phải thi hành (3 − 4)', figure: both((r) => r.totalToEnforce) },
  { number: '6', label: 'Chưa có điều kiện thi hành', figure: both((r) => r.notYetEnforceable) },
  { number: '7', label: 'Có điều kiện thi hành', figure: both((r) => r.enforceable) },
  { number: '7.1', label: 'Thi hành xong (tiền: số đã thu)', figure: both((r) => r.completed) },
  { number: '7.1.1', label: '– Thi hành xong toàn bộ', figure: (r) => ({ cases: r.completedFullyCases, money: null }) },
  { number: '7.1.2', label: '– Đình chỉ thi hành án', figure: (r) => ({ cases: r.completedTerminatedCases, money: null }) },
  {
    number: '7.1.3',
    label: '– Thi hành được một phần, phần còn lại đình chỉ/ủy thác',
    figure: (r) => ({ cases: r.completedPartlyCases, money: null }),
  },
  { number: '7.2', label: 'Đình chỉ (số tiền không thu)', figure: (r) => ({ cases: null, money: r.terminatedUncollectedMoney }) },
  { number: '7.3', label: 'Hoãn thi hành án', figure: both((r) => r.postponed) },
  { number: '7.4', label: 'Tạm đình chỉ thi hành án', figure: both((r) => r.suspended) },
  { number: '7.5', label: 'Đang thi hành', figure: both((r) => r.inProgress) },
  { number: '8', label: 'Chuyển kỳ sau', figure: both((r) => r.carriedToNext) },
];

const RATE_LINES: ReadonlyArray<{ label: string; value: (rate: Rate) => string | number | null }> = [
  { label: 'Tỷ lệ thi hành xong (%)', value: (r) => r.percent },
  { label: 'Chỉ tiêu (%)', value: (r) => r.target },
  { label: 'Chênh lệch so với chỉ tiêu (điểm %)', value: (r) => r.gap },
  { label: 'Đạt chỉ tiêu', value: (r) => (r.met == null ? null : r.met ? 'Đạt' : 'Chưa đạt') },
];

/** Excel stores numbers as doubles: đồng amounts beyond 2^53 go in as text so no digit is lost. */
function moneyCell(money: string | null): number | string | null {
  if (money == null) return null;
  const n = BigInt(money);
  return n <= BigInt(Number.MAX_SAFE_INTEGER) && n >= -BigInt(Number.MAX_SAFE_INTEGER) ? Number(n) : money;
}

const dmy = (ymd: string) => ymd.split('-').reverse().join('/');

/** "Năm thống kê 2026 (01/10/2025 – 30/09/2026)": what the file covers, for its title. */
export function periodTitle(report: StatisticsReport): string {
  const p = report.period;
  const kind: Record<string, string> = {
    MONTH: `Tháng thứ ${p.number}`,
    QUARTER: `Quý ${p.number}`,
    HALF_YEAR: `${p.number === 1 ? '6 tháng đầu' : '6 tháng cuối'}`,
    STATISTICAL_YEAR: 'Cả năm',
    MONTHS_TO_DATE: `${p.number} tháng`,
  };
  return `${kind[p.kind] ?? p.kind}, năm thống kê ${p.statisticalYear} (${dmy(p.firstDay)} – ${dmy(p.lastDay)})`;
}

const BREAKDOWNS: ReadonlyArray<{ sheet: string; heading: string; lines: (r: StatisticsReport) => BreakdownLine[] }> = [
  { sheet: 'Theo cơ quan', heading: 'Cơ quan thi hành án', lines: (r) => r.byAgency },
  { sheet: 'Theo xã', heading: 'Xã, phường', lines: (r) => r.byCommune },
  { sheet: 'Theo chấp hành viên', heading: 'Chấp hành viên', lines: (r) => r.byOfficer },
];

/** The workbook: sheet "Tổng hợp" (the Ministry table), then one sheet per breakdown. */
export async function statisticsWorkbook(report: StatisticsReport): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Phối Hợp';
  wb.created = new Date();
  const money = '#,##0';

  const summary = wb.addWorksheet('Tổng hợp', { pageSetup: { orientation: 'portrait', fitToPage: true, fitToWidth: 1 } });
  summary.columns = [{ width: 8 }, { width: 52 }, { width: 12 }, { width: 22 }];
  summary.addRow(['KẾT QUẢ THI HÀNH ÁN DÂN SỰ (Thông tư 06/2019/TT-BTP)']).font = { bold: true, size: 13 };
  summary.addRow([`Đơn vị: ${report.scope.name}`]);
  summary.addRow([`Kỳ: ${periodTitle(report)}`]);
  summary.addRow([]);
  const header = summary.addRow(['STT', 'Chỉ tiêu', 'Việc', 'Tiền (đồng)']);
  header.font = { bold: true };
  for (const row of EXPORT_ROWS) {
    const f = row.figure(report.totals);
    const line = summary.addRow([row.number, row.label, f.cases, moneyCell(f.money)]);
    line.getCell(4).numFmt = money;
  }
  summary.addRow([]);
  summary.addRow(['', '', 'Về việc', 'Về tiền']).font = { bold: true };
  for (const r of RATE_LINES) summary.addRow(['', r.label, r.value(report.totals.caseRate), r.value(report.totals.moneyRate)]);

  for (const b of BREAKDOWNS) {
    const sheet = wb.addWorksheet(b.sheet);
    sheet.addRow([`${b.heading} — ${report.scope.name} — ${periodTitle(report)}`]).font = { bold: true };
    const h1 = [b.heading, ...EXPORT_ROWS.flatMap((r) => [`${r.number}. ${r.label}`, '']), 'Tỷ lệ việc (%)', 'Tỷ lệ tiền (%)'];
    const h2 = ['', ...EXPORT_ROWS.flatMap(() => ['Việc', 'Tiền (đồng)']), '', ''];
    sheet.addRow(h1).font = { bold: true };
    sheet.addRow(h2).font = { bold: true };
    for (const line of b.lines(report)) {
      const values = EXPORT_ROWS.flatMap((r) => {
        const f = r.figure(line.rows);
        return [f.cases, moneyCell(f.money)];
      });
      const added = sheet.addRow([line.name, ...values, line.rows.caseRate.percent, line.rows.moneyRate.percent]);
      EXPORT_ROWS.forEach((_, i) => (added.getCell(3 + 2 * i).numFmt = money));
    }
    sheet.getColumn(1).width = 34;
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The UTF-8 byte order mark: without it Excel reads a CSV in the local code page and garbles "Việc". */
export const UTF8_BOM = '\uFEFF';

/**
 * The CSV: one line for the total and one per office, commune and officer; for each Ministry row a
 * cases column and a money column (exact đồng, never rounded), then the rates. Starts with the BOM.
 */
export async function statisticsCsv(report: StatisticsReport): Promise<string> {
  const headers = [
    'Nhóm',
    'Đơn vị',
    ...EXPORT_ROWS.flatMap((r) => [`${r.number}. ${r.label} – việc`, `${r.number}. ${r.label} – tiền (đồng)`]),
    'Tỷ lệ việc (%)',
    'Tỷ lệ tiền (%)',
  ];
  const line = (group: string, name: string, rows: StatisticsRows) => [
    group,
    name,
    ...EXPORT_ROWS.flatMap((r) => {
      const f = r.figure(rows);
      return [f.cases ?? '', f.money ?? ''];
    }),
    rows.caseRate.percent ?? '',
    rows.moneyRate.percent ?? '',
  ];
  const lines = [
    line('Tổng', report.scope.name, report.totals),
    ...report.byAgency.map((l) => line('Cơ quan', l.name, l.rows)),
    ...report.byCommune.map((l) => line('Xã', l.name, l.rows)),
    ...report.byOfficer.map((l) => line('Chấp hành viên', l.name, l.rows)),
  ];
  const stream = formatCsv({ headers, writeBOM: true, quoteColumns: false });
  const chunks: Buffer[] = [];
  const done = new Promise<string>((resolve, reject) => {
    stream.on('data', (c: Buffer) => chunks.push(c));
    stream.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    stream.on('error', reject);
  });
  for (const l of lines) stream.write(l);
  stream.end();
  return done;
}
