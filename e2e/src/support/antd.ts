import type { Locator, Page } from 'playwright-core';

/** Helpers for driving antd 6 widgets the way a person does: open, then click the visible option. */

export function openDrawer(page: Page): Locator {
  return page.locator('.ant-drawer-open .ant-drawer-section, .ant-drawer-open .ant-drawer-content').last();
}

/** Picks an option of an (optionally searchable) Select by its visible label. */
export async function pickSelect(page: Page, select: Locator, label: string, search?: string): Promise<void> {
  await select.click();
  if (search !== undefined) await select.locator('input').fill(search);
  const option = page
    .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')
    .filter({ hasText: label });
  await option.first().click();
}

/** The cascader popup that is open now (a closing one lingers in the DOM while it animates out). */
function openCascader(page: Page): Locator {
  return page.locator('.ant-cascader-dropdown:not(.ant-select-dropdown-hidden):visible').last();
}

/** Closes the open popup with Escape and waits until it has gone. */
export async function closePopup(page: Page): Promise<void> {
  await page.keyboard.press('Escape');
  await page.locator('.ant-cascader-dropdown:not(.ant-select-dropdown-hidden)').first().waitFor({ state: 'hidden' });
}

/** Walks a cascader's open dropdown level by level, clicking the item with each label. */
export async function walkCascader(page: Page, labels: string[]): Promise<void> {
  const dropdown = openCascader(page);
  for (const [level, label] of labels.entries()) {
    const menu = dropdown.locator('.ant-cascader-menu').nth(level);
    await menu.locator(`.ant-cascader-menu-item[title="${label}"]`).click();
  }
}

/** In a multiple cascader, ticks the checkbox of the item with this label in the given column. */
export async function tickCascader(page: Page, level: number, label: string): Promise<void> {
  const dropdown = openCascader(page);
  const item = dropdown.locator('.ant-cascader-menu').nth(level).locator(`.ant-cascader-menu-item[title="${label}"]`);
  await item.locator('.ant-cascader-checkbox').click();
}

/**
 * Types both ends of a RangePicker with time (`YYYY-MM-DD HH:mm`), confirming each with Enter the way
 * a keyboard user does, and waits for the popup to close.
 */
export async function fillRange(page: Page, picker: Locator, start: string, end: string): Promise<void> {
  const inputs = picker.locator('input');
  await inputs.nth(0).click();
  await inputs.nth(0).fill(start);
  await inputs.nth(0).press('Enter');
  await inputs.nth(1).fill(end);
  await inputs.nth(1).press('Enter');
  await page.locator('.ant-picker-dropdown:not(.ant-picker-dropdown-hidden)').first().waitFor({ state: 'hidden' });
}
