import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { apiAs, checkDialog, checkScreen, consoleUrl, openPage, signIn } from './support/browser';

/**
 * Administration of access in the console (UI-1): an administrator creates operators and channels, disables a
 * channel, lifts a lockout, resets a password and grants a group product permission (CH-1, CH-2, CH-4, GRP-1).
 * Only operators and channels made here are changed: the demo ones are others' to sign in with.
 */
const STORE = 'STORE-BJ-001';
const PASSWORD = 'Welcome2026';

/** Signs in through the sign-in page with a password of the journey's own (the Chinese labels). */
async function submitSignIn(page: Page, operatorId: string, password: string, channelCode: string) {
  await page.getByLabel('工号', { exact: true }).fill(operatorId);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page.getByLabel('渠道接口编码', { exact: true }).fill(channelCode);
  await page.getByRole('button', { name: '登录', exact: true }).click();
}

/** A sign-in straight at the API: its status. */
async function loginStatus(operatorId: string, password: string, channelCode: string) {
  const res = await fetch(`${consoleUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ operatorId, password, channelCode }),
  });
  await res.body?.cancel();
  return res.status;
}

/** Picks an option of an antd select (opened by its label) whose text starts with `text`. */
async function choose(scope: Locator, label: string, text: string) {
  await scope.getByLabel(label, { exact: true }).click();
  await scope
    .page()
    .locator('.ant-select-dropdown:visible .ant-select-item-option')
    .filter({ hasText: new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) })
    .first()
    .click();
}

/**
 * Presses a dialog's button by its name. Should the dialog not offer it, the failure says what the page offered
 * to assistive technology then (a dialog hidden from it, or a button renamed).
 */
async function pressInDialog(page: Page, name: string) {
  // While a press is on its way the button reads "loading <name>" and takes no second press.
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const button = page
    .getByRole('dialog')
    .getByRole('button', { name: new RegExp(`^(loading )?${escaped}$`) });
  try {
    await button.click({ timeout: 30_000 });
  } catch (error) {
    throw new Error(
      `no button ${name} in a dialog; the page offered:\n${await page.locator('body').ariaSnapshot()}`,
      {
        cause: error,
      },
    );
  }
}

describe('UI-1: administration of operators and channels', () => {
  it('UI-1 CH-2: an administrator creates an operator in the console, the password rule shown beside its field; the new operator signs in with the initial password and sees the order desk', async () => {
    const id = `clerk.${Date.now()}`;
    const page = await openPage();
    await signIn(page, 'admin01', STORE);
    await page.goto('/admin/operators');
    await page.getByRole('table').waitFor();
    await checkScreen(page, 'admin-operators');

    const openDialog = async () => {
      await page.getByRole('button', { name: /^(新建操作员|New operator)$/ }).click();
      await page
        .getByRole('dialog')
        .getByLabel(/^(工号|Operator ID)$/)
        .waitFor();
    };
    await openDialog();
    await checkDialog(page, 'admin-operator-new', openDialog);

    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('工号', { exact: true }).fill(id);
    await dialog.getByLabel('姓名', { exact: true }).fill('新员工 New hire');
    // Letters only: the API's password rule comes back beside the field.
    await dialog.getByLabel('初始密码', { exact: true }).fill('onlyletters');
    await choose(dialog, '角色', '营业员');
    await choose(dialog, '渠道', STORE);
    await dialog.getByText('新建操作员', { exact: true }).click();
    await dialog.getByRole('button', { name: '创建', exact: true }).click();
    const passwordItem = dialog.locator('.ant-form-item').filter({ has: page.getByLabel('初始密码') });
    await passwordItem.locator('.ant-form-item-explain-error').waitFor();
    expect(await passwordItem.locator('.ant-form-item-explain-error').textContent()).toMatch(/字母|数字/);

    await dialog.getByLabel('初始密码', { exact: true }).fill(PASSWORD);
    await passwordItem.locator('.ant-form-item-explain-error').waitFor({ state: 'hidden' });
    await pressInDialog(page, '创建');
    await page.waitForURL(`**/admin/operators/${id}`);
    await page.getByRole('heading', { name: `操作员 ${id}` }).waitFor();
    await expect.poll(() => page.getByTestId('operator-state').textContent()).toBe('启用');
    // The password is not on the screen any more.
    expect(await page.content()).not.toContain(PASSWORD);
    await checkScreen(page, 'admin-operator');

    const newcomer = await openPage('/sign-in');
    await submitSignIn(newcomer, id, PASSWORD, STORE);
    const menu = newcomer.getByRole('navigation', { name: '主菜单' });
    await menu.getByText('营业受理').waitFor();
    await menu.getByText('开户').waitFor();
    expect(await menu.getByText('系统管理').count()).toBe(0);
  });

  it('UI-1 CH-1 CH-2: an administrator creates a channel and reads its generated code; once disabled in the console, signing in through it is refused', async () => {
    const page = await openPage();
    await signIn(page, 'admin01', STORE);
    await page.goto('/admin/channels?type=ownStore&pageSize=100');
    await page.getByRole('table').waitFor();

    await page.getByRole('button', { name: '新建渠道', exact: true }).click();
    const dialog = page.getByRole('dialog');
    await choose(dialog, '类型', '自有营业厅');
    await dialog.getByLabel('城市编码', { exact: true }).fill('bj');
    await dialog.getByLabel('名称', { exact: true }).fill(`测试营业厅 Test store ${Date.now()}`);
    await dialog.getByRole('button', { name: '创建', exact: true }).click();
    const shown = page.getByTestId('created-channel-code');
    await shown.waitFor();
    const code = (await shown.textContent())?.trim() ?? '';
    expect(code).toMatch(/^STORE-BJ-\d{3}$/);
    await checkScreen(page, 'admin-channels');

    // An operator of the new channel, arranged through the API: it can sign in through it.
    const admin = await apiAs('admin01', STORE);
    const id = `chan.${Date.now()}`;
    const created = await admin.post('/operators', {
      id,
      name: '渠道测试 Channel test',
      password: PASSWORD,
      roles: ['frontline'],
      channels: [code],
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(await loginStatus(id, PASSWORD, code)).toBe(200);

    const row = page.getByRole('row').filter({ hasText: code });
    await row.getByRole('button', { name: `停用 ${code}` }).click();
    const confirm = page.getByRole('dialog');
    await confirm.getByText(`停用渠道 ${code}？`).waitFor();
    await confirm.getByRole('button', { name: '停用', exact: true }).click();
    await row.getByRole('button', { name: `启用 ${code}` }).waitFor();
    expect(await row.locator('.ant-tag').filter({ hasText: '停用' }).count()).toBe(1);

    const refused = await openPage('/sign-in');
    await submitSignIn(refused, id, PASSWORD, code);
    const refusal = refused.getByTestId('sign-in-error');
    await refusal.getByText('渠道接口编码、工号或密码不正确').waitFor();
    expect(await refusal.textContent()).toContain('InvalidCredentials');
  });

  it('UI-1 CH-2 GRP-1: an administrator lifts a lockout, resets a password and grants HDJ; the operator signs in with the new password and sees HDJ', async () => {
    const admin = await apiAs('admin01', STORE);
    const id = `mgr.${Date.now()}`;
    const created = await admin.post('/operators', {
      id,
      name: '新经理 New manager',
      password: PASSWORD,
      roles: ['customerManager'],
      channels: [STORE],
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    for (let attempt = 1; attempt <= 5; attempt++) {
      expect(await loginStatus(id, `wrong-${attempt}-x`, STORE)).toBe(401);
    }
    expect(await loginStatus(id, PASSWORD, STORE)).toBe(403);

    const page = await openPage();
    await signIn(page, 'admin01', STORE);
    await page.goto(`/admin/operators/${id}`);
    await page.getByText(/^锁定至 /).waitFor();
    await page.getByRole('button', { name: '解除锁定', exact: true }).click();
    await page.getByText(/^锁定至 /).waitFor({ state: 'hidden' });
    expect(await loginStatus(id, PASSWORD, STORE)).toBe(200);

    await page.getByRole('button', { name: '重置密码', exact: true }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('新密码', { exact: true }).fill('short1');
    await dialog.getByRole('button', { name: '重置密码', exact: true }).click();
    await dialog.locator('.ant-form-item-explain-error').waitFor();
    const renewed = 'Renewed2027';
    await dialog.getByLabel('新密码', { exact: true }).fill(renewed);
    await dialog.locator('.ant-form-item-explain-error').waitFor({ state: 'hidden' });
    await pressInDialog(page, '重置密码');
    await dialog.waitFor({ state: 'hidden' });
    expect(await loginStatus(id, PASSWORD, STORE)).toBe(401);

    await page.getByLabel('产品编码', { exact: true }).fill('hdj');
    await page.getByRole('button', { name: '授予', exact: true }).click();
    await page.getByRole('row').filter({ hasText: 'HDJ' }).getByText('admin01').waitFor();

    const manager = await openPage('/sign-in');
    await submitSignIn(manager, id, renewed, STORE);
    await manager.getByRole('navigation', { name: '主菜单' }).getByText('集团业务').waitFor();
    const asManager = await fetch(`${consoleUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ operatorId: id, password: renewed, channelCode: STORE }),
    });
    const { token } = (await asManager.json()) as { token: string };
    const products = await fetch(`${consoleUrl}/api/v1/groups/1000000003/products`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const body = (await products.json()) as { items: { code: string }[] };
    expect(body.items.map((p) => p.code)).toContain('HDJ');
  });
});
