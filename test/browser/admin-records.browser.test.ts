import type { Page } from 'playwright-core';
import postgres from 'postgres';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { apiAs, checkDialog, checkScreen, openPage, setLanguage, signIn } from './support/browser';

/**
 * The administrator's records (UI-1): dispatch rules (WO-4), customer categories and the partner blacklist
 * (CUST-1, CUST-2), locks left behind (ORD-5) and the audit log (ORD-4). Everything made here has a unique code
 * that no other journey uses; the dispatch rule is left disabled so that no later work order meets it.
 */
const STORE = 'STORE-BJ-001';
const stamp = Date.now();
const ruleId = `R-UI-${stamp}`;
const territory = `T-${stamp}`;
const categoryCode = `ui${stamp}`;
/** A demo customer no other journey uses. */
const CUSTOMER = 'CUST-SEED-13900100017';
/** A demo line no other journey uses, locked by an order whose workflow is lost. */
const LOCKED_LINE = '13900100017';
const LOST_ORDER = `PreCancel:lost-${stamp}`;

afterAll(async () => {
  // Whatever happened in the journeys: the rule stays disabled and the line unlocked.
  const admin = await apiAs('admin01', STORE);
  await admin.post(`/dispatch-rules/${ruleId}/disable`, undefined);
  await withDatabase(
    (sql) =>
      sql`update subscribers set locked_by = null where msisdn = ${LOCKED_LINE} and locked_by = ${LOST_ORDER}`,
  );
});

async function withDatabase(work: (sql: postgres.Sql) => Promise<unknown>): Promise<void> {
  const sql = postgres(inject('databaseUrl'), { max: 1, onnotice: () => undefined });
  try {
    await work(sql);
  } finally {
    await sql.end();
  }
}

async function adminAt(path: string): Promise<Page> {
  const page = await openPage();
  await signIn(page, 'admin01', STORE);
  await page.goto(path);
  return page;
}

const rowOf = (page: Page, text: string) => page.getByRole('row').filter({ hasText: text });

/** Picks an option of the picker labelled `label` (in the given scope) and waits until its list has closed. */
async function choose(
  page: Page,
  scope: Page | ReturnType<Page['getByRole']>,
  label: string,
  option: string,
) {
  const picker = scope.getByLabel(label, { exact: true });
  await picker.click();
  await page
    .locator('.ant-select-dropdown:visible .ant-select-item-option')
    .filter({ hasText: option })
    .first()
    .click();
  // This picker's own list, not any other (an open suggestion list of another field stays out of it).
  await expect.poll(() => picker.getAttribute('aria-expanded'), { timeout: 10_000 }).not.toBe('true');
}

/** Confirms the open pop-up confirmation (antd Popconfirm). */
async function confirmPopup(page: Page) {
  await page
    .locator('.ant-popconfirm:visible')
    .getByRole('button', { name: /^(确定|OK)$/ })
    .click();
}

