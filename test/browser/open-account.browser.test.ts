import { describe, expect, it } from 'vitest';
import { apiAs, checkScreen, openPage, setLanguage, signIn } from './support/browser';
import {
  demoCard,
  field,
  fillOpening,
  formItemOf,
  freeNumbersFor,
  ordersOfCustomer,
  staffTextOf,
  uniqueCustomerName,
  waitForStatus,
} from './support/order-desk';

/** Any Chinese character (CJK unified ideographs). */
const chinese = /[\u4e00-\u9fff]/;

describe('opening an account at the counter', () => {
  it('UI-1 OPEN-4: a clerk opens an account from the quote to completed and sees the receipt number', async () => {
    const name = uniqueCustomerName();
    const page = await openPage('/sign-in');
    const started = Date.now();
    await signIn(page, 'store01', 'STORE-BJ-001');
    await page.getByRole('menuitem', { name: '开户' }).click();
    await field(page, '客户姓名', 'Name').waitFor();
    await checkScreen(page, 'open-account');

    await fillOpening(page, { name });
    await page.getByRole('button', { name: '计算费用' }).click();
    await page.getByText('请与客户确认费用').waitFor();
    // VOICE-58: SIM card fee ¥20 and deposit ¥100; the system picks a number without a selection fee.
    expect(await page.getByTestId('quote').textContent()).toContain('SIM 卡费');
    expect(await page.getByTestId('quote-total').textContent()).toBe('¥120.00');
    await checkScreen(page, 'open-account-quote');

    await page.getByRole('button', { name: '确认并提交' }).click();
    await page.waitForURL(/\/orders\/OpenAccount/);
    await waitForStatus(page, '已竣工');
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    console.log(`UI-1 OPEN-4: from sign-in to a completed opening in the browser: ${seconds} s`);
    expect(await page.getByTestId('receipt-no').textContent()).toMatch(/^[A-Z0-9-]{6,}$/);
    expect(await page.getByTestId('order-msisdn').textContent()).toMatch(/^1\d{10}$/);
    await checkScreen(page, 'order');

    // UI-1: in English nothing on the order page is Chinese but what the customer typed (the name).
    await setLanguage(page, 'en');
    await page.getByText('Completed').first().waitFor();
    const staffText = await staffTextOf(page);
    expect(staffText).toContain('Receipt number');
    expect(staffText.match(new RegExp(chinese, 'g')) ?? []).toEqual([]);
    expect(await page.getByRole('main').last().textContent()).toContain(name);
  });

  it('UI-1 ORD-3: a double-clicked submit makes one order', async () => {
    const name = uniqueCustomerName('Double Click ');
    const page = await openPage('/sign-in');
    const started = Date.now();
    await signIn(page, 'store01', 'STORE-BJ-001');
    await setLanguage(page, 'en');
    await page.getByRole('menuitem', { name: 'Open an account' }).click();
    await fillOpening(page, { name });
    await page.getByRole('button', { name: 'Get the quote' }).click();
    await page.getByText('Confirm the charges with the customer').waitFor();

    await page.getByRole('button', { name: 'Confirm and submit' }).dblclick();
    await page.waitForURL(/\/orders\/OpenAccount/);
    await waitForStatus(page, 'Completed');
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    console.log(`UI-1 ORD-3: from sign-in to a completed opening, no screen checks on the way: ${seconds} s`);
    expect(await ordersOfCustomer(name)).toBe(1);
  });

  it('UI-1 ORD-5 ORD-6: a cancel before provisioning shows cancelled and the number is free again in the picker', async () => {
    const admin = await apiAs('admin01', 'STORE-BJ-001');
    // The bank is asked before the point of no return (card check, charge): slowed, the order waits there.
    expect((await admin.put('/simulators/bank', { latencyMs: 8_000 })).status).toBe(200);
    try {
      const page = await openPage('/sign-in');
      await signIn(page, 'store01', 'STORE-BJ-001');
      await page.getByRole('menuitem', { name: '开户' }).click();
      const msisdn = await fillOpening(page, {
        name: uniqueCustomerName(),
        numberPattern: '1380010',
        card: demoCard,
      });
      expect(msisdn).toMatch(/^1380010\d{4}$/);
      await page.getByRole('button', { name: '计算费用' }).click();
      await page.getByRole('button', { name: '确认并提交' }).click();
      await page.waitForURL(/\/orders\/OpenAccount/);
      await expect
        .poll(() => page.getByTestId('order-msisdn').textContent(), { timeout: 30_000 })
        .toBe(msisdn);

      await page.getByRole('button', { name: '撤单' }).click();
      await page.getByRole('dialog').getByLabel('撤单原因').fill('客户改变主意');
      await page.getByRole('dialog').getByRole('button', { name: '确认撤单' }).click();
      await waitForStatus(page, '已撤单');
      await expect.poll(() => page.getByRole('dialog').count()).toBe(0);

      await page.getByRole('menuitem', { name: '开户' }).click();
      expect(await freeNumbersFor(page, msisdn!)).toContain(msisdn);
    } finally {
      await admin.put('/simulators/bank', { latencyMs: 0 });
    }
  });

  it('UI-1 ORD-6: a cancel past the point of no return shows the refusal as the API words it', async () => {
    const admin = await apiAs('admin01', 'STORE-BJ-001');
    // Provisioning on the HLR comes after the point of no return: slowed, the order is caught there.
    expect((await admin.put('/simulators/hlr', { latencyMs: 8_000 })).status).toBe(200);
    try {
      const page = await openPage('/sign-in');
      await signIn(page, 'store01', 'STORE-BJ-001');
      await page.getByRole('menuitem', { name: '开户' }).click();
      await fillOpening(page, { name: uniqueCustomerName() });
      await page.getByRole('button', { name: '计算费用' }).click();
      await page.getByRole('button', { name: '确认并提交' }).click();
      await page.waitForURL(/\/orders\/OpenAccount/);
      await expect
        .poll(() => page.getByTestId('order-step').textContent(), { timeout: 30_000 })
        .toBe('provisioning');

      await page.getByRole('button', { name: '撤单' }).click();
      await page.getByRole('dialog').getByLabel('撤单原因').fill('客户改变主意');
      await page.getByRole('dialog').getByRole('button', { name: '确认撤单' }).click();
      const refusal = page.getByRole('dialog').getByRole('alert');
      await refusal.waitFor();
      expect(await refusal.textContent()).toContain('PastPointOfNoReturn');
      expect(await refusal.textContent()).toContain('不可撤销');
    } finally {
      await admin.put('/simulators/hlr', { latencyMs: 0 });
    }
  });

  it('UI-1 OPEN-3: a bad ID number shows its message beside the field, in Chinese and in English', async () => {
    const page = await openPage('/sign-in');
    await signIn(page, 'store01', 'STORE-BJ-001');
    await page.getByRole('menuitem', { name: '开户' }).click();
    await fillOpening(page, { name: uniqueCustomerName(), idNumber: '110105194912' });
    await page.getByRole('button', { name: '计算费用' }).click();

    const idNumber = field(page, '证件号码', 'ID number');
    await expect.poll(() => idNumber.getAttribute('aria-invalid')).toBe('true');
    const zhMessage =
      (await formItemOf(page, idNumber).locator('.ant-form-item-explain').textContent()) ?? '';
    expect(zhMessage).toMatch(chinese);
    expect(zhMessage).toContain('身份证');

    await setLanguage(page, 'en');
    await expect
      .poll(() => formItemOf(page, idNumber).locator('.ant-form-item-explain').textContent())
      .toContain('17 digits');
    expect(await page.getByText('Confirm the charges with the customer').count()).toBe(0);
  });
});
