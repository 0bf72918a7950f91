import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';

export const ARTIFACTS = join(import.meta.dirname, '../../.artifacts');

/**
 * Runs one step of a journey; when it fails, leaves a full-page screenshot of `page` in
 * e2e/.artifacts/<journey>-<name>.png and fails as before.
 */
export async function screenshotOnFailure<T>(
  journey: string,
  name: string,
  page: Page,
  fn: () => Promise<T>,
): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, `${journey}-${name}.png`), fullPage: true }).catch(() => {});
    throw err;
  }
}
