import { randomInt, randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { apiAs, checkScreen, openPage, setLanguage, signIn } from './support/browser';

/** A fresh ID card number, so each journey's customer is its own. */
function newIdNumber(): string {
  return `110101${randomInt(10_000_000_000, 99_999_999_999)}${randomInt(0, 10)}`;
}

interface OrderAnswer {
  id: string;
  status: string;
  summary: { msisdn?: string };
}

/** Opens a line through the API for a journey (store01 at STORE-BJ-001) and waits until it is active. */
async function openLineFor(idNumber: string): Promise<string> {
  const clerk = await apiAs('store01', 'STORE-BJ-001');
  const taken = await clerk.post(
    '/orders',
    {
      type: 'openAccount',
      customer: {
        kind: 'individual',
        name: '浏览器 测试',
        idType: 'idCard',
        idNumber,
        address: '北京市西城区西单北大街 1 号',
        contactPhone: '13900000000',
      },
      productCode: 'VOICE-58',
      internationalRoaming: false,
      payment: { method: 'cash' },
    },
    { 'idempotency-key': randomUUID() },
  );
  expect(taken.status).toBe(202);
  const { id } = taken.body as OrderAnswer;
  let order: OrderAnswer | undefined;
  await expect
    .poll(
      async () => {
        order = (await clerk.get(`/orders/${encodeURIComponent(id)}`)).body as OrderAnswer;
        return order.status;
      },
      { timeout: 60_000, interval: 500 },
    )
    .toBe('completed');
  return order?.summary.msisdn ?? '';
}

async function openLinePage(page: Page, msisdn: string): Promise<void> {
  await page.goto(`/lines/${msisdn}`);
  await page.getByTestId('line-state').waitFor();
}

const lineState = (page: Page) => page.getByTestId('line-state');

describe('the line page and the port-in form in Chromium', () => {
  it('UI-1 CHG-2: a clerk looks a line up, reports it lost and resumes it with the holder’s identity, the state shown changing', async () => {
    const idNumber = newIdNumber();
    const msisdn = await openLineFor(idNumber);
    const page = await openPage('/');
    await signIn(page, 'store01', 'STORE-BJ-001');

    await page.goto('/lines');
    await checkScreen(page, 'line-lookup');
    await page.getByLabel('手机号码').fill(msisdn);
    await page.getByRole('button', { name: '查询号码' }).click();
    await expect.poll(() => lineState(page).textContent()).toBe('正常');
    await expect.poll(() => page.getByTestId('line-owner').textContent()).not.toBe('浏览器 测试');
    await checkScreen(page, 'line-page');

    await page.getByRole('tab', { name: '挂失' }).click();
    await page.getByLabel('原因').fill('手机丢失');
    await page.getByRole('button', { name: /提交 · 挂失/ }).click();
    await expect.poll(() => lineState(page).textContent(), { timeout: 30_000 }).toBe('挂失停机');

    await page.getByRole('tab', { name: '复机' }).click();
    await page.getByLabel('证件号码').fill(idNumber);
    await page.getByRole('button', { name: /提交 · 复机/ }).click();
    await expect.poll(() => lineState(page).textContent(), { timeout: 30_000 }).toBe('正常');
  });

  it('UI-1 PC-1 PC-6: manager01 at the designated store pre-cancels a line and the holder revokes it with identity, the states shown', async () => {
    const idNumber = newIdNumber();
    const msisdn = await openLineFor(idNumber);
    const page = await openPage('/');
    await signIn(page, 'manager01', 'STORE-BJ-001');
    await openLinePage(page, msisdn);

    await page.getByRole('tab', { name: '预销号' }).click();
    await page.getByLabel('离网原因').fill('出国定居');
    await page.getByLabel('挽留方案').fill('其他品牌，优先选号');
    await page.getByLabel('证件号码').fill(idNumber);
    await page.getByRole('button', { name: /提交 · 预销号/ }).click();
    await expect.poll(() => lineState(page).textContent(), { timeout: 30_000 }).toBe('预销号');
    await expect.poll(() => page.getByTestId('order-result').textContent()).toContain('PreCancel:');

    await page.getByRole('tab', { name: '撤销预销号' }).click();
    await page.getByLabel('撤销原因').fill('客户改变主意');
    await page.getByLabel('证件号码').fill(idNumber);
    await page.getByRole('button', { name: '撤销预销号' }).click();
    await expect
      .poll(() => page.getByTestId('order-result').textContent(), { timeout: 30_000 })
      .toContain('已撤单');
    await expect.poll(() => lineState(page).textContent(), { timeout: 30_000 }).toBe('正常');
  });

  it('UI-1 MNP-5: port-out shows that the authorization code was texted to the holder and until when it is valid, never the code', async () => {
    const page = await openPage('/');
    await signIn(page, 'store01', 'STORE-BJ-001');
    await openLinePage(page, '13900100021');
    await page.getByRole('tab', { name: '携号转出' }).click();
    await page.getByLabel('证件号码').fill('110101199102020021');
    await page.getByRole('button', { name: /提交 · 携号转出/ }).click();
    const result = page.getByTestId('order-result');
    await expect
      .poll(() => result.textContent(), { timeout: 30_000 })
      .toContain('授权码已通过短信发送到机主手机');
    const text = (await result.textContent()) ?? '';
    expect(text).toContain('有效期至');
    expect(text).not.toMatch(/授权码[为：:]\s*[A-Z0-9]{6}/);
    await checkScreen(page, 'port-out-result');
  });

  it('UI-1 MNP-1: MNP eligibility lists every failed reason of an ineligible line in both languages', async () => {
    const page = await openPage('/');
    await signIn(page, 'store01', 'STORE-BJ-001');
    await openLinePage(page, '13900100022');
    await page.getByRole('tab', { name: '携号转网资格' }).click();
    await page.getByRole('button', { name: '检查资格' }).click();
    const failures = page.getByTestId('mnp-failures');
    await expect.poll(() => failures.textContent()).toContain('号码尚未完成实名认证');
    expect(await failures.textContent()).toContain('ContractTermActive');
    await setLanguage(page, 'en');
    await expect
      .poll(() => failures.textContent())
      .toContain('The owner has not completed real-name verification.');
  });

  it('UI-1 MNP-2 MNP-3: the port-in form shows a refused ID number beside its field in both languages, then takes the request to its order page', async () => {
    const page = await openPage('/');
    await signIn(page, 'store01', 'STORE-BJ-001');
    await page.goto('/port-in');
    await checkScreen(page, 'port-in');
    await page.getByLabel('转入号码').fill(`1331${randomInt(1_000_000, 9_999_999)}`);
    await page.getByLabel('原运营商').fill('China Telecom');
    await page.getByLabel('授权码（6 位）').fill('AB12CD');
    await page.getByLabel('姓名').fill('张三');
    await page.getByLabel('证件号码').fill('11010119900307123');
    await page.getByLabel('地址').fill('北京市西城区西单北大街 1 号');
    await page.getByLabel('联系电话').fill('13900000000');
    await page.getByLabel('客户已签署携号转网协议').check();
    await page.getByLabel('套餐', { exact: true }).click();
    await page.locator('.ant-select-item-option', { hasText: 'VOICE-58' }).click();
    await page.getByRole('button', { name: '提交携号转入' }).click();

    // The API's refusal of the ID number stands beside that field, in the language chosen.
    const idField = (label: string) =>
      page.locator('.ant-form-item', { has: page.getByLabel(label, { exact: true }) });
    await expect
      .poll(() => idField('证件号码').textContent())
      .toContain('身份证号码应为 17 位数字加 1 位校验码');
    await setLanguage(page, 'en');
    await expect
      .poll(() => idField('ID number').textContent())
      .toContain('an ID card number is 17 digits followed by a digit or X');
    await setLanguage(page, 'zh');

    await page.getByLabel('证件号码').fill(newIdNumber());
    await page.getByRole('button', { name: '提交携号转入' }).click();
    await expect.poll(() => decodeURIComponent(page.url()), { timeout: 30_000 }).toContain('/orders/PortIn:');
  });
});
