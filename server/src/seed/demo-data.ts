import { Role } from '../auth/viewer';
import { AgencyKind } from '../modules/agencies/agency.entity';
import { AreaKind } from '../modules/areas/area.entity';

/**
 * The demo world: DOMAIN.md's worked example with invented places and people. Province "Lâm Sơn"
 * (invented) has two communes; regional office no. 3 covers both. Commune A is Tân Hòa, commune B
 * is Phú An: a Tân Hòa official must never see Phú An's business.
 */
export const DEMO_PASSWORD = 'PhoiHop@2026';

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

export const DEMO_AGENCIES = [
  { code: 'THADS-LS', name: 'Thi hành án dân sự tỉnh Lâm Sơn', kind: AgencyKind.ENFORCEMENT_OFFICE, parent: null, covers: ['LS'] },
  {
    code: 'THADS-LS-KV3',
    name: 'Phòng Thi hành án dân sự khu vực 3 – tỉnh Lâm Sơn',
    kind: AgencyKind.ENFORCEMENT_OFFICE,
    parent: 'THADS-LS',
    covers: ['LS-TH', 'LS-PA'],
  },
  { code: 'UBND-TH', name: 'Ủy ban nhân dân xã Tân Hòa', kind: AgencyKind.PEOPLES_COMMITTEE, parent: null, covers: ['LS-TH'] },
  { code: 'UBND-PA', name: 'Ủy ban nhân dân xã Phú An', kind: AgencyKind.PEOPLES_COMMITTEE, parent: null, covers: ['LS-PA'] },
  { code: 'CA-TH', name: 'Công an xã Tân Hòa', kind: AgencyKind.POLICE, parent: null, covers: ['LS-TH'] },
  { code: 'CA-PA', name: 'Công an xã Phú An', kind: AgencyKind.POLICE, parent: null, covers: ['LS-PA'] },
  {
    code: 'VKS-LS-KV3',
    name: 'Viện kiểm sát nhân dân khu vực 3 – Lâm Sơn',
    kind: AgencyKind.PROCURACY,
    parent: null,
    covers: ['LS-TH', 'LS-PA'],
  },
  { code: 'TAND-LS-KV3', name: 'Tòa án nhân dân khu vực 3 – Lâm Sơn', kind: AgencyKind.COURT, parent: null, covers: ['LS-TH', 'LS-PA'] },
  {
    code: 'BCD-LS',
    name: 'Ban Chỉ đạo thi hành án dân sự tỉnh Lâm Sơn',
    kind: AgencyKind.STEERING_COMMITTEE,
    parent: null,
    covers: ['LS'],
  },
  { code: 'NH-SX-LS', name: 'Ngân hàng TMCP Sông Xanh – Chi nhánh Lâm Sơn', kind: AgencyKind.BANK, parent: null, covers: ['LS'] },
  { code: 'HPN-TH', name: 'Hội Liên hiệp Phụ nữ xã Tân Hòa', kind: AgencyKind.MASS_ORGANISATION, parent: null, covers: ['LS-TH'] },
  { code: 'VPDK-LS', name: 'Văn phòng Đăng ký đất đai tỉnh Lâm Sơn', kind: AgencyKind.OTHER, parent: null, covers: ['LS'] },
  ...PROVINCE_OFFICES().flatMap((o) => [
    { code: o.code, name: o.name, kind: AgencyKind.ENFORCEMENT_OFFICE, parent: 'THADS-LS' as const, covers: o.communes.map((c) => c.code) },
    { code: o.procuracy.code, name: o.procuracy.name, kind: AgencyKind.PROCURACY, parent: null, covers: o.communes.map((c) => c.code) },
    ...o.communes.flatMap((c) => [
      {
        code: `UBND-${c.code}`,
        name: `Ủy ban nhân dân ${inTitle(c.name)}`,
        kind: AgencyKind.PEOPLES_COMMITTEE,
        parent: null,
        covers: [c.code],
      },
      { code: `CA-${c.code}`, name: `Công an ${inTitle(c.name)}`, kind: AgencyKind.POLICE, parent: null, covers: [c.code] },
    ]),
  ]),
] as const;

