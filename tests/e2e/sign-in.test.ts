import type { BrowserContext, Page } from 'playwright-core';
import { beforeEach, describe, expect } from 'vitest';
import { DEMO_PASSWORD, itInBrowser, useDemoBrowser } from './browser-harness';

const DEMO_OFFICER = { username: 'cb.thads', password: DEMO_PASSWORD };
const SESSION_KEY = 'phoihop.session';

/** What the app used to keep in sessionStorage: it must stay empty (the refresh token is an httpOnly cookie). */
const storedSession = (p: Page) => p.evaluate<string | null>(`window.sessionStorage.getItem(${JSON.stringify(SESSION_KEY)})`);
/** The cookies page scripts can read: never the refresh token. */
const scriptCookies = (p: Page) => p.evaluate<string>('document.cookie');

describe('signing in to the web app', () => {
  const browser = useDemoBrowser();
  let context: BrowserContext;
  let page: Page;
  let pageErrors: string[];

  beforeEach(async () => {
    // A fresh context per test, not signed in: its own cookies, sessionStorage and localStorage (language choice).
    ({ context, page, errors: pageErrors } = await browser.open());
  });

  const signInForm = (p: Page) => ({
    username: p.getByLabel('Tên đăng nhập', { exact: true }),
    password: p.getByLabel('Mật khẩu', { exact: true }),
    submit: p.getByRole('button', { name: 'Đăng nhập', exact: true }),
  });

  itInBrowser('shows the sign-in page in Vietnamese, signs the demo officer in, switches to English and signs out', async () => {
    await page.goto(browser.url());
    expect(await page.locator('html').getAttribute('lang')).toBe('vi');
    expect(await page.title()).toBe('Phối Hợp — Điều phối thi hành án dân sự');
    await page.getByRole('heading', { name: 'Đăng nhập', level: 1 }).waitFor();

    const form = signInForm(page);
    await form.username.fill(DEMO_OFFICER.username);
    await form.password.fill(DEMO_OFFICER.password);
    await form.submit.click();

    const greeting = page.getByRole('heading', { level: 1, name: /^Xin chào, \S/ });
    await greeting.waitFor();
    await page.getByText('Chấp hành viên', { exact: true }).waitFor();
    await page.getByText('Trực tuyến — cập nhật tức thì').waitFor();
    expect(await storedSession(page)).toBeNull();
    expect(await scriptCookies(page)).not.toContain('phoihop_refresh');
    const refreshCookie = (await context.cookies()).find((c) => c.name === 'phoihop_refresh');
    expect(refreshCookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/auth/session' });

    // The session is the browser's (an httpOnly cookie): a reload keeps the officer signed in.
    await page.reload();
    await greeting.waitFor();

    await page.getByRole('button', { name: 'English', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: /^Hello, \S/ }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await page.getByText('Enforcement officer', { exact: true }).waitFor();

    // The language choice is remembered across reloads.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: /^Hello, \S/ }).waitFor();

    await page.getByRole('button', { name: 'Sign out', exact: true }).click();
    await page.getByRole('heading', { name: 'Sign in', level: 1 }).waitFor();
    await page.getByRole('status').filter({ hasText: 'You have signed out.' }).waitFor();
    expect((await context.cookies()).find((c) => c.name === 'phoihop_refresh')).toBeUndefined();

    await page.getByRole('button', { name: 'Tiếng Việt', exact: true }).click();
    await page.getByRole('heading', { name: 'Đăng nhập', level: 1 }).waitFor();
    expect(pageErrors).toEqual([]);
  });

  itInBrowser('keeps a case link opened in a new tab signed in, and signing out in one tab signs out every tab', async () => {
    await page.goto(browser.url());
    const form = signInForm(page);
    await form.username.fill(DEMO_OFFICER.username);
    await form.password.fill(DEMO_OFFICER.password);
    await form.submit.click();
    await page.getByRole('heading', { level: 1, name: /^Xin chào, \S/ }).waitFor();
    const caseLink = page.getByRole('link', { name: '12/QĐ-THA', exact: true });
    const href = await caseLink.getAttribute('href');

    // A second tab of the same browser, straight to the case: no sign-in page.
    const second = await context.newPage();
    second.on('pageerror', (err) => pageErrors.push(err.message));
    await second.goto(`${browser.url()}/${href}`);
    await second.getByRole('heading', { level: 1, name: 'Việc thi hành án 12/QĐ-THA' }).waitFor();
    expect(await second.getByRole('heading', { name: 'Đăng nhập', level: 1 }).count()).toBe(0);
    // Both tabs keep working after the shared cookie rotated (one refresh each, in turn).
    await page.reload();
    await page.getByRole('heading', { level: 1, name: /^Xin chào, \S/ }).waitFor();
    await second.reload();
    await second.getByRole('heading', { level: 1, name: 'Việc thi hành án 12/QĐ-THA' }).waitFor();

    // Signing out in the first tab signs out the second, without a reload.
    await page.getByRole('button', { name: 'Đăng xuất', exact: true }).click();
    await page.getByRole('heading', { name: 'Đăng nhập', level: 1 }).waitFor();
    await second.getByRole('heading', { name: 'Đăng nhập', level: 1 }).waitFor();
    await second.reload();
    await second.getByRole('heading', { name: 'Đăng nhập', level: 1 }).waitFor();
    await second.close();
    expect(pageErrors).toEqual([]);
  });

  itInBrowser('shows the server’s own error message in an alert when the password is wrong', async () => {
    // What the server says for a wrong password, asked directly.
    const res = await fetch(`${browser.url()}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: 'mutation ($input: SignInInput!) { signIn(input: $input) { accessToken } }',
        variables: { input: { username: DEMO_OFFICER.username, password: 'sai-mat-khau' } },
      }),
    });
    const body = (await res.json()) as { errors?: Array<{ message: string }> };
    const serverMessage = body.errors?.[0]?.message;
    expect(serverMessage).toBeTruthy();

    await page.goto(browser.url());
    const form = signInForm(page);
    await form.username.fill(DEMO_OFFICER.username);
    await form.password.fill('sai-mat-khau');
    await form.password.press('Enter');

    const alert = page.getByRole('alert').filter({ hasText: serverMessage! });
    await alert.waitFor();
    expect((await alert.textContent())?.trim()).toBe(serverMessage);
    await page.getByRole('heading', { name: 'Đăng nhập', level: 1 }).waitFor();
    expect(await page.getByRole('heading', { name: /^Xin chào/ }).count()).toBe(0);
    expect((await context.cookies()).find((c) => c.name === 'phoihop_refresh')).toBeUndefined();
    expect(pageErrors).toEqual([]);
  });
});
