import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { closePopup, openDrawer, pickSelect, tickCascader, walkCascader } from '../support/antd.ts';
import { launchBrowser, login, logout } from '../support/browser.ts';
import { brandAdmin, existingOutlet, PASSWORD } from '../support/fixtures.ts';
import { startServer, type TestServer } from '../support/server.ts';
import { screenshotOnFailure } from '../support/steps.ts';

/**
 * A brand admin creates an outlet (division and coverage picked in the cascaders) and its manager;
 * the manager then sees that outlet and no other outlet of the brand.
 */
const tag = Date.now().toString(36).toUpperCase();
const outletName = `朝阳测试网点${tag}`;
const managerName = `e2e.manager.${tag.toLowerCase()}`;

let server: TestServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const step = <T>(name: string, fn: () => Promise<T>) => screenshotOnFailure('outlet-isolation', name, page, fn);

test('an outlet manager sees only their own outlet', async () => {
  const admin = await brandAdmin(server.running);
  const other = await existingOutlet(server.running, admin.brandId, tag);
  const base = server.url;

  await step('login-admin', () => login(page, base, admin.username, PASSWORD));

  await step('create-outlet', async () => {
    await page.goto(base + '/network/outlets');
    await page.getByTestId('outlet-create').click();
    const form = openDrawer(page);
    await form.locator('#code').fill(`E2E-${tag}`);
    await form.locator('#name').fill(outletName);
    // Where the outlet is: 北京市 › 市辖区 › 朝阳区, through the lazily loaded cascader.
    await form.getByTestId('division-cascader').click();
    await walkCascader(page, ['北京市', '市辖区', '朝阳区']);
    await closePopup(page);
    await expect.poll(() => form.getByTestId('division-cascader').textContent()).toContain('朝阳区');
    await form.locator('#address').fill('北京市朝阳区建国路 88 号');
    // What it covers: 朝阳区 and 东城区, ticked in the multiple cascader.
    await form.getByTestId('division-multi').click();
    await walkCascader(page, ['北京市', '市辖区']);
    await tickCascader(page, 2, '朝阳区');
    await tickCascader(page, 2, '东城区');
    await closePopup(page);
    await form.getByTestId('form-drawer-submit').click();
    await page.locator('.ant-message-success').waitFor();
  });

  const created = await server.running.ctx.db
    .selectFrom('outlets')
    .select(['id', 'division_code'])
    .where('code', '=', `E2E-${tag}`)
    .executeTakeFirstOrThrow();
  expect(created.division_code).toBe('110105');
  const coverage = await server.running.ctx.db
    .selectFrom('outlet_coverage')
    .select('division_code')
    .where('outlet_id', '=', created.id)
    .execute();
  expect(coverage.map((c) => c.division_code).sort()).toEqual(['110101', '110105']);

  await step('create-manager', async () => {
    await page.goto(base + '/system/users');
    await page.getByTestId('user-create').click();
    const form = openDrawer(page);
    await form.locator('#username').fill(managerName);
    await form.locator('#displayName').fill('朝阳网点负责人');
    await form.locator('#password').fill(PASSWORD);
    // The role defaults to 网点负责人; the outlet is found by name.
    await pickSelect(page, form.locator('.ant-select').filter({ has: page.locator('#outletId') }), outletName, tag);
    await form.getByTestId('form-drawer-submit').click();
    await page.locator('.ant-message-success').waitFor();
  });

  await step('logout', () => logout(page));
  await step('login-manager', () => login(page, base, managerName, PASSWORD));

  await step('own-outlets-only', async () => {
    await page.goto(base + '/network/outlets');
    const rows = page.getByTestId('outlets-page').locator('.ant-table-row');
    await rows.first().waitFor();
    await expect.poll(() => rows.count()).toBe(1);
    await expect.poll(() => rows.first().textContent()).toContain(outletName);
    const text = (await page.getByTestId('outlets-page').textContent()) ?? '';
    expect(text).not.toContain(other.name);
    // Searching for the other outlet by name finds nothing either.
    await page.getByTestId('outlets-page').getByRole('search').locator('input').first().fill(other.name);
    await page.keyboard.press('Enter');
    await page.getByTestId('outlets-page').locator('.ant-empty').waitFor();
  });
});
