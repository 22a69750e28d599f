import { chromium } from 'playwright-core';
import { serveStatic } from '/work/main/test/browser/static-server.ts';

const srv = await serveStatic('/work/main/dist', '/');
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
});
const [p, sel, out, scheme] = process.argv.slice(2);
const ctx = await browser.newContext({ colorScheme: (scheme ?? 'light') as 'light', viewport: { width: 1280, height: 900 } });
const page = await ctx.newPage();
page.on('console', (m) => console.log(m.type(), m.text()));
await page.goto(srv.url(p));
await page.locator(sel).first().screenshot({ path: out });
await browser.close();
await srv.close();
