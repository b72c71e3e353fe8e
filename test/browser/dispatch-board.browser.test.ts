import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { apiAs, checkDialog, checkScreen, openPage, signIn } from './support/browser';

/**
 * The dispatcher board (调度台, UI-1): a dispatcher finds a waiting work order, accepts it (WO-2), previews and
 * assigns an outlet that dispatches it by rule (WO-3, WO-4), re-dispatches it with a reason, and reads each step
 * on the work order's timeline; a selection is accepted at once with each row's outcome; an explicit dispatch by
 * a rule an administrator has just added.
 */
const STORE = 'STORE-BJ-001';
const XIDAN = 'OUT-BJ-XD';
const XIDAN_STAFF = { tech01: '周强 Zhou Qiang', tech02: '吴刚 Wu Gang' } as const;
type XidanTech = keyof typeof XIDAN_STAFF;

/** Work orders the journeys made, cancelled at the end so the technicians' loads are as they were. */
const made: string[] = [];

afterAll(async () => {
  const dispatcher = await apiAs('dispatch01', STORE);
  for (const id of made) {
    await dispatcher.post(`/work-orders/${id}/steps`, { action: 'cancel', reason: 'browser journey done' });
  }
});

/**
 * A P3 work order with no outlet, territory or skill (so no rule dispatches it and it waits), made through the
 * API and waited for in the board's list; answers its ID.
 */
async function waitingWorkOrder(title: string, extra: Record<string, unknown> = {}): Promise<string> {
  const dispatcher = await apiAs('dispatch01', STORE);
  const res = await dispatcher.post(
    '/work-orders',
    {
      category: 'broadbandRepair',
      priority: 'P3',
      title,
      description: 'The broadband drops every few minutes since yesterday.',
      customer: { name: '李四 Li Si', msisdn: '13800100002', address: '北京市西城区西单北大街 100 号' },
      ...extra,
    },
    { 'idempotency-key': `board-${Date.now().toString(36)}-${Math.floor(Math.random() * 1e6)}` },
  );
  expect(res.status, JSON.stringify(res.body)).toBe(202);
  const { id } = res.body as { id: string };
  made.push(id);
  await expect
    .poll(async () => JSON.stringify((await dispatcher.get('/work-orders?sort=newest&limit=200')).body), {
      timeout: 30_000,
    })
    .toContain(id);
  return id;
}

/** The board, newest first (chosen in the order picker, as a dispatcher looking for a new work order would). */
async function boardNewestFirst(page: Page) {
  await page.getByRole('heading', { name: '调度台' }).waitFor();
  await page.getByLabel('排序', { exact: true }).click();
  await choose(page, '最新创建');
  await expect.poll(() => page.url()).toContain('sort=newest');
}

/** Picks an option of the open picker and waits until its list has closed. */
async function choose(page: Page, option: string) {
  await page.locator('.ant-select-item-option').filter({ hasText: option }).click();
  await expect.poll(() => page.locator('.ant-select-dropdown:visible').count()).toBe(0);
}

const rowOf = (page: Page, id: string) => page.getByRole('row').filter({ hasText: id });

/** Starts a desk step from a row's action menu (`step`: its name, or a pattern for both languages). */
async function rowStep(page: Page, id: string, step: string | RegExp) {
  await rowOf(page, id)
    .getByRole('button', { name: /^(调度操作|Desk actions) / })
    .click();
  await page.getByRole('menuitem', { name: step, exact: true }).click();
  return page.getByRole('dialog');
}

