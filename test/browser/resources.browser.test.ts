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
    await page.getByLabel('结果').click();
    await choose(page, '已拒绝');
    await page.getByText('共 1 行').waitFor();
    expect(await page.getByRole('row').filter({ hasText: numbers[0] }).count()).toBe(0);
  });

  it("UI-1 RES-2: an administrator issues three numbers from the business area to outlet BJ-XC-JR with the receiver and sees the outlet's count move and the movement in its history", async () => {
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
  });
});

/** Stocks `lot` into Beijing (a one-off CSV through the API) and issues it on to the business area. */
async function stockedAtArea(lot: string[]): Promise<void> {
  const admin = await apiAs('admin01', STORE);
  const upload = await fetch(`${consoleUrl}/api/v1/stock-batches?resourceType=numbers&holderCode=BJ`, {
    method: 'POST',
    headers: { authorization: `Bearer ${admin.token}`, 'content-type': 'text/csv' },
    body: `number\n${lot.join('\n')}\n`,
  });
  expect(upload.status).toBe(202);
  const { id } = (await upload.json()) as { id: string };
  await expect
    .poll(async () => (await admin.get(`/stock-batches/${id}`)).body, { timeout: 60_000 })
    .toMatchObject({ status: 'completed', acceptedRows: lot.length });
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
