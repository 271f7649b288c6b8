import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Role, Viewer } from '../../auth/viewer';
import { toPgTextArray } from '../../events/event-log';
import type { Tx } from '../../events/outbox';
import { type NewEvent, streams, topics } from '../../events/vocabulary';
import { canImportCasesFor } from '../../policy/abilities';
import { mayBeAssignedCases } from '../../policy/case-assignment';
import { bulkInsert } from '../../seed/bulk-insert';
import { type CalendarSource, startOfLocalDay } from '../calendar/calendar.surface';
import { CaseKind, ObligationKind, ParticipantRole, PartyKind, PartyRole } from '../cases/case.entity';
import { CaseStatus, foldForSearch } from '../cases/cases.surface';
import { type Cells, type Parsed, rowChecker } from './csv';

/**
 * The case import (issue 15): one CSV row per case, with numbered column groups for its parties
 * (`ds1_…`, `ds2_…`) and obligations (`nv1_…`, `nv2_…`). Layout and reasons: docs/IMPORTS.md.
 * Validation reads every reference of the file in a few set queries; the write is bulk (multi-row
 * INSERTs of prepared rows, one `case.created` per case appended in bulk on the new case streams),
 * so a 10,000-case file is one transaction of a few dozen statements.
 */

/** Required columns of a case file (Vietnamese without diacritics, as spreadsheets export them). */
export const CASE_COLUMNS = {
  required: ['ma_co_quan', 'so_ban_an', 'toa_an', 'ngay_ban_an', 'ngay_thu_ly', 'loai_viec', 'ma_xa'],
  optional: ['so_quyet_dinh', 'ngay_quyet_dinh', 'chap_hanh_vien', 'phuc_tap', 'ton_dong', 'ghi_chu'],
  party: ['vai_tro', 'loai', 'ten', 'dia_chi', 'cccd', 'dien_thoai'],
  obligation: ['loai', 'mo_ta', 'so_tien', 'dien_tich_m2', 'ds_phai_thi_hanh', 'ds_duoc_thi_hanh'],
};

const CASE_KINDS: Record<string, CaseKind> = {
  THEO_DON: CaseKind.ON_REQUEST,
  CHU_DONG: CaseKind.PROACTIVE,
  ON_REQUEST: CaseKind.ON_REQUEST,
  PROACTIVE: CaseKind.PROACTIVE,
};
const PARTY_ROLES: Record<string, PartyRole> = {
  PHAI_THI_HANH: PartyRole.DEBTOR,
  DUOC_THI_HANH: PartyRole.CREDITOR,
  LIEN_QUAN: PartyRole.RELATED,
  DEBTOR: PartyRole.DEBTOR,
  CREDITOR: PartyRole.CREDITOR,
  RELATED: PartyRole.RELATED,
};
const PARTY_KINDS: Record<string, PartyKind> = {
  CA_NHAN: PartyKind.PERSON,
  TO_CHUC: PartyKind.ORGANISATION,
  PERSON: PartyKind.PERSON,
  ORGANISATION: PartyKind.ORGANISATION,
};
const OBLIGATION_KINDS: Record<string, ObligationKind> = {
  TRA_TIEN: ObligationKind.PAY_MONEY,
  GIAO_DAT: ObligationKind.HAND_OVER_LAND,
  GIAO_TAI_SAN: ObligationKind.HAND_OVER_PROPERTY,
  THUC_HIEN_CONG_VIEC: ObligationKind.PERFORM_ACT,
  KHAC: ObligationKind.OTHER,
  ...Object.fromEntries(Object.values(ObligationKind).map((k) => [k, k])),
};
const YES: Record<string, boolean> = { CO: true, X: true, '1': true, YES: true, KHONG: false, '0': false, NO: false, '': false };

const ID_NUMBER = /^\d{9,12}$/;
const PHONE = /^\+?\d{9,15}$/;
const USERNAME = /^[a-z0-9._-]{3,64}$/;
/** bigint's ceiling: the obligation.amount_owed column. */
const MAX_DONG = 9_223_372_036_854_775_807n;