export const DEMO_USERS = [
  { username: 'admin', fullName: 'Quản trị hệ thống', agency: 'THADS-LS', roles: [Role.SYSTEM_ADMIN], description: 'system administrator' },
  {
    username: 'cb.thads',
    fullName: 'Đặng Quốc Vinh',
    agency: 'THADS-LS-KV3',
    roles: [Role.ENFORCEMENT_OFFICER],
    description: 'enforcement officer, regional office 3',
  },
  {
    username: 'tp.thads',
    fullName: 'Lưu Thị Ngọc Hân',
    agency: 'THADS-LS-KV3',
    roles: [Role.AGENCY_HEAD, Role.AGENCY_ADMIN],
    description: 'head and admin of regional office 3',
  },
  {
    username: 'ubnd.tanhoa',
    fullName: 'Mạc Văn Thuận',
    agency: 'UBND-TH',
    roles: [Role.OFFICER],
    description: 'commune official, Tân Hòa (commune A)',
  },
  {
    username: 'ubnd.phuan',
    fullName: 'Khúc Thị Lan Anh',
    agency: 'UBND-PA',
    roles: [Role.OFFICER],
    description: 'commune official, Phú An (commune B)',
  },
  { username: 'ca.tanhoa', fullName: 'Tôn Đức Mạnh', agency: 'CA-TH', roles: [Role.OFFICER], description: 'police officer, Tân Hòa' },
  { username: 'ca.phuan', fullName: 'Âu Minh Trí', agency: 'CA-PA', roles: [Role.OFFICER], description: 'police officer, Phú An' },
  {
    username: 'ksv.kv3',
    fullName: 'Giáp Thanh Hương',
    agency: 'VKS-LS-KV3',
    roles: [Role.PROCURATOR],
    description: 'procurator, regional procuracy 3',
  },
  {
    username: 'toa.kv3',
    fullName: 'Ninh Văn Khải',
    agency: 'TAND-LS-KV3',
    roles: [Role.OFFICER],
    description: 'court clerk, regional court 3',
  },
  {
    username: 'bcd.lamson',
    fullName: 'Quách Minh Đức',
    agency: 'BCD-LS',
    roles: [Role.STEERING_MEMBER],
    description: 'steering committee member',
  },
  { username: 'nh.songxanh', fullName: 'Lạc Thị Thu Trang', agency: 'NH-SX-LS', roles: [Role.OFFICER], description: 'bank officer' },
  { username: 'hpn.tanhoa', fullName: 'Doãn Thị Mai', agency: 'HPN-TH', roles: [Role.OFFICER], description: "women's union, Tân Hòa" },
  { username: 'vpdk.lamson', fullName: 'Bế Văn Sơn', agency: 'VPDK-LS', roles: [Role.OFFICER], description: 'land registration office' },
  {
    username: 'tp.kv1',
    fullName: 'Thạch Văn Khang',
    agency: 'THADS-LS-KV1',
    roles: [Role.AGENCY_HEAD],
    description: 'head of regional office 1 (statistics of the own office)',
  },
] as const;

/**
 * Regional offices 1 and 2 of the invented province, with their communes and officers. Their cases
 * are generated (seed/province-generator.ts) over the previous and the current statistical year, so
 * the steering committee's dashboard has something to show. Office 3 keeps only the worked example,
 * which the browser tests rely on (its officer sees exactly those two cases).
 */
export function PROVINCE_OFFICES() {
  return [
    {
      code: 'THADS-LS-KV1',
      name: 'Phòng Thi hành án dân sự khu vực 1 – tỉnh Lâm Sơn',
      procuracy: { code: 'VKS-LS-KV1', name: 'Viện kiểm sát nhân dân khu vực 1 – Lâm Sơn' },
      communes: [
        { code: 'LS-BM', name: 'Phường Bình Minh' },
        { code: 'LS-SK', name: 'Xã Suối Khê' },
        { code: 'LS-DV', name: 'Xã Đồi Vàng' },
        { code: 'LS-LG', name: 'Xã Lũng Gió' },
      ],
      officers: [
        { username: 'chv.kv1.a', fullName: 'Mông Thị Hảo' },
        { username: 'chv.kv1.b', fullName: 'Ung Văn Toản' },
        { username: 'chv.kv1.c', fullName: 'Từ Thị Bích Ngân' },
      ],
    },
    {
      code: 'THADS-LS-KV2',
      name: 'Phòng Thi hành án dân sự khu vực 2 – tỉnh Lâm Sơn',
      procuracy: { code: 'VKS-LS-KV2', name: 'Viện kiểm sát nhân dân khu vực 2 – Lâm Sơn' },
      communes: [
        { code: 'LS-NB', name: 'Xã Ngàn Bến' },
        { code: 'LS-TT', name: 'Phường Thác Trắng' },
        { code: 'LS-KL', name: 'Xã Khe Lau' },
      ],
      officers: [
        { username: 'chv.kv2.a', fullName: 'Lã Quang Huy' },
        { username: 'chv.kv2.b', fullName: 'Đàm Thị Yến' },
      ],
    },
  ];
}

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
