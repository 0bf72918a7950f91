import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { launchBrowser, login } from '../support/browser.ts';
import { PASSWORD } from '../support/fixtures.ts';
import { type Hero, heroOutlet } from '../support/orders.ts';
import { startServer, type TestServer } from '../support/server.ts';
import { screenshotOnFailure } from '../support/steps.ts';

/**
 * The SLA promises (section G) on the demo data, in two browsers: AUX's service manager sees the
 * breached promises on the at-risk board and opens a late order's milestones with their explanation;
 * the hero outlet's manager appeals one of its assessment slips with a text and an evidence link; the
 * service manager rejects the appeal with a note and the slip is confirmed; the reports page draws the
 * resolution chart and its Excel export downloads.
 *
 * The slips come from the worker's breach sweep, as in production: this journey's server runs the
 * worker in the process (`role: 'all'`), and the demo's past-clock orders are breached as it starts.
 * Nothing other journeys rely on changes: each journey has its own server and database.
 */
const DESKTOP = { viewport: { width: 1440, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' };
const APPEAL = '用户当天临时外出，上门前已电话联系三次未接通，超时非网点原因';
const EVIDENCE = 'https://evidence.example.com/calls/record-0001.png';
const REVIEW_NOTE = '通话记录显示仅联系一次，申诉理由不成立';

let server: TestServer;
let browser: Browser;
/** Milliseconds per step, printed at the end. */
const timings: string[] = [];

beforeAll(async () => {
  server = await startServer({ role: 'all' });
  browser = await launchBrowser();
});

afterAll(async () => {
  console.info(`sla-promises steps (ms): ${timings.join(', ')}`);
  await browser?.close();
  await server?.stop();
});

async function newPage(): Promise<Page> {
  const context = await browser.newContext(DESKTOP);
  return context.newPage();
}

/** Runs a step; on failure leaves a screenshot of the page in e2e/.artifacts/ and fails as before. */
async function step<T>(name: string, page: Page, fn: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const result = await screenshotOnFailure('sla-promises', name, page, fn);
  timings.push(`${name} ${Math.round(performance.now() - started)}`);
  return result;
}

interface SlipJson {
  id: string;
  number: string;
  status: string;
  appealText: string | null;
  appealEvidence: { url: string; name?: string | null }[];
  reviewNote: string | null;
  outlet: { id: string } | null;
}

test('a breached promise: on the board, its slip appealed by the outlet and reviewed by the brand, in the reports', async () => {
  const base = server.url;
  const hero: Hero = await heroOutlet(server.running);

  // ---------- the at-risk board: breached counters, a late row of the hero outlet, the order's promises ----------
  const manager = await newPage();
  await step('login-manager', manager, () => login(manager, base, 'aux.manager', PASSWORD));

  const order = await step('board', manager, async () => {
    await manager.goto(base + '/sla/board');
    const breached = manager.getByTestId('sla-count-breached').locator('.ant-statistic-content-value');
    // The board loads after the page: poll (expect.poll gives up after 1 s unless told otherwise).
    await expect
      .poll(async () => Number((await breached.textContent())?.replace(/\D/g, '') || 0), { timeout: 15_000 })
      .toBeGreaterThan(0);
    const late = manager
      .getByTestId('sla-board-page')
      .locator('.ant-table-row')
      .filter({ hasText: hero.outletName })
      .filter({ has: manager.getByTestId('sla-late') });
    await late.first().waitFor();
    const link = late.first().locator('a[href^="/orders/"]');
    const number = ((await link.textContent()) ?? '').trim();
    expect(number).toMatch(/^WO\d{8}-\d{6}$/);
    await link.click();
    return number;
  });

  await step('milestones', manager, async () => {
    await manager.getByText(order, { exact: false }).first().waitFor();
    const panel = manager.getByTestId('order-milestones');
    const rows = panel.locator('.ant-table-row');
    await rows.first().waitFor();
    expect(await rows.count()).toBeGreaterThan(1);
    // The late promise: 超时 (stopped late) or 进行中 · 已超时 (still running past due).
    const late = rows.filter({ has: manager.locator('.ant-tag-red') }).first();
    await late.waitFor();
    expect(await late.textContent()).toMatch(/超时/);
    await late.locator('.ant-table-row-expand-icon').click();
    const why = panel.locator('[data-testid^="milestone-why-"]');
    await why.first().waitFor();
    const text = (await why.first().textContent()) ?? '';
    expect(text).toContain('目标');
    expect(text).toMatch(/超过到期时间 \S+/);
  });

  // ---------- the outlet: appeal one open slip with a text and an evidence link ----------
  const outlet = await newPage();
  await step('login-outlet', outlet, () => login(outlet, base, 'outlet.manager', PASSWORD));

  const slip = await step('appeal', outlet, async () => {
    await outlet.goto(base + '/outlet/slips');
    const page = outlet.getByTestId('outlet-slips-page');
    const open = page.locator('.ant-table-row').filter({ hasText: '待申诉' });
    // The breach sweep writes the slips within a second of the server's start; the page shows them on load.
    await expect
      .poll(
        async () => {
          if ((await open.count()) > 0) return true;
          await outlet.reload();
          await page.locator('.ant-table').waitFor();
          return (await open.count()) > 0;
        },
        { timeout: 30_000, interval: 1_000 },
      )
      .toBe(true);
    const number = ((await open.first().locator('td').first().textContent()) ?? '').trim();
    expect(number).not.toBe('');
    await open.first().click();
    const drawer = outlet.getByTestId('slip-drawer');
    await drawer.getByText(number).first().waitFor();
    // The breached milestone by its name, not its key (上门服务, not on-site).
    await expect
      .poll(() => drawer.getByTestId('slip-milestone').textContent(), { timeout: 10_000 })
      .toMatch(/[\u4e00-\u9fff]/);
    await drawer.getByTestId('appeal-text').fill(APPEAL);
    await drawer.getByRole('button', { name: '添加证据' }).click();
    await drawer.getByPlaceholder('证据链接（https://…）').fill(EVIDENCE);
    await drawer.getByPlaceholder('说明').fill('三次通话记录截图');
    await drawer.getByTestId('appeal-submit').click();
    await outlet.locator('.ant-message-success').filter({ hasText: '申诉已提交' }).waitFor();
    await drawer.locator('.ant-tag').filter({ hasText: '已申诉' }).waitFor();
    await drawer.getByRole('link', { name: '三次通话记录截图' }).waitFor();
    // Closed, the list shows it appealed too.
    await outlet.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });
    await page.locator('.ant-table-row').filter({ hasText: number }).filter({ hasText: '已申诉' }).waitFor();

    const res = await outlet.request.get(`${base}/api/v1/assessment-slips`, { params: { status: 'appealed' } });
    expect(res.status()).toBe(200);
    const found = ((await res.json()) as { items: SlipJson[] }).items.find((s) => s.number === number);
    expect(found).toMatchObject({
      status: 'appealed',
      appealText: APPEAL,
      appealEvidence: [{ url: EVIDENCE, name: '三次通话记录截图' }],
      outlet: { id: hero.outletId },
    });
    return found!;
  });

  // ---------- the brand: the service manager rejects the appeal with a note → confirmed ----------
  await step('review', manager, async () => {
    await manager.goto(base + '/sla/slips');
    const page = manager.getByTestId('assessments-page');
    const row = page.locator('.ant-table-row').filter({ hasText: slip.number });
    await row.filter({ hasText: '已申诉' }).waitFor();
    await row.click();
    const drawer = manager.getByTestId('slip-drawer');
    await drawer.getByText(APPEAL).waitFor();
    await drawer.getByPlaceholder('复核意见').fill(REVIEW_NOTE);
    await drawer.getByRole('button', { name: '驳回申诉（确认考核）' }).click();
    await manager.locator('.ant-message-success').filter({ hasText: '已复核' }).waitFor();
    await drawer.locator('.ant-tag').filter({ hasText: '已确认' }).waitFor();
    await drawer.getByText(REVIEW_NOTE).waitFor();
    await manager.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });
    await row.filter({ hasText: '已确认' }).waitFor();

    const res = await manager.request.get(`${base}/api/v1/assessment-slips/${slip.id}`);
    expect(res.status()).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'confirmed', reviewNote: REVIEW_NOTE, appealText: APPEAL });
  });

  // The outlet sees the outcome on its own page.
  await step('outlet-outcome', outlet, async () => {
    await outlet.goto(base + '/outlet/slips');
    const row = outlet.getByTestId('outlet-slips-page').locator('.ant-table-row').filter({ hasText: slip.number });
    await row.filter({ hasText: '已确认' }).waitFor();
  });

  // ---------- the reports: the resolution chart and table, and the Excel export ----------
  await step('reports', manager, async () => {
    await manager.goto(base + '/sla/reports');
    const page = manager.getByTestId('sla-reports-page');
    await page.getByTestId('sla-resolution-chart').locator('canvas').first().waitFor();
    const rows = page.locator('.ant-table-row');
    await rows.filter({ hasText: '合计' }).first().waitFor();
    // The resolution milestone by its name (五日内解决 in the AUX pack), not its key.
    await expect
      .poll(() => page.getByText(/以解决节点「/).textContent(), { timeout: 10_000 })
      .toMatch(/以解决节点「[\u4e00-\u9fff]+」/);
    const href = await page.getByRole('link', { name: /导出 Excel（解决率）/ }).getAttribute('href');
    expect(href).toMatch(/\/sla\/reports\/resolution\.xlsx\?/);
    const res = await manager.request.get(new URL(href!, base).toString());
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toContain(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    const body = await res.body();
    // An .xlsx is a zip: it starts with PK.
    expect(body.subarray(0, 2).toString('latin1')).toBe('PK');
  });
});