describe('UI-1: an administrator keeps the records of the system', () => {
  it('UI-1 WO-4: an administrator adds a dispatch rule (a taken ID refused beside its field), renames it, moves it up and disables it; the list shows each change', async () => {
    const page = await adminAt('/admin/dispatch-rules');
    await page.getByRole('heading', { name: '派工规则' }).waitFor();
    await rowOf(page, 'R-LEAST-LOAD').waitFor();
    await checkScreen(page, 'admin-dispatch-rules');

    const openForm = async () => {
      await page.getByRole('button', { name: /^(新增规则|Add a rule)$/ }).click();
      await page
        .getByRole('dialog')
        .getByLabel(/^(规则编号|Rule ID)$/)
        .waitFor();
    };
    await openForm();
    await checkDialog(page, 'admin-dispatch-rule-form', openForm);
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('规则编号').fill('R-LEAST-LOAD');
    await dialog.getByLabel('名称').fill('界面测试区域 UI territory');
    await dialog.getByLabel('区域').fill(territory);
    await choose(page, dialog, '从哪个网点的人员中选', 'OUT-BJ-HD');
    await dialog.getByRole('button', { name: '保存' }).click();
    // The API's refusal (409 DispatchRuleExists) beside the ID it names.
    await expect
      .poll(() => dialog.locator('.ant-form-item-explain-error').allTextContents())
      .toContain('派工规则编号已存在');
    await dialog.getByLabel('规则编号').fill(ruleId);
    await dialog.getByRole('button', { name: '保存' }).click();
    await dialog.waitFor({ state: 'hidden' });

    const row = rowOf(page, ruleId);
    await expect.poll(() => row.textContent()).toContain(`区域 = ${territory}`);
    expect(await row.textContent()).toContain('按区域派工');
    expect(await row.textContent()).toContain('网点 OUT-BJ-HD 的服务人员');
    expect(await row.textContent()).toContain('启用');
    const orderOf = async () => Number(await row.locator('td').first().textContent());
    const before = await orderOf();
    expect(before).toBe((await page.getByRole('row').count()) - 1);

    await page.getByRole('button', { name: `上移 ${ruleId}` }).click();
    await expect.poll(orderOf).toBe(before - 1);

    // A change keeps the ID and the place in the order.
    await page.getByRole('button', { name: `修改 ${ruleId}` }).click();
    await expect.poll(() => dialog.getByLabel('规则编号').inputValue()).toBe(ruleId);
    await dialog.getByLabel('名称').fill('界面测试区域（已改名） UI territory renamed');
    await dialog.getByRole('button', { name: '保存' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(() => row.textContent()).toContain('已改名');
    expect(await orderOf()).toBe(before - 1);

    await page.getByRole('button', { name: `停用 ${ruleId}` }).click();
    await confirmPopup(page);
    await expect.poll(() => row.locator('.ant-tag').last().textContent()).toBe('停用');
    await setLanguage(page, 'en');
    await expect.poll(() => row.textContent()).toContain('Disabled');
    expect(await row.textContent()).toContain(`Territory = ${territory}`);
  });

  it('UI-1 CUST-1: an administrator adds a customer category (a taken code refused beside its field), assigns it to a customer and ends it', async () => {
    const page = await adminAt('/admin/customer-categories');
    await rowOf(page, 'blacklist').first().waitFor();
    await checkScreen(page, 'admin-customer-categories');
    // Categories are never deleted (CUST-1): no delete is offered, the rule is stated.
    await page
      .getByText(/类别不能删除/)
      .first()
      .waitFor();
    expect(await page.getByRole('button', { name: /删除/ }).count()).toBe(0);

    await page.getByRole('button', { name: '新增类别' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('类别编码').fill('vip');
    await dialog.getByLabel('中文名称').fill('界面测试');
    await dialog.getByLabel('英文名称').fill('UI test');
    await dialog.getByLabel('说明').fill('浏览器测试创建 made by the browser journey');
    await dialog.getByRole('button', { name: '保存' }).click();
    await expect
      .poll(() => dialog.locator('.ant-form-item-explain-error').allTextContents())
      .toContain('客户类别编码已存在');
    await dialog.getByLabel('类别编码').fill(categoryCode);
    await dialog.getByRole('button', { name: '保存' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(() => rowOf(page, categoryCode).textContent()).toContain('无自动作用');

    await page.getByLabel('客户编号').fill(CUSTOMER);
    await page.getByRole('button', { name: '查询' }).click();
    await expect.poll(() => page.url()).toContain(`customer=${CUSTOMER}`);
    const assignForm = page.getByRole('form', { name: '设置类别' });
    await choose(page, assignForm, '类别', categoryCode);
    await assignForm.getByLabel('备注').fill('界面测试');
    await assignForm.getByRole('button', { name: '设置类别' }).click();
    const assignment = page
      .getByRole('region', { name: `${CUSTOMER} 的类别` })
      .getByRole('row')
      .filter({ hasText: categoryCode });
    await expect.poll(() => assignment.textContent()).toContain('有效');
    await checkScreen(page, 'admin-customer-categories-customer');

    await page.getByRole('button', { name: `终止 ${categoryCode}` }).click();
    await confirmPopup(page);
    await expect.poll(() => assignment.textContent()).toContain('终止 · admin01');
  });

  it('UI-1 CUST-2: an administrator records a partner’s blacklisting and reads it in the list', async () => {
    const page = await adminAt('/admin/partner-blacklist');
    await page.getByRole('heading', { name: '合作方黑名单' }).waitFor();
    await checkScreen(page, 'admin-partner-blacklist');
    const idNumber = `P${stamp}`;
    await choose(page, page, '证件类型', '护照');
    await page.getByLabel('证件号码').fill(idNumber);
    await page.getByLabel('合作方').fill('某银行 Example Bank');
    await page.getByLabel('原因').fill('信用卡欺诈 card fraud (browser journey)');
    await page.getByRole('button', { name: '登记', exact: true }).click();
    await expect.poll(() => rowOf(page, idNumber).textContent()).toContain('护照');
  });

  it('UI-1 ORD-5: an administrator sees a lock left behind by a lost order and releases it with a reason', async () => {
    await withDatabase(
      (sql) => sql`update subscribers set locked_by = ${LOST_ORDER} where msisdn = ${LOCKED_LINE}`,
    );
    const page = await adminAt('/admin/locks');
    const row = rowOf(page, LOCKED_LINE);
    await expect.poll(() => row.textContent()).toContain('流程不存在');
    expect(await row.textContent()).toContain('遗留占用');
    expect(await row.getByRole('link', { name: LOST_ORDER }).getAttribute('href')).toBe(
      `/orders/${encodeURIComponent(LOST_ORDER)}`,
    );
    await checkScreen(page, 'admin-locks');

    await page.getByRole('button', { name: `释放 ${LOCKED_LINE}` }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: '确认释放' }).click();
    await expect.poll(() => dialog.locator('.ant-form-item-explain-error').count()).toBe(1);
    await dialog.getByLabel('释放原因').fill('流程在集群迁移中丢失 workflow lost in a migration');
    await dialog.getByRole('button', { name: '确认释放' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(() => row.count()).toBe(0);
    // With no other lock held the list says so; journeys before may leave running orders holding lines.
    const others = await page
      .getByRole('row')
      .filter({ has: page.getByRole('link') })
      .count();
    if (others === 0) await page.getByText('没有被占用的号码或集团产品').waitFor();
  });

  it('UI-1 ORD-4: an administrator filters the audit log by operator and action and reads the rule creation', async () => {
    const page = await adminAt('/admin/audit');
    await page.getByRole('heading', { name: '审计日志' }).waitFor();
    await page.getByLabel('工号').fill('admin01');
    await page.getByLabel('操作', { exact: true }).fill('/api/v1/dispatch-rules');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: '查询' }).click();
    await expect.poll(() => page.url()).toContain('operator=admin01');
    expect(decodeURIComponent(page.url())).toContain('route=/api/v1/dispatch-rules');

    const created = rowOf(page, ruleId).filter({ hasText: '新增派工规则' });
    await expect.poll(() => created.textContent()).toContain('成功');
    // The refused attempt with a taken ID is there too, with its code.
    const refused = rowOf(page, 'DispatchRuleExists');
    expect(await refused.first().textContent()).toContain('被拒绝');
    await created.getByRole('button', { name: /展开行|Expand row/ }).click();
    const details = page.locator('.ant-table-expanded-row').first();
    await expect.poll(() => details.textContent()).toContain('请求编号');
    expect(await details.textContent()).toContain(STORE);
    await checkScreen(page, 'admin-audit');

    // Everything done to the rule (its ID as the target), then only its disabling, by the route the entry names.
    await page.getByLabel('操作', { exact: true }).fill('');
    await page.keyboard.press('Escape');
    await page.getByLabel('操作对象').fill(ruleId);
    await page.getByRole('button', { name: '查询' }).click();
    await expect.poll(() => page.url()).toContain(`target=${ruleId}`);
    const disabled = rowOf(page, '停用派工规则');
    await disabled.getByRole('button', { name: '只看 /api/v1/dispatch-rules/:id/disable' }).click();
    await expect
      .poll(() => decodeURIComponent(page.url()))
      .toContain('route=/api/v1/dispatch-rules/:id/disable');
    await expect.poll(() => page.getByRole('row').count()).toBe(2);
    expect(await rowOf(page, ruleId).textContent()).toContain('成功');
  });
});
