import { chromium } from 'playwright-core';
import { serveStatic } from '/work/main/test/browser/static-server.ts';

const srv = await serveStatic('/work/main/dist', '/');
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
});
for (const scheme of ['light', 'dark'] as const) {
  const ctx = await browser.newContext({ colorScheme: scheme, viewport: { width: 1280, height: 900 } });
  const page = await ctx.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') console.log(scheme, m.type(), m.text());
  });
  page.on('pageerror', (e) => console.log('pageerror', e.message));
  for (const [name, p] of [
    ['home', '/'],
    ['review', '/reviews/2026-10/'],
    ['service', '/reviews/2026-09/services/search/'],
    ['service2', '/reviews/2026-08/services/reporting/'],
    ['method', '/method/'],
    ['dq', '/reviews/2026-10/data-quality/'],
    ['archive', '/reviews/'],
    ['search', '/search/?q=payments'],
  ]) {
    await page.goto(srv.url(p));
    await page.waitForTimeout(300);
    await page.screenshot({ path: `/tmp/shot-${name}-${scheme}.png`, fullPage: process.argv[2] === 'full' });
  }
  await ctx.close();
}
console.log('missing', srv.missing);
await browser.close();
await srv.close();
