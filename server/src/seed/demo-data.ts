import { Role } from '../auth/viewer';
import { AgencyKind } from '../modules/agencies/agency.entity';
import { AreaKind } from '../modules/areas/area.entity';

/**
 * The demo world: DOMAIN.md's worked example with invented places and people. Province "Lâm Sơn"
 * (invented) has two communes; regional office no. 3 covers both. Commune A is Tân Hòa, commune B
 * is Phú An: a Tân Hòa official must never see Phú An's business.
 */
export const DEMO_PASSWORD = 'PhoiHop@2026';

/**
 * Regional offices 1 and 2 of the invented province, with their communes and officers. Their cases
 * are generated (seed/province-generator.ts) over the previous and the current statistical year, so
 * the steering committee's dashboard has something to show. Office 3 keeps only the worked example,
 * which the browser tests rely on (its officer sees exactly those two cases).
 */
export function PROVINCE_OFFICES() {
  return ([1, 2] as const).map((number) => ({
    code: `THADS-LS-KV${number}`,
    name: `Phòng Thi hành án dân sự khu vực ${number} – tỉnh Lâm Sơn`,
    procuracy: { code: `VKS-LS-KV${number}`, name: `Viện kiểm sát nhân dân khu vực ${number} – Lâm Sơn` },
    communes: PROVINCE_COMMUNES[number].map(([code, name]) => ({ code, name })),
    officers: PROVINCE_OFFICERS[number].map(([username, fullName]) => ({ username, fullName })),
  }));
}

/** The communes of regional offices 1 and 2, by office number: [area code, name]. */
const PROVINCE_COMMUNES = {
  1: [
    ['LS-BM', 'Phường Bình Minh'],
    ['LS-SK', 'Xã Suối Khê'],
    ['LS-DV', 'Xã Đồi Vàng'],
    ['LS-LG', 'Xã Lũng Gió'],
  ],
  2: [
    ['LS-NB', 'Xã Ngàn Bến'],
    ['LS-TT', 'Phường Thác Trắng'],
    ['LS-KL', 'Xã Khe Lau'],
  ],
} as const;

/** The enforcement officers of regional offices 1 and 2, by office number: [username, full name]. */
const PROVINCE_OFFICERS = {
  1: [
    ['chv.kv1.a', 'Mông Thị Hảo'],
    ['chv.kv1.b', 'Ung Văn Toản'],
    ['chv.kv1.c', 'Từ Thị Bích Ngân'],
  ],
  2: [
    ['chv.kv2.a', 'Lã Quang Huy'],
    ['chv.kv2.b', 'Đàm Thị Yến'],
  ],
} as const;

export const DEMO_AREAS = [
  { code: 'VN', name: 'Việt Nam', kind: AreaKind.NATION, parent: null },
  { code: 'LS', name: 'Tỉnh Lâm Sơn', kind: AreaKind.PROVINCE, parent: 'VN' },
  { code: 'LS-TH', name: 'Xã Tân Hòa', kind: AreaKind.COMMUNE, parent: 'LS' },
  { code: 'LS-PA', name: 'Xã Phú An', kind: AreaKind.COMMUNE, parent: 'LS' },
  // The rest of the province (regional offices 1 and 2), for the statistics dashboard.
  ...PROVINCE_OFFICES().flatMap((o) =>
    o.communes.map((c) => ({ code: c.code, name: c.name, kind: AreaKind.COMMUNE, parent: 'LS' as const })),
  ),
] as const;

/** A commune's name inside an agency's name: "Xã Tân Hòa" → "xã Tân Hòa" (Ủy ban nhân dân xã Tân Hòa). */
const inTitle = (communeName: string) => communeName.replace(/^Xã/, 'xã').replace(/^Phường/, 'phường');

/** A demo agency: its code, name and kind, its parent agency's code and the codes of the areas it covers. */
export interface DemoAgency {
  code: string;
  name: string;
  kind: AgencyKind;
  parent: string | null;
  covers: readonly string[];
}

/** One agency a row: [code, name, kind, covered area codes, parent agency code]. */
type AgencyRow = readonly [code: string, name: string, kind: AgencyKind, covers: readonly string[], parent?: string];
const agencyOf = ([code, name, kind, covers, parent]: AgencyRow) => ({ code, name, kind, parent: parent ?? null, covers });

