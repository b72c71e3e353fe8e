import { describe, expect, it } from 'vitest';
import { apiAs, checkScreen, openPage, setLanguage, signIn } from './support/browser';
import { uniqueCustomerName, validIdNumber, waitForStatus } from './support/order-desk';

/** An opening submitted through the API for a customer of this name, once completed; answers the order ID. */
async function openedThroughApi(name: string): Promise<string> {
  const clerk = await apiAs('store01', 'STORE-BJ-001');
  const res = await clerk.post(
    '/orders',
    {
      type: 'openAccount',
      customer: {
        kind: 'individual',
        name,
        idType: 'idCard',
        idNumber: validIdNumber,
        address: '北京市西城区西单北大街 1 号',
        contactPhone: '13911112222',
      },
      productCode: 'VOICE-58',
      payment: { method: 'cash' },
    },
    { 'idempotency-key': `browser-${Date.now().toString(36)}-${Math.floor(Math.random() * 1e6)}` },
  );
  expect(res.status).toBe(202);
  const { id } = res.body as { id: string };
  await expect
    .poll(
      async () => ((await clerk.get(`/orders/${encodeURIComponent(id)}`)).body as { status: string }).status,
      {
        timeout: 60_000,
        interval: 250,
      },
    )
    .toBe('completed');
  return id;
}

describe('the orders list and the order page', () => {
  it('UI-1: orders are found by customer and status, the filters stay in the address, and a row opens the order', async () => {
    const name = uniqueCustomerName('列表客户');
    const id = await openedThroughApi(name);
    const page = await openPage('/sign-in');
    await signIn(page, 'store01', 'STORE-BJ-001');
    await page.getByRole('menuitem', { name: '订单查询' }).click();
    await page.getByRole('table').waitFor();
    await checkScreen(page, 'orders');

    await page.getByLabel('客户', { exact: true }).fill(name);
    await page.getByRole('button', { name: '查询' }).click();
    await expect.poll(() => page.url()).toContain(`customer=${encodeURIComponent(name)}`);
    const row = page.getByRole('row').filter({ hasText: name });
    await row.waitFor();
    // The header and this order, once the filtered page has replaced the one shown before.
    await expect.poll(() => page.getByRole('row').count()).toBe(2);

    // The filters live in the address: a reload (or a bookmark) shows the same search.
    await page.reload();
    await row.waitFor();
    expect(await page.getByLabel('客户', { exact: true }).inputValue()).toBe(name);

    await row.click();
    await page.waitForURL((url) => decodeURIComponent(url.pathname) === `/orders/${id}`);
    await waitForStatus(page, '已竣工');
  });

  it('UI-1 ORD-2: the status filter lists only orders of that status, labelled in the chosen language', async () => {
    await openedThroughApi(uniqueCustomerName('状态客户'));
    const page = await openPage('/sign-in');
    await signIn(page, 'store01', 'STORE-BJ-001');
    await page.getByRole('menuitem', { name: '订单查询' }).click();
    // The first page of orders is shown before the filter is used, as a clerk sees it.
    await page.locator('tbody tr').first().waitFor();
    const statusFilter = page
      .locator('.ant-form-item')
      .filter({ has: page.getByLabel('状态', { exact: true }) });
    await page.getByLabel('状态', { exact: true }).click();
    await page.locator('.ant-select-item-option').filter({ hasText: '已竣工' }).click();
    await expect.poll(() => statusFilter.textContent()).toContain('已竣工');
    await page.getByRole('button', { name: '查询' }).click();
    await expect.poll(() => page.url()).toContain('status=completed');

    const tags = page.locator('tbody .ant-tag');
    await expect.poll(async () => new Set(await tags.allTextContents())).toEqual(new Set(['已竣工']));
    await setLanguage(page, 'en');
    await expect.poll(async () => new Set(await tags.allTextContents())).toEqual(new Set(['Completed']));
  });
});