/**
 * Money in đồng: plain digits (`777000000`) or the Vietnamese grouping with dots (`777.000.000`),
 * optionally followed by "đ", "đồng" or "VND". Returns the decimal string, or an error message.
 */
export function parseDong(text: string): { value: string } | { error: string } {
  const t = text
    .trim()
    .replace(/\s*(đồng|đ|vnd|vnđ)$/i, '')
    .trim();
  if (/^\d+$/.test(t) || /^\d{1,3}(\.\d{3})+$/.test(t)) {
    const digits = t.replace(/\./g, '').replace(/^0+(?=\d)/, '');
    if (BigInt(digits) === 0n) return { error: 'Số tiền phải lớn hơn 0 đồng.' };
    if (BigInt(digits) > MAX_DONG) return { error: 'Số tiền vượt quá giới hạn lưu trữ (9.223.372.036.854.775.807 đồng).' };
    return { value: digits };
  }
  if (/^\d{1,3}(\.\d{3})*,\d+$/.test(t) || /^\d+,\d+$/.test(t))
    return { error: `Số tiền "${text}" có phần lẻ: ghi số nguyên đồng, ví dụ 777.000.000.` };
  return { error: `Số tiền "${text}" không hợp lệ: ghi số nguyên đồng, ví dụ 777.000.000 hoặc 777000000.` };
}

