import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import { DESKTOP, itInBrowser, expectFits, PHONE, useDemoBrowser } from './browser-harness';

/** Steering-committee member of the demo province. */
const MEMBER = 'bcd.lamson';
/** Enforcement officer of office 3 (the worked example's two cases). */
const OFFICER = 'cb.thads';

async function openDashboard(page: Page) {
  await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Bảng điều hành', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Bảng điều hành thi hành án dân sự' }).waitFor();
  await page.locator('#case-rate-value').waitFor();
}

/** The worked example's money case (office 3, cb.thads): 777,000,000 đ owed on one obligation. */
const MONEY_CASE = '12/QĐ-THA';
const MONEY_OBLIGATION = 'Trả khoản vay theo bản án';

/** Today in Viet Nam as dd/mm/yyyy, and the time `minutes` from now as HH:MM (the forms' local form). */
function vietnamNow(minutes: number): { day: string; time: string } {
  const at = new Date(Date.now() + 7 * 3_600_000 + minutes * 60_000);
  const iso = at.toISOString();
  return { day: `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`, time: iso.slice(11, 16) };
}

/** "1.000.000 / 2.000.000 có điều kiện" → the first figure in đồng. */
function firstMoney(text: string): bigint {
  const m = /^([\d.]+)/.exec(text.trim());
  if (!m) throw new Error(`no figure in "${text}"`);
  return BigInt(m[1].replace(/\./g, ''));
}

/**
 * The officer, in their own browser, plans a persuasion visit on the money case for later today,
 * marks it ready, starts it and records its outcome: a partial payment of `amount` đ on the named
 * obligation — every step through the case page, as an officer would.
 */
async function officerRecordsVisitPayment(page: Page, amount: string): Promise<void> {
  await page.getByRole('link', { name: MONEY_CASE, exact: true }).click();
  await page.getByRole('heading', { level: 1, name: `Việc thi hành án ${MONEY_CASE}` }).waitFor();
  const actions = page.getByRole('region', { name: 'Vận động, cưỡng chế' });
  await actions.getByLabel('Loại buổi làm việc', { exact: true }).selectOption('PERSUASION_VISIT');
  await actions.getByLabel('Địa điểm', { exact: true }).fill('Nhà ông Hà Văn Lộc, thôn Đồng Mai, xã Tân Hòa');
  // Later today (Viet Nam time): planning needs a future start, starting needs the day to have come.
  const start = vietnamNow(3);
  await actions.getByLabel('Ngày thực hiện', { exact: true }).fill(start.day);
  await actions.getByLabel('Giờ bắt đầu (giờ Việt Nam)', { exact: true }).fill(start.time);
  await actions.getByLabel('Giờ kết thúc (giờ Việt Nam)', { exact: true }).fill('23:59');
  await actions.getByRole('button', { name: 'Lên kế hoạch', exact: true }).click();
  const item = actions.getByRole('listitem').filter({ hasText: 'Nhà ông Hà Văn Lộc' }).first();
  await item.getByText('Đã lên kế hoạch', { exact: true }).waitFor();
  await item.getByRole('button', { name: 'Sẵn sàng', exact: true }).click();
  await item.getByRole('button', { name: 'Bắt đầu', exact: true }).click();
  await item.getByRole('button', { name: 'Kết quả', exact: true }).click();
  await item.getByLabel('Kết quả', { exact: true }).selectOption('PARTIAL_PAYMENT');
  await item.getByLabel('Nghĩa vụ thu tiền', { exact: true }).selectOption({ label: MONEY_OBLIGATION });
  await item.getByLabel('Số tiền thu được (đồng)', { exact: true }).fill(amount);
  await item.getByLabel('Nội dung biên bản', { exact: true }).fill('Ông Lộc nộp một phần tiền tại buổi vận động.');
  await item.getByRole('button', { name: 'Lưu', exact: true }).click();
  await item.getByText('Thi hành một phần').first().waitFor();
}