/** The demo agencies, parents before their children. */
export const DEMO_AGENCIES: readonly DemoAgency[] = (
  [
    ['THADS-LS', 'Thi hành án dân sự tỉnh Lâm Sơn', AgencyKind.ENFORCEMENT_OFFICE, ['LS']],
    ['THADS-LS-KV3', 'Phòng Thi hành án dân sự khu vực 3 – tỉnh Lâm Sơn', AgencyKind.ENFORCEMENT_OFFICE, ['LS-TH', 'LS-PA'], 'THADS-LS'],
    ['UBND-TH', 'Ủy ban nhân dân xã Tân Hòa', AgencyKind.PEOPLES_COMMITTEE, ['LS-TH']],
    ['UBND-PA', 'Ủy ban nhân dân xã Phú An', AgencyKind.PEOPLES_COMMITTEE, ['LS-PA']],
    ['CA-TH', 'Công an xã Tân Hòa', AgencyKind.POLICE, ['LS-TH']],
    ['CA-PA', 'Công an xã Phú An', AgencyKind.POLICE, ['LS-PA']],
    ['VKS-LS-KV3', 'Viện kiểm sát nhân dân khu vực 3 – Lâm Sơn', AgencyKind.PROCURACY, ['LS-TH', 'LS-PA']],
    ['TAND-LS-KV3', 'Tòa án nhân dân khu vực 3 – Lâm Sơn', AgencyKind.COURT, ['LS-TH', 'LS-PA']],
    ['BCD-LS', 'Ban Chỉ đạo thi hành án dân sự tỉnh Lâm Sơn', AgencyKind.STEERING_COMMITTEE, ['LS']],
    ['NH-SX-LS', 'Ngân hàng TMCP Sông Xanh – Chi nhánh Lâm Sơn', AgencyKind.BANK, ['LS']],
    ['HPN-TH', 'Hội Liên hiệp Phụ nữ xã Tân Hòa', AgencyKind.MASS_ORGANISATION, ['LS-TH']],
    ['VPDK-LS', 'Văn phòng Đăng ký đất đai tỉnh Lâm Sơn', AgencyKind.OTHER, ['LS']],
    ...PROVINCE_OFFICES().flatMap((o): AgencyRow[] => {
      const covers = o.communes.map((c) => c.code);
      return [
        [o.code, o.name, AgencyKind.ENFORCEMENT_OFFICE, covers, 'THADS-LS'],
        [o.procuracy.code, o.procuracy.name, AgencyKind.PROCURACY, covers],
        ...o.communes.flatMap((c): AgencyRow[] => [
          [`UBND-${c.code}`, `Ủy ban nhân dân ${inTitle(c.name)}`, AgencyKind.PEOPLES_COMMITTEE, [c.code]],
          [`CA-${c.code}`, `Công an ${inTitle(c.name)}`, AgencyKind.POLICE, [c.code]],
        ]),
      ];
    }),
  ] satisfies AgencyRow[]
).map(agencyOf);

/** A demo account: who, in which agency (code), with which roles, and what it is for (printed at start). */
export interface DemoUser {
  username: string;
  fullName: string;
  agency: string;
  roles: readonly Role[];
  description: string;
}

/** One account a row: [username, full name, agency code, roles, what the account is for]. */
type UserRow = readonly [username: string, fullName: string, agency: string, roles: readonly Role[], description: string];
const userOf = ([username, fullName, agency, roles, description]: UserRow) => ({ username, fullName, agency, roles, description });

/** The demo accounts (all share DEMO_PASSWORD). */
export const DEMO_USERS: readonly DemoUser[] = (
  [
    ['admin', 'Quản trị hệ thống', 'THADS-LS', [Role.SYSTEM_ADMIN], 'system administrator'],
    ['cb.thads', 'Đặng Quốc Vinh', 'THADS-LS-KV3', [Role.ENFORCEMENT_OFFICER], 'enforcement officer, regional office 3'],
    ['tp.thads', 'Lưu Thị Ngọc Hân', 'THADS-LS-KV3', [Role.AGENCY_HEAD, Role.AGENCY_ADMIN], 'head and admin of regional office 3'],
    ['ubnd.tanhoa', 'Mạc Văn Thuận', 'UBND-TH', [Role.OFFICER], 'commune official, Tân Hòa (commune A)'],
    ['ubnd.phuan', 'Khúc Thị Lan Anh', 'UBND-PA', [Role.OFFICER], 'commune official, Phú An (commune B)'],
    ['ca.tanhoa', 'Tôn Đức Mạnh', 'CA-TH', [Role.OFFICER], 'police officer, Tân Hòa'],
    ['ca.phuan', 'Âu Minh Trí', 'CA-PA', [Role.OFFICER], 'police officer, Phú An'],
    ['ksv.kv3', 'Giáp Thanh Hương', 'VKS-LS-KV3', [Role.PROCURATOR], 'procurator, regional procuracy 3'],
    ['toa.kv3', 'Ninh Văn Khải', 'TAND-LS-KV3', [Role.OFFICER], 'court clerk, regional court 3'],
    ['bcd.lamson', 'Quách Minh Đức', 'BCD-LS', [Role.STEERING_MEMBER], 'steering committee member'],
    ['nh.songxanh', 'Lạc Thị Thu Trang', 'NH-SX-LS', [Role.OFFICER], 'bank officer'],
    ['hpn.tanhoa', 'Doãn Thị Mai', 'HPN-TH', [Role.OFFICER], "women's union, Tân Hòa"],
    ['vpdk.lamson', 'Bế Văn Sơn', 'VPDK-LS', [Role.OFFICER], 'land registration office'],
    ['tp.kv1', 'Thạch Văn Khang', 'THADS-LS-KV1', [Role.AGENCY_HEAD], 'head of regional office 1 (statistics of the own office)'],
  ] satisfies UserRow[]
).map(userOf);