/** A calendar date: dd/mm/yyyy (as Vietnamese offices write it) or yyyy-mm-dd. Returns yyyy-mm-dd or null. */
export function parseLocalDate(text: string): string | null {
  const t = text.trim();
  const vn = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(t);
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
  const parts = vn ? [vn[3], vn[2], vn[1]] : iso ? [iso[1], iso[2], iso[3]] : null;
  if (!parts) return null;
  const [y, m, d] = parts;
  const date = `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
  const check = new Date(`${date}T00:00:00Z`);
  return Number.isNaN(check.getTime()) || check.toISOString().slice(0, 10) !== date ? null : date;
}

interface PartyRow {
  /** Its number in the file (ds<N>_…): obligations refer to it. */
  n: number;
  role: PartyRole;
  kind: PartyKind;
  name: string;
  address: string | null;
  idNumber: string | null;
  phone: string | null;
}
interface ObligationRow {
  kind: ObligationKind;
  description: string;
  amountOwed: string | null;
  landAreaM2: string | null;
  debtor: number | null;
  creditor: number | null;
}
export interface CaseRow {
  agencyId: string;
  agencyCode: string;
  judgmentNumber: string;
  judgmentCourt: string;
  judgmentDate: string;
  receivedDate: string;
  kind: CaseKind;
  communeId: string;
  officerId: string | null;
  decisionNumber: string | null;
  decisionDate: string | null;
  complex: boolean;
  backlog: boolean;
  notes: string | null;
  parties: PartyRow[];
  obligations: ObligationRow[];
}

/** The natural key of an imported case: the lead office, the judgment's number and its court. */
const keyOf = (agencyId: string, judgmentNumber: string, court: string) =>
  `${agencyId}\u0000${judgmentNumber.toLowerCase()}\u0000${court.toLowerCase()}`;

/** The numbers N of the column groups `<prefix>N_…` in the header, ascending. */
function groupNumbers(header: string[], prefix: 'ds' | 'nv'): number[] {
  const re = new RegExp(`^${prefix}(\\d{1,2})_`);
  return [...new Set(header.map((h) => re.exec(h)?.[1]).filter((n): n is string => Boolean(n)))].map(Number).sort((a, b) => a - b);
}

/** Validates every row of a case file against the file itself and the database (a few set queries). */
export async function validateCases(
  em: EntityManager,
  viewer: Viewer,
  header: string[],
  records: Array<{ line: number; cells: Cells }>,
): Promise<Parsed<CaseRow>[]> {
  const conn = em.getConnection();
  const upper = (column: string) => [...new Set(records.map((r) => r.cells[column]?.trim().toUpperCase()).filter(Boolean))];
  const agencyRows = await conn.execute<{ id: string; code: string; kind: string; active: boolean }[]>(
    'select id, code, kind, active from agency where code = any(?::text[])',
    [toPgTextArray(upper('ma_co_quan'))],
  );
  const agencies = new Map(agencyRows.map((a) => [a.code, a]));
  const communeRows = await conn.execute<{ id: string; code: string; kind: string; active: boolean }[]>(
    'select id, code, kind, active from area where code = any(?::text[])',
    [toPgTextArray(upper('ma_xa'))],
  );
  const communes = new Map(communeRows.map((a) => [a.code, a]));
  const usernames = [...new Set(records.map((r) => r.cells.chap_hanh_vien?.trim().toLowerCase()).filter(Boolean))];
  const officerRows = usernames.length
    ? await conn.execute<{ id: string; username: string; agency_id: string; active: boolean; roles: Role[] }[]>(
        'select id, username, agency_id, active, roles from app_user where username = any(?::text[])',
        [toPgTextArray(usernames)],
      )
    : [];
  const officers = new Map(officerRows.map((u) => [u.username, u]));
  const existing = new Set(
    (
      await conn.execute<{ lead_agency_id: string; judgment_number: string; judgment_court: string }[]>(
        `select lead_agency_id, judgment_number, judgment_court from enforcement_case
          where lead_agency_id = any(?::uuid[]) and lower(judgment_number) = any(?::text[])`,
        [
          toPgTextArray(agencyRows.map((a) => a.id)),
          toPgTextArray([...new Set(records.map((r) => r.cells.so_ban_an?.trim().toLowerCase()).filter(Boolean))]),
        ],
      )
    ).map((c) => keyOf(c.lead_agency_id, c.judgment_number, c.judgment_court)),
  );
  const partyNumbers = groupNumbers(header, 'ds');
  const obligationNumbers = groupNumbers(header, 'nv');
  const inFile = new Map<string, number>();
  const today = new Date().toISOString().slice(0, 10);

  return records.map(({ line, cells }) => {
    const p = rowChecker(line, cells);
    const date = (column: string, required: boolean): string | null => {
      const v = cells[column]?.trim();
      if (!v) {
        if (required) p.fail(column, 'REQUIRED', `Cột "${column}" không được để trống.`);
        return null;
      }
      const d = parseLocalDate(v);
      if (!d) p.fail(column, 'INVALID', `Ngày "${v}" không hợp lệ: ghi dd/mm/yyyy, ví dụ 05/03/2025.`);
      else if (d > today) p.fail(column, 'INVALID', `Ngày ${v} ở tương lai.`);
      return d;
    };
    const flag = (column: string): boolean => {
      const v = (cells[column] ?? '').trim().toUpperCase();
      if (!(v in YES)) p.fail(column, 'INVALID', `Cột "${column}" ghi "co" hoặc "khong" (hoặc để trống).`);
      return YES[v] ?? false;
    };

    const agencyCode = p.text('ma_co_quan', 64)?.toUpperCase();
    const agency = agencyCode ? agencies.get(agencyCode) : undefined;
    if (agencyCode && (!agency || !agency.active))
      p.fail('ma_co_quan', 'UNKNOWN_REFERENCE', `Không có cơ quan đang hoạt động mã "${agencyCode}".`);
    else if (agency && agency.kind !== 'ENFORCEMENT_OFFICE')
      p.fail('ma_co_quan', 'INVALID', `"${agencyCode}" không phải cơ quan thi hành án dân sự: chỉ cơ quan thi hành án chủ trì việc.`);
    else if (agency && !canImportCasesFor(viewer, agency.id))
      p.fail('ma_co_quan', 'NOT_ALLOWED', `Bạn chỉ nhập được việc thi hành án của cơ quan mình, không của "${agencyCode}".`);

    const judgmentNumber = p.text('so_ban_an', 64);
    const judgmentCourt = p.text('toa_an', 300);
    const judgmentDate = date('ngay_ban_an', true);
    const receivedDate = date('ngay_thu_ly', true);
    if (judgmentDate && receivedDate && receivedDate < judgmentDate)
      p.fail('ngay_thu_ly', 'INVALID', 'Ngày thụ lý không thể trước ngày bản án, quyết định.');
    const kindText = p.text('loai_viec', 20)?.toUpperCase();
    const kind = kindText ? CASE_KINDS[kindText] : undefined;
    if (kindText && !kind) p.fail('loai_viec', 'INVALID', `Loại việc "${kindText}" không hợp lệ: dùng THEO_DON hoặc CHU_DONG.`);

    const communeCode = p.text('ma_xa', 32)?.toUpperCase();
    const commune = communeCode ? communes.get(communeCode) : undefined;
    if (communeCode && (!commune || !commune.active || commune.kind !== 'COMMUNE'))
      p.fail('ma_xa', 'UNKNOWN_REFERENCE', `Không có xã, phường đang hoạt động mã "${communeCode}".`);

    const officerName = cells.chap_hanh_vien?.trim().toLowerCase() || null;
    const officer = officerName ? officers.get(officerName) : undefined;
    if (officerName && (!USERNAME.test(officerName) || !officer || !officer.active))
      p.fail('chap_hanh_vien', 'UNKNOWN_REFERENCE', `Không có tài khoản đang hoạt động "${officerName}".`);
    else if (officer && agency && officer.agency_id !== agency.id)
      p.fail('chap_hanh_vien', 'INVALID', `Chấp hành viên "${officerName}" không thuộc cơ quan "${agencyCode}".`);
    else if (officer && !mayBeAssignedCases(officer))
      p.fail('chap_hanh_vien', 'INVALID', `Tài khoản "${officerName}" không phải chấp hành viên nên không được giao phụ trách hồ sơ.`);

    const decisionNumber = cells.so_quyet_dinh?.trim() || null;
    if (decisionNumber && decisionNumber.length > 64) p.fail('so_quyet_dinh', 'INVALID', 'Số quyết định dài quá 64 ký tự.');
    const decisionDate = date('ngay_quyet_dinh', Boolean(decisionNumber));
    if (decisionDate && !decisionNumber) p.fail('so_quyet_dinh', 'REQUIRED', 'Có ngày quyết định thì phải ghi số quyết định.');
    if (decisionDate && receivedDate && decisionDate < receivedDate)
      p.fail('ngay_quyet_dinh', 'INVALID', 'Ngày quyết định thi hành án không thể trước ngày thụ lý.');
    const notes = cells.ghi_chu?.trim() || null;
    if (notes && notes.length > 4000) p.fail('ghi_chu', 'INVALID', 'Ghi chú dài quá 4.000 ký tự.');
    const complex = flag('phuc_tap');
    const backlog = flag('ton_dong');

    const parties: PartyRow[] = [];
    for (const n of partyNumbers) {
      const col = (f: string) => `ds${n}_${f}`;
      const cell = (f: string) => cells[col(f)]?.trim() ?? '';
      if (CASE_COLUMNS.party.every((f) => !cell(f))) continue;
      const roleText = cell('vai_tro').toUpperCase();
      const role = PARTY_ROLES[roleText];
      if (!roleText) p.fail(col('vai_tro'), 'REQUIRED', `Đương sự ${n}: hãy ghi vai trò (PHAI_THI_HANH, DUOC_THI_HANH, LIEN_QUAN).`);
      else if (!role)
        p.fail(
          col('vai_tro'),
          'INVALID',
          `Đương sự ${n}: vai trò "${roleText}" không hợp lệ; dùng PHAI_THI_HANH, DUOC_THI_HANH hoặc LIEN_QUAN.`,
        );
      const kindCell = cell('loai').toUpperCase() || 'CA_NHAN';
      const partyKind = PARTY_KINDS[kindCell];
      if (!partyKind) p.fail(col('loai'), 'INVALID', `Đương sự ${n}: loại "${kindCell}" không hợp lệ; dùng CA_NHAN hoặc TO_CHUC.`);
      const name = cell('ten');
      if (!name) p.fail(col('ten'), 'REQUIRED', `Đương sự ${n}: hãy ghi họ tên hoặc tên tổ chức.`);
      else if (name.length > 300) p.fail(col('ten'), 'INVALID', `Đương sự ${n}: tên dài quá 300 ký tự.`);
      const address = cell('dia_chi') || null;
      if (address && address.length > 500) p.fail(col('dia_chi'), 'INVALID', `Đương sự ${n}: địa chỉ dài quá 500 ký tự.`);
      const idNumber = cell('cccd') || null;
      if (idNumber && !ID_NUMBER.test(idNumber))
        p.fail(col('cccd'), 'INVALID', `Đương sự ${n}: số CCCD/định danh gồm 9–12 chữ số (không dấu cách, không chữ).`);
      const phone = cell('dien_thoai').replace(/[\s.]/g, '') || null;
      if (phone && !PHONE.test(phone))
        p.fail(col('dien_thoai'), 'INVALID', `Đương sự ${n}: số điện thoại gồm 9–15 chữ số, có thể bắt đầu bằng "+".`);
      parties.push({ n, role: role ?? PartyRole.RELATED, kind: partyKind ?? PartyKind.PERSON, name, address, idNumber, phone });
    }
    if (!parties.some((x) => x.role === PartyRole.DEBTOR))
      p.fail(
        partyNumbers.length ? `ds${partyNumbers[0]}_vai_tro` : 'ds1_vai_tro',
        'REQUIRED',
        'Việc thi hành án cần ít nhất một người phải thi hành án (vai trò PHAI_THI_HANH).',
      );

    const obligations: ObligationRow[] = [];
    for (const n of obligationNumbers) {
      const col = (f: string) => `nv${n}_${f}`;
      const cell = (f: string) => cells[col(f)]?.trim() ?? '';
      if (CASE_COLUMNS.obligation.every((f) => !cell(f))) continue;
      const kindText2 = cell('loai').toUpperCase();
      const oKind = OBLIGATION_KINDS[kindText2];
      if (!kindText2)
        p.fail(col('loai'), 'REQUIRED', `Nghĩa vụ ${n}: hãy ghi loại (TRA_TIEN, GIAO_DAT, GIAO_TAI_SAN, THUC_HIEN_CONG_VIEC, KHAC).`);
      else if (!oKind)
        p.fail(
          col('loai'),
          'INVALID',
          `Nghĩa vụ ${n}: loại "${kindText2}" không hợp lệ; dùng TRA_TIEN, GIAO_DAT, GIAO_TAI_SAN, THUC_HIEN_CONG_VIEC hoặc KHAC.`,
        );
      const description = cell('mo_ta');
      if (!description) p.fail(col('mo_ta'), 'REQUIRED', `Nghĩa vụ ${n}: hãy ghi nội dung phải thi hành.`);
      else if (description.length > 2000) p.fail(col('mo_ta'), 'INVALID', `Nghĩa vụ ${n}: nội dung dài quá 2.000 ký tự.`);
      let amountOwed: string | null = null;
      const money = cell('so_tien');
      if (oKind === ObligationKind.PAY_MONEY) {
        if (!money) p.fail(col('so_tien'), 'REQUIRED', `Nghĩa vụ ${n}: nghĩa vụ trả tiền cần số tiền phải thi hành.`);
        else {
          const parsed = parseDong(money);
          if ('error' in parsed) p.fail(col('so_tien'), 'INVALID', `Nghĩa vụ ${n}: ${parsed.error}`);
          else amountOwed = parsed.value;
        }
      } else if (money && oKind) p.fail(col('so_tien'), 'INVALID', `Nghĩa vụ ${n}: chỉ nghĩa vụ trả tiền (TRA_TIEN) mới ghi số tiền.`);
      const land = cell('dien_tich_m2').replace(',', '.') || null;
      if (land && !/^\d{1,12}(\.\d{1,2})?$/.test(land))
        p.fail(col('dien_tich_m2'), 'INVALID', `Nghĩa vụ ${n}: diện tích ghi bằng m², tối đa 2 chữ số thập phân (ví dụ 120,5).`);
      else if (land && oKind && oKind !== ObligationKind.HAND_OVER_LAND)
        p.fail(col('dien_tich_m2'), 'INVALID', `Nghĩa vụ ${n}: chỉ nghĩa vụ giao đất (GIAO_DAT) mới ghi diện tích.`);
      else if (!land && oKind === ObligationKind.HAND_OVER_LAND)
        p.fail(col('dien_tich_m2'), 'REQUIRED', `Nghĩa vụ ${n}: nghĩa vụ giao đất cần diện tích (m²).`);
      const ref = (f: string, role: PartyRole, fallback: boolean): number | null => {
        const v = cell(f);
        if (!v) return fallback ? (parties.find((x) => x.role === role)?.n ?? null) : null;
        const party = /^\d{1,2}$/.test(v) ? parties.find((x) => x.n === Number(v)) : undefined;
        if (!party) p.fail(col(f), 'UNKNOWN_REFERENCE', `Nghĩa vụ ${n}: không có đương sự số ${v} ở dòng này (cột ds${v}_…).`);
        else if (party.role !== role)
          p.fail(
            col(f),
            'INVALID',
            `Nghĩa vụ ${n}: đương sự số ${v} không có vai trò ${role === PartyRole.DEBTOR ? 'PHAI_THI_HANH' : 'DUOC_THI_HANH'}.`,
          );
        return party?.n ?? null;
      };
      const debtor = ref('ds_phai_thi_hanh', PartyRole.DEBTOR, true);
      const creditor = ref('ds_duoc_thi_hanh', PartyRole.CREDITOR, false);
      obligations.push({ kind: oKind ?? ObligationKind.OTHER, description, amountOwed, landAreaM2: land, debtor, creditor });
    }

    let exists = false;
    if (agency && judgmentNumber && judgmentCourt) {
      const key = keyOf(agency.id, judgmentNumber, judgmentCourt);
      const earlier = inFile.get(key);
      if (earlier)
        p.fail('so_ban_an', 'DUPLICATE_IN_FILE', `Bản án "${judgmentNumber}" của ${judgmentCourt} đã có ở dòng ${earlier} (cùng cơ quan).`);
      else inFile.set(key, line);
      exists = existing.has(key);
    }
    return p.result<CaseRow>(
      {
        agencyId: agency?.id ?? '',
        agencyCode: agencyCode ?? '',
        judgmentNumber: judgmentNumber ?? '',
        judgmentCourt: judgmentCourt ?? '',
        judgmentDate: judgmentDate ?? '',
        receivedDate: receivedDate ?? '',
        kind: kind ?? CaseKind.ON_REQUEST,
        communeId: commune?.id ?? '',
        officerId: officer?.id ?? null,
        decisionNumber,
        decisionDate,
        complex,
        backlog,
        notes,
        parties,
        obligations,
      },
      exists,
    );
  });
}

/** Cases per chunk of the bulk write (also the progress step). */
export const CASE_WRITE_CHUNK = 1000;

/**
 * Writes validated cases in bulk inside `tx`: cases, parties, obligations, the lead participant, the
 * first statistical state (from the date received) and one `case.created` per case on its new stream.
 */
export async function writeCases(
  tx: Tx,
  viewer: Viewer,
  calendar: CalendarSource,
  rows: readonly CaseRow[],
  onProgress?: (done: number, total: number) => void,
): Promise<void> {
  const cal = calendar.current();
  for (let i = 0; i < rows.length; i += CASE_WRITE_CHUNK) {
    const chunk = rows.slice(i, i + CASE_WRITE_CHUNK);
    const now = new Date().toISOString();
    const cases: Record<string, unknown>[] = [];
    const parties: Record<string, unknown>[] = [];
    const obligations: Record<string, unknown>[] = [];
    const participants: Record<string, unknown>[] = [];
    const events: NewEvent[] = [];
    for (const r of chunk) {
      const id = randomUUID();
      const receivedAt = startOfLocalDay(r.receivedDate);
      const decided = Boolean(r.decisionNumber);
      cases.push({
        id,
        decision_number: r.decisionNumber,
        decision_date: r.decisionDate,
        judgment_number: r.judgmentNumber,
        judgment_court: r.judgmentCourt,
        judgment_date: r.judgmentDate,
        received_at: receivedAt.toISOString(),
        kind: r.kind,
        lead_agency_id: r.agencyId,
        officer_id: r.officerId,
        commune_id: r.communeId,
        status: decided ? CaseStatus.DECISION_ISSUED : CaseStatus.RECEIVED,
        complex: r.complex,
        backlog: r.backlog,
        urgent_security: false,
        notes: r.notes,
        decision_due_at: decided ? null : cal.deadline('ENFORCEMENT_DECISION', receivedAt).toISOString(),
        search_text: foldForSearch([r.decisionNumber ?? '', r.judgmentNumber, ...r.parties.map((p) => p.name)].join(' | ')),
        version: 1,
        created_at: now,
        updated_at: now,
      });
      const partyIds = new Map<number, string>();
      r.parties.forEach((p, position) => {
        const partyId = randomUUID();
        partyIds.set(p.n, partyId);
        parties.push({
          id: partyId,
          case_id: id,
          position,
          role: p.role,
          kind: p.kind,
          name: p.name,
          address: p.address,
          id_number: p.idNumber,
          phone: p.phone,
          created_at: now,
        });
      });
      let owed = 0n;
      for (const [position, o] of r.obligations.entries()) {
        if (o.amountOwed) owed += BigInt(o.amountOwed);
        obligations.push({
          id: randomUUID(),
          case_id: id,
          // The file's order: the whole chunk shares one created_at, so only this orders them.
          position,
          kind: o.kind,
          description: o.description,
          debtor_id: o.debtor != null ? partyIds.get(o.debtor) : null,
          creditor_id: o.creditor != null ? partyIds.get(o.creditor) : null,
          amount_owed: o.amountOwed,
          amount_collected: '0',
          land_area_m2: o.landAreaM2,
          fulfilled: false,
          created_at: now,
        });
      }
      participants.push({
        id: randomUUID(),
        case_id: id,
        agency_id: r.agencyId,
        role: ParticipantRole.LEAD,
        added_by_id: viewer.userId,
        added_at: now,
      });
      events.push({
        type: 'case.created',
        stream: streams.case(id),
        actorId: viewer.userId,
        topics: [topics.case(id), topics.statistics, topics.agency(r.agencyId)],
        payload: {
          caseId: id,
          version: 1,
          sameJudgmentCaseIds: [],
          judgmentNumber: r.judgmentNumber,
          communeId: r.communeId,
          parties: r.parties.length,
          obligations: r.obligations.length,
          totalOwed: owed.toString(),
          imported: true,
        },
      });
    }
    await bulkInsert(tx.em, 'enforcement_case', cases);
    await bulkInsert(tx.em, 'case_party', parties);
    await bulkInsert(tx.em, 'obligation', obligations);
    await bulkInsert(tx.em, 'case_participant', participants);
    // The first statistical state of each case, valid from the day it was received (it existed before
    // the import); a decided case counts as accepted from its decision date (see case-state.ts).
    await tx.em.execute(
      `insert into case_state_history (case_id, valid_from, status, lead_agency_id, commune_id, officer_id, amount_owed, amount_collected, accepted_at)
       select c.id, c.received_at, c.status, c.lead_agency_id, c.commune_id, c.officer_id,
              coalesce((select sum(o.amount_owed) from obligation o where o.case_id = c.id), 0), 0,
              case when c.status <> 'RECEIVED' then greatest(c.received_at, c.decision_date::timestamp at time zone 'Asia/Ho_Chi_Minh') end
         from enforcement_case c where c.id = any(?::uuid[])`,
      [toPgTextArray(cases.map((c) => c.id as string))],
    );
    await tx.emitFirstOfNewStreams(events);
    onProgress?.(Math.min(i + chunk.length, rows.length), rows.length);
  }
}
