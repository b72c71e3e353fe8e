import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkScreen, consoleUrl, openPage, setLanguage, signIn } from './support/browser';

/**
 * The console's shell (UI-1): sign-in and its refusals as staff read them (CH-2), the menu each role sees, a
 * screen not allowed, the remembered language, Chinese glyphs on screen, and the accessibility of the first
 * screens in both languages.
 */
const STORE = 'STORE-BJ-001';
const DEMO_PASSWORD = 'Demo#2026';

type Lang = 'zh' | 'en';
const labels = {
  zh: { operatorId: '工号', password: '密码', channelCode: '渠道接口编码', signIn: '登录', menu: '主菜单' },
  en: {
    operatorId: 'Operator ID',
    password: 'Password',
    channelCode: 'Channel code',
    signIn: 'Sign in',
    menu: 'Main menu',
  },
} as const;

/** The API as a test arranges data through it: one JSON call, the status and the body. */
async function call(
  method: string,
  path: string,
  options: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<{ status: number; body: any }> {
  const res = await fetch(new URL(path, consoleUrl), {
    method,
    headers: {
      ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      ...options.headers,
    },
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

const login = (operatorId: string, password: string, channelCode = STORE) =>
  call('POST', '/api/v1/auth/login', { body: { operatorId, password, channelCode } });

async function tokenOf(operatorId: string, channelCode = STORE): Promise<string> {
  const res = await login(operatorId, DEMO_PASSWORD, channelCode);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.token as string;
}

/** Fills the sign-in form by its labels in the page's current language and submits it. */
async function submitSignIn(
  page: Page,
  lang: Lang,
  fields: { operatorId: string; password: string; channelCode: string },
) {
  const l = labels[lang];
  await page.getByLabel(l.operatorId, { exact: true }).fill(fields.operatorId);
  await page.getByLabel(l.password, { exact: true }).fill(fields.password);
  await page.getByLabel(l.channelCode, { exact: true }).fill(fields.channelCode);
  await page.getByRole('button', { name: l.signIn, exact: true }).click();
}

const menuOf = (page: Page, lang: Lang = 'zh') => page.getByRole('navigation', { name: labels[lang].menu });

/** Signs out through the banner's button, back to the sign-in page. */
async function signOut(page: Page, lang: Lang = 'zh') {
  await page.getByRole('button', { name: lang === 'zh' ? '退出' : 'Sign out' }).click();
  await page.getByRole('button', { name: labels[lang].signIn, exact: true }).waitFor();
}

describe('UI-1: the console shell', () => {
  let page: Page;
  beforeAll(async () => {
    page = await openPage();
  });
  afterAll(async () => {
    await page?.context().close();
  });

  it('UI-1 CH-2: a wrong password is refused in Chinese, and in English after switching the language', async () => {
    await setLanguage(page, 'zh');
    await page.goto(new URL('/sign-in', consoleUrl).href);
    await submitSignIn(page, 'zh', {
      operatorId: 'store01',
      password: 'wrong-password-1',
      channelCode: STORE,
    });
    const refusal = page.getByTestId('sign-in-error');
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain('渠道接口编码、工号或密码不正确');
    // The same refusal, read again in English: the page keeps what the API answered, not a sentence.
    await page.getByRole('button', { name: '切换到英文' }).click();
    await page.getByText('The channel code, operator ID or password is wrong').waitFor();
    expect(await refusal.textContent()).toContain('InvalidCredentials');
    await setLanguage(page, 'zh');
  });

  it('UI-1 CH-2: an operator locked after five wrong passwords is told until when, in local time', async () => {
    const admin = await tokenOf('admin01');
    const created = await call('POST', '/api/v1/operators', {
      token: admin,
      body: {
        id: 'locked.clerk',
        name: '锁定测试 Lock test',
        password: 'Throwaway2026',
        roles: ['frontline'],
        channels: [STORE],
      },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    for (let attempt = 1; attempt <= 5; attempt++) {
      expect((await login('locked.clerk', `wrong-${attempt}`)).status).toBe(401);
    }
    const locked = await login('locked.clerk', 'Throwaway2026');
    expect(locked.body).toMatchObject({ code: 'AccountLocked' });
    // The time as this browser's clock reads it, to the minute, the way the page writes it.
    const until = await page.evaluate((iso: string) => {
      const d = new Date(iso);
      const p = (n: number) => String(n).padStart(2, '0');
      return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
    }, locked.body.details.lockedUntil as string);

    await page.goto(new URL('/sign-in', consoleUrl).href);
    await submitSignIn(page, 'zh', {
      operatorId: 'locked.clerk',
      password: 'Throwaway2026',
      channelCode: STORE,
    });
    await page.getByText(`该工号已锁定至 ${until}`).waitFor();
    await setLanguage(page, 'en');
    await page.getByText(`this operator ID is locked until ${until}`).waitFor();
    await setLanguage(page, 'zh');
  });

  it('UI-1: a store clerk sees neither administration nor dispatch, a dispatcher sees dispatch, an admin sees administration', async () => {
    await signIn(page, 'store01', STORE);
    const clerkMenu = menuOf(page);
    await clerkMenu.getByText('开户').waitFor();
    const clerk = (await clerkMenu.textContent()) ?? '';
    expect(clerk).toContain('营业受理');
    expect(clerk).not.toContain('系统管理');
    expect(clerk).not.toContain('工单');
    // Who is signed in where, in the banner.
    expect(await page.getByTestId('signed-in-as').textContent()).toContain('(store01)');
    expect(await page.getByTestId('signed-in-as').textContent()).toContain(STORE);
    // A screen the menu does not offer answers 403 when its address is typed.
    await page.goto(new URL('/admin/operators', consoleUrl).href);
    await page.getByRole('heading', { name: '无权访问' }).waitFor();
    expect(await page.title()).toContain('无权访问');
    await signOut(page);

    await signIn(page, 'dispatch01', STORE);
    const dispatcherMenu = menuOf(page);
    await dispatcherMenu.getByText('工单调度').waitFor();
    expect(await dispatcherMenu.textContent()).not.toContain('系统管理');
    await signOut(page);

    await signIn(page, 'admin01', STORE);
    const adminMenu = menuOf(page);
    await adminMenu.getByText('系统管理').waitFor();
    expect(await adminMenu.textContent()).toContain('操作员');
    await signOut(page);
  });

  it('UI-1: the language chosen is remembered after a reload, menu and page title included', async () => {
    await signIn(page, 'store01', STORE);
    await menuOf(page).getByText('开户').waitFor();
    await page.getByRole('button', { name: '切换到英文' }).click();
    await menuOf(page, 'en').getByText('Open an account').waitFor();
    await page.reload();
    await menuOf(page, 'en').getByText('Open an account').waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.title()).toContain('Open an account');
    expect(await menuOf(page, 'en').textContent()).not.toMatch(/[\u4e00-\u9fff]/);
    await page.getByRole('button', { name: 'Switch to Chinese' }).click();
    await menuOf(page).getByText('开户').waitFor();
    await signOut(page);
  });

  it('UI-1: a session the API has ended (401) brings the sign-in page back, saying so', async () => {
    await signIn(page, 'dispatch01', STORE);
    await page.getByRole('heading', { name: '工单列表' }).waitFor();
    const token = await page.evaluate(
      () => (JSON.parse(sessionStorage.getItem('console.session') ?? '{}') as { token?: string }).token ?? '',
    );
    expect((await call('POST', '/api/v1/auth/logout', { token })).status).toBe(200);
    await page.reload();
    await page.getByText('登录已失效，请重新登录').waitFor();
    expect(new URL(page.url()).pathname).toBe('/sign-in');
  });

  it('UI-1: Chinese labels render with real glyphs, not boxes', async () => {
    await page.goto(new URL('/sign-in', consoleUrl).href);
    const label = page.getByText('渠道接口编码', { exact: true }).first();
    await label.waitFor();
    /*
     * Without a CJK font every Chinese character is drawn as the same .notdef box ("tofu"). So each label
     * character is drawn, in the label's own computed font, onto a canvas (which falls back through the same
     * fonts as the page) and its pixels are compared: with real glyphs, different characters give different
     * pictures, and none looks like U+0378 — an unassigned code point no font has, which is drawn as that box.
     */
    const result = await label.evaluate((element: Element) => {
      const family = getComputedStyle(element).fontFamily;
      const picture = (ch: string) => {
        const canvas = document.createElement('canvas');
        canvas.width = 64;
        canvas.height = 64;
        const ctx = canvas.getContext('2d');
        if (!ctx) throw new Error('no 2d canvas');
        ctx.font = `40px ${family}`;
        ctx.fillStyle = '#000';
        ctx.textBaseline = 'middle';
        ctx.fillText(ch, 8, 32);
        return Array.from(ctx.getImageData(0, 0, 64, 64).data).join(',');
      };
      const characters = Array.from(element.textContent ?? '');
      const pictures = characters.map(picture);
      const tofu = picture('\u0378');
      return {
        characters: characters.length,
        distinct: new Set(pictures).size,
        likeTofu: pictures.filter((p) => p === tofu).length,
        blank: pictures.filter((p) => !/[1-9]/.test(p)).length,
      };
    });
    expect(result.characters).toBe(6);
    expect(result).toEqual({ characters: 6, distinct: 6, likeTofu: 0, blank: 0 });
  });

  it('UI-1: the sign-in page, the work-order list and the operators list pass axe in both languages', async () => {
    await page.goto(new URL('/sign-in', consoleUrl).href);
    for (const lang of ['zh', 'en'] as const) {
      await setLanguage(page, lang);
      await page.getByRole('button', { name: labels[lang].signIn, exact: true }).waitFor();
      await checkScreen(page, 'sign-in');
    }
    await setLanguage(page, 'zh');

    await signIn(page, 'dispatch01', STORE);
    await page.getByRole('heading', { name: '工单列表' }).waitFor();
    for (const lang of ['zh', 'en'] as const) {
      await setLanguage(page, lang);
      await page.getByRole('heading', { name: lang === 'zh' ? '工单列表' : 'Work orders' }).waitFor();
      await checkScreen(page, 'work-orders');
    }
    await setLanguage(page, 'zh');
    await signOut(page);

    await signIn(page, 'admin01', STORE);
    await page.goto(new URL('/admin/operators', consoleUrl).href);
    await page.getByRole('cell', { name: 'admin01' }).waitFor();
    for (const lang of ['zh', 'en'] as const) {
      await setLanguage(page, lang);
      await page.getByRole('heading', { name: lang === 'zh' ? '操作员' : 'Operators' }).waitFor();
      await checkScreen(page, 'operators');
    }
    await setLanguage(page, 'zh');
  });
});