describe('UI-1: the dispatcher board', () => {
  it('UI-1 WO-2 WO-3 WO-4: a dispatcher accepts a waiting work order, assigns outlet OUT-BJ-XD after its preview (dispatched by rule R-LEAST-LOAD), re-dispatches it with a reason, and the timeline shows each step', async () => {
    const title = `派工旅程 Dispatch journey ${Date.now()}`;
    const id = await waitingWorkOrder(title);
    const page = await openPage('/sign-in');
    await signIn(page, 'dispatch01', STORE);
    await boardNewestFirst(page);
    const row = rowOf(page, id);
    await row.getByText('新建').waitFor();
    // A new P3 work order: its response target counts down.
    expect(await row.getByTestId('due').textContent()).toMatch(/响应 .*后到期/);
    await checkScreen(page, 'dispatch-board');

    // WO-2: accept.
    const accept = await rowStep(page, id, '受理');
    await accept.getByRole('button', { name: '受理', exact: true }).click();
    const results = page.getByTestId('step-results');
    await results.getByTestId(`step-result-${id}`).getByText('成功').waitFor();
    await results.getByText('现为 已受理').waitFor();
    await row.getByText('已受理').waitFor();

    // WO-3 + WO-4: the preview of assigning Xidan names the rule and the technician it would pick.
    const assign = page.getByRole('dialog');
    const decision = assign.getByTestId('dispatch-decision');
    const previewAssigning = async () => {
      await rowStep(page, id, /^(分配网点|Assign outlet)$/);
      await assign.getByLabel(/^(分配到网点|Outlet to assign)$/).click();
      await choose(page, XIDAN);
      await expect.poll(() => decision.textContent(), { timeout: 15_000 }).toContain('R-LEAST-LOAD');
    };
    await previewAssigning();
    const picked = /tech0[12]/.exec((await decision.textContent()) ?? '')?.[0] as XidanTech | undefined;
    expect(picked, 'the preview picks a Xidan technician').toBeDefined();
    await checkDialog(page, 'dispatch-board-assign-outlet-preview', previewAssigning);
    await assign.getByRole('button', { name: '分配网点' }).click();
    await results.getByTestId(`step-result-${id}`).getByText('成功').waitFor();

    // The work order page: dispatched by the rule (the system's step), then re-dispatched with a reason.
    await row.getByRole('link', { name: id }).click();
    const timeline = page.getByTestId('work-order-timeline');
    const dispatched = timeline.getByTestId('timeline-dispatch');
    await dispatched.waitFor({ timeout: 30_000 });
    expect(await dispatched.textContent()).toContain('R-LEAST-LOAD');
    expect(await dispatched.textContent()).toContain('系统');
    expect(await dispatched.textContent()).toContain(picked);
    await expect.poll(() => page.getByTestId('work-order-status').textContent()).toBe('已派工');

    const other: XidanTech = picked === 'tech01' ? 'tech02' : 'tech01';
    const reason = '客户要求换人 The customer asked for someone else';
    await page.getByRole('button', { name: '重新派工' }).click();
    const redispatch = page.getByRole('dialog');
    await redispatch.getByLabel(`选择 ${XIDAN_STAFF[other]} ${other}`).check();
    await redispatch.getByLabel('原因').fill(reason);
    await redispatch.getByRole('button', { name: '重新派工' }).click();
    const redispatched = timeline.getByTestId('timeline-redispatch');
    await redispatched.waitFor();
    expect(await redispatched.textContent()).toContain(reason);
    expect(await redispatched.textContent()).toContain(`${picked} → ${other}`);
    await expect.poll(() => page.getByTestId('work-order-assignee').textContent()).toBe(other);

    // Each step on the timeline, in the order taken.
    expect(await timeline.getByTestId('timeline-accept').textContent()).toContain('dispatch01');
    expect(await timeline.getByTestId('timeline-assignOutlet').textContent()).toContain(XIDAN);
    const steps = await timeline
      .locator('[data-testid^="timeline-"]')
      .evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-testid')));
    expect(steps).toEqual([
      'timeline-create',
      'timeline-accept',
      // Accepted with no outlet, territory or skill: no rule matched, so it waited for the desk.
      'timeline-noDispatchRule',
      'timeline-assignOutlet',
      'timeline-dispatch',
      'timeline-redispatch',
    ]);
  });

  it('UI-1 WO-2 WO-4: two waiting work orders are accepted at once, a third already accepted is refused with its reason, and the dispatch dialog previews the rules and lists an outlet’s staff', async () => {
    const stamp = Date.now();
    const first = await waitingWorkOrder(`批量受理一 Batch one ${stamp}`);
    const second = await waitingWorkOrder(`批量受理二 Batch two ${stamp}`);
    const already = await waitingWorkOrder(`已受理 Accepted before ${stamp}`);
    const dispatcher = await apiAs('dispatch01', STORE);
    expect((await dispatcher.post(`/work-orders/${already}/steps`, { action: 'accept' })).status).toBe(200);

    const page = await openPage('/sign-in');
    await signIn(page, 'dispatch01', STORE);
    await boardNewestFirst(page);
    for (const id of [first, second, already]) {
      await page.getByLabel(`选择工单 ${id}`).check();
    }
    const selection = page.getByTestId('selection-actions');
    await selection.getByText('已选 3 条工单').waitFor();
    await selection.getByRole('button', { name: '受理', exact: true }).click();
    await page.getByRole('dialog').getByRole('button', { name: '受理', exact: true }).click();

    const results = page.getByTestId('step-results');
    await results.getByText('2 张成功，1 张被拒绝').waitFor();
    for (const id of [first, second]) {
      await results.getByTestId(`step-result-${id}`).getByText('现为 已受理').waitFor();
    }
    const refused = results.getByTestId(`step-result-${already}`);
    await refused.getByText('被拒绝').waitFor();
    expect(await refused.textContent()).toContain('IllegalWorkOrderStep');
    await rowOf(page, first).getByText('已受理').waitFor();

    // WO-4: the dispatch dialog of a waiting work order: no rule picks anyone yet; an outlet's staff to choose from.
    const dialog = page.getByRole('dialog');
    const openDispatch = async () => {
      await rowStep(page, first, /^(派工|Dispatch)$/);
      await dialog
        .getByTestId('dispatch-decision')
        .getByText(/没有规则能选出服务人员|No rule picks anyone/)
        .waitFor();
      await dialog.getByLabel(/^(从哪个网点选人|Outlet to pick from)$/).click();
      await choose(page, XIDAN);
      await dialog.getByLabel(new RegExp(`^(选择|Choose) ${XIDAN_STAFF.tech02} tech02$`)).waitFor();
    };
    await openDispatch();
    await checkDialog(page, 'dispatch-board-dispatch-dialog', openDispatch);
    await dialog.getByLabel(`选择 ${XIDAN_STAFF.tech02} tech02`).check();
    await dialog.getByRole('button', { name: '派给所选人员' }).click();
    await results.getByTestId(`step-result-${first}`).getByText('现为 已派工').waitFor();
    expect(await results.getByTestId(`step-result-${first}`).textContent()).toContain('tech02');
  });

  it('UI-1 WO-4: after an administrator adds a rule for a territory, a dispatcher dispatches a waiting work order of that territory by rule, as the preview said', async () => {
    const territory = `T${Date.now().toString(36)}`;
    const id = await waitingWorkOrder(`按规则派工 By rule ${territory}`, { territory });
    const dispatcher = await apiAs('dispatch01', STORE);
    expect((await dispatcher.post(`/work-orders/${id}/steps`, { action: 'accept' })).status).toBe(200);
    const admin = await apiAs('admin01', STORE);
    const ruleId = `R-BOARD-${territory.toUpperCase()}`;
    const rule = await admin.post('/dispatch-rules', {
      id: ruleId,
      name: `浏览器旅程规则 Journey rule ${territory}`,
      kind: 'territory',
      match: { territory },
      target: { outletCode: 'OUT-BJ-HD' },
    });
    expect(rule.status, JSON.stringify(rule.body)).toBe(201);
    try {
      const page = await openPage('/sign-in');
      await signIn(page, 'dispatch01', STORE);
      await page.goto(`/work-orders/${id}`);
      await page.getByTestId('work-order-status').getByText('已受理').waitFor();
      await page.getByRole('button', { name: '按规则派工' }).click();
      const dialog = page.getByRole('dialog');
      const decision = dialog.getByTestId('dispatch-decision');
      await expect.poll(() => decision.textContent(), { timeout: 15_000 }).toContain(ruleId);
      expect(await decision.textContent()).toContain('tech05');
      await dialog.getByRole('button', { name: '按规则派工' }).click();
      const dispatched = page.getByTestId('work-order-timeline').getByTestId('timeline-dispatch');
      await dispatched.waitFor();
      expect(await dispatched.textContent()).toContain(ruleId);
      expect(await dispatched.textContent()).toContain('tech05');
      await expect.poll(() => page.getByTestId('work-order-status').textContent()).toBe('已派工');
    } finally {
      await admin.post(`/dispatch-rules/${ruleId}/disable`, {});
    }
  });
});
