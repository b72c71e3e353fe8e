import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { apiAs, checkScreen, openPage, setLanguage, signIn } from './support/browser';

/**
 * The service staff's console (UI-1, WO-4, WO-5): the grab pool raced by two colleagues of one outlet, the
 * appointment booked and changed with its history, the work started and completed, and what service staff
 * may not see. Work orders are made through the API by the dispatcher, without outlet, territory or skill so
 * that no dispatch rule picks anyone: they wait in the pool.
 */

const STORE = 'STORE-BJ-001';
/** The two Xidan technicians of the demo data (db/seed-work-orders.ts). */
const staffNames = { tech01: '周强 Zhou Qiang', tech02: '吴刚 Wu Gang' } as const;
const JOURNEY_TIMEOUT_MS = 240_000;
/** How long a screen may take to show what the system did (it refreshes by itself; the pool every 10 s). */
const eventually = { timeout: 20_000, interval: 250 };

/** A title no other journey uses, to find this journey's work order in shared lists. */
const uniqueTitle = (prefix: string) =>
  `${prefix} ${Date.now().toString(36)}${Math.floor(Math.random() * 1000)}`;

/** A P3 work order accepted by dispatch01 that waits in the grab pool; answers its ID. */
async function pooledWorkOrder(title: string): Promise<string> {
  const desk = await apiAs('dispatch01', STORE);
  const created = await desk.post(
    '/work-orders',
    {
      category: 'broadbandRepair',
      priority: 'P3',
      title,
      description: '光猫指示灯闪红，无法上网',
      customer: { name: '测试客户', msisdn: '13900100005', address: '北京市西城区西单北大街 1 号' },
    },
    { 'idempotency-key': `field-${Date.now().toString(36)}-${Math.floor(Math.random() * 1e6)}` },
  );
  expect(created.status, JSON.stringify(created.body)).toBe(202);
  const { id } = created.body as { id: string };
  const accepted = await desk.post(`/work-orders/${encodeURIComponent(id)}/steps`, { action: 'accept' });
  expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
  // The pool is read from the list: wait until the list has it as accepted.
  await expect
    .poll(
      async () => {
        const list = await desk.get(`/work-orders?status=accepted&limit=200`);
        return (list.body as { items: { id: string }[] }).items.some((item) => item.id === id);
      },
      { timeout: 30_000, interval: 250 },
    )
    .toBe(true);
  return id;
}

/** A day a little ahead in the console's time zone (the browser runs in Asia/Shanghai), as YYYY-MM-DD. */
function dayAhead(days: number): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(
    new Date(Date.now() + days * 86_400_000),
  );
}

/** Types a date and time into an antd date-time picker by its label and confirms it with the panel's OK. */
async function pickTime(page: Page, label: string, value: string) {
  const input = page.getByLabel(label, { exact: true });
  await input.click();
  await input.fill(value);
  // Enter would confirm and submit the form; the panel's 确定 only confirms the time.
  await page.locator('.ant-picker-dropdown:visible .ant-picker-ok button').click();
  await expect.poll(() => input.inputValue(), eventually).toBe(value);
}

async function statusOf(page: Page): Promise<string> {
  return (await page.getByTestId('work-order-status').textContent()) ?? '';
}

/** The grab pool's row of this work order, once the pool shows it. */
async function poolRow(page: Page, title: string) {
  await page.getByRole('menuitem', { name: '抢单池' }).click();
  const row = page.getByRole('row').filter({ hasText: title });
  await row.waitFor({ timeout: 30_000 });
  return row;
}