describe('the steering dashboard', () => {
  const { signedIn, screenshot, url } = useDemoBrowser();

  itInBrowser(
    'bcd.lamson sees the rates against targets for the province and each office, drills into what is stuck, watches a payment arrive live, downloads the workbook',
    async () => {
      const { page, errors } = await signedIn(MEMBER, DESKTOP);
      await openDashboard(page);
      const caseCard = page.getByRole('region', { name: 'Tỷ lệ thi hành xong về việc' });
      const moneyCard = page.getByRole('region', { name: 'Tỷ lệ thi hành xong về tiền' });
      // This year's rates in Vietnamese form ("45,3 %"), against the targets, with the gap and met / not met.
      expect(await page.locator('#case-rate-value').textContent()).toMatch(/^\d{1,3}(,\d{1,2})? %$/);
      for (const card of [caseCard, moneyCard]) {
        const text = (await card.textContent()) ?? '';
        expect(text).toMatch(/Chỉ tiêu: \d{1,3}(,\d{1,2})? %/);
        expect(text).toMatch(/Chênh lệch: [+-]?\d/);
        expect(text).toMatch(/Đạt chỉ tiêu|Chưa đạt chỉ tiêu/);
      }
      const scope = page.locator('.dashboard__scope');
      const provinceLine = (await scope.textContent()) ?? '';
      expect(provinceLine).toMatch(/từ 01\/10\/\d{4} đến 30\/09\/\d{4}/);
      // The trend chart is drawn (an SVG with one line per rate).
      await page.locator('.chart .recharts-wrapper > svg').first().waitFor();
      expect(await page.locator('.chart .recharts-line').count()).toBe(2);
      await expectFits(page, 'the dashboard');
      await screenshot(page, 'dashboard-desktop.png');

      // Each office: the unit picker lists them; picking one changes the scope and its figures.
      const unit = page.getByLabel('Đơn vị', { exact: true });
      const offices = (await unit.locator('option').allTextContents()).slice(1);
      expect(offices.length).toBeGreaterThanOrEqual(2);
      for (const office of offices) {
        await unit.selectOption({ label: office });
        await expect.poll(async () => (await scope.textContent()) ?? '', { timeout: 10_000 }).toContain(office);
        expect((await caseCard.textContent()) ?? '').toMatch(/Chỉ tiêu: |Chưa giao chỉ tiêu/);
      }
      await unit.selectOption({ index: 0 });
      await expect.poll(async () => (await scope.textContent()) ?? '', { timeout: 10_000 }).toBe(provinceLine);

      // Where it is stuck → the cases behind the figure.
      const backlog = page.getByRole('button', { name: /Án tồn đọng/ });
      const backlogCount = Number(((await backlog.locator('.stuck-figure__value').textContent()) ?? '').replace(/\./g, ''));
      expect(backlogCount).toBeGreaterThan(0);
      await backlog.click();
      const drill = page.getByRole('region', { name: /^Danh sách việc: Án tồn đọng/ });
      await drill.getByText(`${backlogCount.toLocaleString('vi-VN')} việc`, { exact: false }).waitFor();
      expect(await drill.getByRole('link').count()).toBe(Math.min(backlogCount, 20));
      // A Ministry row → its cases.
      await page.getByRole('button', { name: 'Xem danh sách việc: Tổng số thụ lý' }).click();
      await page.getByRole('region', { name: 'Danh sách việc: Tổng số thụ lý' }).getByRole('link').first().waitFor();

      // Live: an officer, in a second browser, records a visit's payment on the case page; the open
      // dashboard's collected money moves by exactly that amount, without a reload.
      const parts = page.locator('#money-rate-parts');
      const before = firstMoney((await parts.textContent()) ?? '');
      const officer = await signedIn(OFFICER, DESKTOP);
      await officerRecordsVisitPayment(officer.page, '1234567');
      await expect.poll(async () => firstMoney((await parts.textContent()) ?? ''), { timeout: 20_000 }).toBe(before + 1_234_567n);
      expect(officer.errors).toEqual([]);

      // The workbook: a valid xlsx with the Ministry table.
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Tải Excel (.xlsx)' }).click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/^thong-ke-thads-\d{4}-statistical_year-1\.xlsx$/);
      const file = join(mkdtempSync(join(tmpdir(), 'dash-')), download.suggestedFilename());
      await download.saveAs(file);
      const bytes = readFileSync(file);
      expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK'); // a zip, as every xlsx is
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(bytes as never);
      const summary = wb.getWorksheet('Tổng hợp')!;
      expect(String(summary.getCell('A1').value)).toContain('KẾT QUẢ THI HÀNH ÁN DÂN SỰ');
      expect(wb.worksheets.map((w) => w.name)).toEqual(['Tổng hợp', 'Theo cơ quan', 'Theo xã', 'Theo chấp hành viên']);
      expect(errors).toEqual([]);
    },
    180_000,
  );

  itInBrowser(
    'printed, the dashboard hides the navigation, pickers and buttons, shows the heading with its period and the tables, and nothing is cut off sideways',
    async () => {
      // A4 portrait at 96 dpi is 794 px wide; Chromium's default print margins leave about 718 px.
      const { page, errors } = await signedIn(MEMBER, { width: 718, height: 1000 });
      await openDashboard(page);
      await page.emulateMedia({ media: 'print' });
      expect(await page.getByRole('navigation', { name: 'Điều hướng chính' }).isVisible()).toBe(false);
      expect(await page.getByRole('region', { name: 'Chọn kỳ và đơn vị' }).isVisible()).toBe(false);
      expect(await page.locator('select:visible').count()).toBe(0);
      expect(await page.locator('.button:visible').count()).toBe(0);
      expect(await page.getByRole('heading', { level: 1, name: 'Bảng điều hành thi hành án dân sự' }).isVisible()).toBe(true);
      expect((await page.locator('.dashboard__scope').textContent()) ?? '').toMatch(/từ 01\/10\/\d{4} đến 30\/09\/\d{4}/);
      const table = page.locator('table.dashboard__table');
      expect(await table.isVisible()).toBe(true);
      expect(await table.getByRole('row').count()).toBe(17); // header + the 16 Ministry rows
      await expectFits(page, 'the printed dashboard');
      // The PDF Chromium prints from it (A4): a real document, several pages is fine.
      const pdf = await page.pdf({ format: 'A4', printBackground: false });
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(errors).toEqual([]);
    },
    120_000,
  );

  itInBrowser(
    'on a phone (360×740) the dashboard fits; the targets form checks its figures; an officer has no dashboard link',
    async () => {
      const { page, errors } = await signedIn(MEMBER, PHONE);
      await openDashboard(page);
      await page.getByRole('button', { name: /Án tồn đọng/ }).click();
      await page
        .getByRole('region', { name: /^Danh sách việc: Án tồn đọng/ })
        .getByRole('link')
        .first()
        .waitFor();
      await expectFits(page, 'the dashboard');
      await screenshot(page, 'dashboard-phone.png');

      await page.getByRole('link', { name: 'Giao chỉ tiêu', exact: true }).click();
      await page.getByRole('heading', { level: 1, name: /^Giao chỉ tiêu năm \d{4}$/ }).waitFor();
      // The targets already set (the demo sets this year's) are listed, and fill the form for the picked office.
      await page.getByRole('region', { name: 'Chỉ tiêu đã giao' }).getByRole('table').waitFor();
      const caseTarget = page.getByLabel('Chỉ tiêu về việc (%)', { exact: true });
      const moneyTarget = page.getByLabel('Chỉ tiêu về tiền (%)', { exact: true });
      await caseTarget.fill('150');
      await moneyTarget.fill('45,5');
      await page.getByRole('button', { name: 'Lưu chỉ tiêu', exact: true }).click();
      await page.getByRole('alert').filter({ hasText: 'Chỉ tiêu là số phần trăm từ 0 đến 100' }).waitFor();
      expect(await caseTarget.getAttribute('aria-invalid')).toBe('true');
      await caseTarget.fill('85,25');
      await page.getByRole('button', { name: 'Lưu chỉ tiêu', exact: true }).click();
      await page
        .getByRole('status')
        .filter({ hasText: /^Đã lưu chỉ tiêu cho / })
        .waitFor();
      await page.getByRole('row').filter({ hasText: '85,25 %' }).first().waitFor();
      await expectFits(page, 'the targets form');
      expect(errors).toEqual([]);

      const officer = await signedIn(OFFICER, PHONE);
      expect(
        await officer.page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Bảng điều hành' }).count(),
      ).toBe(0);
      await officer.page.goto(`${url()}/#/dashboard`);
      await officer.page.getByText('Bảng điều hành dành cho Ban Chỉ đạo và lãnh đạo cơ quan thi hành án.').waitFor();
    },
    180_000,
  );
});
