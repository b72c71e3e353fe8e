import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { apiAs, checkScreen, openPage, setLanguage, signIn } from './support/browser';
import { field, formItemOf } from './support/order-desk';

/**
 * Work orders taken in (UI-1, WO-1, GC-1…GC-3): a store clerk opens one for a looked-up line, a dispatcher's bad
 * number is refused beside its field, and the hotline duty manager's green-channel requests are routed to the
 * customer's home city, refused beside the service password, or refused for over-promising with the offer to
 * escalate to the complaint process. Each journey's work orders carry a title of their own (Date.now()).
 */

const unique = (prefix: string) => `${prefix} ${Date.now().toString(36)}`;

/** The message antd shows under a form control. */
const messageBeside = (page: Page, control: ReturnType<typeof field>) =>
  formItemOf(page, control).locator('.ant-form-item-explain');

/** Opens an antd select by its label and picks the option with this text. */
async function choose(page: Page, control: ReturnType<typeof field>, option: string) {
  await control.click();
  await page.locator('.ant-select-item-option').filter({ hasText: option }).first().click();
}

describe('work-order intake in Chromium', () => {
  it('UI-1 WO-1: a store clerk creates a work order for a looked-up line and lands on its page', async () => {
    const since = new Date(Date.now() - 60_000).toISOString();
    const page = await openPage('/sign-in');
    await signIn(page, 'store01', 'STORE-BJ-001');
    await page.getByRole('menuitem', { name: '新建工单' }).click();
    await field(page, '客户号码', 'Customer number').waitFor();
    await checkScreen(page, 'work-order-new');

    await field(page, '客户号码', 'Customer number').fill('13900100001');
    const line = page.getByTestId('customer-line');
    await line.waitFor();
    expect(await line.textContent()).toContain('李**');
    expect(await page.getByTestId('customer-line-state').textContent()).not.toBe('');
    // The owner's name as the lookup shows it is filled in; the clerk may correct it.
    await expect.poll(() => field(page, '客户姓名', 'Customer name').inputValue()).toBe('李**');
    await field(page, '客户姓名', 'Customer name').fill('李雷');

    const title = unique('宽带无法上网');
    await choose(page, field(page, '工单类别', 'Category'), '宽带报修');
    await page.getByText('P4 低').click();
    await field(page, '标题', 'Title').fill(title);
    await field(page, '问题描述', 'Description').fill('客户来电：家中宽带自昨晚起无法上网，光猫红灯。');
    await field(page, '服务地址', 'Address').fill('北京市西城区西单北大街 120 号');
    await field(page, '所需技能', 'Skill needed').fill('broadband');
    // A double click is one work order (one idempotency key for the filled form): counted below.
    await page.getByRole('button', { name: '提交工单' }).dblclick();

    await page.waitForURL(/\/work-orders\/[^/]+$/);
    await expect.poll(() => page.getByTestId('work-order-status').textContent()).toBe('新建');
    expect(await page.getByRole('heading', { level: 3 }).textContent()).toContain(title);
    expect(await page.getByText('13900100001').count()).toBeGreaterThan(0);
    const desk = await apiAs('store01', 'STORE-BJ-001');
    const titled = async () => {
      const list = await desk.get(`/work-orders?createdFrom=${encodeURIComponent(since)}&limit=100`);
      return (list.body as { items: { title: string }[] }).items.filter((w) => w.title === title).length;
    };
    await expect.poll(titled).toBeGreaterThan(0);
    expect(await titled()).toBe(1);
  });

  it('UI-1 WO-1: a dispatcher types the customer name and a bad number shows its message beside the field, in Chinese and in English', async () => {
    const page = await openPage('/sign-in');
    await signIn(page, 'dispatch01', 'STORE-BJ-001');
    await page.goto('/work-orders/new');
    const msisdn = field(page, '客户号码', 'Customer number');
    await msisdn.waitFor();
    // No line lookup without the order desk's permission: the name is typed.
    expect(await formItemOf(page, msisdn).textContent()).toContain('您没有号码查询权限');

    await msisdn.fill('1390010000');
    await field(page, '客户姓名', 'Customer name').fill('韩梅梅');
    await choose(page, field(page, '工单类别', 'Category'), '网络故障');
    await field(page, '标题', 'Title').fill(unique('信号差'));
    await field(page, '问题描述', 'Description').fill('客户反映室内信号弱。');
    await page.getByRole('button', { name: '提交工单' }).click();

    await expect.poll(() => msisdn.getAttribute('aria-invalid')).toBe('true');
    await expect.poll(() => messageBeside(page, msisdn).textContent()).toContain('11 位手机号码');
    expect(await page.getByRole('alert').first().textContent()).toContain('ValidationFailed');
    await setLanguage(page, 'en');
    await expect.poll(() => messageBeside(page, msisdn).textContent()).toContain('11-digit mobile number');
    expect(page.url()).toMatch(/\/work-orders\/new$/);
  });

  it('UI-1 GC-1 GC-2 GC-3: a duty manager’s entrusted acceptance is refused beside the wrong service password, then routed to the Shanghai response team with the promise it kept', async () => {
    const page = await openPage('/sign-in');
    await signIn(page, 'duty01', 'CC-10086-BJ');
    await page.getByRole('menuitem', { name: '绿色通道' }).click();
    await page.getByLabel('营业厅业务委托受理').check();
    const password = field(page, '客户服务密码', "Customer's service password");
    await password.waitFor();
    await checkScreen(page, 'green-channel');

    await field(page, '客户号码', 'Customer number').fill('13900300001');
    await page.getByTestId('customer-line').waitFor();
    await field(page, '客户姓名', 'Customer name').fill('沪上客户');
    await field(page, '服务地址', 'Address').fill('上海市浦东新区世纪大道 100 号');
    await field(page, '标题', 'Title').fill(unique('委托办理套餐变更'));
    await field(page, '客户诉求', "The customer's request").fill('客户在外地，委托营业厅代为办理套餐变更。');
    await page.getByLabel('办理后寄送').check();

    // One wrong try only (the lockout counts every wrong password of the line); the right one resets it.
    await password.fill('000000');
    await page.getByRole('button', { name: '提交绿色通道工单' }).click();
    await expect.poll(() => messageBeside(page, password).textContent()).toContain('服务密码验证失败');
    expect(await password.inputValue()).toBe('');
    await setLanguage(page, 'en');
    await expect.poll(() => messageBeside(page, password).textContent()).toContain('does not match');
    await setLanguage(page, 'zh');

    // GC-3: a promise within the duty manager's authority is taken and kept on the work order.
    await page.getByRole('button', { name: '添加承诺' }).click();
    await field(page, '承诺 1：修复时限（小时）', 'Commitment 1: Repair time limit (hours)').fill('72');
    await password.fill('112233');
    await page.getByRole('button', { name: '提交绿色通道工单' }).click();
    const routed = page.getByTestId('green-channel-routed');
    await routed.waitFor();
    expect(await routed.textContent()).toBe('已转至 上海 的客响团队（网点 OUT-SH-PD）');
    await checkScreen(page, 'green-channel-routed');
    await setLanguage(page, 'en');
    expect(await routed.textContent()).toBe('Routed to the response team of Shanghai (outlet OUT-SH-PD)');

    await page.getByRole('link', { name: 'Open the work order' }).click();
    await expect.poll(() => page.getByTestId('work-order-status').textContent()).toBe('Created');
    expect(await page.getByTestId('work-order-outlet').textContent()).toBe('OUT-SH-PD');
    expect(await page.getByTestId('work-order-commitments').textContent()).toBe(
      'Repair time limit: within 72 h',
    );
  });

  it('UI-1 GC-3: an over-promise is refused as the API words it, with the offer to escalate to the complaint process taken up', async () => {
    const page = await openPage('/sign-in');
    await signIn(page, 'duty01', 'CC-10086-BJ');
    await page.goto('/green-channel/new');
    await page.getByLabel('营业厅业务预约办理').check();
    await field(page, '客户号码', 'Customer number').fill('13900100002');
    await page.getByTestId('customer-line').waitFor();
    const title = unique('预约办理携号套餐');
    await field(page, '标题', 'Title').fill(title);
    await field(page, '客户诉求', "The customer's request").fill('客户要求明天到厅办理，并要求赔偿。');
    await page.getByRole('button', { name: '添加承诺' }).click();
    await choose(page, field(page, '承诺 1 类型', 'Commitment 1: kind'), '赔款/优惠');
    const amount = field(page, '承诺 1：赔款/优惠金额（元）', 'Commitment 1: Compensation (yuan)');
    await amount.fill('5000');
    await page.getByRole('button', { name: '提交绿色通道工单' }).click();

    const offer = page.getByTestId('escalation-offer');
    await offer.waitFor();
    expect(await offer.textContent()).toContain('可升级至投诉处理流程');
    const refusal = page.getByRole('alert').filter({ hasText: 'CommitmentBeyondAuthority' });
    expect(await refusal.textContent()).toContain('承诺超出职权范围');
    await expect.poll(() => messageBeside(page, amount).textContent()).toContain('500000 分超出职权');
    await checkScreen(page, 'green-channel-refused');
    await setLanguage(page, 'en');
    expect(await offer.textContent()).toContain('You may escalate to the complaint process');
    expect(await refusal.textContent()).toContain('no compensation may be promised');
    await setLanguage(page, 'zh');

    await offer.getByRole('button', { name: '升级至投诉处理' }).click();
    await page.waitForURL(/\/work-orders\/new\?/);
    await page.getByText('投诉升级：已按绿色通道被拒绝的承诺预先填写', { exact: false }).waitFor();
    expect(await field(page, '标题', 'Title').inputValue()).toBe(`投诉升级：${title}`);
    expect(await field(page, '客户号码', 'Customer number').inputValue()).toBe('13900100002');
    expect(await formItemOf(page, field(page, '工单类别', 'Category')).textContent()).toContain('投诉跟进');
    await expect.poll(() => field(page, '客户姓名', 'Customer name').inputValue()).toBe('韩**');
    await page.getByRole('button', { name: '提交工单' }).click();
    await page.waitForURL(/\/work-orders\/[^/?]+$/);
    await expect.poll(() => page.getByTestId('work-order-status').textContent()).toBe('新建');
    expect(await page.getByText('投诉跟进').count()).toBeGreaterThan(0);
  });
});
