import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { groupOpenBody } from '../support/groups';
import { apiAs, checkDialog, checkScreen, openPage, signIn } from './support/browser';

/**
 * The members journey owns group 1000000001's 和对讲 (HDJ): it opens it once through the API and works on its
 * members in the console. Lines 13900200150…154 are its members (the demo lines that may join groups).
 */
const GROUP = '1000000001';
const MEMBERS_PATH = `/groups/${GROUP}/products/HDJ/members`;
const NEW_MEMBERS = ['13900200150', '13900200151', '13900200152', '13900200153'];
const BAD_NUMBER = '1390020015';
const ADDED_BY_HAND = '13900200154';

interface OrderAnswer {
  id: string;
  status: string;
}

interface ProductList {
  items: { code: string; subscription: { status: string } | null }[];
}

/** Opens HDJ with tariff HDJ-10 (no approval) for the group unless it has it live, and waits until it is active. */
async function openHdjFor(groupCode: string): Promise<void> {
  const manager = await apiAs('manager01', 'STORE-BJ-001');
  const status = async () =>
    ((await manager.get(`/groups/${groupCode}/products`)).body as ProductList).items.find(
      (p) => p.code === 'HDJ',
    )?.subscription?.status;
  if ((await status()) === 'active') return;
  const taken = await manager.post('/orders', groupOpenBody(groupCode), { 'idempotency-key': randomUUID() });
  expect(taken.status).toBe(202);
  const { id } = taken.body as OrderAnswer;
  // Arranged before the tests (no expect.poll there): asked every half second for up to a minute.
  const orderStatus = async () =>
    ((await manager.get(`/orders/${encodeURIComponent(id)}`)).body as OrderAnswer).status;
  for (let tries = 0; tries < 120 && (await orderStatus()) !== 'completed'; tries++) {
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  expect(await orderStatus()).toBe('completed');
  expect(await status()).toBe('active');
}

const memberRow = (page: Page, msisdn: string) => page.getByRole('row', { name: new RegExp(msisdn) });

async function chooseOption(page: Page, label: string, option: string): Promise<void> {
  await page.getByLabel(label, { exact: true }).click();
  await page.locator(`.ant-select-item-option[title="${option}"]`).click();
}

describe('group members and member batches in Chromium', () => {
  beforeAll(async () => {
    await openHdjFor(GROUP);
  }, 90_000);

  it('UI-1 GRP-6: manager01 uploads a member batch CSV with one bad row, sees it reach 100 % with the bad row’s reason and downloads the results', async () => {
    const page = await openPage('/');
    await signIn(page, 'manager01', 'STORE-BJ-001');
    await page.goto(MEMBERS_PATH);
    await page.getByRole('button', { name: '新增成员' }).waitFor();
    await checkScreen(page, 'group-members');

    const csv = [
      'msisdn,displayName,role,priority',
      `${NEW_MEMBERS[0]},司机 150,member,4`,
      `${NEW_MEMBERS[1]},"调度, 151",member,2`,
      `${BAD_NUMBER},坏号码,,`,
      `${NEW_MEMBERS[2]},司机 152,,`,
      `${NEW_MEMBERS[3]},司机 153,member,7`,
    ].join('\r\n');
    const [chooser] = await Promise.all([
      page.waitForEvent('filechooser'),
      page.getByRole('button', { name: '选择 CSV 文件' }).click(),
    ]);
    await chooser.setFiles({ name: 'members.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
    await expect.poll(() => page.getByTestId('member-file-preview').textContent()).toContain('5 个成员行');
    await page.getByRole('button', { name: '上传并导入' }).click();

    await page.waitForURL(/\/member-batches\//);
    await expect
      .poll(() => page.getByTestId('batch-counts').textContent(), { timeout: 30_000 })
      .toBe('已处理 5 / 5，成功 4，失败 1');
    expect(await page.getByTestId('batch-percent').textContent()).toBe('100%');
    expect(await page.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('100');
    await expect.poll(() => page.getByTestId('batch-status').textContent()).toBe('已完成');

    await chooseOption(page, '结果', '失败');
    const badRow = memberRow(page, BAD_NUMBER);
    await expect.poll(() => badRow.textContent()).toContain('ValidationFailed');
    expect(await badRow.textContent()).toContain('请求内容不符合规则');
    await expect.poll(() => memberRow(page, NEW_MEMBERS[0] ?? '').count()).toBe(0);
    expect(await page.getByText('共 1 行').count()).toBe(1);
    await checkScreen(page, 'member-batch');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '下载结果（CSV）' }).click(),
    ]);
    const saved = await readFile(await download.path(), 'utf8');
    const lines = saved.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe('rowNo,msisdn,result,reasonCode,reasonZh,reasonEn');
    expect(lines.filter((l) => l.includes(',accepted,'))).toHaveLength(4);
    const bad = lines.find((l) =>
      l.startsWith(`3,${BAD_NUMBER},rejected,ValidationFailed,请求内容不符合规则,`),
    );
    expect(bad, saved).toBeDefined();
    expect(bad).toContain(`msisdn: ""${BAD_NUMBER}""`);
  });

  it('UI-1 GRP-6 GRP-7 GRP-8: manager01 finds the new members by number, reads a history, changes one member, deletes another and adds one, the list following each order', async () => {
    const page = await openPage('/');
    await signIn(page, 'manager01', 'STORE-BJ-001');
    await page.goto(MEMBERS_PATH);

    await page.getByLabel('号码开头').fill('1390020015');
    await page.getByRole('button', { name: '查询成员' }).click();
    await expect.poll(() => page.getByText('共 4 个成员').count()).toBe(1);
    for (const msisdn of NEW_MEMBERS) await memberRow(page, msisdn).waitFor();
    expect(await memberRow(page, NEW_MEMBERS[1] ?? '').textContent()).toContain('调度, 151');

    await page.getByRole('button', { name: `历史 ${NEW_MEMBERS[0]}` }).click();
    const history = page.getByRole('dialog', { name: `成员 ${NEW_MEMBERS[0]} 的变更历史` });
    await expect.poll(() => history.getByRole('row').nth(1).textContent()).toContain('加入');
    expect(await history.textContent()).toContain('MemberBatch:STORE-BJ-001:');
    await history.getByRole('button', { name: /Close|关闭/ }).click();
    await history.waitFor({ state: 'hidden' });

    // GRP-7: the role of 151 becomes dispatcher.
    const openChange = async () => {
      // Opened again by checkDialog in the other language.
      await page.getByRole('button', { name: new RegExp(`^(变更|Change) ${NEW_MEMBERS[1]}$`) }).click();
      await page
        .getByRole('dialog')
        .getByLabel(/^(成员名称|Display name)$/)
        .waitFor();
    };
    await openChange();
    await checkDialog(page, 'group-member-change', openChange);
    await chooseOption(page, '成员角色', 'dispatcher');
    await page.getByRole('button', { name: '提交 · 变更成员' }).click();
    const outcome = page.getByTestId('member-order-outcome');
    await expect.poll(() => outcome.textContent(), { timeout: 30_000 }).toMatch(/MemberChange:.*已竣工/);
    await expect.poll(() => memberRow(page, NEW_MEMBERS[1] ?? '').textContent()).toContain('dispatcher');

    // GRP-8: 152 leaves.
    await page.getByRole('button', { name: `删除 ${NEW_MEMBERS[2]}` }).click();
    await page.getByRole('button', { name: '确认删除' }).click();
    await expect.poll(() => outcome.textContent(), { timeout: 30_000 }).toMatch(/MemberDelete:.*已竣工/);
    await expect.poll(() => memberRow(page, NEW_MEMBERS[2] ?? '').count()).toBe(0);
    await expect.poll(() => page.getByText('共 3 个成员').count()).toBe(1);

    // GRP-6: one member added by hand.
    await page.getByRole('button', { name: '新增成员' }).click();
    const adding = page.getByRole('dialog', { name: '新增成员' });
    await adding.getByLabel('成员号码').fill(ADDED_BY_HAND);
    await adding.getByLabel('成员名称').fill('司机 154');
    await page.getByRole('button', { name: '提交 · 新增成员' }).click();
    await expect.poll(() => outcome.textContent(), { timeout: 30_000 }).toMatch(/MemberAdd:.*已竣工/);
    await expect.poll(() => memberRow(page, ADDED_BY_HAND).textContent()).toContain('司机 154');
    await expect.poll(() => page.getByText('共 4 个成员').count()).toBe(1);

    await page.getByRole('button', { name: `历史 ${NEW_MEMBERS[1]}` }).click();
    const changed = page.getByRole('dialog', { name: `成员 ${NEW_MEMBERS[1]} 的变更历史` });
    await expect.poll(() => changed.getByRole('row').nth(1).textContent()).toContain('变更');
    expect(await changed.getByRole('row').nth(1).textContent()).toContain('dispatcher');
  });
});
