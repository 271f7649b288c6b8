import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import { gql } from '../support/harness';
import { DEMO_PASSWORD, DESKTOP, itInBrowser, overflowingElements, PHONE, useDemoBrowser } from './browser-harness';

/** Steering-committee member of the demo province. */
const MEMBER = 'bcd.lamson';
/** Enforcement officer of office 3 (the worked example's two cases). */
const OFFICER = 'cb.thads';

async function expectFits(page: Page, where: string) {
  const result = await overflowingElements(page);
  expect(result, `${where} at ${page.viewportSize()?.width} px`).toEqual({ sideways: false, elements: [] });
}

async function openDashboard(page: Page) {
  await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Bảng điều hành', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Bảng điều hành thi hành án dân sự' }).waitFor();
  await page.locator('#case-rate-value').waitFor();
}

/** The officer records a payment on one of their money obligations, through the API with their own session. */
async function officerRecordsPayment(url: string, amount: string): Promise<string> {
  const signIn = await gql(url, 'mutation($i: SignInInput!) { signIn(input: $i) { accessToken } }', {
    i: { username: OFFICER, password: DEMO_PASSWORD },
  });
  const token = signIn.data!.signIn.accessToken as string;
  const list = await gql(
    url,
    '{ cases(first: 50) { edges { node { id version decisionNumber status obligations { id kind amountOwed amountCollected } } } } }',
    {},
    token,
  );
  const edges = list.data!.cases.edges as Array<{ node: any }>;
  const target = edges
    .map((e) => e.node)
    .find((c) =>
      c.obligations.some((o: any) => o.kind === 'PAY_MONEY' && BigInt(o.amountOwed) - BigInt(o.amountCollected) >= BigInt(amount)),
    );
  if (!target) throw new Error(`no open money obligation for ${OFFICER}: ${JSON.stringify(edges)}`);
  const obligation = target.obligations.find((o: any) => o.kind === 'PAY_MONEY');
  const res = await gql(
    url,
    'mutation($i: ObligationProgressInput!) { recordObligationProgress(input: $i) { id } }',
    { i: { caseId: target.id, version: target.version, obligationId: obligation.id, amountCollected: amount } },
    token,
  );
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return target.decisionNumber;
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

      // Live: an officer records a payment; the money figure moves without a reload.
      const parts = page.locator('#money-rate-parts');
      const before = (await parts.textContent()) ?? '';
      await officerRecordsPayment(url(), '1000000');
      await expect.poll(async () => (await parts.textContent()) ?? '', { timeout: 20_000 }).not.toBe(before);

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
