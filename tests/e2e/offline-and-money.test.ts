// Issue 16 "Done when", at phone size: an officer records a visit outcome that pays a named obligation
// and sees the total move; an officer goes offline, posts and records an outcome, comes back, and both
// arrive once for the other participant, live.
import type { Locator, Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import { gql } from '../support/harness';
import { DEMO_PASSWORD, itInBrowser, overflowingElements, PHONE, useDemoBrowser } from './browser-harness';

/** Enforcement officer of the lead office of 12/QĐ-THA (plans visits, records outcomes). */
const OFFICER = 'cb.thads';
/** Tân Hòa People's Committee official: 12/QĐ-THA is shared with the commune. */
const COMMUNE = 'ubnd.tanhoa';
const CASE = '12/QĐ-THA';
/** The case's one money obligation (777.000.000 đ owed). */
const OBLIGATION = 'Trả khoản vay theo bản án';

/** "1.500.000 đ" → 1500000n (what the page shows, read back as đồng). */
function dong(text: string | null): bigint {
  const digits = (text ?? '').replace(/\D/g, '');
  if (!digits) throw new Error(`not an amount: ${JSON.stringify(text)}`);
  return BigInt(digits);
}

/** A local date `days` from today in Viet Nam, as ISO (yyyy-mm-dd) and as typed (dd/mm/yyyy). */
function vietnamDay(days: number): { iso: string; typed: string } {
  const iso = new Date(Date.now() + 7 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);
  return { iso, typed: iso.split('-').reverse().join('/') };
}

/** The "Tổng đã thu" the case page's summary shows, in đồng. */
async function totalCollected(page: Page): Promise<bigint> {
  const summary = page.locator('section.case-summary');
  return dong(
    await summary
      .locator('div')
      .filter({ has: page.locator('dt', { hasText: 'Tổng đã thu' }) })
      .locator('dd')
      .textContent(),
  );
}

async function openCase(page: Page) {
  await page.getByRole('link', { name: CASE, exact: true }).click();
  await page.getByRole('heading', { level: 1, name: `Việc thi hành án ${CASE}` }).waitFor();
}

async function expectFits(page: Page, where: string) {
  expect(await overflowingElements(page), `${where} at ${page.viewportSize()?.width} px`).toEqual({ sideways: false, elements: [] });
}

describe('visit outcomes with money, and working offline, at phone size', () => {
  const { signedIn, screenshot, app, url } = useDemoBrowser();

  /**
   * Plans a persuasion visit at `place` a week ahead through the page and starts it: "Sẵn sàng", then
   * "Bắt đầu" — refused before the visit's day (its rule), accepted once the actions' clock is moved to
   * that morning. `beforeReady` runs on the planned visit's card first (e.g. invitations). Returns the card.
   */
  async function planAndStartVisit(page: Page, place: string, beforeReady?: (visit: Locator) => Promise<void>): Promise<Locator> {
    app().services.actions.now = () => new Date();
    const actions = page.getByRole('region', { name: 'Vận động, cưỡng chế' });
    await actions.getByLabel('Loại buổi làm việc', { exact: true }).selectOption('PERSUASION_VISIT');
    await actions.getByLabel('Địa điểm', { exact: true }).fill(place);
    const day = vietnamDay(7);
    await actions.getByLabel('Ngày thực hiện', { exact: true }).fill(day.typed);
    await actions.getByLabel('Giờ bắt đầu (giờ Việt Nam)', { exact: true }).fill('08:00');
    await actions.getByLabel('Giờ kết thúc (giờ Việt Nam)', { exact: true }).fill('10:00');
    await actions.getByRole('button', { name: 'Lên kế hoạch', exact: true }).click();
    const visit = actions.getByRole('listitem').filter({ hasText: place }).first();
    await visit.getByText('Đã lên kế hoạch', { exact: true }).waitFor();
    await beforeReady?.(visit);
    await visit.getByRole('button', { name: 'Sẵn sàng', exact: true }).click();
    await visit.getByRole('button', { name: 'Bắt đầu', exact: true }).click();
    const early = actions.getByRole('alert').filter({ hasText: 'chưa thể bắt đầu trước ngày đó' });
    await early.waitFor();
    expect(await early.textContent()).toContain(day.typed);
    // The server's clock for the "not before its day" rule only: it is now the visit's morning.
    app().services.actions.now = () => new Date(`${day.iso}T08:05:00+07:00`);
    await visit.getByRole('button', { name: 'Bắt đầu', exact: true }).click();
    await visit.getByText('Đang tiến hành', { exact: true }).waitFor();
    return visit;
  }

  /** Fills the outcome form of a started visit: a partial payment of `amount` (typed) for the obligation. */
  async function fillPartialPayment(visit: Locator, amount: string, minutes: string) {
    await visit.getByRole('button', { name: 'Kết quả', exact: true }).click();
    await visit.getByLabel('Kết quả', { exact: true }).selectOption('PARTIAL_PAYMENT');
    await visit.getByLabel('Nghĩa vụ thu tiền', { exact: true }).selectOption({ label: OBLIGATION });
    await visit.getByLabel('Số tiền thu được (đồng)', { exact: true }).fill(amount);
    await visit.getByLabel('Nội dung biên bản', { exact: true }).fill(minutes);
  }

  itInBrowser(
    "an officer on a phone invites the women's union and the village head, cannot start before the day, records an outcome paying the named obligation and sees the total move by exactly that amount, then corrects it",
    async () => {
      const { page, errors } = await signedIn(OFFICER, PHONE);
      await openCase(page);
      const before = await totalCollected(page);
      // The women's union and the village head (not a user) are invited to the persuasion visit.
      const visit = await planAndStartVisit(page, 'Nhà ông Hà Văn Lộc, thôn Đồng Mai', async (planned) => {
        await planned.getByRole('button', { name: 'Mời thêm', exact: true }).click();
        await planned.getByLabel('Cơ quan được mời', { exact: true }).selectOption({ label: 'Hội Liên hiệp Phụ nữ xã Tân Hòa' });
        await planned.getByLabel('Họ tên người được mời', { exact: true }).fill('Hoàng Văn Bình');
        await planned.getByLabel(/^Chức danh \/ tổ chức/).fill('Trưởng thôn Đồng Mai');
        await planned.getByRole('button', { name: 'Gửi lời mời', exact: true }).click();
        const union = planned.getByRole('listitem').filter({ hasText: 'Hội Liên hiệp Phụ nữ xã Tân Hòa' });
        await union.getByText('Đã mời', { exact: true }).waitFor();
        const head = planned.getByRole('listitem').filter({ hasText: 'Hoàng Văn Bình' });
        expect(await head.textContent()).toContain('Trưởng thôn Đồng Mai');
        await head.getByText('Đã mời', { exact: true }).waitFor();
        await head.getByRole('button', { name: 'Ghi nhận trả lời', exact: true }).click();
        await head.getByRole('button', { name: 'Xác nhận tham gia', exact: true }).click();
        await head.getByText('Đã xác nhận', { exact: true }).waitFor();
      });

      await fillPartialPayment(visit, '1.500.000', 'Ông Lộc nộp 1.500.000 đồng tiền mặt, hẹn nộp tiếp vào tháng sau.');
      await expectFits(page, 'the outcome form');
      await visit.getByText('Tổng thu: 1.500.000 đ').waitFor();
      const save = visit.getByRole('button', { name: 'Lưu', exact: true });
      const box = (await save.boundingBox())!;
      expect(box.x + box.width).toBeLessThanOrEqual(PHONE.width);
      await save.tap();

      await visit.getByText('Hoàn thành', { exact: true }).waitFor();
      expect(await visit.textContent()).toContain('1.500.000 đ');
      await expect.poll(() => totalCollected(page), { timeout: 10_000 }).toBe(before + 1_500_000n);
      // The obligation's own row says the same.
      const row = page.getByRole('row').filter({ hasText: OBLIGATION });
      expect(dong(await row.locator('td[data-label="Đã thu"]').textContent())).toBe(before + 1_500_000n);
      await expectFits(page, 'the case page after the outcome');
      await screenshot(page, 'outcome-money-phone.png');

      // Recorded by mistake: 1.000.000 was paid, not 1.500.000. A correcting entry keeps the history.
      await visit.getByRole('button', { name: 'Điều chỉnh kết quả', exact: true }).tap();
      await visit.getByLabel('Kết quả', { exact: true }).selectOption('PARTIAL_PAYMENT');
      await visit.getByLabel('Nghĩa vụ thu tiền', { exact: true }).selectOption({ label: OBLIGATION });
      await visit.getByLabel('Số tiền thu được (đồng)', { exact: true }).fill('1.000.000');
      await visit.getByLabel('Lý do điều chỉnh', { exact: true }).fill('Ghi nhầm số tiền: biên lai ghi 1.000.000 đồng.');
      await visit.getByRole('button', { name: 'Lưu', exact: true }).tap();
      const history = visit.locator('.outcome-history > li');
      await expect.poll(() => history.count(), { timeout: 10_000 }).toBe(2);
      expect(await history.nth(0).textContent()).toContain('Bản ghi gốc');
      expect(await history.nth(0).textContent()).toContain('1.500.000 đ');
      expect(await history.nth(1).textContent()).toContain('Bản ghi điều chỉnh');
      expect(await history.nth(1).textContent()).toContain('1.000.000 đ');
      expect(await history.nth(1).textContent()).toContain('đang có hiệu lực');
      await expect.poll(() => totalCollected(page), { timeout: 10_000 }).toBe(before + 1_000_000n);
      await expectFits(page, 'the case page after the correction');
      expect(errors).toEqual([]);
    },
    120_000,
  );

  itInBrowser(
    'an officer offline posts and records an outcome; back online, both arrive once, live, for the commune official',
    async () => {
      const officer = await signedIn(OFFICER, PHONE);
      // The service worker must be in charge before going offline, as on a real phone after a first visit.
      const sw = await officer.page.evaluate(
        "Promise.race([navigator.serviceWorker.ready.then(() => 'ready'), new Promise((r) => setTimeout(() => r('not registered'), 15000))])",
      );
      expect(sw).toBe('ready');
      await openCase(officer.page);
      const visit = await planAndStartVisit(officer.page, 'Nhà văn hóa thôn Đồng Mai');

      // The commune official has the same case open, live, in another browser.
      const commune = await signedIn(COMMUNE, PHONE);
      await openCase(commune.page);
      const communeThread = commune.page.getByRole('region', { name: 'Trao đổi' });
      await communeThread.getByLabel('Viết trao đổi', { exact: true }).waitFor();
      const communeVisit = commune.page
        .getByRole('region', { name: 'Vận động, cưỡng chế' })
        .getByRole('listitem')
        .filter({ hasText: 'Nhà văn hóa thôn Đồng Mai' })
        .first();
      await communeVisit.getByText('Đang tiến hành', { exact: true }).waitFor({ timeout: 15_000 });
      const communeBefore = await totalCollected(commune.page);

      // The officer loses the connection.
      await officer.page.context().setOffline(true);
      await officer.page.getByText('Mất kết nối mạng.', { exact: false }).waitFor();
      const body = 'Đã làm việc với gia đình ông Lộc tại nhà văn hóa thôn (ghi khi mất mạng)';
      const thread = officer.page.getByRole('region', { name: 'Trao đổi' });
      await thread.getByLabel('Viết trao đổi', { exact: true }).fill(body);
      await thread.getByRole('button', { name: 'Gửi', exact: true }).tap();
      const waitingPost = thread.locator('[data-queued-write]').filter({ hasText: body });
      await waitingPost.getByText('Đang chờ gửi', { exact: true }).waitFor();

      await fillPartialPayment(visit, '2.000.000', 'Bà Nhàn nộp 2.000.000 đồng (ghi khi mất mạng).');
      await visit.getByRole('button', { name: 'Lưu', exact: true }).tap();
      const waitingOutcome = visit.locator('[data-queued-write]');
      await waitingOutcome.getByText('Đang chờ gửi', { exact: true }).waitFor();
      expect(await waitingOutcome.textContent()).toContain('2.000.000 đ');
      await officer.page.getByText('2 việc đang chờ gửi').waitFor();
      await expectFits(officer.page, 'the case page with writes waiting');
      await screenshot(officer.page, 'offline-waiting-phone.png');

      // Nothing reached the commune official meanwhile.
      expect(await communeThread.getByRole('listitem').filter({ hasText: body }).count()).toBe(0);
      expect(await communeVisit.getByText('Hoàn thành', { exact: true }).count()).toBe(0);

      // Back online: both are sent, the waiting marks go.
      await officer.page.context().setOffline(false);
      await expect.poll(() => officer.page.locator('[data-queued-write]').count(), { timeout: 20_000 }).toBe(0);
      await officer.page.getByText('việc đang chờ gửi').waitFor({ state: 'detached' });
      await thread.getByRole('listitem').filter({ hasText: body }).waitFor();
      await visit.getByText('Hoàn thành', { exact: true }).waitFor();

      // The commune official sees both, live (no reload), once.
      await communeThread.getByRole('listitem').filter({ hasText: body }).waitFor({ timeout: 15_000 });
      await communeVisit.getByText('Hoàn thành', { exact: true }).waitFor({ timeout: 15_000 });
      await expect.poll(() => totalCollected(commune.page), { timeout: 10_000 }).toBe(communeBefore + 2_000_000n);
      expect(await communeThread.getByRole('listitem').filter({ hasText: body }).count()).toBe(1);
      expect(await communeVisit.locator('.outcome-history > li').count()).toBe(1);
      await screenshot(commune.page, 'offline-arrived-commune-phone.png');

      // And the server holds exactly one of each.
      const signIn = await gql<{ signIn: { accessToken: string } }>(
        url(),
        'mutation($input: SignInInput!) { signIn(input: $input) { accessToken } }',
        { input: { username: OFFICER, password: DEMO_PASSWORD } },
      );
      const token = signIn.data!.signIn.accessToken;
      const caseId = new URL(officer.page.url()).hash.split('/')[2]!;
      const read = await gql<{
        caseThread: { edges: Array<{ node: { body: string | null } }> };
        caseActions: Array<{ place: string; status: string; outcomeHistory: Array<{ moneyCollected: string }> }>;
      }>(
        url(),
        `query($caseId: ID!) {
          caseThread(caseId: $caseId, first: 100) { edges { node { body } } }
          caseActions(caseId: $caseId) { place status outcomeHistory { moneyCollected } }
        }`,
        { caseId },
        token,
      );
      expect(read.errors).toBeUndefined();
      expect(read.data!.caseThread.edges.filter((e) => e.node.body === body)).toHaveLength(1);
      const sent = read.data!.caseActions.filter((a) => a.place === 'Nhà văn hóa thôn Đồng Mai');
      expect(sent).toHaveLength(1);
      expect(sent[0]).toMatchObject({ status: 'COMPLETED', outcomeHistory: [{ moneyCollected: '2000000' }] });

      expect(officer.errors).toEqual([]);
      expect(commune.errors).toEqual([]);
    },
    150_000,
  );

  itInBrowser(
    'a case page opened once stays readable when the phone is offline and the app is opened again, and a post made then is sent on reconnect',
    async () => {
      const { page, errors } = await signedIn(OFFICER, PHONE);
      const sw = await page.evaluate(
        "Promise.race([navigator.serviceWorker.ready.then(() => 'ready'), new Promise((r) => setTimeout(() => r('not registered'), 15000))])",
      );
      expect(sw).toBe('ready');
      await openCase(page);
      const thread = page.getByRole('region', { name: 'Trao đổi' });
      await thread.getByLabel('Viết trao đổi', { exact: true }).waitFor();
      const collected = await totalCollected(page);

      // No signal at the commune; the officer opens the app again (a reload of the same address).
      await page.context().setOffline(true);
      await page.reload();
      await page.getByRole('heading', { level: 1, name: `Việc thi hành án ${CASE}` }).waitFor({ timeout: 15_000 });
      // (Chromium reports navigator.onLine = true in a document loaded under offline emulation; the app
      // must not rely on it: the banner comes from the session that could not reach the server.)
      await page.getByText('Mất kết nối mạng.', { exact: false }).waitFor();
      await page
        .getByText(/Bản lưu ngoại tuyến, đọc lúc/)
        .first()
        .waitFor();
      expect(await totalCollected(page)).toBe(collected);
      expect(await page.getByLabel('Mật khẩu', { exact: true }).count()).toBe(0);
      await expectFits(page, 'the offline copy of the case page');

      const body = 'Ghi chú viết khi mở lại ứng dụng lúc mất mạng';
      await thread.getByLabel('Viết trao đổi', { exact: true }).fill(body);
      await thread.getByRole('button', { name: 'Gửi', exact: true }).tap();
      await thread.locator('[data-queued-write]').filter({ hasText: body }).getByText('Đang chờ gửi', { exact: true }).waitFor();
      await screenshot(page, 'offline-reopened-phone.png');

      // The signal comes back: the session resumes (the refresh cookie), the post is sent once.
      await page.context().setOffline(false);
      // No "online" event may come (see above): the session retries on its own within 15 s.
      await expect.poll(() => page.locator('[data-queued-write]').count(), { timeout: 40_000 }).toBe(0);
      await thread.getByRole('listitem').filter({ hasText: body }).waitFor();
      expect(await thread.getByRole('listitem').filter({ hasText: body }).count()).toBe(1);
      await page.getByText('Mất kết nối mạng.', { exact: false }).waitFor({ state: 'detached' });
      expect(errors).toEqual([]);
    },
    120_000,
  );
});
