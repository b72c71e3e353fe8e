import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { apiAs, checkDialog, checkScreen, openPage, signIn } from './support/browser';
import { waitForStatus } from './support/order-desk';

/** The group this journey opens 和对讲 for, with the tariff that needs approval (no one else orders it). */
const GROUP = '1000000004';

/** Opens HDJ for a group through the API (tariff HDJ-10, no approval) and waits until BBOSS has confirmed it. */
async function openedThroughApi(groupCode: string): Promise<void> {
  const manager = await apiAs('manager01', 'STORE-BJ-001');
  const taken = await manager.post(
    '/orders',
    {
      type: 'groupOpen',
      groupCode,
      productCode: 'HDJ',
      contractId: `HT-${groupCode}`,
      payingAccountId: `ACC-${groupCode}`,
      effectiveMode: 'immediate',
      attributes: { serviceLevel: 'standard', maxTalkGroups: 10, adminPhone: '13800138000' },
      tariff: { code: 'HDJ-10', params: {} },
      customerManagerId: 'manager01',
      submitterId: 'manager01',
    },
    { 'idempotency-key': randomUUID() },
  );
  expect(taken.status, JSON.stringify(taken.body)).toBe(202);
  const { id } = taken.body as { id: string };
  await expect
    .poll(
      async () =>
        ((await manager.get(`/orders/${encodeURIComponent(id)}`)).body as { status: string }).status,
      { timeout: 60_000, interval: 500 },
    )
    .toBe('completed');
}

/** Picks an option of an antd Select found by its label. */
async function choose(page: Page, label: string | RegExp, option: string | RegExp): Promise<void> {
  await page.getByLabel(label, { exact: typeof label === 'string' }).click();
  await page
    .locator('.ant-select-dropdown:visible .ant-select-item-option')
    .filter({ hasText: option })
    .click();
}

