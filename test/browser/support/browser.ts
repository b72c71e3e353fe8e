/// <reference lib="dom" />
import axe from 'axe-core';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach, expect, inject } from 'vitest';
import { DEMO_PASSWORD } from '../../../db/seed';

/**
 * What a browser journey needs: the console's address, a fresh page per user (its own storage, so its own
 * session and language), signing in, switching language, and `checkScreen` (accessibility and screenshots).
 * Importing this module closes the pages after each test and Chromium after the file.
 */
export const consoleUrl = inject('consoleUrl');
export const SCREENSHOT_DIR = join(import.meta.dirname, '..', '..', '..', 'test-results', 'screens');

let browser: Promise<Browser> | null = null;
const contexts: BrowserContext[] = [];

afterEach(async () => {
  await Promise.all(contexts.splice(0).map((c) => c.close()));
});
afterAll(async () => {
  if (browser) await (await browser).close();
  browser = null;
});

/** A new browser window on the console (nothing signed in, Chinese unless told otherwise). */
export async function openPage(path = '/'): Promise<Page> {
  browser ??= chromium.launch({
    executablePath: inject('chromiumPath'),
    headless: true,
    // Root (CI) cannot use Chromium's sandbox.
    args: ['--no-sandbox', '--disable-dev-shm-usage'],
  });
  const context = await (
    await browser
  ).newContext({
    baseURL: consoleUrl,
    viewport: { width: 1366, height: 900 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  contexts.push(context);
  const page = await context.newPage();
  await page.goto(path);
  return page;
}

/**
 * Signs in through the sign-in page with the demo password; waits for the console's menu. (An operator bound to
 * several outlets is asked for one after the first try: the outlet journey in shell.browser.test.ts does that.)
 */
export async function signIn(page: Page, operatorId: string, channelCode: string) {
  if (!page.url().includes('/sign-in')) await page.goto('/sign-in');
  await page.getByLabel(/工号|Operator ID/).fill(operatorId);
  await page.getByLabel(/^(密码|Password)$/).fill(DEMO_PASSWORD);
  await page.getByLabel(/渠道|Channel/).fill(channelCode);
  await page.getByRole('button', { name: /登录|Sign in/ }).click();
  await page.getByRole('navigation').first().waitFor();
}

export type Language = 'zh' | 'en';

/** The console's language now (the page's `lang`). */
export async function languageOf(page: Page): Promise<Language> {
  return (await page.evaluate(() => document.documentElement.lang)).startsWith('en') ? 'en' : 'zh';
}

/** Switches the language with the console's own switch, as a user would. */
export async function setLanguage(page: Page, language: Language): Promise<void> {
  if ((await languageOf(page)) === language) return;
  await page.getByRole('button', { name: /切换到英文|Switch to Chinese/ }).click();
  await expect.poll(() => languageOf(page)).toBe(language);
}

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/** axe-core on the page as it is: the serious and critical violations. */
async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ content: axe.source });
  const violations = await page.evaluate(async () => {
    const result = await (window as unknown as { axe: typeof axe }).axe.run(document, {
      resultTypes: ['violations'],
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? null,
      help: v.help,
      nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')),
    }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/**
 * UI-1 — one screen as it stands, in both languages: no serious or critical accessibility violation (axe-core)
 * and a screenshot `test-results/screens/<name>.<zh|en>.png` of each. Leaves the page in the language it was in.
 */
export async function checkScreen(page: Page, name: string): Promise<void> {
  const was = await languageOf(page);
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  for (const language of [was, was === 'zh' ? 'en' : 'zh'] as const) {
    await setLanguage(page, language);
    await checkAsShown(page, name, language);
  }
  await setLanguage(page, was);
}

/** axe-core on the page as it shows now, and its screenshot `<name>.<language>.png`. */
async function checkAsShown(page: Page, name: string, language: Language): Promise<void> {
  // Off the language switch: a control under the mouse shows its hover colours, not the page's.
  await page.mouse.move(0, 0);
  await page.waitForLoadState('networkidle');
  // A dialog still zooming in shows its buttons half transparent: axe would measure colours nobody reads. Endless
  // animations (a spinner, a "processing" badge) never finish and are not waited for.
  await page.waitForFunction(() =>
    document
      .getAnimations()
      .every((a) => a.playState !== 'running' || a.effect?.getComputedTiming().iterations === Infinity),
  );
  expect(await seriousViolations(page), `${name} (${language}): serious or critical axe violations`).toEqual(
    [],
  );
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.${language}.png`), fullPage: true });
}

/**
 * UI-1 — an open dialog, checked like `checkScreen` in both languages. The language switch lies behind the
 * dialog's mask, so for the other language the dialog is closed (its ×), the language switched and the dialog
 * opened again by `open` (which waits until it shows what is to be checked); it is left open in the first language.
 */
export async function checkDialog(page: Page, name: string, open: () => Promise<void>): Promise<void> {
  const was = await languageOf(page);
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const reopenIn = async (language: Language) => {
    await page.locator('.ant-modal-close').click();
    await page.getByRole('dialog').waitFor({ state: 'hidden' });
    await setLanguage(page, language);
    await open();
  };
  for (const language of [was, was === 'zh' ? 'en' : 'zh'] as const) {
    if (language !== was) await reopenIn(language);
    await checkAsShown(page, name, language);
  }
  await reopenIn(was);
}

/** An operator signed in through the API, to arrange what a journey starts from (a line, an order). */
export async function apiAs(operatorId: string, channelCode: string, outletCode?: string) {
  const login = await fetch(`${consoleUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ operatorId, password: DEMO_PASSWORD, channelCode, outletCode }),
  });
  if (!login.ok) throw new Error(`sign-in of ${operatorId} failed: ${login.status} ${await login.text()}`);
  const { token } = (await login.json()) as { token: string };
  const call = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const res = await fetch(`${consoleUrl}/api/v1${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, headers: res.headers, body: (text ? JSON.parse(text) : null) as unknown };
  };
  return {
    token,
    get: (path: string) => call('GET', path),
    post: (path: string, body: unknown, headers?: Record<string, string>) =>
      call('POST', path, body, headers),
    put: (path: string, body: unknown) => call('PUT', path, body),
    delete: (path: string) => call('DELETE', path),
  };
}