describe('service staff: grab pool, appointments and the work (UI-1, WO-4, WO-5)', () => {
  it(
    'UI-1 WO-4 WO-5: two staff of one outlet grab the same work order at once — exactly one wins, the other sees who; the winner books and changes the appointment with its history, starts and completes',
    async () => {
      const title = uniqueTitle('抢单测试');
      const id = await pooledWorkOrder(title);

      // Two colleagues of OUT-BJ-XD, each in a browser of their own, open the pool.
      const first = await openPage('/sign-in');
      const second = await openPage('/sign-in');
      await signIn(first, 'tech01', STORE);
      await signIn(second, 'tech02', STORE);
      const firstRow = await poolRow(first, title);
      const secondRow = await poolRow(second, title);
      await checkScreen(first, 'grab-pool');

      // Both press 抢单 at the same moment.
      await Promise.all([
        firstRow.getByRole('button', { name: '抢单' }).click(),
        secondRow.getByRole('button', { name: '抢单' }).click(),
      ]);
      const outcome = async (page: Page) => {
        const won = page.getByTestId('grab-won');
        await won.or(page.getByTestId('grab-lost')).first().waitFor({ timeout: 30_000 });
        return (await won.count()) > 0 ? 'won' : 'lost';
      };
      const outcomes = await Promise.all([outcome(first), outcome(second)]);
      expect([...outcomes].sort()).toEqual(['lost', 'won']);
      const [winnerPage, loserPage] = outcomes[0] === 'won' ? [first, second] : [second, first];
      const winner: keyof typeof staffNames = outcomes[0] === 'won' ? 'tech01' : 'tech02';

      // The winner is on the work order, dispatched to them; the loser is told plainly who got it.
      await winnerPage.waitForURL((url) => decodeURIComponent(url.pathname) === `/work-orders/${id}`);
      expect(await winnerPage.getByTestId('grab-won').textContent()).toContain(id);
      await expect.poll(() => statusOf(winnerPage), eventually).toContain('已派工');
      expect(await winnerPage.getByTestId('work-order-assignee').textContent()).toBe(winner);
      const lost = (await loserPage.getByTestId('grab-lost').textContent()) ?? '';
      expect(lost).toContain(`工单 ${id} 已被 ${staffNames[winner]} (${winner}) 抢走`);
      await setLanguage(loserPage, 'en');
      await expect
        .poll(() => loserPage.getByTestId('grab-lost').textContent(), eventually)
        .toContain(`Too late: work order ${id} was grabbed by ${staffNames[winner]} (${winner}).`);
      // …and the pool, read again, no longer offers it.
      await expect
        .poll(() => loserPage.getByRole('row').filter({ hasText: title }).count(), eventually)
        .toBe(0);

      // WO-5: the winner books the appointment, then moves it with a reason.
      const day = dayAhead(2);
      await pickTime(winnerPage, '预约时间', `${day} 10:00`);
      await winnerPage.getByLabel('备注（可选）').fill('客户要求上午');
      await winnerPage.getByRole('button', { name: '预约', exact: true }).click();
      await expect
        .poll(() => winnerPage.getByTestId('current-appointment').textContent(), eventually)
        .toContain(`${day} 10:00`);
      await pickTime(winnerPage, '新的预约时间', `${day} 15:30`);
      await winnerPage.getByLabel('改约原因', { exact: true }).fill('客户上午临时外出');
      await winnerPage.getByRole('button', { name: '改约', exact: true }).click();
      await expect
        .poll(() => winnerPage.getByTestId('current-appointment').textContent(), eventually)
        .toContain(`${day} 15:30`);
      // The history shows both: booked (→ 10:00, with the note) and changed 10:00 → 15:30 with the reason.
      const history = winnerPage.getByTestId('appointment-history');
      const changed = history.getByRole('row').filter({ hasText: '客户上午临时外出' });
      await changed.waitFor();
      expect(await changed.textContent()).toContain(`${day} 10:00 → ${day} 15:30`);
      expect(await changed.textContent()).toContain(winner);
      const booked = history.getByRole('row').filter({ hasText: '客户要求上午' });
      expect(await booked.textContent()).toContain(`${day} 10:00`);
      await expect
        .poll(() => winnerPage.getByTestId('work-order-appointment').textContent(), eventually)
        .toBe(`${day} 15:30`);
      await checkScreen(winnerPage, 'work-order-staff');

      // My work orders lists it as open with the appointment; its link opens it again.
      await winnerPage.getByRole('menuitem', { name: '我的工单' }).click();
      const mine = winnerPage.getByRole('row').filter({ hasText: title });
      await mine.waitFor();
      await expect.poll(() => mine.textContent(), eventually).toContain(`${day} 15:30`);
      expect(await mine.textContent()).toContain('已派工');
      await checkScreen(winnerPage, 'my-work-orders');
      await mine.getByRole('link', { name: id }).click();

      // Start and complete.
      await winnerPage.getByRole('button', { name: '开始服务', exact: true }).click();
      await expect.poll(() => statusOf(winnerPage), eventually).toContain('服务中');
      // Completing without saying what was done is refused beside the field.
      await winnerPage.getByRole('button', { name: '完成服务', exact: true }).click();
      await winnerPage.getByText('请填写处理说明').waitFor();
      await winnerPage.getByLabel('处理说明', { exact: true }).fill('更换光猫，网络恢复');
      await winnerPage.getByRole('button', { name: '完成服务', exact: true }).click();
      await expect.poll(() => statusOf(winnerPage), eventually).toContain('已完成');
      await winnerPage.getByText('已解决 · 更换光猫，网络恢复').waitFor();

      // Done: listed under 已办结, no longer under 在办.
      await winnerPage.getByRole('menuitem', { name: '我的工单' }).click();
      await winnerPage.getByText('已办结（已完成、已关闭）').click();
      await expect.poll(() => winnerPage.url(), eventually).toContain('view=done');
      await winnerPage.getByRole('row').filter({ hasText: title }).waitFor();
    },
    JOURNEY_TIMEOUT_MS,
  );

  it(
    'UI-1 WO-4: service staff see no dispatcher actions on a work order, only the holder has steps, and the dispatch board is not theirs',
    async () => {
      const title = uniqueTitle('无调度权限');
      const id = await pooledWorkOrder(title);
      const tech01 = await apiAs('tech01', STORE);
      const grabbed = await tech01.post(`/work-orders/${encodeURIComponent(id)}/steps`, { action: 'grab' });
      expect(grabbed.status, JSON.stringify(grabbed.body)).toBe(200);

      const page = await openPage('/sign-in');
      await signIn(page, 'tech02', STORE);
      await page.goto(`/work-orders/${encodeURIComponent(id)}`);
      await expect.poll(() => statusOf(page), eventually).toContain('已派工');
      // Not theirs: told who holds it, with nothing to do; no desk step is offered at all.
      expect(await page.getByTestId('staff-nothing-to-do').textContent()).toContain('此工单由 tech01 负责');
      for (const step of ['受理', '不予受理', '分配网点', '派工', '重新派工', '关闭', '取消工单']) {
        expect(await page.getByRole('button', { name: step, exact: true }).count(), step).toBe(0);
      }
      expect(await page.getByRole('button', { name: '开始服务', exact: true }).count()).toBe(0);
      expect(await page.getByRole('button', { name: '预约', exact: true }).count()).toBe(0);

      // The dispatch board, typed in: not allowed.
      await page.goto('/work-orders');
      await page.getByRole('heading', { name: '无权访问' }).waitFor();
    },
    JOURNEY_TIMEOUT_MS,
  );
});
