import type { Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import { DEMO_PASSWORD, itInBrowser, expectFitsPhoneAndDesktop, useDemoBrowser } from './browser-harness';

// Issue 15 in a real Chromium: a case opened from the intake form, a stale edit between two browser
// contexts re-applied, and an administrator creating an agency and a user who then opens a case.

/** Asserts that nothing on the page is wider than the viewport (360 px phone and 1366 px desktop). */
/** Fills the intake form with two parties and two obligations (money typed Vietnamese-style, and land). */
async function fillIntake(page: Page, judgmentNumber: string) {
  await page.getByRole('heading', { level: 1, name: 'Mở hồ sơ mới' }).waitFor();
  await page.getByLabel('Số bản án/quyết định').fill(judgmentNumber);
  await page.getByLabel('Tòa án đã xét xử').fill('Tòa án nhân dân khu vực 3 – Lâm Sơn');
  await page.getByLabel('Ngày bản án/quyết định').fill('20/08/2026');
  // Wait for the communes to load, then pick one.
  const commune = page.getByLabel('Xã/phường nơi thi hành án');
  await commune.locator('option', { hasText: 'Xã Tân Hòa' }).first().waitFor({ state: 'attached' });
  await commune.selectOption({ label: (await commune.locator('option', { hasText: 'Xã Tân Hòa' }).first().textContent()) ?? '' });

  const debtor = page.getByRole('group', { name: 'Đương sự 1' });
  await debtor.getByLabel('Họ tên/tên tổ chức').fill('Hà Văn Thử');
  await debtor.getByLabel('Số định danh (CCCD)').fill('036080009999');
  const creditor = page.getByRole('group', { name: 'Đương sự 2' });
  await creditor.getByLabel('Tư cách').selectOption('CREDITOR');
  await creditor.getByLabel('Họ tên/tên tổ chức').fill('Lò Thị Mẫu');

  const money = page.getByRole('group', { name: 'Nghĩa vụ 1' });
  await money.getByLabel('Nội dung nghĩa vụ').fill('Trả tiền theo bản án');
  await money.getByLabel('Người phải thi hành').selectOption({ index: 1 });
  await money.getByLabel('Người được thi hành').selectOption({ index: 2 });
  await money.getByLabel('Số tiền phải thi hành').fill('777.000.000');
  await page.getByRole('button', { name: 'Thêm nghĩa vụ' }).click();
  const land = page.getByRole('group', { name: 'Nghĩa vụ 2' });
  await land.getByLabel('Loại nghĩa vụ').selectOption('HAND_OVER_LAND');
  await land.getByLabel('Nội dung nghĩa vụ').fill('Giao trả 4.000 m² đất rừng');
  await land.getByLabel('Diện tích đất (m²)').fill('4000');
}

/** The id of the case page the browser is on. */
const caseIdOf = (page: Page) => /#\/cases\/([0-9a-f-]{36})$/.exec(page.url())?.[1];

describe('intake, editing and administration in the browser', () => {
  const browser = useDemoBrowser();

  itInBrowser(
    'an officer opens a case with two parties and two obligations; the page fits a phone and a desktop',
    async () => {
      const { page, errors } = await browser.signedIn('cb.thads');
      await page.getByRole('link', { name: 'Mở hồ sơ mới' }).click();
      await fillIntake(page, '15A-01/2026/DS-ST');
      await expectFitsPhoneAndDesktop(page, 'the intake form');
      // A wrongly grouped amount is refused before anything is sent.
      const amount = page.getByRole('group', { name: 'Nghĩa vụ 1' }).getByLabel('Số tiền phải thi hành');
      await amount.fill('77.00.000');
      await expect.poll(() => amount.getAttribute('aria-invalid')).toBe('true');
      await amount.fill('777.000.000');
      await page.getByRole('button', { name: 'Mở hồ sơ' }).click();
      await page.waitForURL(/#\/cases\/[0-9a-f-]{36}$/);
      await page.getByText('777.000.000 đ').first().waitFor();
      await page.getByText('Hà Văn Thử').first().waitFor();
      await page.getByText('Lò Thị Mẫu').first().waitFor();
      await page.getByText('Giao trả 4.000 m² đất rừng').first().waitFor();
      await expectFitsPhoneAndDesktop(page, 'the new case page');
      expect(errors).toEqual([]);
    },
    120_000,
  );

  itInBrowser(
    'a stale edit shows what changed meanwhile and re-applies the second person’s change',
    async () => {
      const a = await browser.signedIn('cb.thads');
      await a.page.getByRole('link', { name: 'Mở hồ sơ mới' }).click();
      await fillIntake(a.page, '15A-02/2026/DS-ST');
      await a.page.getByRole('button', { name: 'Mở hồ sơ' }).click();
      await a.page.waitForURL(/#\/cases\/[0-9a-f-]{36}$/);
      const id = caseIdOf(a.page)!;
      const b = await browser.signedIn('tp.thads');
      for (const { page } of [a, b]) {
        await page.goto(`${browser.url()}/#/cases/${id}/edit`);
        await page.getByRole('heading', { level: 2, name: 'Thông tin hồ sơ' }).waitFor();
      }
      await a.page.getByLabel('Ghi chú').fill('Đã làm việc với UBND xã Tân Hòa');
      await a.page.getByRole('button', { name: 'Lưu thay đổi' }).click();
      await a.page.getByText('Đã lưu.').waitFor();

      await b.page.getByLabel('Việc phức tạp').check();
      await b.page.getByRole('button', { name: 'Lưu thay đổi' }).click();
      const conflict = b.page.getByRole('alert').filter({ hasText: 'người khác đã cập nhật' });
      await conflict.waitFor();
      expect(await conflict.locator('li').allTextContents()).toEqual([expect.stringContaining('Ghi chú')]);
      await expect.poll(() => conflict.textContent()).toContain('Thay đổi của bạn: Việc phức tạp');
      await b.page.getByRole('button', { name: 'Áp dụng lại thay đổi của tôi' }).click();
      await b.page.getByText('Đã lưu.').waitFor();
      // The form now shows A's note as well: re-applying hid nothing A saved.
      expect(await b.page.getByLabel('Ghi chú').inputValue()).toBe('Đã làm việc với UBND xã Tân Hòa');

      // Both changes are kept: A's note and B's flag.
      await b.page.reload();
      await b.page.getByRole('heading', { level: 2, name: 'Thông tin hồ sơ' }).waitFor();
      expect(await b.page.getByLabel('Ghi chú').inputValue()).toBe('Đã làm việc với UBND xã Tân Hòa');
      expect(await b.page.getByLabel('Việc phức tạp').isChecked()).toBe(true);
      await expectFitsPhoneAndDesktop(b.page, 'the edit page');
      expect([...a.errors, ...b.errors]).toEqual([]);
    },
    120_000,
  );

  itInBrowser(
    'an administrator creates an agency and a user; the new user signs in and opens a case',
    async () => {
      const { page, errors } = await browser.signedIn('admin');
      await page.getByRole('link', { name: 'Cơ quan', exact: true }).click();
      await page.getByRole('heading', { level: 1, name: 'Quản lý cơ quan' }).waitFor();
      await page.getByLabel('Mã', { exact: true }).fill('THADS-KV15');
      await page.getByLabel('Tên', { exact: true }).fill('Phòng Thi hành án dân sự khu vực 15');
      await page.getByLabel('Loại cơ quan').selectOption('ENFORCEMENT_OFFICE');
      await page
        .getByRole('group', { name: 'Địa bàn phụ trách' })
        .getByLabel(/^Xã Tân Hòa/)
        .check();
      await page.getByRole('button', { name: 'Thêm cơ quan' }).click();
      await page.getByText('Đã thêm cơ quan.').waitFor();
      await expectFitsPhoneAndDesktop(page, 'the agencies page');

      await page.getByRole('link', { name: 'Tài khoản', exact: true }).click();
      await page.getByRole('heading', { level: 1, name: 'Quản lý tài khoản' }).waitFor();
      await page.getByLabel('Tên đăng nhập').fill('chv.kv15');
      await page.getByLabel('Họ tên').fill('Khúc Thị Mới');
      const agency = page.getByLabel('Cơ quan', { exact: true });
      await agency.locator('option', { hasText: 'khu vực 15' }).waitFor({ state: 'attached' });
      await agency.selectOption({ label: 'Phòng Thi hành án dân sự khu vực 15' });
      await page.getByRole('group', { name: 'Vai trò' }).getByLabel('Chấp hành viên').check();
      await page.getByLabel('Mật khẩu ban đầu').fill(DEMO_PASSWORD);
      await page.getByRole('button', { name: 'Tạo tài khoản' }).last().click();
      await page.getByText('Đã tạo tài khoản.').waitFor();
      await expectFitsPhoneAndDesktop(page, 'the users page');

      await page.getByRole('link', { name: 'Địa bàn', exact: true }).click();
      await page.getByRole('heading', { level: 1, name: 'Quản lý địa bàn hành chính' }).waitFor();
      await expectFitsPhoneAndDesktop(page, 'the areas page');
      expect(errors).toEqual([]);

      const newcomer = await browser.signedIn('chv.kv15');
      await newcomer.page.getByRole('link', { name: 'Mở hồ sơ mới' }).click();
      await fillIntake(newcomer.page, '15A-03/2026/DS-ST');
      await newcomer.page.getByRole('button', { name: 'Mở hồ sơ' }).click();
      await newcomer.page.waitForURL(/#\/cases\/[0-9a-f-]{36}$/);
      await newcomer.page.getByText('777.000.000 đ').first().waitFor();
      expect(newcomer.errors).toEqual([]);

      // A transfer: the administrator moves the new officer to another office and adds a role, in one form.
      await page.getByRole('link', { name: 'Tài khoản', exact: true }).click();
      await page.getByRole('button', { name: 'Đổi vai trò, cơ quan của Khúc Thị Mới' }).click();
      const editor = page.getByRole('form', { name: 'Đổi vai trò, cơ quan của Khúc Thị Mới' });
      const choices = await editor.getByLabel('Cơ quan', { exact: true }).locator('option').allTextContents();
      const target = choices.find((name) => name.startsWith('Phòng Thi hành án') && !name.includes('khu vực 15'));
      expect(target, choices.join(' | ')).toBeDefined();
      await editor.getByLabel('Cơ quan', { exact: true }).selectOption({ label: target! });
      await editor.getByRole('group', { name: 'Vai trò' }).getByLabel('Cán bộ', { exact: true }).check();
      await editor.getByRole('button', { name: 'Lưu thay đổi' }).click();
      await page.getByText('Đã lưu; thay đổi có hiệu lực ngay từ yêu cầu tiếp theo của người dùng.').waitFor();
      await page.getByRole('listitem').filter({ hasText: 'chv.kv15' }).getByText(target!).waitFor();
      await expectFitsPhoneAndDesktop(page, 'the users page with the editor');
      expect(errors).toEqual([]);
    },
    120_000,
  );

  itInBrowser(
    'a submit whose answer was lost is resent with the same key and opens one case only',
    async () => {
      const { page, errors } = await browser.signedIn('cb.thads');
      await page.getByRole('link', { name: 'Mở hồ sơ mới' }).click();
      await fillIntake(page, '15A-04/2026/DS-ST');
      // The first createCase reaches the server, but the browser never hears the answer; mutate()
      // resends it by itself (client/src/lib/writes.ts) with the idempotency key of the first try.
      let lost = 0;
      const keys: unknown[] = [];
      await page.route('**/graphql', async (route) => {
        const body = route.request().postData() ?? '';
        if (body.includes('mutation CreateCase')) keys.push(JSON.parse(body).variables?.idempotencyKey);
        if (lost === 0 && body.includes('mutation CreateCase')) {
          lost++;
          await route.fetch();
          return route.abort('connectionreset');
        }
        return route.continue();
      });
      await page.getByRole('button', { name: 'Mở hồ sơ' }).click();
      await page.waitForURL(/#\/cases\/[0-9a-f-]{36}$/);
      expect(lost).toBe(1);
      expect(keys.length).toBeGreaterThanOrEqual(2);
      expect(new Set(keys).size).toBe(1);
      expect(typeof keys[0]).toBe('string');
      await page.goto(`${browser.url()}/#/`);
      await page.getByRole('searchbox').first().fill('15A-04');
      await expect.poll(() => page.getByRole('table', { name: 'Danh sách việc thi hành án' }).locator('tbody tr').count()).toBe(1);
      expect(errors).toEqual([]);
    },
    120_000,
  );

  itInBrowser(
    'the lifecycle step offered by the server shows its legal source and moves the case',
    async () => {
      const { page, errors } = await browser.signedIn('cb.thads');
      await page.getByRole('link', { name: 'Mở hồ sơ mới' }).click();
      await fillIntake(page, '15A-05/2026/DS-ST');
      await page.getByRole('button', { name: 'Mở hồ sơ' }).click();
      await page.waitForURL(/#\/cases\/[0-9a-f-]{36}$/);
      await page.getByRole('link', { name: 'Sửa hồ sơ' }).click();
      // Editing adds to what was entered: one more obligation, money typed as plain digits.
      const more = page.getByRole('form', { name: 'Thêm nghĩa vụ' });
      await more.getByLabel('Nội dung nghĩa vụ').fill('Nộp án phí dân sự');
      await more.getByLabel('Số tiền phải thi hành').fill('1500000');
      await more.getByRole('button', { name: 'Thêm nghĩa vụ' }).click();
      await page.getByRole('listitem').filter({ hasText: 'Nộp án phí dân sự' }).waitFor();
      const step = page.getByLabel('Bước tiếp theo');
      await step.selectOption('ISSUE_DECISION');
      await expect.poll(() => page.locator('.legal-source').textContent()).toMatch(/Căn cứ:.*(Điều|Luật)/);
      await page.getByLabel('Số quyết định thi hành án').fill('15A-05/QĐ-THA');
      await page.getByLabel('Ngày ra quyết định').fill('02/12/2026');
      await page.getByRole('button', { name: 'Thực hiện' }).click();
      await page.getByText('Hiện tại: Đã ra quyết định THA').waitFor();
      expect(errors).toEqual([]);
    },
    120_000,
  );

  itInBrowser(
    'an official without the abilities sees no intake or admin links, and the routes say so',
    async () => {
      const { page } = await browser.signedIn('ubnd.tanhoa');
      expect(await page.getByRole('link', { name: 'Mở hồ sơ mới' }).count()).toBe(0);
      expect(await page.getByRole('link', { name: 'Tài khoản', exact: true }).count()).toBe(0);
      await page.goto(`${browser.url()}/#/admin/users`);
      await page.getByText('Bạn không có quyền dùng màn hình này.').waitFor();
    },
    60_000,
  );
});
