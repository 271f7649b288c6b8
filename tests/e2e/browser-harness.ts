import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { App } from '../../server/src/app';
import { createTestDatabase, startTestApp } from '../support/harness';
import { ensureClientBuilt } from './client-build';

/** Debian's Chromium (never a downloaded browser). */
export const CHROMIUM = '/usr/bin/chromium';
/** A browser window size. */
export interface Viewport {
  width: number;
  height: number;
}
/** The phone size every page is checked at (a small Android phone). */
export const PHONE: Viewport = { width: 360, height: 740 };
/** The desktop size every page is checked at. */
export const DESKTOP: Viewport = { width: 1366, height: 800 };

/**
 * Elements (tag#id.class) wider than the viewport or reaching past its right edge, and whether the
 * page scrolls sideways. Empty and false on a page that fits.
 */
export async function overflowingElements(page: Page): Promise<{ sideways: boolean; elements: string[] }> {
  // A string: the test tsconfig has no DOM types; this runs in the page.
  return page.evaluate<{ sideways: boolean; elements: string[] }>(`(() => {
    const width = document.documentElement.clientWidth;
    const elements = [];
    for (const el of Array.from(document.body.querySelectorAll('*'))) {
      const box = el.getBoundingClientRect();
      if (box.width === 0 && box.height === 0) continue;
      // Visually hidden helpers are clipped to 1 px; they never show.
      if (box.width <= 1 && box.height <= 1) continue;
      if (box.right > width + 0.5 || box.left < -0.5 || box.width > width + 0.5) {
        const cls = typeof el.className === 'string' && el.className ? '.' + el.className.split(' ').join('.') : '';
        elements.push(el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + cls + ' (' + Math.round(box.left) + '–' + Math.round(box.right) + ' of ' + width + ')');
      }
    }
    return { sideways: document.documentElement.scrollWidth > width, elements: elements.slice(0, 10) };
  })()`);
}

/** Fails naming `where` and the viewport width when anything on the page is wider than the screen or scrolls sideways. */
export async function expectFits(page: Page, where: string): Promise<void> {
  const result = await overflowingElements(page);
  expect(result, `${where} at ${page.viewportSize()?.width} px`).toEqual({ sideways: false, elements: [] });
}

/** `expectFits` at the phone size and then the desktop size (the page is left at the desktop size). */
export async function expectFitsPhoneAndDesktop(page: Page, where: string): Promise<void> {
  for (const viewport of [PHONE, DESKTOP]) {
    await page.setViewportSize(viewport);
    await expectFits(page, where);
  }
}

/** The password of every demo account. */
export const DEMO_PASSWORD = 'PhoiHop@2026';

/** Runs everywhere Chromium is installed, and always in CI (a missing browser there must fail). */
export const canRun = existsSync(CHROMIUM) || Boolean(process.env.CI);
export const itInBrowser = (name: string, fn: () => Promise<void>, timeout?: number) =>
  canRun ? it(name, fn, timeout) : it.skip(`${name} — skipped: ${CHROMIUM} is missing and CI is not set`, fn);

/** Launches Debian's Chromium headless, with the background services a test does not want switched off. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
    ],
  });
}

/** Signs `page` in through the sign-in form as `username` (the demo password) and waits for the home page. */
export async function signInThroughForm(page: Page, url: string, username: string): Promise<void> {
  await page.goto(url);
  await page.getByLabel('Tên đăng nhập', { exact: true }).fill(username);
  await page.getByLabel('Mật khẩu', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: /^Xin chào, \S/ }).waitFor();
}

/**
 * For a describe block: builds the web app if stale, starts a server with the demo data and launches
 * Chromium once; closes everything after. `open()` gives a fresh browser context (its own session
 * and storage) with a page that is not signed in; `signedIn(user)` the same, signed in as a demo user.
 * Both collect the page's errors.
 */
export function useDemoBrowser() {
  let app: App | undefined;
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    if (!canRun) return;
    await ensureClientBuilt();
    app = await startTestApp(await createTestDatabase(), { SEED_DEMO: true, SERVE_CLIENT: true });
    browser = await launchChromium();
  });

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await app?.close();
  });

  /** A fresh context and page, not signed in; `viewport` defaults to a desktop window (1200×900). */
  async function open(
    viewport: Viewport = { width: 1200, height: 900 },
  ): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
    const context = await browser!.newContext({
      locale: 'vi-VN',
      timezoneId: 'Asia/Ho_Chi_Minh',
      viewport,
      hasTouch: viewport.width < 600,
    });
    contexts.push(context);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (err) => errors.push(err.message));
    return { context, page, errors };
  }

  return {
    url: () => app!.url,
    /** The running server (e.g. to set the actions' clock, `app().services.actions.now`). */
    app: () => app!,
    open,
    /** `viewport` defaults to a desktop window (1200×900); pass e.g. PHONE for a phone. */
    async signedIn(username: string, viewport?: Viewport): Promise<{ page: Page; errors: string[] }> {
      const { page, errors } = await open(viewport);
      await signInThroughForm(page, app!.url, username);
      return { page, errors };
    },
    /** Keeps a full-page screenshot when E2E_SCREENSHOT_DIR is set. */
    async screenshot(page: Page, name: string): Promise<void> {
      const dir = process.env.E2E_SCREENSHOT_DIR;
      if (!dir) return;
      mkdirSync(dir, { recursive: true });
      await page.screenshot({ path: join(dir, name), fullPage: true });
    },
  };
}