describe('group business in the console', () => {
  it('UI-1 GRP-1: a store clerk without the HDJ permission finds the group, does not see HDJ to order and reads the "ask an administrator" hint', async () => {
    const page = await openPage('/sign-in');
    await signIn(page, 'store01', 'STORE-BJ-001');
    await page.getByRole('menuitem', { name: '集团客户' }).click();
    await page.getByRole('row').filter({ hasText: '1000000001' }).waitFor();
    await checkScreen(page, 'groups');

    await page.getByLabel('集团编号或名称').fill('Taxi');
    await page.getByRole('button', { name: '查找' }).click();
    await expect.poll(() => page.url()).toContain('q=Taxi');
    // The header and the one group whose name has "Taxi".
    await expect.poll(() => page.getByRole('row').count()).toBe(2);
    await page.getByRole('row').filter({ hasText: GROUP }).click();
    await page.waitForURL((url) => url.pathname === `/groups/${GROUP}`);
    await page
      .getByTestId('permission-hint')
      .getByText('看不到产品说明没有产品权限，请找管理员授权')
      .waitFor();
    expect(await page.getByTestId('orderable-HDJ').count()).toBe(0);
    await page.getByRole('cell', { name: `HT-${GROUP}` }).waitFor();
    await checkScreen(page, 'group-without-permission');
    await page.getByRole('button', { name: '切换到英文' }).click();
    await page.getByTestId('permission-hint').getByText('ask an administrator').waitFor();
  });

  it('UI-1 GRP-3 GRP-4: a customer manager opens HDJ with a tariff that needs approval from the spec form; the approver approves it from the inbox; BBOSS confirms and the group has it active', async () => {
    const manager = await openPage('/sign-in');
    await signIn(manager, 'manager01', 'STORE-BJ-001');
    await manager.goto(`/groups/${GROUP}`);
    const hdj = manager.getByTestId('orderable-HDJ');
    await hdj.waitFor();
    await hdj.getByRole('button', { name: '开通' }).click();
    await manager.waitForURL((url) => url.pathname === `/groups/${GROUP}/products/HDJ/order`);
    await manager.getByLabel('业务级别').waitFor();
    await checkScreen(manager, 'group-order');

    // The attributes as the product specification has them: enum, integer range, boolean, text with a pattern.
    await choose(manager, '业务级别', 'professional');
    await manager.getByLabel('最大对讲组数').fill('20');
    await manager.getByLabel('通话录音').click();
    await manager.getByLabel('管理员联系电话').fill('1380013800');
    await choose(manager, '资费包', 'HDJ-CUSTOM');
    await manager.getByTestId('approval-note').getByText('此资费包需资费审核').waitFor();
    await manager.getByLabel('折扣（%）').fill('120');
    await manager.getByRole('button', { name: '提交开通' }).click();
    // The rules of the specification, said beside their fields before anything is sent.
    await manager.getByText('格式不正确，应为：a mobile number of 11 digits starting with 1').waitFor();
    await manager.getByText('须为 50 到 100 之间的整数').waitFor();
    await manager.getByLabel('管理员联系电话').fill('13800138000');
    await manager.getByLabel('折扣（%）').fill('80');
    await manager.getByRole('button', { name: '提交开通' }).click();

    await manager.waitForURL((url) => url.pathname.startsWith('/orders/'));
    const orderId = decodeURIComponent(new URL(manager.url()).pathname.slice('/orders/'.length));
    await manager.getByText('等待资费审核：审核员审批通过后订单才提交 BBOSS').waitFor();
    await checkScreen(manager, 'group-order-awaiting-approval');

    // The approver, in a browser of their own.
    const approver = await openPage('/sign-in');
    await signIn(approver, 'approver01', 'STORE-BJ-001');
    await approver.getByRole('menuitem', { name: '资费审核' }).click();
    const row = approver.getByRole('row').filter({ hasText: orderId });
    await row.waitFor();
    // GRP-3: the approver reads the tariff's parameter and the attributes by their names.
    await row.getByText('折扣（%）').waitFor();
    await checkScreen(approver, 'approvals');
    const openDecision = async () => {
      await row.getByRole('button', { name: /审批|Decide/ }).click();
      await approver.getByRole('dialog').waitFor();
    };
    await openDecision();
    await checkDialog(approver, 'approval-decision', openDecision);
    await approver.getByLabel('审批意见').fill('集团战略客户，同意八折');
    await approver.getByRole('dialog').getByRole('button', { name: '通过' }).click();
    await row.waitFor({ state: 'detached' });

    // The manager's order page follows it: approved, sent to BBOSS, answered.
    await waitForStatus(manager, '已竣工');
    await manager.getByTestId('approval-state').getByText('已通过').waitFor();
    await manager
      .getByTestId('timeline')
      .getByText(/等待 BBOSS 答复，自 .+ 起/)
      .waitFor();
    await manager.getByText(/BBOSS 已确认（.+），订单已竣工/).waitFor();

    await manager.goto(`/groups/${GROUP}`);
    await manager
      .getByTestId('subscription-HDJ')
      .getByTestId('subscription-status')
      .getByText('在用')
      .waitFor();
    await manager.getByTestId('subscription-HDJ').getByText('折扣（%）: 80').waitFor();
    await checkScreen(manager, 'group');
  });

  it("UI-1 GRP-2 GRP-5: a customer manager changes an attribute of the group's HDJ from the next cycle; the group page shows the change waiting for its cycle", async () => {
    const group = '1000000005';
    await openedThroughApi(group);
    const manager = await openPage('/sign-in');
    await signIn(manager, 'manager01', 'STORE-BJ-001');
    await manager.goto(`/groups/${group}`);
    await manager.getByTestId('orderable-HDJ').getByRole('link', { name: '变更' }).click();
    await manager.getByText('当前生效').waitFor();
    await manager.getByLabel('属性变更').check();
    // The attributes in force are filled in; only what differs is sent.
    expect(await manager.getByLabel('最大对讲组数').inputValue()).toBe('10');
    await manager.getByLabel('最大对讲组数').fill('30');
    expect(await manager.getByLabel('下周期生效').isChecked()).toBe(true);
    await checkScreen(manager, 'group-change');
    await manager.getByRole('button', { name: '提交变更' }).click();

    await manager.waitForURL((url) => url.pathname.startsWith('/orders/'));
    await waitForStatus(manager, '已竣工');
    await manager
      .getByTestId('timeline')
      .getByText(/变更将于 .+ 起生效/)
      .waitFor();
    await manager.goto(`/groups/${group}`);
    const card = manager.getByTestId('subscription-HDJ');
    await card.getByText('下周期变更').waitFor();
    await card.getByText('最大对讲组数: 30').waitFor();
    await card.getByText('最大对讲组数: 10').waitFor();
  });
});
