import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { apiAs, checkScreen, consoleUrl, openPage, signIn } from './support/browser';

/**
 * The administrator's inventory screens (资源管理, UI-1): stock-in of a CSV chosen in the browser with its
 * progress and per-row report (RES-1), issuing numbers down the organisation tree to an outlet with the receiver
 * and seeing the counts move (RES-2), and one number's page with a state change by hand and a reservation
 * (RES-3, RES-4). Each run stocks a fresh range of its own, so reruns and other journeys are not disturbed.
 */
const STORE = 'STORE-BJ-001';
const AREA = 'BJ-XC';
const OUTLET = 'BJ-XC-JR';

/** Five numbers no one else uses: 198, then six digits of the time, then 00…04. */
const base = 19_800_000_000 + (Math.floor(Date.now() / 1000) % 1_000_000) * 100;
const numbers = [0, 1, 2, 3, 4].map((i) => String(base + i));
const BAD_ROW = '12345';

async function signedInAdmin(path: string): Promise<Page> {
  const page = await openPage('/sign-in');
  await signIn(page, 'admin01', STORE);
  await page.goto(path);
  return page;
}

/** Picks an option of the open picker and waits until its list has closed. */
async function choose(page: Page, option: string) {
  await page.locator('.ant-select-item-option').filter({ hasText: option }).click();
  await expect.poll(() => page.locator('.ant-select-dropdown:visible').count(), { timeout: 10_000 }).toBe(0);
}

/** Picks one of a row of option buttons by its text (the radio itself is hidden under its label). */
async function pickOption(page: Page, text: string) {
  await page.locator('.ant-radio-button-wrapper').filter({ hasText: text }).click();
  await expect.poll(() => page.getByRole('radio', { name: text }).isChecked()).toBe(true);
}

