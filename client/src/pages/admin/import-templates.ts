/**
 * Template CSV files offered for download on the import page: the columns of each kind
 * (docs/IMPORTS.md) and one invented example row to overwrite. A BOM first, so spreadsheet programs
 * open the Vietnamese text as UTF-8.
 */
export type ImportKindName = 'cases' | 'users' | 'agencies' | 'areas';

const TEMPLATES: Record<ImportKindName, string[]> = {
  areas: ['ma,ten,cap,ma_cap_tren', 'VN,Việt Nam,QUOC_GIA,', 'LSM,Tỉnh Lâm Sơn Mẫu,TINH,VN', 'LSM-01,Xã Tân Hòa Mẫu,XA,LSM'],
  agencies: ['ma,ten,loai,ma_co_quan_cap_tren,ma_dia_ban', 'THA-LSM-KV1,Phòng Thi hành án dân sự khu vực 1,ENFORCEMENT_OFFICE,,LSM-01'],
  users: [
    'ten_dang_nhap,ho_ten,ma_co_quan,vai_tro,mat_khau,dien_thoai',
    'mau.chv1,Phạm Minh Khôi,THA-LSM-KV1,ENFORCEMENT_OFFICER,Doi-Mat-Khau-1,0901000001',
  ],
  cases: [
    'ma_co_quan,so_ban_an,toa_an,ngay_ban_an,ngay_thu_ly,loai_viec,ma_xa,so_quyet_dinh,ngay_quyet_dinh,chap_hanh_vien,phuc_tap,ton_dong,ghi_chu,' +
      'ds1_vai_tro,ds1_loai,ds1_ten,ds1_dia_chi,ds1_cccd,ds1_dien_thoai,ds2_vai_tro,ds2_loai,ds2_ten,ds2_dia_chi,ds2_cccd,ds2_dien_thoai,' +
      'nv1_loai,nv1_mo_ta,nv1_so_tien,nv1_dien_tich_m2,nv1_ds_phai_thi_hanh,nv1_ds_duoc_thi_hanh',
    'THA-LSM-KV1,12/2025/DS-ST,Tòa án nhân dân khu vực 1,14/03/2025,02/04/2025,THEO_DON,LSM-01,,,mau.chv1,khong,khong,,' +
      'PHAI_THI_HANH,CA_NHAN,Trịnh Văn Mẫu,"Thôn 3, xã Tân Hòa Mẫu",079085000123,0902000001,DUOC_THI_HANH,CA_NHAN,Lò Thị Hạnh,,,,' +
      'TRA_TIEN,Trả nợ tiền vay,777.000.000,,1,2',
  ],
};

/** The template's file name, e.g. "mau-nhap-cases.csv". */
export const templateName = (kind: ImportKindName) => `mau-nhap-${kind}.csv`;

/** A data: URL of the template of `kind` (no server round trip; works offline). */
export function templateHref(kind: ImportKindName): string {
  return `data:text/csv;charset=utf-8,${encodeURIComponent(`\uFEFF${TEMPLATES[kind].join('\r\n')}\r\n`)}`;
}
