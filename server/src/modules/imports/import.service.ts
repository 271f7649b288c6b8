import type { EntityManager } from '@mikro-orm/postgresql';
import { Role, type Viewer } from '../../auth/viewer';
import { type AppError, badInput, conflict } from '../../errors';
import type { Outbox } from '../../events/outbox';
import { assertAllowed, canGrantRoles, canImport, canOnUser } from '../../policy/abilities';
import { Agency, AgencyKind } from '../agencies/agency.entity';
import type { AgencyCreation } from '../agencies/agencies.surface';
import { Area, AreaKind } from '../areas/area.entity';
import type { AreaCreation } from '../areas/areas.surface';
import { User } from '../users/user.entity';
import type { UserCreation } from '../users/users.surface';
import { streams, topics } from '../../events/vocabulary';
import type { CalendarSource } from '../calendar/calendar.surface';
import { CASE_COLUMNS, type CaseRow, validateCases, writeCases } from './case-import';
import { type Cells, list, MAX_IMPORT_ROWS, type Parsed, parseCsv, type RowError, rowChecker } from './csv';

export { MAX_IMPORT_ROWS, type RowError, type RowErrorCode } from './csv';

/** What a CSV file holds (docs/IMPORTS.md). */
export type ImportKind = 'areas' | 'agencies' | 'users' | 'cases';
export const IMPORT_KINDS: readonly ImportKind[] = ['areas', 'agencies', 'users', 'cases'];

/** The outcome of a dry run or an import. */
export interface ImportReport {
  kind: ImportKind;
  dryRun: boolean;
  /** Data rows in the file. */
  rows: number;
  /** Rows that would be (or were) created. */
  created: number;
  /** Rows whose natural key already exists: left as they are (importing twice changes nothing). */
  unchanged: number;
  /** Rows with errors that were skipped (only with skipBadRows). */
  skipped: number;
  /** False when the file had errors and skipping was not asked for: nothing was written. */
  applied: boolean;
  errors: RowError[];
}

export interface ImportOptions {
  dryRun?: boolean;
  /** Import the valid rows of a file that has errors (the bad rows are reported and left out). */
  skipBadRows?: boolean;
  /** Called after each written row (done, total) — the CLI's progress bar. */
  onProgress?: (done: number, total: number) => void;
  /** Runs first inside the import's transaction (a job takes its liveness lock here). */
  begin?: (em: EntityManager) => Promise<void>;
  /** Runs last inside the import's transaction, after the rows are written: commits with them (a job records DONE). */
  beforeCommit?: (em: EntityManager, report: ImportReport) => Promise<void>;
}

/**
 * The advisory lock one import of `kind` holds for its whole transaction, so that two imports that
 * could write the same rows never overlap (two uploads of the same new file would otherwise both pass
 * validation and both write). Cases: per lead office (their natural key starts with it); the
 * directory (areas, agencies, users): one lock per kind, their natural keys are nationwide.
 */
export function importLockKey(kind: ImportKind, viewer: Viewer): string {
  return kind === 'cases' ? `phoihop:import:cases:${viewer.agencyId}` : `phoihop:import:${kind}`;
}

/** CONFLICT: another import holding the same lock is running; nothing of this file was written. */
export function importBusy(kind: ImportKind): AppError {
  return conflict(
    `Đang có một lần nhập tệp ${KIND_NAMES[kind]} khác chạy (của cơ quan bạn hoặc toàn hệ thống); tệp này chưa được nhập, không có dòng nào được ghi. ` +
      'Hãy đợi lần nhập kia xong rồi tải lên lại: các dòng đã có sẽ được giữ nguyên, không bị ghi trùng.',
    { field: 'file', reason: 'IMPORT_RUNNING' },
  );
}

const KIND_NAMES: Record<ImportKind, string> = {
  areas: 'địa bàn',
  agencies: 'cơ quan',
  users: 'tài khoản',
  cases: 'việc thi hành án',
};

interface AreaRow {
  code: string;
  name: string;
  kind: AreaKind;
  parentCode: string | null;
}
interface AgencyRow {
  code: string;
  name: string;
  kind: AgencyKind;
  parentCode: string | null;
  areaCodes: string[];
}
interface UserRow {
  username: string;
  fullName: string;
  agencyCode: string;
  roles: Role[];
  password: string;
  phone: string | null;
}

