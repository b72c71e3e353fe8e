/// <reference lib="dom" />
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { apiAs } from './browser';

/**
 * The order desk as a clerk works it in the browser: the account-opening form filled by its labels (in either
 * language), the order page's status read as shown; and orders arranged or counted through the API.
 */

/** A customer name no other journey uses, so the orders of this journey can be found by it. */
export function uniqueCustomerName(prefix = '测试客户'): string {
  return `${prefix}${Date.now().toString(36)}${Math.floor(Math.random() * 1000)}`;
}

/** A valid resident ID card number (17 digits and a check character). */
export const validIdNumber = '11010519491231002X';

/** The demo bank card the simulated bank vouches for, with its holder's ID number (simulators/bank.ts). */
export const demoCard = { cardNo: '6222021234567890', holderIdNumber: '110101199003071234' };

/** A form control by its label, in Chinese or English (exact, so 证件号码 is not 代办人证件号码). */
export function field(page: Page, zh: string, en: string): Locator {
  return page.getByLabel(new RegExp(`^(${zh}|${escapeRegExp(en)})$`));
}

/** The form item (label, control and its messages) around a control. */
export function formItemOf(page: Page, control: Locator): Locator {
  return page.locator('.ant-form-item').filter({ has: control });
}

export interface OpeningInput {
  name: string;
  idNumber?: string;
  /** A number to search for and choose; the system picks when left out. */
  numberPattern?: string;
  card?: { cardNo: string; holderIdNumber: string };
}

/** Fills the opening form for an individual paying cash (or by card); answers the number chosen, if any. */
export async function fillOpening(page: Page, input: OpeningInput): Promise<string | null> {
  await field(page, '客户姓名', 'Name').fill(input.name);
  await field(page, '证件号码', 'ID number').fill(input.idNumber ?? validIdNumber);
  await field(page, '联系电话', 'Contact phone').fill('13911112222');
  await field(page, '地址', 'Address').fill('北京市东城区东长安街 1 号');
  let chosen: string | null = null;
  if (input.numberPattern) chosen = await chooseNumber(page, input.numberPattern);
  await field(page, '套餐', 'Product').click();
  await page.locator('.ant-select-item-option').filter({ hasText: 'VOICE-58' }).click();
  if (input.card) {
    await choice(page, '银行卡', 'Bank card');
    await field(page, '银行卡号', 'Card number').fill(input.card.cardNo);
    await field(page, '帐户户主身份证号', "Account holder's ID number").fill(input.card.holderIdNumber);
  }
  return chosen;
}

/** Searches free numbers by a pattern and chooses the first one offered; answers it. */
export async function chooseNumber(page: Page, pattern: string): Promise<string> {
  await freeNumbersFor(page, pattern);
  const first = page.getByTestId('free-numbers').locator('.ant-radio-wrapper').first();
  const label = (await first.textContent()) ?? '';
  await first.click();
  const msisdn = /1\d{10}/.exec(label)?.[0];
  if (!msisdn) throw new Error(`no number in the picker's first choice: ${label}`);
  return msisdn;
}

/** The picker's free numbers for a pattern, as the clerk sees them listed (number and selection fee). */
export async function freeNumbersFor(page: Page, pattern: string): Promise<string> {
  await choice(page, '自选号码', 'Choose a number');
  await field(page, '号码规则', 'Number pattern').fill(pattern);
  await page.getByRole('button', { name: /^(查找号码|Find numbers)$/ }).click();
  const list = page.getByTestId('free-numbers');
  await list.waitFor();
  await expect.poll(async () => (await list.textContent()) ?? '').toMatch(/1\d{10}|没有|No free/);
  return (await list.textContent()) ?? '';
}

/** The order page's status as shown, polled until it is `label` (an order runs for a few seconds). */
export async function waitForStatus(page: Page, label: string | RegExp, timeout = 60_000): Promise<void> {
  await expect
    .poll(async () => (await page.getByTestId('order-status').textContent()) ?? '', {
      timeout,
      interval: 250,
    })
    .toMatch(typeof label === 'string' ? new RegExp(`^${escapeRegExp(label)}$`) : label);
}

/** How many orders the API lists for a customer (by name): what a double click must not have doubled. */
export async function ordersOfCustomer(name: string): Promise<number> {
  const api = await apiAs('store01', 'STORE-BJ-001');
  const res = await api.get(`/orders?customer=${encodeURIComponent(name)}&limit=50`);
  expect(res.status).toBe(200);
  return Number(res.headers.get('x-total-count'));
}

/** The text of the console's main area without what customers typed (marked `data-customer-text`). */
export async function staffTextOf(page: Page): Promise<string> {
  return page
    .getByRole('main')
    .last()
    .evaluate((main) => {
      const copy = main.cloneNode(true) as HTMLElement;
      copy.querySelectorAll('[data-customer-text]').forEach((typed) => typed.remove());
      return copy.textContent ?? '';
    });
}

/** Clicks a radio choice by its label (antd draws its own radio over the hidden input). */
async function choice(page: Page, zh: string, en: string): Promise<void> {
  const radio = page.getByRole('radio', { name: new RegExp(`^(${zh}|${escapeRegExp(en)})`) });
  await page.locator('label').filter({ has: radio }).click();
  expect(await radio.isChecked()).toBe(true);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
