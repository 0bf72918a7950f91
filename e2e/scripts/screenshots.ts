/**
 * Screenshots of console pages against a running server, for looking at them:
 *   ./aftercare node e2e/scripts/screenshots.ts http://localhost:3100 aux.admin /network/outlets /system/users
 * A path may end in `#testid` to click that element (a create button, a row) before the shot, or
 * `#row` to click the first table row (its detail drawer).
 * Writes PNGs to e2e/.artifacts/screens/. SCREEN_LANG=en-US shows the English console.
 * SCREEN_VIEWPORT=375x812 shoots at a phone's size (touch, mobile; the technician's /m pages, the H5 page).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launchBrowser, login } from '../src/support/browser.ts';

const [base = 'http://localhost:3100', username = 'aux.admin', ...paths] = process.argv.slice(2);
const out = join(import.meta.dirname, '../.artifacts/screens');
mkdirSync(out, { recursive: true });

const browser = await launchBrowser();
try {
  const lang = process.env.SCREEN_LANG === 'en-US' ? 'en-US' : 'zh-CN';
  const [width = 1440, height = 900] = (process.env.SCREEN_VIEWPORT ?? '').split('x').map(Number).filter(Boolean);
  const phone = width < 600;
  const page = await browser.newPage({ viewport: { width, height }, locale: lang, isMobile: phone, hasTouch: phone });
  await page.addInitScript((l) => localStorage.setItem('aftercare.lang', l), lang);
  await page.goto(base + '/login');
  await page.getByTestId('login-submit').waitFor();
  await page.waitForTimeout(500);
  await page.screenshot({ path: join(out, 'login.png') });
  await login(page, base, username, 'aftercare-demo');
  for (const target of paths.length ? paths : ['/network/outlets']) {
    const [path = '/', click] = target.split('#');
    await page.goto(base + path);
    await page.waitForLoadState('networkidle');
    if (click === 'row') await page.locator('.ant-table-row').first().click();
    else if (click) await page.getByTestId(click).click();
    if (click) await page.waitForLoadState('networkidle');
    await page.waitForTimeout(800);
    const name = `${lang}${phone ? `-${width}` : ''}-${target.replace(/^\//, '').replace(/[/?=&#]/g, '_') || 'home'}`;
    await page.screenshot({ path: join(out, `${username}-${name}.png`), fullPage: true });
    console.log('wrote', join(out, `${username}-${name}.png`));
  }
} finally {
  await browser.close();
}