/** Column names of each kind (Vietnamese, no diacritics, as spreadsheets export them) and which are required. */
const COLUMNS: Record<ImportKind, { required: string[]; optional: string[] }> = {
  areas: { required: ['ma', 'ten', 'cap'], optional: ['ma_cap_tren'] },
  agencies: { required: ['ma', 'ten', 'loai'], optional: ['ma_co_quan_cap_tren', 'ma_dia_ban'] },
  users: { required: ['ten_dang_nhap', 'ho_ten', 'ma_co_quan', 'vai_tro', 'mat_khau'], optional: ['dien_thoai'] },
  cases: CASE_COLUMNS,
};

const AREA_KINDS: Record<string, AreaKind> = {
  QUOC_GIA: AreaKind.NATION,
  TINH: AreaKind.PROVINCE,
  XA: AreaKind.COMMUNE,
  NATION: AreaKind.NATION,
  PROVINCE: AreaKind.PROVINCE,
  COMMUNE: AreaKind.COMMUNE,
};
/** The two-tier hierarchy since 1 July 2025: nation → province → commune (DISTRICT is history only). */
const AREA_PARENT: Record<AreaKind, AreaKind | null> = {
  [AreaKind.NATION]: null,
  [AreaKind.PROVINCE]: AreaKind.NATION,
  [AreaKind.DISTRICT]: AreaKind.PROVINCE,
  [AreaKind.COMMUNE]: AreaKind.PROVINCE,
};
const USERNAME = /^[a-zA-Z0-9._-]{3,64}$/;
const PASSWORD = /^(?=.*[a-z])(?=.*[A-Z])(?=.*\d).{10,128}$/;
const PHONE = /^\+?\d{9,15}$/;
/**
 * CSV imports of the directory (areas, agencies, users) with a dry run. The whole file is validated
 * first — columns, formats, duplicates inside the file and references to rows of the file or the
 * database — into a per-row report; a file with errors writes nothing unless `skipBadRows`. Rows are
 * written through the feature services (same rules, same events), all in ONE transaction: directory
 * files are small (thousands of rows), and all-or-nothing means a failure leaves nothing half-imported.
 * The natural keys (area code, agency code, username) make it idempotent: an existing key is left as it
 * is and counted as unchanged.
 */
export class ImportService {
  constructor(
    private readonly outbox: Outbox,
    private readonly services: { areas: AreaCreation; agencies: AgencyCreation; users: UserCreation; calendar: CalendarSource },
  ) {}

  /**
   * Validates `csvText` as a file of `kind` and, unless a dry run or refused for errors, imports it.
   * A real import validates inside its own transaction, after taking the kind's lock (`importLockKey`;
   * CONFLICT when another import holds it): what it checks against is what it writes into, so a file
   * imported twice at the same time is written once.
   */
  async run(em: EntityManager, viewer: Viewer, kind: ImportKind, csvText: string, options: ImportOptions = {}): Promise<ImportReport> {
    assertAllowed(
      canImport(viewer, kind),
      kind === 'users' ? 'nhập danh sách tài khoản' : kind === 'cases' ? 'nhập việc thi hành án' : 'nhập danh mục địa bàn, cơ quan',
    );
    if (options.dryRun) return (await this.validate(em, viewer, kind, csvText, options)).report;
    return this.outbox.transaction(em, async (tx) => {
      const [{ locked }] = await tx.em.execute<{ locked: boolean }[]>('select pg_try_advisory_xact_lock(hashtext(?)) as locked', [
        importLockKey(kind, viewer),
      ]);
      if (!locked) throw importBusy(kind);
      await options.begin?.(tx.em);
      const { report, toCreate } = await this.validate(tx.em, viewer, kind, csvText, options);
      if (!toCreate) return report;
      let done = 0;
      if (kind === 'cases')
        await writeCases(
          tx,
          viewer,
          this.services.calendar,
          toCreate.map((r) => r.value as CaseRow),
          options.onProgress,
        );
      else
        for (const row of toCreate) {
          if (kind === 'areas') await this.createArea(tx.em, viewer, row.value as AreaRow);
          else if (kind === 'agencies') await this.createAgency(tx.em, viewer, row.value as AgencyRow);
          else await this.createUser(tx.em, viewer, row.value as UserRow);
          options.onProgress?.(++done, toCreate.length);
        }
      await tx.emit({
        type: 'import.completed',
        stream: streams.user(viewer.userId),
        actorId: viewer.userId,
        topics: [topics.directory],
        payload: { kind, rows: report.rows, created: report.created, unchanged: report.unchanged, skipped: report.skipped },
      });
      report.applied = true;
      await options.beforeCommit?.(tx.em, report);
      return report;
    });
  }

