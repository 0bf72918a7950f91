import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { launchBrowser, login } from '../support/browser.ts';
import { brandAdmin, PASSWORD } from '../support/fixtures.ts';
import { startServer, type TestServer } from '../support/server.ts';
import { screenshotOnFailure } from '../support/steps.ts';

/**
 * A brand admin edits their brand's policy pack in the console: a draft with a mistake shows the
 * error by line, the corrected draft is saved, its diff against the active version shows the changed
 * line, and once activated the next warranty verdict names the new version.
 */

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

const step = <T>(name: string, fn: () => Promise<T>) => screenshotOnFailure('policy-pack-editor', name, page, fn);

const WHOLE_UNIT = /wholeUnit: \{ years: 6, ref: [^}]*\}/;

test("a brand admin edits, checks, compares and activates their brand's pack", async () => {
  const admin = await brandAdmin(server.running);
  const db = server.running.ctx.db;
  // The demo brand names the AUX pack; a brand of our own is pointed at it.
  await db.updateTable('brands').set({ policy_pack: 'aux' }).where('id', '=', admin.brandId).execute();
  const base = server.url;
  await step('login', () => login(page, base, admin.username, PASSWORD));

  const before = await page.request.get(`${base}/api/v1/policy-packs/aux`);
  const next = ((await before.json()) as { latestVersion: number }).latestVersion + 1;

  await step('open-pack', async () => {
    await page.goto(base + '/system/policies');
    await page.locator('.ant-table-row', { hasText: 'aux' }).first().click();
    await page.getByTestId('policy-new-draft').click();
  });

  const source = page.getByTestId('policy-source');
  const text = await step('draft-loaded', async () => {
    await expect.poll(async () => (await source.inputValue()).length).toBeGreaterThan(100);
    return source.inputValue();
  });
  expect(text).toMatch(new RegExp(`^version: ${next}$`, 'm'));

  await step('validate-error', async () => {
    await source.fill(text.replace(WHOLE_UNIT, 'wholeUnit: { yeers: 7 }'));
    await page.getByTestId('policy-validate').click();
    const errors = page.getByTestId('policy-errors');
    await errors.waitFor();
    expect(await errors.textContent()).toContain('warranty.categories.air-conditioner.wholeUnit');
  });

  await step('save-draft', async () => {
    await source.fill(text.replace(WHOLE_UNIT, 'wholeUnit: { years: 7, ref: 整机包修七年 }'));
    await page.getByTestId('policy-validate').click();
    await page.getByTestId('policy-valid').waitFor();
    await page.getByTestId('policy-save').click();
    await source.waitFor({ state: 'hidden' });
  });

  await step('diff', async () => {
    // The newest version is the first row.
    await page.getByTestId('policy-diff-open').first().click();
    const added = page.getByTestId('policy-diff').locator('[data-kind="add"]');
    await added.first().waitFor();
    expect(await added.allTextContents()).toEqual(
      expect.arrayContaining([expect.stringContaining('years: 7, ref: 整机包修七年')]),
    );
    await page.keyboard.press('Escape');
    await page.getByTestId('policy-diff').waitFor({ state: 'hidden' });
  });

  await step('activate', async () => {
    await page.getByTestId('policy-activate').click();
    await page.locator('.ant-popconfirm .ant-btn-primary').click();
    await page.getByTestId('policy-activate').waitFor({ state: 'detached' });
  });

  const verdict = await page.request.post(`${base}/api/v1/warranty/evaluate`, {
    data: {
      brandId: admin.brandId,
      category: 'air-conditioner',
      purchaseDate: '2026-03-15',
      invoice: true,
      faultDate: '2032-06-01',
    },
  });
  expect(verdict.status()).toBe(200);
  const body = (await verdict.json()) as { verdict: { pack: { id: string; version: number }; covered: boolean } };
  expect(body.verdict.pack).toEqual({ id: 'aux', version: next });
  // Seven years of whole-unit cover: a fault in the seventh year is covered.
  expect(body.verdict.covered).toBe(true);
});
