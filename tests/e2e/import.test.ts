import { describe, expect } from 'vitest';
import { itInBrowser, expectFitsPhoneAndDesktop, PHONE, useDemoBrowser } from './browser-harness';

// Issue 15 item 2 in a real Chromium: an office administrator uploads a cases CSV on #/admin/import,
// sees the row error of a bad file, uploads a good one, watches the job finish and opens an imported case.

const HEADER =
  'ma_co_quan,so_ban_an,toa_an,ngay_ban_an,ngay_thu_ly,loai_viec,ma_xa,so_quyet_dinh,ngay_quyet_dinh,ds1_vai_tro,ds1_ten,ds2_vai_tro,ds2_ten,nv1_loai,nv1_mo_ta,nv1_so_tien,nv1_ds_phai_thi_hanh,nv1_ds_duoc_thi_hanh';
const row = (n: number, judgmentDate = '10/02/2025') =>
  [
    'THADS-LS-KV3',
    `15C-${n}/2025/DS-ST`,
    'Tòa án nhân dân khu vực 3 – Lâm Sơn',
    judgmentDate,
    '01/03/2025',
    'THEO_DON',
    'LS-TH',
    `15C-${n}/QĐ-THADS`,
    '05/03/2025',
    'PHAI_THI_HANH',
    `Nhập Văn Thử ${n}`,
    'DUOC_THI_HANH',
    `Lò Thị Nhận ${n}`,
    'TRA_TIEN',
    'Trả tiền theo bản án',
    '45.000.000',
    '1',
    '2',
  ].join(',');
const csv = (...rows: string[]) => Buffer.from(`\uFEFF${[HEADER, ...rows].join('\r\n')}\r\n`, 'utf8');

describe('CSV import in the browser', () => {
  const browser = useDemoBrowser();

  itInBrowser(
    'an office admin sees the row error of a bad file, imports a good one with progress, opens an imported case and corrects it',
    async () => {
      const { page, errors } = await browser.signedIn('tp.thads', PHONE);
      await page.goto(`${browser.url()}/#/admin/import`);
      await page.getByRole('heading', { level: 1, name: 'Nhập dữ liệu từ tệp CSV' }).waitFor();
      const kind = page.getByLabel('Loại dữ liệu');
      await expect.poll(() => kind.inputValue()).toBe('cases');
      expect(await page.getByRole('link', { name: /Tải tệp mẫu \(mau-nhap-cases\.csv\)/ }).getAttribute('download')).toBe(
        'mau-nhap-cases.csv',
      );

      // A bad file: the dry run shows the row error in Vietnamese and offers no import.
      await page
        .getByLabel('Tệp CSV')
        .setInputFiles({ name: 'ho-so-loi.csv', mimeType: 'text/csv', buffer: csv(row(1), row(2, '31/02/2025')) });
      await page.getByRole('button', { name: 'Kiểm tra tệp' }).click();
      await page.getByText('1 lỗi trong tệp').waitFor();
      await page.getByText(/^Dòng 3, cột ngay_ban_an: Ngày "31\/02\/2025" không hợp lệ/).waitFor();
      await page.getByText('Tệp có lỗi nên chưa thể nhập.', { exact: false }).waitFor();
      expect(await page.getByRole('button', { name: /^Nhập \d+ dòng$/ }).count()).toBe(0);
      await expectFitsPhoneAndDesktop(page, 'the import page with row errors');

      // A good file: checked, confirmed, then the progress bar runs to the end.
      await page.getByLabel('Tệp CSV').setInputFiles({ name: 'ho-so.csv', mimeType: 'text/csv', buffer: csv(row(1), row(2)) });
      await page.getByRole('button', { name: 'Kiểm tra tệp' }).click();
      await page.getByText('2 dòng dữ liệu: 2 dòng mới sẽ được nhập, 0 dòng đã có (giữ nguyên).').waitFor();
      await page.getByRole('button', { name: 'Nhập 2 dòng' }).click();
      const progress = page.getByRole('progressbar', { name: 'Tiến độ nhập tệp' });
      await progress.waitFor();
      expect(await progress.getAttribute('aria-valuemax')).toBe('2');
      await page.getByText('Đã nhập xong: 2 dòng mới, 0 dòng đã có (giữ nguyên), 0 dòng lỗi bị bỏ qua.').waitFor();
      expect(await progress.getAttribute('aria-valuenow')).toBe('2');
      expect(await progress.getAttribute('aria-valuetext')).toBe('Đã ghi 2/2 dòng');
      await expectFitsPhoneAndDesktop(page, 'the finished import');

      // The result links to the case list; an imported case opens with its parties and money.
      await page.setViewportSize(PHONE);
      await page.getByRole('link', { name: 'Xem danh sách hồ sơ' }).click();
      await page.getByLabel('Tìm theo số quyết định, số bản án hoặc tên đương sự').fill('15C-2/QĐ-THADS');
      await page.getByRole('link', { name: '15C-2/QĐ-THADS' }).click();
      await page.waitForURL(/#\/cases\/[0-9a-f-]{36}$/);
      await page.getByText('Nhập Văn Thử 2').first().waitFor();
      await page.getByText('45.000.000 đ').first().waitFor();

      // Item 3: correct the imported obligation on the edit page; removing a party named on it is refused with a reason.
      const caseId = /#\/cases\/([0-9a-f-]{36})$/.exec(page.url())![1];
      await page.goto(`${browser.url()}/#/cases/${caseId}/edit`);
      await page.getByRole('button', { name: 'Sửa nghĩa vụ Trả tiền theo bản án' }).click();
      const form = page.getByRole('form', { name: 'Sửa nghĩa vụ Trả tiền theo bản án' });
      await form.getByLabel('Nội dung nghĩa vụ').fill('Trả tiền vay theo bản án');
      await form.getByRole('button', { name: 'Lưu' }).click();
      await page.getByText('Đã lưu.').waitFor();
      await page.getByText('Trả tiền vay theo bản án').first().waitFor();
      page.once('dialog', (dialog) => void dialog.accept());
      await page.getByRole('button', { name: 'Xóa đương sự Lò Thị Nhận 2' }).click();
      await page.getByRole('alert').filter({ hasText: 'Đương sự đang được ghi trong nghĩa vụ' }).waitFor();
      await expectFitsPhoneAndDesktop(page, 'the edit page with corrections');
      expect(errors).toEqual([]);
    },
    180_000,
  );
});