  /** The report of `csvText` against the data `em` sees, and the rows to write (null when nothing may be written). */
  private async validate(
    em: EntityManager,
    viewer: Viewer,
    kind: ImportKind,
    csvText: string,
    options: ImportOptions,
  ): Promise<{ report: ImportReport; toCreate: Parsed<unknown>[] | null }> {
    const { header, records } = parseCsv(csvText);
    const missing = COLUMNS[kind].required.filter((c) => !header.includes(c));
    const report: ImportReport = {
      kind,
      dryRun: Boolean(options.dryRun),
      rows: records.length,
      created: 0,
      unchanged: 0,
      skipped: 0,
      applied: false,
      errors: missing.map((column) => ({ row: 1, column, code: 'MISSING_COLUMN', message: `Thiếu cột "${column}" ở dòng tiêu đề.` })),
    };
    if (missing.length) return { report, toCreate: null };
    const parsed: Parsed<unknown>[] =
      kind === 'areas'
        ? await this.validateAreas(em, records)
        : kind === 'agencies'
          ? await this.validateAgencies(em, records)
          : kind === 'cases'
            ? await validateCases(em, viewer, header, records)
            : await this.validateUsers(em, viewer, records);
    report.errors = parsed.flatMap((p) => p.errors);
    const good = parsed.filter((p) => p.errors.length === 0);
    report.unchanged = good.filter((p) => p.exists).length;
    const toCreate = good.filter((p) => !p.exists);
    report.skipped = parsed.length - good.length;
    if (report.errors.length && !options.skipBadRows) {
      report.skipped = 0;
      return { report, toCreate: null };
    }
    report.created = toCreate.length;
    return { report, toCreate: options.dryRun ? null : toCreate };
  }

  private async validateAreas(em: EntityManager, records: Array<{ line: number; cells: Cells }>): Promise<Parsed<AreaRow>[]> {
    const codes = records.map((r) => r.cells.ma?.trim().toUpperCase()).filter(Boolean);
    const parentCodes = records.map((r) => r.cells.ma_cap_tren?.trim().toUpperCase()).filter(Boolean);
    const known = await codeMap(em, Area, [...codes, ...parentCodes]);
    const inFile = new Map<string, AreaKind>();
    return records.map(({ line, cells }) => {
      const p = rowChecker(line, cells);
      const code = p.code('ma');
      const name = p.text('ten', 200);
      const kindText = p.text('cap', 20)?.toUpperCase();
      const kind = kindText ? AREA_KINDS[kindText] : undefined;
      if (kindText && !kind)
        p.fail('cap', 'INVALID', `Cấp "${kindText}" không hợp lệ: dùng TINH (tỉnh, thành phố) hoặc XA (xã, phường, đặc khu).`);
      const parentCode = cells.ma_cap_tren?.trim().toUpperCase() || null;
      if (kind) {
        const wanted = AREA_PARENT[kind];
        const parentKind = parentCode ? (inFile.get(parentCode) ?? known.get(parentCode)?.kind) : undefined;
        if (wanted && !parentCode) p.fail('ma_cap_tren', 'REQUIRED', `Địa bàn cấp ${kindText} phải ghi mã địa bàn cấp trên.`);
        else if (!wanted && parentCode) p.fail('ma_cap_tren', 'INVALID', 'Địa bàn cấp quốc gia không có cấp trên.');
        else if (parentCode && !parentKind)
          p.fail('ma_cap_tren', 'UNKNOWN_REFERENCE', `Không có địa bàn mã "${parentCode}" (trong hệ thống hoặc ở các dòng trên, hợp lệ).`);
        else if (parentCode && parentKind !== wanted)
          p.fail(
            'ma_cap_tren',
            'INVALID',
            `Địa bàn cấp trên "${parentCode}" phải là cấp ${wanted === AreaKind.PROVINCE ? 'tỉnh' : 'quốc gia'}.`,
          );
      }
      const existing = code ? known.get(code) : undefined;
      if (code && inFile.has(code)) p.fail('ma', 'DUPLICATE_IN_FILE', `Mã "${code}" xuất hiện nhiều lần trong tệp.`);
      else if (existing && kind && existing.kind !== kind)
        p.fail('cap', 'CONFLICT', `Mã "${code}" đã có trong hệ thống với cấp khác (${existing.kind}); không thể đổi cấp bằng nhập tệp.`);
      if (p.errors.length === 0 && code && kind) inFile.set(code, kind);
      return p.result<AreaRow>({ code: code!, name: name!, kind: kind!, parentCode }, Boolean(existing));
    });
  }

