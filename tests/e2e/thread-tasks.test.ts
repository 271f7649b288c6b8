import type { Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import { itInBrowser, useDemoBrowser } from './browser-harness';

/** Enforcement officer of the lead office: may post and assign tasks on 12/QĐ-THA. */
const OFFICER = 'cb.thads';
/** Tân Hòa People's Committee official: the case is shared with the commune, the task goes to it. */
const COMMUNE_A = 'ubnd.tanhoa';
const COMMUNE_A_AGENCY = 'Ủy ban nhân dân xã Tân Hòa';

describe('the case thread and tasks', () => {
  const { signedIn, screenshot } = useDemoBrowser();

  async function openCase(page: Page, decision: string) {
    await page.getByRole('link', { name: decision, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: `Việc thi hành án ${decision}` }).waitFor();
  }

  itInBrowser(
    'the officer posts and assigns a task; the commune official sees both and accepts the task',
    async () => {
      const text = 'Đề nghị UBND xã phối hợp vận động';
      const title = 'Tham gia vận động';

      // The lead office's officer writes on the thread …
      const officer = await signedIn(OFFICER);
      await openCase(officer.page, '12/QĐ-THA');
      const thread = officer.page.getByRole('region', { name: 'Trao đổi' });
      await thread.getByText('Chưa có trao đổi nào.').waitFor();
      // Only the kinds every reader may post are offered.
      const kind = thread.getByLabel('Loại bài', { exact: true });
      expect(await kind.locator('option').allTextContents()).toEqual(['Ghi chú', 'Báo cáo']);
      await kind.selectOption({ label: 'Báo cáo' });
      // HTML in a post stays text.
      await thread.getByLabel('Viết trao đổi', { exact: true }).fill(`${text}\n<b>không in đậm</b>`);
      await thread.getByRole('button', { name: 'Gửi', exact: true }).click();
      const posted = thread.getByRole('listitem').filter({ hasText: text });
      await posted.waitFor();
      expect(await posted.textContent()).toContain('Báo cáo');
      expect(await posted.textContent()).toContain('<b>không in đậm</b>');
      expect(await posted.locator('b').count()).toBe(0);
      expect(await thread.getByLabel('Viết trao đổi', { exact: true }).inputValue()).toBe('');

      // … and assigns a task to the commune's People's Committee.
      const tasks = officer.page.getByRole('region', { name: 'Nhiệm vụ' });
      await tasks.getByText('Chưa có nhiệm vụ nào.').waitFor();
      await tasks.getByLabel('Cơ quan được giao', { exact: true }).selectOption({ label: COMMUNE_A_AGENCY });
      await tasks.getByLabel('Loại nhiệm vụ', { exact: true }).selectOption('PERSUADE');
      await tasks.getByLabel('Tên nhiệm vụ', { exact: true }).fill(title);
      // dd/mm/yyyy whatever the browser's locale (DateField).
      const due = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10).split('-').reverse().join('/');
      await tasks.getByLabel('Hạn hoàn thành', { exact: true }).fill(due);
      await tasks.getByRole('button', { name: 'Giao nhiệm vụ', exact: true }).click();
      const officerRow = tasks.getByRole('listitem').filter({ has: officer.page.getByRole('heading', { name: title, exact: true }) });
      await officerRow.getByText('Mới giao', { exact: true }).waitFor();
      expect(await officerRow.textContent()).toContain(COMMUNE_A_AGENCY);
      expect(await officerRow.textContent()).toContain('Vận động, thuyết phục');
      // The lead office is not the assignee: no "Nhận" for it.
      expect(await officerRow.getByRole('button', { name: 'Nhận', exact: true }).count()).toBe(0);
      await screenshot(officer.page, 'thread-tasks-officer.png');

      // The commune official, in another browser context, sees the post and the task.
      const commune = await signedIn(COMMUNE_A);
      await openCase(commune.page, '12/QĐ-THA');
      const communeThread = commune.page.getByRole('region', { name: 'Trao đổi' });
      const seen = communeThread.getByRole('listitem').filter({ hasText: text });
      await seen.waitFor();
      expect(await seen.textContent()).toContain('Đặng Quốc Vinh');
      expect(await seen.textContent()).toContain('Phòng Thi hành án dân sự khu vực 3 – tỉnh Lâm Sơn');
      const communeTasks = commune.page.getByRole('region', { name: 'Nhiệm vụ' });
      const row = communeTasks.getByRole('listitem').filter({ has: commune.page.getByRole('heading', { name: title, exact: true }) });
      await row.getByText('Mới giao', { exact: true }).waitFor();
      // Not the lead office: no assign form.
      expect(await communeTasks.getByRole('button', { name: 'Giao nhiệm vụ', exact: true }).count()).toBe(0);
      await row.getByRole('button', { name: 'Nhận', exact: true }).click();
      await row.getByText('Đã nhận', { exact: true }).waitFor();
      await row.getByRole('button', { name: 'Bắt đầu', exact: true }).waitFor();
      await screenshot(commune.page, 'thread-tasks-commune.png');

      // The officer's open page follows live: the task shows as accepted without a reload.
      await officerRow.getByText('Đã nhận', { exact: true }).waitFor({ timeout: 15_000 });

      expect(officer.errors).toEqual([]);
      expect(commune.errors).toEqual([]);
    },
    90_000,
  );
});
