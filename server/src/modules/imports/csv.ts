import { parse } from 'csv-parse/sync';
import { badInput } from '../../errors';

/** The CSV plumbing every import kind shares: parsing, per-row error collection, list cells. */

/** Why a cell is refused; the code is the language-neutral form (English in docs/IMPORTS.md). */
export type RowErrorCode =
  | 'MISSING_COLUMN'
  | 'REQUIRED'
  | 'INVALID'
  | 'DUPLICATE_IN_FILE'
  | 'UNKNOWN_REFERENCE'
  | 'NOT_ALLOWED'
  | 'CONFLICT';

/** One problem of one row: its line in the file (header = 1), the column and what is wrong (Vietnamese). */
export interface RowError {
  row: number;
  column: string;
  code: RowErrorCode;
  message: string;
}

/** Largest file accepted (rows); a bigger caseload is split into several files. */
export const MAX_IMPORT_ROWS = 20_000;

export type Cells = Record<string, string>;
export interface Parsed<T> {
  line: number;
  value?: T;
  /** The natural key exists already. */
  exists?: boolean;
  errors: RowError[];
}

const CODE = /^[A-Za-z0-9._-]{1,32}$/;

export const list = (s: string | undefined) =>
  (s ?? '')
    .split(';')
    .map((x) => x.trim())
    .filter(Boolean);

/** Parses CSV text (UTF-8, BOM allowed, `,` or `;` separated) into a header and records with their line numbers. */
export function parseCsv(text: string): { header: string[]; records: Array<{ line: number; cells: Cells }> } {
  const firstLine = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  // Spreadsheets set to Vietnamese export with ';' (',' is the decimal separator there).
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  let rows: Array<{ record: string[]; info: { lines: number } }>;
  try {
    rows = parse(text, {
      bom: true,
      delimiter,
      skip_empty_lines: true,
      relax_column_count: true,
      info: true,
      trim: true,
    }) as unknown as typeof rows;
  } catch (err) {
    throw badInput(`Tệp CSV không đọc được: ${(err as Error).message}`, { field: 'file' });
  }
  if (rows.length === 0) throw badInput('Tệp CSV trống: cần dòng tiêu đề và ít nhất một dòng dữ liệu.', { field: 'file' });
  if (rows.length - 1 > MAX_IMPORT_ROWS)
    throw badInput(`Tệp có ${rows.length - 1} dòng, vượt giới hạn ${MAX_IMPORT_ROWS} dòng; hãy chia thành nhiều tệp.`, { field: 'file' });
  const header = rows[0].record.map((h) => h.trim().toLowerCase());
  const records = rows.slice(1).map(({ record, info }) => ({
    line: info.lines,
    cells: Object.fromEntries(header.map((h, i) => [h, record[i] ?? ''])),
  }));
  return { header, records };
}

/** Collects the errors of one row while reading its cells. */
export function rowChecker(line: number, cells: Cells) {
  const errors: RowError[] = [];
  const fail = (column: string, code: RowErrorCode, message: string) => errors.push({ row: line, column, code, message });
  const text = (column: string, max: number): string | undefined => {
    const v = cells[column]?.trim();
    if (!v) {
      fail(column, 'REQUIRED', `Cột "${column}" không được để trống.`);
      return undefined;
    }
    if (v.length > max) fail(column, 'INVALID', `Cột "${column}" dài quá ${max} ký tự.`);
    return v;
  };
  return {
    errors,
    fail,
    text,
    code(column: string, max = 32): string | undefined {
      const v = text(column, max)?.toUpperCase();
      if (v && !CODE.test(v)) fail(column, 'INVALID', `Mã "${v}" chỉ gồm chữ không dấu, chữ số, ".", "-" hoặc "_".`);
      return v;
    },
    result<T>(value: T, exists: boolean): Parsed<T> {
      return { line, value, exists, errors };
    },
  };
}