  private async validateAgencies(em: EntityManager, records: Array<{ line: number; cells: Cells }>): Promise<Parsed<AgencyRow>[]> {
    const codes = records.flatMap((r) => [r.cells.ma, r.cells.ma_co_quan_cap_tren]).map((c) => c?.trim().toUpperCase());
    const knownAgencies = await codeMap(
      em,
      Agency,
      codes.filter((c): c is string => Boolean(c)),
    );
    const knownAreas = await codeMap(
      em,
      Area,
      records.flatMap((r) => list(r.cells.ma_dia_ban).map((c) => c.toUpperCase())),
    );
    const inFile = new Set<string>();
    return records.map(({ line, cells }) => {
      const p = rowChecker(line, cells);
      const code = p.code('ma', 64);
      const name = p.text('ten', 300);
      const kindText = p.text('loai', 40)?.toUpperCase();
      if (kindText && !(kindText in AgencyKind))
        p.fail('loai', 'INVALID', `Loại cơ quan "${kindText}" không hợp lệ: dùng một trong ${Object.values(AgencyKind).join(', ')}.`);
      const parentCode = cells.ma_co_quan_cap_tren?.trim().toUpperCase() || null;
      if (parentCode && !inFile.has(parentCode) && !knownAgencies.has(parentCode))
        p.fail(
          'ma_co_quan_cap_tren',
          'UNKNOWN_REFERENCE',
          `Không có cơ quan mã "${parentCode}" (trong hệ thống hoặc ở các dòng trên, hợp lệ).`,
        );
      const areaCodes = list(cells.ma_dia_ban).map((c) => c.toUpperCase());
      const unknownAreas = areaCodes.filter((c) => !knownAreas.has(c));
      if (unknownAreas.length)
        p.fail(
          'ma_dia_ban',
          'UNKNOWN_REFERENCE',
          `Không có địa bàn mã ${unknownAreas.map((c) => `"${c}"`).join(', ')}; hãy nhập địa bàn trước.`,
        );
      if (code && inFile.has(code)) p.fail('ma', 'DUPLICATE_IN_FILE', `Mã "${code}" xuất hiện nhiều lần trong tệp.`);
      if (p.errors.length === 0 && code) inFile.add(code);
      return p.result<AgencyRow>(
        { code: code!, name: name!, kind: kindText as AgencyKind, parentCode, areaCodes },
        Boolean(code && knownAgencies.has(code)),
      );
    });
  }

