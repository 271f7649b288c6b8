import { describe, expect } from 'vitest';
import { DESKTOP, itInBrowser, expectFits, PHONE, useDemoBrowser, type Viewport } from './browser-harness';

/** Enforcement officer of the lead office of 12/QĐ-THA. */
const OFFICER = 'cb.thads';
/** Tân Hòa People's Committee official: 12/QĐ-THA is shared with the commune. */
const COMMUNE_A = 'ubnd.tanhoa';
const COMMUNE_A_AGENCY = 'Ủy ban nhân dân xã Tân Hòa';
const CASE = '12/QĐ-THA';

/** Fails with the offending elements when anything is wider than the screen. */
describe('the inbox, at phone size', () => {
  const { signedIn, screenshot, url } = useDemoBrowser();

  itInBrowser(
    'a commune official on a phone sees a new task arrive live in the inbox and accepts it there',
    async () => {
      const commune = await signedIn(COMMUNE_A, PHONE);
      const inboxLink = commune.page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: /Hộp thư/ });
      await inboxLink.click();
      await commune.page.getByRole('heading', { level: 1, name: 'Hộp thư' }).waitFor();
      const before = (await inboxLink.textContent()) ?? '';

      // The officer (desktop) assigns the commune a task on the shared case.
      const title = 'Niêm yết thông báo tại nhà văn hóa thôn';
      const officer = await signedIn(OFFICER);
      await officer.page.getByRole('link', { name: CASE, exact: true }).click();
      const tasks = officer.page.getByRole('region', { name: 'Nhiệm vụ' });
      await tasks.getByLabel('Cơ quan được giao', { exact: true }).selectOption({ label: COMMUNE_A_AGENCY });
      await tasks.getByLabel('Loại nhiệm vụ', { exact: true }).selectOption('SERVE_NOTICE');
      await tasks.getByLabel('Tên nhiệm vụ', { exact: true }).fill(title);
      await tasks.getByRole('button', { name: 'Giao nhiệm vụ', exact: true }).click();
      await tasks.getByRole('heading', { name: title, exact: true }).waitFor();

      // It arrives on the phone without a reload, unread, with the badge counting it.
      const item = commune.page.getByRole('listitem').filter({ has: commune.page.getByRole('heading', { name: title, exact: true }) });
      await item.waitFor({ timeout: 15_000 });
      expect(await item.textContent()).toContain('Nhiệm vụ mới');
      expect(await item.textContent()).toContain('Chưa đọc');
      await expect.poll(async () => (await inboxLink.textContent()) ?? '', { timeout: 10_000 }).not.toBe(before);
      await expectFits(commune.page, 'the inbox');

      // Accept is within reach (on screen, a finger-sized target) and works.
      const accept = item.getByRole('button', { name: 'Nhận', exact: true });
      await accept.scrollIntoViewIfNeeded();
      const box = (await accept.boundingBox())!;
      expect(box.x + box.width).toBeLessThanOrEqual(PHONE.width);
      expect(box.height).toBeGreaterThanOrEqual(40);
      await accept.tap();
      await item.getByText('Đã nhận').waitFor();
      expect(await item.getByRole('button', { name: 'Nhận', exact: true }).count()).toBe(0);
      // Accepting read it (the mark lands with the refetch after the accept).
      await expect.poll(async () => (await item.textContent()) ?? '', { timeout: 10_000 }).not.toContain('Chưa đọc');
      await screenshot(commune.page, 'inbox-phone.png');

      // The officer's task list follows, live.
      await tasks.getByRole('listitem').filter({ hasText: title }).getByText('Đã nhận', { exact: true }).waitFor({ timeout: 15_000 });

      // Mark all read empties the unread filter.
      const markAll = commune.page.getByRole('button', { name: 'Đánh dấu tất cả đã đọc', exact: true });
      if (await markAll.count()) await markAll.tap();
      await commune.page.getByLabel('Chỉ mục chưa đọc').check();
      await commune.page.getByText('Không có gì cần xử lý.').waitFor();
      expect(commune.errors).toEqual([]);
      expect(officer.errors).toEqual([]);
    },
    120_000,
  );

  for (const viewport of [PHONE, DESKTOP] satisfies Viewport[]) {
    itInBrowser(
      `every page fits a ${viewport.width}×${viewport.height} screen; the thread starts within the first screen of a case`,
      async () => {
        const admin = await signedIn('admin', viewport);
        await expectFits(admin.page, 'the case list');
        await admin.page.goto(`${url()}/#/about`);
        await admin.page.getByRole('heading', { level: 1, name: 'Thông tin hệ thống' }).waitFor();
        await expectFits(admin.page, 'the about page');

        const { page, errors } = await signedIn(OFFICER, viewport);
        await expectFits(page, 'the case list');
        await page.getByRole('link', { name: CASE, exact: true }).click();
        await page.getByRole('heading', { level: 1, name: `Việc thi hành án ${CASE}` }).waitFor();
        await page.getByRole('region', { name: 'Vận động, cưỡng chế' }).getByRole('heading', { level: 2 }).waitFor();
        await page
          .getByRole('region', { name: 'Trao đổi' })
          .getByText(/Chưa có trao đổi nào|Viết trao đổi/)
          .first()
          .waitFor();
        await expectFits(page, 'the case page');
        await screenshot(page, `case-page-${viewport.width}.png`);
        // The thread is reached without scrolling more than one screen.
        const thread = await page.getByRole('heading', { level: 2, name: 'Trao đổi' }).boundingBox();
        expect(thread!.y).toBeLessThan(viewport.height);
        // The section jumps take a thumb to each part.
        await page.getByRole('navigation', { name: 'Các phần của việc' }).getByRole('button', { name: 'Đương sự' }).click();
        await expect
          .poll(async () => (await page.getByRole('heading', { level: 2, name: 'Đương sự' }).boundingBox())!.y)
          .toBeLessThan(viewport.height / 2);
        // The server card is not in an officer's way, and there is no about link for them.
        expect(await page.getByText('Mã máy chủ').count()).toBe(0);
        expect(await page.getByRole('link', { name: 'Thông tin hệ thống' }).count()).toBe(0);

        await page.getByRole('link', { name: 'Hộp thư' }).click();
        await page.getByRole('heading', { level: 1, name: 'Hộp thư' }).waitFor();
        await page
          .getByRole('status')
          .filter({ hasText: /mục chưa đọc/ })
          .waitFor();
        await expectFits(page, 'the inbox');
        await screenshot(page, `inbox-${viewport.width}.png`);

        // A malformed or unknown case link: "not found" with the way back, not an error.
        for (const hash of ['#/cases/khong-co-viec-nay', '#/cases/00000000-0000-4000-8000-000000000000', '#/cases/a/b', '#/khong-co']) {
          await page.goto(`${url()}/${hash}`);
          await page.getByRole('heading', { level: 1, name: 'Không tìm thấy' }).waitFor();
          await expectFits(page, `not found (${hash})`);
        }
        await page.getByRole('link', { name: 'Về danh sách việc' }).click();
        await page.getByRole('link', { name: CASE, exact: true }).waitFor();
        expect(errors).toEqual([]);
        expect(admin.errors).toEqual([]);
      },
      120_000,
    );
  }
});
