import type { Locator, Page } from 'playwright-core';

/** Helpers for antd-mobile 5 widgets (the technician's and the customer's phone pages). */

/**
 * Types into an antd-mobile Input / TextArea: their `data-testid` lands on the wrapper, so fill the
 * input or textarea inside it (or the element itself when it is one).
 */
export async function fillField(field: Locator, value: string): Promise<void> {
  const tag = await field.evaluate((el) => el.tagName);
  const target = tag === 'INPUT' || tag === 'TEXTAREA' ? field : field.locator('input, textarea').first();
  await target.fill(value);
}

/** Ticks an antd-mobile Checkbox (a label) unless it is ticked already, and waits until it shows ticked. */
export async function tick(box: Locator): Promise<void> {
  const checked = () => box.evaluate((el) => el.classList.contains('adm-checkbox-checked'));
  if (!(await checked())) await box.click();
  await box.locator('xpath=self::*[contains(@class, "adm-checkbox-checked")]').waitFor();
}

/** Waits for an antd-mobile toast with this text. */
export async function toast(page: Page, text: string | RegExp): Promise<void> {
  const t = page.locator('.adm-toast-main').filter({ hasText: text });
  await t.first().waitFor();
}