describe('UI-1: resources (numbers and SIM cards)', () => {
  it('UI-1 RES-1: an administrator stocks in a CSV of five new numbers and one bad row through the file chooser, sees the progress reach 100 % and the bad row rejected with its reason', async () => {
    const page = await signedInAdmin('/admin/stock-in');
    await page.getByRole('heading', { name: '号卡入库' }).waitFor();
    await checkScreen(page, 'stock-in');

    await page.getByLabel('入库单位').click();
    await choose(page, '北京市公司 BJ');
    const csv = ['number,kind,segment', ...numbers.slice(0, 3), BAD_ROW, ...numbers.slice(3)].join('\n');
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: '选择文件' }).click();
    await (
      await chooser
    ).setFiles({ name: `numbers-${base}.csv`, mimeType: 'text/csv', buffer: Buffer.from(`${csv}\n`) });
    await page.getByText(`numbers-${base}.csv`).waitFor();
    await page.getByRole('button', { name: '上传并入库' }).click();

    // The batch's page: the progress runs to the end, then the counters and the per-row report.
    await page.waitForURL(/\/admin\/stock-in\/SB-/);
    const progress = page.getByRole('progressbar', { name: '入库进度' });
    await expect.poll(() => progress.getAttribute('aria-valuenow'), { timeout: 60_000 }).toBe('100');
    await progress.getByText('100%').waitFor();
    await page.getByText('已完成').first().waitFor();
    const rejectedRow = page.getByRole('row').filter({ hasText: BAD_ROW });
    await rejectedRow.getByText('已拒绝').waitFor();
    expect(await rejectedRow.textContent()).toContain(
      '格式不正确 — number: a mobile number must be 11 digits starting with 1',
    );
    await page.getByRole('row').filter({ hasText: numbers[0] }).getByText('已入库').waitFor();
    await checkScreen(page, 'stock-in-batch');

    // Only the rejected rows, as the report's filter shows them.
    await page.getByLabel('结果', { exact: true }).click();
    await choose(page, '已拒绝');
    await page.getByText('共 1 行').waitFor();
    expect(await page.getByRole('cell', { name: numbers[0], exact: true }).count()).toBe(0);
  });

  it("UI-1 RES-2: an administrator issues three numbers from the business area to outlet BJ-XC-JR with the receiver, sees the outlet's count move and the movement in its history, and recycles one back up", async () => {
    // Arranged through the API: five more numbers stocked into Beijing and issued on to the area.
    const lot = [50, 51, 52, 53, 54].map((i) => String(base + i));
    await stockedAtArea(lot);
    const before = await heldNumbers(OUTLET);

    const page = await signedInAdmin(`/admin/resource-movements?unit=${AREA}`);
    await page.getByRole('heading', { name: '号卡发放与回收' }).waitFor();
    await page.getByRole('heading', { name: '西城营业区 BJ-XC 的库存' }).waitFor();
    await checkScreen(page, 'resource-movements');

    const receiver = '王芳 Wang Fang';
    await page.getByLabel('接收单位').click();
    await choose(page, `金融街营业点 ${OUTLET}`);
    await page.getByLabel('领用人 / 回退人').fill(receiver);
    await page.getByLabel('起始').fill(lot[0]!);
    await page.getByLabel('结束').fill(lot[2]!);
    await page.getByRole('button', { name: '发放', exact: true }).click();
    await page.getByRole('status').getByText(`已发放 3 个到 ${OUTLET}`).waitFor();

    // The outlet's count in the tree moved by three; its history shows the movement with the receiver.
    const outletNode = page.locator('.ant-tree-treenode').filter({ hasText: OUTLET });
    await outletNode.getByText(`号码 ${before + 3} ·`).waitFor();
    await outletNode.getByText(`金融街营业点 ${OUTLET}`).click();
    await page.getByRole('heading', { name: `金融街营业点 ${OUTLET} 的库存` }).waitFor();
    await page.getByTestId('unit-stock-levels').getByRole('row').filter({ hasText: '空闲' }).waitFor();
    await page.getByLabel('按号码或 ICCID 查').fill(lot[1]!);
    await page.getByLabel('按号码或 ICCID 查').press('Enter');
    const movement = page.getByRole('row').filter({ hasText: receiver });
    await movement.getByText('发放', { exact: true }).waitFor();
    expect(await movement.textContent()).toContain(AREA);
    expect(await movement.textContent()).toContain('admin01');

    // The movement's items, in its drawer.
    await movement.getByRole('button', { name: /^查看明细 / }).click();
    const drawer = page.getByRole('dialog');
    for (const n of lot.slice(0, 3)) await drawer.getByText(n).waitFor();
    expect(await drawer.getByText(lot[3]!).count()).toBe(0);
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });

    // Recycled one level up, to the area (the only unit it can go to), with the person handing it back.
    await pickOption(page, '回收');
    const toField = page.locator('.ant-form-item').filter({ has: page.locator('#move-to') });
    await expect.poll(() => toField.textContent()).toContain(AREA);
    await page.getByLabel('领用人 / 回退人').fill(receiver);
    await pickOption(page, '逐个列出');
    await page.getByLabel('号码或 ICCID（每行一个，或用逗号分隔）').fill(lot[2]!);
    await page.getByRole('button', { name: '回收', exact: true }).click();
    await page.getByRole('status').getByText(`已回收 1 个到 ${AREA}`).waitFor();
    await outletNode.getByText(`号码 ${before + 2} ·`).waitFor();
  });

  it("UI-1 RES-3 RES-4: on a number's page an administrator disables it by hand, makes it unused again, reserves it for a customer and cancels that, and changes its selection fee; each change shows in the state and fee records", async () => {
    const msisdn = String(base + 70);
    await stockIn([msisdn]);
    // Found on the numbers screen by its first digits, then opened.
    const page = await signedInAdmin('/admin/numbers');
    await page.getByRole('heading', { name: '号码查询' }).waitFor();
    await page.getByLabel('号码前缀').fill(msisdn);
    await page.getByLabel('号码前缀').press('Enter');
    const listed = page.getByRole('row').filter({ hasText: msisdn });
    await listed.getByText('空闲').waitFor();
    expect(await listed.textContent()).toContain('中心库存');
    await checkScreen(page, 'numbers');
    await listed.getByRole('link', { name: msisdn }).click();
    await page.getByRole('heading', { name: `号码 ${msisdn}` }).waitFor();
    const state = page.getByTestId('number-state');
    await state.getByText('空闲').waitFor();
    await checkScreen(page, 'number');

    // RES-3: unused → disabled by hand, with the reason, then back.
    const setState = async (label: string, reason: string) => {
      await page.getByLabel('目标状态').click();
      await choose(page, label);
      await page.getByLabel('原因').first().fill(reason);
      await page.getByRole('button', { name: '变更', exact: true }).click();
      await state.getByText(label).waitFor();
    };
    await setState('停用', '客户报失 Reported lost');
    const history = page.getByRole('row').filter({ hasText: '客户报失 Reported lost' });
    await history.getByText('空闲').waitFor();
    await history.getByText('停用').waitFor();
    await setState('空闲', '找回 Found again');

    // RES-3: reserved for a customer (until the default two days on), then the reservation cancelled.
    await page.getByLabel('客户姓名').fill('张三');
    await page.getByRole('button', { name: '预定', exact: true }).click();
    await state.getByText('预定').waitFor();
    await page
      .getByText(/为 张三 预定至/)
      .first()
      .waitFor();
    await page.getByRole('button', { name: '取消预定' }).click();
    await state.getByText('空闲').waitFor();

    // RES-4: the fee changed by hand is recorded with before, after and the reason.
    await page.getByLabel('新选号费（元）').fill('88');
    await page.getByLabel('原因').last().fill('靓号调价 Repriced');
    await page.getByRole('button', { name: '调整', exact: true }).click();
    await page.getByTestId('number-fee').getByText('¥88.00').waitFor();
    const feeChange = page
      .getByTestId('fee-changes')
      .getByRole('row')
      .filter({ hasText: '靓号调价 Repriced' });
    await feeChange.getByText('¥88.00').waitFor();
    expect(await feeChange.textContent()).toContain('admin01');
  });

  it('UI-1 RES-4: an administrator adds a selection-fee rule (a bad pattern is refused beside the field), previews what it charges and deactivates it', async () => {
    const id = `T-${Date.now().toString(36).toUpperCase()}`;
    const page = await signedInAdmin('/admin/selection-fee-rules');
    await page.getByRole('heading', { name: '选号费规则' }).waitFor();
    await page.getByRole('row').filter({ hasText: 'FEE-AAAA' }).waitFor();
    await checkScreen(page, 'selection-fee-rules');

    await page.getByRole('button', { name: '新增规则' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('规则编号').fill(id);
    await dialog.getByLabel('名称').fill('旅程规则 Journey rule');
    await dialog.getByLabel('号码模式（正则表达式）').fill('([');
    await dialog.getByLabel('选号费（元）').fill('66');
    await dialog.getByLabel('优先级').fill('9999');
    await dialog.getByRole('button', { name: '保存' }).click();
    // The API's refusal, beside the pattern.
    const patternItem = dialog.locator('.ant-form-item').filter({ has: page.locator('#rule-pattern') });
    await patternItem.locator('.ant-form-item-explain-error').waitFor();
    await dialog.getByLabel('号码模式（正则表达式）').fill('^1989999999[0-9]$');
    await dialog.getByRole('button', { name: '保存' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('row').filter({ hasText: id }).getByText('¥66.00').waitFor();

    await page.getByLabel('号码', { exact: true }).fill('19899999990, 13800100001');
    await page.getByRole('button', { name: '试算' }).click();
    const preview = page.getByTestId('fee-preview');
    const matched = preview.getByRole('row').filter({ hasText: '19899999990' });
    await matched.getByText(id).waitFor();
    expect(await matched.textContent()).toContain('¥66.00');

    // Rules are not deleted: deactivated, it is listed as inactive.
    await page.getByRole('button', { name: `修改规则 ${id}` }).click();
    await dialog.getByLabel('启用').click();
    await dialog.getByRole('button', { name: '保存' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('row').filter({ hasText: id }).getByText('停用').waitFor();
  });

  it('UI-1 RES-3 RES-5: an administrator finds a new SIM card by its ICCID, opens it and sets it aside as damaged with the reason, which its history records', async () => {
    const iccid = `89860${String(Date.now()).slice(-13)}0`;
    const imsi = `46000${String(Date.now()).slice(-10)}`;
    await stockCsv('sims', `iccid,imsi,capacityKb\n${iccid},${imsi},64\n`, 1);
    const page = await signedInAdmin(`/admin/sims?prefix=${iccid}`);
    await page.getByRole('heading', { name: 'SIM 卡查询' }).waitFor();
    const listed = page.getByRole('row').filter({ hasText: iccid });
    await listed.getByText('可用').waitFor();
    expect(await listed.textContent()).toContain(imsi);
    await checkScreen(page, 'sims');

    await listed.getByRole('link', { name: iccid }).click();
    await page.getByRole('heading', { name: `SIM 卡 ${iccid}` }).waitFor();
    const state = page.getByTestId('sim-state');
    await state.getByText('可用').waitFor();
    await checkScreen(page, 'sim');
    await page.getByLabel('目标状态').click();
    await choose(page, '损坏');
    await page.getByLabel('原因').fill('芯片损坏 Chip broken');
    await page.getByRole('button', { name: '变更', exact: true }).click();
    await state.getByText('损坏').waitFor();
    await page.getByRole('row').filter({ hasText: '芯片损坏 Chip broken' }).getByText('可用').waitFor();
  });
});

/** Stocks `lot` in through the API (a one-off CSV) into `holderCode` (none: central stock), to completion. */
async function stockIn(lot: string[], holderCode?: string): Promise<void> {
  await stockCsv('numbers', `number\n${lot.join('\n')}\n`, lot.length, holderCode);
}

/** Uploads a CSV through the API and waits until all its `rows` are stocked. */
async function stockCsv(resourceType: 'numbers' | 'sims', csv: string, rows: number, holderCode?: string) {
  const admin = await apiAs('admin01', STORE);
  const holder = holderCode ? `&holderCode=${holderCode}` : '';
  const upload = await fetch(`${consoleUrl}/api/v1/stock-batches?resourceType=${resourceType}${holder}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${admin.token}`, 'content-type': 'text/csv' },
    body: csv,
  });
  expect(upload.status).toBe(202);
  const { id } = (await upload.json()) as { id: string };
  await expect
    .poll(async () => (await admin.get(`/stock-batches/${id}`)).body, { timeout: 60_000 })
    .toMatchObject({ status: 'completed', acceptedRows: rows });
}

/** Stocks `lot` into Beijing and issues it on to the business area. */
async function stockedAtArea(lot: string[]): Promise<void> {
  await stockIn(lot, 'BJ');
  const admin = await apiAs('admin01', STORE);
  const issued = await admin.post('/resource-movements', {
    direction: 'issue',
    resourceType: 'numbers',
    fromCode: 'BJ',
    toCode: AREA,
    receiver: '旅程 Journey',
    items: { list: lot },
  });
  expect(issued.status, JSON.stringify(issued.body)).toBe(201);
}

/** How many numbers a unit holds now, as the API counts them. */
async function heldNumbers(code: string): Promise<number> {
  const admin = await apiAs('admin01', STORE);
  const unit = (await admin.get(`/org-units/${code}`)).body as { held: { numbers: number } };
  return unit.held.numbers;
}