/** How many cases `npm start` generates for regional offices 1 and 2 (a few hundred, seeded in well under a second). */
export const DEMO_GENERATED_CASES = 320;

/** Yearly targets (chỉ tiêu) of the demo province, per statistical year (the 2024 national targets, rounded up). */
export const DEMO_TARGETS = [
  { agency: 'THADS-LS', caseRatePercent: '83.50', moneyRatePercent: '46.50' },
  { agency: 'THADS-LS-KV1', caseRatePercent: '84.00', moneyRatePercent: '47.00' },
  { agency: 'THADS-LS-KV2', caseRatePercent: '83.25', moneyRatePercent: '46.45' },
  { agency: 'THADS-LS-KV3', caseRatePercent: '83.25', moneyRatePercent: '46.45' },
] as const;

/** The worked example's two cases (invented people). Dates are relative to the first start. */
export const DEMO_CASES = [
  {
    key: 'money',
    judgmentNumber: '45/2026/DS-ST',
    judgmentCourt: 'Tòa án nhân dân khu vực 3 – Lâm Sơn',
    judgmentDate: '2026-08-20',
    decisionNumber: '12/QĐ-THA',
    commune: 'LS-TH',
    notes: 'Vợ chồng người phải thi hành án có thiện chí; phối hợp trưởng thôn và Hội Phụ nữ xã vận động.',
    parties: [
      {
        role: 'DEBTOR',
        kind: 'PERSON',
        name: 'Hà Văn Lộc',
        address: 'Thôn Đồng Mai, xã Tân Hòa',
        idNumber: '036080001234',
        phone: '0912345001',
      },
      { role: 'DEBTOR', kind: 'PERSON', name: 'Kiều Thị Nhàn', address: 'Thôn Đồng Mai, xã Tân Hòa', idNumber: '036182005678' },
      { role: 'CREDITOR', kind: 'PERSON', name: 'Vi Minh Tâm', address: 'Phường Trung Tâm, tỉnh Lâm Sơn', phone: '0987000111' },
    ],
    obligations: [{ kind: 'PAY_MONEY', description: 'Trả khoản vay theo bản án', debtor: 0, creditor: 2, amountOwed: '777000000' }],
    shareWith: [
      { agency: 'UBND-TH', role: 'SUPPORT' },
      { agency: 'CA-TH', role: 'PROTECTION' },
      { agency: 'HPN-TH', role: 'SUPPORT' },
    ],
  },
  {
    key: 'forest',
    judgmentNumber: '18/2026/DS-PT',
    judgmentCourt: 'Tòa án nhân dân tỉnh Lâm Sơn',
    judgmentDate: '2026-06-12',
    decisionNumber: '27/QĐ-THA',
    commune: 'LS-PA',
    notes: 'Người phải thi hành án không tự nguyện trả lại 4.000 m² đất rừng; dự kiến lập kế hoạch cưỡng chế.',
    parties: [
      { role: 'DEBTOR', kind: 'PERSON', name: 'Lò Văn Chiến', address: 'Bản Nà Khoang, xã Phú An', idNumber: '014079003311' },
      { role: 'CREDITOR', kind: 'ORGANISATION', name: 'Ban Quản lý rừng phòng hộ Phú An', address: 'Xã Phú An' },
    ],
    obligations: [
      {
        kind: 'HAND_OVER_LAND',
        description: 'Trả lại 4.000 m² đất rừng tại thửa 112, tờ bản đồ 9',
        debtor: 0,
        creditor: 1,
        landAreaM2: '4000',
      },
    ],
    shareWith: [
      { agency: 'UBND-PA', role: 'SUPPORT' },
      { agency: 'CA-PA', role: 'PROTECTION' },
      { agency: 'VPDK-LS', role: 'INFORMATION_PROVIDER' },
    ],
  },
] as const;
