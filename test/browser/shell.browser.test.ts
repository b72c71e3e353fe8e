import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { apiAs, checkScreen, consoleUrl, openPage, setLanguage, signIn } from './support/browser';

/**
 * The console's shell (UI-1): sign-in and its refusals as staff read them (CH-2), the menu each role sees, a
 * screen not allowed, the remembered language, Chinese glyphs on screen, and the accessibility of the first
 * screens in both languages.
 */
const STORE = 'STORE-BJ-001';

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

/** A sign-in attempt straight at the API: its status and body. */
async function login(operatorId: string, password: string, channelCode = STORE) {
  const res = await fetch(`${consoleUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ operatorId, password, channelCode }),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
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

describe('UI-1: the console shell', () => {
  it('UI-1 CH-2: a wrong password is refused in Chinese, and in English after switching the language', async () => {
    const page = await openPage('/sign-in');
    await submitSignIn(page, 'zh', {
      operatorId: 'store01',
      password: 'wrong-password-1',
      channelCode: STORE,
    });
    const refusal = page.getByTestId('sign-in-error');
    await refusal.getByText('渠道接口编码、工号或密码不正确').waitFor();
    // The same refusal read again in English: the page keeps what the API answered, not a sentence.
    await setLanguage(page, 'en');
    await refusal.getByText('The channel code, operator ID or password is wrong').waitFor();
    expect(await refusal.textContent()).toContain('InvalidCredentials');
    expect(await refusal.textContent()).not.toMatch(/[\u4e00-\u9fff]/);
  });

  it('UI-1 CH-2: an operator locked after five wrong passwords is told until when, in local time, in both languages', async () => {
    const admin = await apiAs('admin01', STORE);
    const created = await admin.post('/operators', {
      id: 'locked.clerk',
      name: '锁定测试 Lock test',
      password: 'Throwaway2026',
      roles: ['frontline'],
      channels: [STORE],
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    for (let attempt = 1; attempt <= 5; attempt++) {
      expect((await login('locked.clerk', `wrong-${attempt}`)).status).toBe(401);
    }
    const locked = await login('locked.clerk', 'Throwaway2026');
    expect(locked.body).toMatchObject({ code: 'AccountLocked' });

    const page = await openPage('/sign-in');
    // The unlock time as this browser's clock reads it, to the minute, the way staff read a time.
    const until = await page.evaluate(
      (iso: string) => {
        const d = new Date(iso);
        const p = (n: number) => String(n).padStart(2, '0');
        return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
      },
      (locked.body.details as { lockedUntil: string }).lockedUntil,
    );
    await submitSignIn(page, 'zh', {
      operatorId: 'locked.clerk',
      password: 'Throwaway2026',
      channelCode: STORE,
    });
    const refusal = page.getByTestId('sign-in-error');
    await refusal.getByText(`该工号已锁定至 ${until}`, { exact: false }).waitFor();
    await setLanguage(page, 'en');
    await refusal.getByText(`this operator ID is locked until ${until}`, { exact: false }).waitFor();
  });

  it('UI-1 CH-2: an operator bound to several outlets is asked which one, chooses it from the outlets the refusal names, and the banner shows it', async () => {
    const admin = await apiAs('admin01', STORE);
    const created = await admin.post('/operators', {
      id: 'two.outlets',
      name: '两网点 Two outlets',
      password: 'Throwaway2026',
      roles: ['frontline'],
      channels: [STORE],
      outlets: ['OUT-BJ-XD', 'OUT-BJ-WFJ'],
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const page = await openPage('/sign-in');
    const fields = { operatorId: 'two.outlets', password: 'Throwaway2026', channelCode: STORE };
    await submitSignIn(page, 'zh', fields);
    await page.getByTestId('sign-in-error').getByText('该工号属于多个网点，请选择本次登录的网点').waitFor();
    await page.getByLabel('网点', { exact: true }).click();
    await page.locator('.ant-select-item-option[title="OUT-BJ-WFJ"]').click();
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await menuOf(page).waitFor();
    expect(await page.getByTestId('signed-in-as').textContent()).toContain('网点 OUT-BJ-WFJ');
  });

  it('UI-1: a store clerk sees neither administration nor the dispatch board, a dispatcher sees the board, service staff their own work, an admin sees administration', async () => {
    const clerkPage = await openPage('/sign-in');
    await signIn(clerkPage, 'store01', STORE);
    const clerkMenu = menuOf(clerkPage);
    await clerkMenu.getByText('开户').waitFor();
    const clerk = (await clerkMenu.textContent()) ?? '';
    expect(clerk).toContain('营业受理');
    expect(clerk).not.toContain('系统管理');
    expect(clerk).toContain('新建工单');
    expect(clerk).not.toContain('调度台');
    expect(clerk).not.toContain('我的工单');
    // Who is signed in where, in the banner.
    const banner = (await clerkPage.getByTestId('signed-in-as').textContent()) ?? '';
    expect(banner).toContain('(store01)');
    expect(banner).toContain('营业员');
    expect(banner).toContain(`(${STORE})`);
    // A screen the menu does not offer answers 403 when its address is typed.
    await clerkPage.goto('/admin/operators');
    await clerkPage.getByRole('heading', { name: '无权访问' }).waitFor();
    await expect.poll(() => clerkPage.title()).toContain('无权访问');

    const dispatcherPage = await openPage('/sign-in');
    await signIn(dispatcherPage, 'dispatch01', STORE);
    const dispatcherMenu = menuOf(dispatcherPage);
    await dispatcherMenu.getByText('工单中心').waitFor();
    expect(await dispatcherMenu.textContent()).toContain('调度台');
    expect(await dispatcherMenu.textContent()).not.toContain('抢单池');
    expect(await dispatcherMenu.textContent()).not.toContain('系统管理');

    // Service staff (WO-4) see their work and the grab pool, nothing of the order desk nor the board.
    const staffPage = await openPage('/sign-in');
    await signIn(staffPage, 'tech01', STORE);
    const staffMenu = menuOf(staffPage);
    await staffMenu.getByText('我的工单').waitFor();
    expect(await staffMenu.textContent()).toContain('抢单池');
    expect(await staffMenu.textContent()).not.toContain('营业受理');
    expect(await staffMenu.textContent()).not.toContain('调度台');
    expect(await staffPage.getByTestId('signed-in-as').textContent()).toContain('OUT-BJ-XD');

    const adminPage = await openPage('/sign-in');
    await signIn(adminPage, 'admin01', STORE);
    const adminMenu = menuOf(adminPage);
    await adminMenu.getByText('系统管理').waitFor();
    expect(await adminMenu.textContent()).toContain('操作员');
  });

  it('UI-1: the language chosen is remembered after a reload, menu and page title included', async () => {
    const page = await openPage('/sign-in');
    await signIn(page, 'store01', STORE);
    await menuOf(page).getByText('开户').waitFor();
    await setLanguage(page, 'en');
    await menuOf(page, 'en').getByText('Open an account').waitFor();
    await page.reload();
    await menuOf(page, 'en').getByText('Open an account').waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    // The screen itself loads lazily after the menu: its title follows.
    await expect.poll(() => page.title()).toContain('Open an account');
    expect(await menuOf(page, 'en').textContent()).not.toMatch(/[\u4e00-\u9fff]/);
    // Also on the sign-in page, before anyone signs in again.
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('button', { name: 'Sign in', exact: true }).waitFor();
    await page.reload();
    await page.getByLabel('Operator ID', { exact: true }).waitFor();
  });

  it('UI-1: a session the API has ended (401) brings the sign-in page back, saying so', async () => {
    const page = await openPage('/sign-in');
    await signIn(page, 'dispatch01', STORE);
    await page.getByRole('heading', { name: '调度台' }).waitFor();
    const token = await page.evaluate(
      () => (JSON.parse(sessionStorage.getItem('console.session') ?? '{}') as { token?: string }).token ?? '',
    );
    const revoked = await fetch(`${consoleUrl}/api/v1/auth/logout`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(revoked.status).toBe(200);
    await page.reload();
    await page.getByText('登录已失效，请重新登录').waitFor();
    expect(new URL(page.url()).pathname).toBe('/sign-in');
  });

  it('UI-1: Chinese labels render with real glyphs, not boxes', async () => {
    const page = await openPage('/sign-in');
    const label = page.locator('label', { hasText: '渠道接口编码' });
    await label.waitFor();
    /*
     * Without a CJK font every Chinese character is drawn as the same .notdef box ("tofu"). So each character
     * of the label is drawn, in the label's own computed font family, onto a canvas (which falls back through
     * the same fonts as the page) and the pictures are compared: with real glyphs, six different characters
     * give six different pictures, none blank, and none like U+0378 — an unassigned code point that no font
     * has, so it is drawn as that box. (Checked the other way round too: characters of a script no installed
     * font covers, e.g. Linear B U+10000…U+10002, all give one picture, the same as U+0378's.)
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
      const characters = Array.from((element.textContent ?? '').trim());
      const pictures = characters.map(picture);
      const tofu = picture('\u0378');
      return {
        text: characters.join(''),
        distinct: new Set(pictures).size,
        likeTofu: pictures.filter((p) => p === tofu).length,
        blank: pictures.filter((p) => !/[1-9]/.test(p)).length,
      };
    });
    expect(result).toEqual({ text: '渠道接口编码', distinct: 6, likeTofu: 0, blank: 0 });
  });

  it('UI-1: the sign-in page, the work-order list and the operators list pass axe in both languages', async () => {
    const signInPage = await openPage('/sign-in');
    await signInPage.getByRole('button', { name: '登录', exact: true }).waitFor();
    await checkScreen(signInPage, 'sign-in');

    const dispatcher = await apiAs('dispatch01', STORE);
    const made = await dispatcher.post(
      '/work-orders',
      {
        category: 'broadbandRepair',
        priority: 'P2',
        title: '宽带无法上网 Broadband down',
        description: 'No broadband since this morning; the modem light is red.',
        customer: { name: '张三 Zhang San', msisdn: '13800100001', address: '北京市海淀区中关村大街 1 号' },
        territory: 'Haidian',
      },
      { 'idempotency-key': `shell-wo-${Date.now()}` },
    );
    expect(made.status, JSON.stringify(made.body)).toBe(202);
    const workOrderId = (made.body as { id: string }).id;
    // The list reads a projection: wait until the new work order is in it before opening the screen.
    await expect
      .poll(async () => JSON.stringify((await dispatcher.get('/work-orders?limit=200')).body))
      .toContain(workOrderId);
    const workOrders = await openPage('/sign-in');
    await signIn(workOrders, 'dispatch01', STORE);
    await workOrders.getByRole('heading', { name: '调度台' }).waitFor();
    // Newest first: the queue by priority may have other journeys' urgent work orders on its first page.
    await workOrders.goto('/work-orders?sort=newest');
    await workOrders.getByRole('cell', { name: workOrderId, exact: true }).waitFor();
    await checkScreen(workOrders, 'work-orders');

    const operators = await openPage('/sign-in');
    await signIn(operators, 'admin01', STORE);
    await operators.goto('/admin/operators');
    await operators.getByRole('cell', { name: 'admin01', exact: true }).waitFor();
    await checkScreen(operators, 'operators');
  });
});
