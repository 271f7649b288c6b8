import type { Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import { DEMO_PASSWORD, itInBrowser, useDemoBrowser } from './browser-harness';

/** Enforcement officer of the lead office: sees both demo cases and the restricted fields. */
const OFFICER = 'cb.thads';
/** Commune-A (Tân Hòa) People's Committee official: sees only the case shared with the commune. */
const COMMUNE_A = 'ubnd.tanhoa';

describe('the case list and case page', () => {
  const browser = useDemoBrowser();
  // Each test signs in afresh (its own browser context); the helpers below read the current page.
  let page: Page;
  let pageErrors: string[];

  async function signIn(username: string) {
    ({ page, errors: pageErrors } = await browser.signedIn(username));
  }

  const casesTable = () => page.getByRole('table', { name: 'Danh sách việc thi hành án' });
  const caseRows = () => casesTable().locator('tbody tr');

  /** The decision numbers in the table once the list has loaded. */
  async function listedDecisions(): Promise<string[]> {
    await casesTable().waitFor();
    return caseRows().locator('th[scope="row"] a').allTextContents();
  }

  /** Kept when E2E_SCREENSHOT_DIR is set. */
  const screenshot = (name: string) => browser.screenshot(page, name);

  itInBrowser('a commune official sees only the case shared with the commune, with the ID number protected', async () => {
    await signIn(COMMUNE_A);
    expect(await listedDecisions()).toEqual(['12/QĐ-THA']);
    await page.getByRole('status').filter({ hasText: 'Tổng số: 1 việc' }).waitFor();
    const row = caseRows().first();
    expect(await row.textContent()).toContain('Xã Tân Hòa');
    expect(await row.textContent()).toContain('Hà Văn Lộc');
    expect(await row.textContent()).toContain('777.000.000 đ');
    expect(await casesTable().textContent()).not.toContain('27/QĐ-THA');

    await page.getByRole('link', { name: '12/QĐ-THA', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Việc thi hành án 12/QĐ-THA' }).waitFor();
    expect(page.url()).toMatch(/#\/cases\/[^/]+$/);

    const parties = page.getByRole('region', { name: 'Đương sự' });
    const debtor = parties.getByRole('listitem').filter({ hasText: 'Hà Văn Lộc' });
    expect(await debtor.textContent()).toContain('Người phải thi hành án');
    expect(await debtor.textContent()).toContain('Được bảo vệ');
    expect(await parties.textContent()).not.toContain('036080001234');
    // The reason is a tooltip for sighted users (and in visually hidden text for screen readers).
    const protectedId = debtor.locator('.protected').first();
    expect(await protectedId.getAttribute('title')).toBeTruthy();

    await page.getByRole('link', { name: '← Danh sách việc' }).click();
    expect(await listedDecisions()).toEqual(['12/QĐ-THA']);
    expect(pageErrors).toEqual([]);
  });

  itInBrowser('the enforcement officer sees both cases, the restricted ID number, and can search without diacritics', async () => {
    await signIn(OFFICER);
    const decisions = await listedDecisions();
    expect(decisions).toHaveLength(2);
    expect(decisions).toEqual(expect.arrayContaining(['12/QĐ-THA', '27/QĐ-THA']));
    await page.getByRole('status').filter({ hasText: 'Tổng số: 2 việc' }).waitFor();
    await screenshot('cases-list.png');

    // Search ignores diacritics (server-side): "ha van loc" finds Hà Văn Lộc's case only.
    await page.getByLabel('Tìm theo số quyết định, số bản án hoặc tên đương sự').fill('ha van loc');
    await page.getByRole('status').filter({ hasText: 'Tổng số: 1 việc' }).waitFor();
    expect(await listedDecisions()).toEqual(['12/QĐ-THA']);

    // A status with no cases shows the no-match state; "all statuses" brings the match back.
    const status = page.getByLabel('Trạng thái', { exact: true });
    await status.selectOption({ label: 'Trả đơn yêu cầu' });
    await page.getByText('Không có việc nào khớp với điều kiện tìm kiếm.').waitFor();
    await status.selectOption({ label: 'Tất cả trạng thái' });
    expect(await listedDecisions()).toEqual(['12/QĐ-THA']);

    // Keyboard: the decision number is a link; Enter opens the case.
    await page.getByRole('link', { name: '12/QĐ-THA', exact: true }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Việc thi hành án 12/QĐ-THA' }).waitFor();
    const parties = page.getByRole('region', { name: 'Đương sự' });
    const debtor = parties.getByRole('listitem').filter({ hasText: 'Hà Văn Lộc' });
    expect(await debtor.textContent()).toContain('036080001234');
    expect(await debtor.textContent()).not.toContain('Được bảo vệ');
    for (const heading of ['Thông tin chung', 'Thời hạn pháp lý', 'Đương sự', 'Nghĩa vụ', 'Tổng cộng', 'Cơ quan tham gia']) {
      await page.getByRole('heading', { level: 2, name: heading, exact: true }).waitFor();
    }
    expect(await page.getByRole('table', { name: 'Nghĩa vụ' }).textContent()).toContain('Trả tiền');
    expect(await page.getByRole('table', { name: 'Cơ quan tham gia' }).textContent()).toContain('Chủ trì');
    await screenshot('case-detail.png');

    // The English toggle translates the page.
    await page.getByRole('button', { name: 'English', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Enforcement case 12/QĐ-THA' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Parties', exact: true }).waitFor();
    expect(pageErrors).toEqual([]);
  });

  /** A GraphQL request over HTTP, outside the browser; throws on GraphQL errors. */
  async function api<T>(query: string, variables: Record<string, unknown> = {}, token?: string): Promise<T> {
    const res = await fetch(`${browser.url()}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as { data?: T; errors?: Array<{ message: string }> };
    if (!res.ok || body.errors?.length || !body.data)
      throw new Error(`GraphQL over HTTP failed (${res.status}): ${JSON.stringify(body.errors ?? body)}`);
    return body.data;
  }

  itInBrowser('an open case page shows a change made elsewhere without a reload, and lists it as recent activity', async () => {
    await signIn(OFFICER);
    // The page loads the case with the log position it was read at (liveCursor) and subscribes after it,
    // so a change made once the case has loaded is replayed even if it lands before the subscription.
    let caseLoads = 0;
    const subscribed = page.waitForResponse(
      (res) => res.url().endsWith('/graphql') && /\bCaseDetail\b/.test(res.request().postData() ?? '') && ++caseLoads === 1,
      {
        timeout: 10_000,
      },
    );
    await page.getByRole('link', { name: '12/QĐ-THA', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Việc thi hành án 12/QĐ-THA' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Hoạt động gần đây', exact: true }).waitFor();
    await page.getByText('Chưa có hoạt động mới kể từ khi mở trang.').waitFor();
    const caseId = decodeURIComponent(/#\/cases\/([^/]+)$/.exec(page.url())![1]!);
    // Count navigations: the page must update in place.
    let navigations = 0;
    page.on('framenavigated', (frame) => {
      if (frame === page.mainFrame()) navigations++;
    });
    await subscribed;

    const { signIn: tokens } = await api<{ signIn: { accessToken: string } }>(
      'mutation ($input: SignInInput!) { signIn(input: $input) { accessToken } }',
      { input: { username: OFFICER, password: DEMO_PASSWORD } },
    );
    const token = tokens.accessToken;
    const { case: before } = await api<{ case: { version: number } }>(
      'query ($id: ID!) { case(id: $id) { version } }',
      { id: caseId },
      token,
    );
    const notes = 'Đã vận động lần 2';
    const { updateCase } = await api<{ updateCase: { version: number } }>(
      'mutation ($id: ID!, $version: Int!, $notes: String) { updateCase(input: { id: $id, version: $version, notes: $notes }) { version } }',
      { id: caseId, version: before.version, notes },
      token,
    );
    expect(updateCase.version).toBeGreaterThan(before.version);

    const general = page.getByRole('region', { name: 'Thông tin chung' });
    await general.getByText(notes, { exact: true }).waitFor({ timeout: 10_000 });
    const recent = page.getByRole('region', { name: 'Hoạt động gần đây' });
    await recent.getByRole('listitem').filter({ hasText: 'Cập nhật thông tin' }).first().waitFor();
    await page
      .getByRole('status')
      .filter({ hasText: /^Đã cập nhật lúc \d{2}:\d{2}$/ })
      .waitFor();
    expect(navigations).toBe(0);
    await screenshot('case-live-update.png');
    expect(pageErrors).toEqual([]);
  });
});