  private async validateUsers(
    em: EntityManager,
    viewer: Viewer,
    records: Array<{ line: number; cells: Cells }>,
  ): Promise<Parsed<UserRow>[]> {
    const usernames = records.map((r) => r.cells.ten_dang_nhap?.trim().toLowerCase()).filter(Boolean);
    const existing = new Set(
      usernames.length ? (await em.find(User, { username: { $in: usernames } }, { fields: ['username'] })).map((u) => u.username) : [],
    );
    const agencies = await codeMap(em, Agency, records.map((r) => r.cells.ma_co_quan?.trim().toUpperCase()).filter(Boolean));
    const inFile = new Set<string>();
    return records.map(({ line, cells }) => {
      const p = rowChecker(line, cells);
      const username = p.text('ten_dang_nhap', 64)?.toLowerCase();
      if (username && !USERNAME.test(username))
        p.fail('ten_dang_nhap', 'INVALID', 'Tên đăng nhập gồm 3–64 chữ cái không dấu, chữ số, ".", "-" hoặc "_".');
      const fullName = p.text('ho_ten', 200);
      if (fullName && fullName.length < 2) p.fail('ho_ten', 'INVALID', 'Họ tên dài từ 2 đến 200 ký tự.');
      const agencyCode = p.text('ma_co_quan', 64)?.toUpperCase();
      const agency = agencyCode ? agencies.get(agencyCode) : undefined;
      if (agencyCode && (!agency || !agency.active))
        p.fail('ma_co_quan', 'UNKNOWN_REFERENCE', `Không có cơ quan đang hoạt động mã "${agencyCode}".`);
      else if (agency && !canOnUser(viewer, 'user.update', { id: '', agencyId: agency.id }))
        p.fail('ma_co_quan', 'NOT_ALLOWED', `Bạn chỉ tạo được tài khoản cho cơ quan của mình, không cho "${agencyCode}".`);
      const roles = list(cells.vai_tro).map((r) => r.toUpperCase());
      if (!roles.length) p.fail('vai_tro', 'REQUIRED', 'Hãy ghi ít nhất một vai trò (phân cách bằng dấu ";").');
      const badRoles = roles.filter((r) => !(r in Role));
      if (badRoles.length)
        p.fail('vai_tro', 'INVALID', `Vai trò không hợp lệ: ${badRoles.join(', ')}; dùng ${Object.values(Role).join(', ')}.`);
      else if (!canGrantRoles(viewer, roles as Role[]))
        p.fail('vai_tro', 'NOT_ALLOWED', 'Chỉ quản trị hệ thống mới cấp được vai trò SYSTEM_ADMIN.');
      const password = p.text('mat_khau', 128);
      if (password && !PASSWORD.test(password))
        p.fail('mat_khau', 'INVALID', 'Mật khẩu dài 10–128 ký tự, có chữ hoa, chữ thường và chữ số.');
      const phone = cells.dien_thoai?.trim() || null;
      if (phone && !PHONE.test(phone)) p.fail('dien_thoai', 'INVALID', 'Số điện thoại gồm 9–15 chữ số, có thể bắt đầu bằng "+".');
      if (username && inFile.has(username))
        p.fail('ten_dang_nhap', 'DUPLICATE_IN_FILE', `Tên đăng nhập "${username}" xuất hiện nhiều lần trong tệp.`);
      if (username) inFile.add(username);
      return p.result<UserRow>(
        { username: username!, fullName: fullName!, agencyCode: agencyCode!, roles: roles as Role[], password: password!, phone },
        Boolean(username && existing.has(username)),
      );
    });
  }

  private async createArea(em: EntityManager, viewer: Viewer, row: AreaRow): Promise<void> {
    const parent = row.parentCode ? await em.findOneOrFail(Area, { code: row.parentCode }) : null;
    await this.services.areas.create(em, viewer, { code: row.code, name: row.name, kind: row.kind, parentId: parent?.id ?? null });
  }

  private async createAgency(em: EntityManager, viewer: Viewer, row: AgencyRow): Promise<void> {
    const parent = row.parentCode ? await em.findOneOrFail(Agency, { code: row.parentCode }) : null;
    const areas = row.areaCodes.length ? await em.find(Area, { code: { $in: row.areaCodes } }) : [];
    await this.services.agencies.create(em, viewer, {
      code: row.code,
      name: row.name,
      kind: row.kind,
      parentId: parent?.id ?? null,
      coveredAreaIds: areas.map((a) => a.id),
    });
  }

  private async createUser(em: EntityManager, viewer: Viewer, row: UserRow): Promise<void> {
    const agency = await em.findOneOrFail(Agency, { code: row.agencyCode });
    await this.services.users.create(em, viewer, {
      agencyId: agency.id,
      username: row.username,
      fullName: row.fullName,
      roles: row.roles,
      password: row.password,
      phone: row.phone,
    });
  }
}

/** Rows of `entity` whose code is one of `codes`, by code (one query). */
async function codeMap<T extends Area | Agency>(em: EntityManager, entity: new () => T, codes: string[]): Promise<Map<string, T>> {
  const unique = [...new Set(codes)];
  if (!unique.length) return new Map();
  const rows = (await em.find(entity as never, { code: { $in: unique } } as never)) as T[];
  return new Map(rows.map((r) => [r.code, r]));
}
