/**
 * Prints a built review page to PDF through Chromium (playwright-core, which drives the browser
 * found by find-chromium.ts and downloads none): dist/ is served on 127.0.0.1 under the base path
 * it was built for, every request leaving 127.0.0.1 is refused (the page must be whole offline),
 * and the page is printed as a reader's browser prints it (print styles, chart data tables open,
 * charts redrawn at paper size), with the review, period and revision in the header and the page
 * numbers and print date in the footer of every sheet.
 */
import { CHROMIUM_ARGS } from './find-chromium.ts';
import { serveStatic } from './static-server.ts';

export interface PrintPageOptions {
  /** The Chromium executable. */
  chromium: string;
  /** The built site (dist/). */
  distDir: string;
  /** The path the site was built under ('/', '/review/'). */
  base: string;
  /** The page below the base: '/reviews/2026-10/', '/zh-CN/reviews/2026-10/r2/'. */
  page: string;
  /** Header text: the review, the period and the edition. */
  header: string;
  /**
   * Footer texts: `printed` with the date (also put beside the period, in the page's [data-print-date]),
   * and the page count, as HTML around Chromium's page number spans.
   */
  printed: string;
  pageOf: (page: string, total: string) => string;
  /**
   * The site's origin (REVIEW_SITE), for the PDF's links to the site: a link to another page of the site
   * goes there; null: such links are printed as text (they would point at the local server that printed it).
   */
  origin: string | null;
}

/** Text for Chromium's header and footer templates (HTML). */
function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": '#39' }[c]};`);
}

// Chromium draws the header and footer in their own small documents: styles inline, fonts by name
// (Noto Sans CJK from fonts-noto-cjk for Chinese).
const MARGIN_STYLE =
  "font-size:8px;width:100%;margin:0 12mm;display:flex;justify-content:space-between;color:#444;font-family:'Noto Sans','Noto Sans CJK SC',sans-serif";

/** The PDF of one page, as bytes; throws with the address when the page is not there. */
export async function printPage(o: PrintPageOptions): Promise<Uint8Array> {
  // Loaded here, not at the top: the CLI imports every command, and playwright-core took 0.4 s of every
  // command's start (`build` included) that never prints a PDF.
  const { chromium } = await import('playwright-core');
  const server = await serveStatic(o.distDir, o.base);
  const browser = await chromium.launch({ executablePath: o.chromium, args: [...CHROMIUM_ARGS] });
  try {
    const context = await browser.newContext({ viewport: { width: 1024, height: 1400 } });
    await context.route('**/*', (route) => (new URL(route.request().url()).hostname === '127.0.0.1' ? route.continue() : route.abort()));
    const page = await context.newPage();
    const url = server.url(o.page);
    const response = await page.goto(url, { waitUntil: 'load' });
    if (response?.status() !== 200) throw new Error(`${url} answered ${response?.status() ?? 'nothing'}`);
    await page.waitForLoadState('networkidle');
    // Every chart drawn (a page without charts passes at once); a chart that never draws is printed as it is.
    await page
      .waitForFunction(
        () => [...document.querySelectorAll<HTMLCanvasElement>('canvas[data-chart]')].every((c) => c.dataset.drawn === 'true'),
        null,
        {
          timeout: 15_000,
        },
      )
      .catch(() => {});
    await page.emulateMedia({ media: 'print' });
    // Chromium fires beforeprint when it prints: the page's own handler (charts.ts) opens the chart
    // data tables, redraws the charts at paper size and stamps today's date beside the period. A
    // handler added now runs after it and puts the print date asked for in its place.
    await page.evaluate((date) => {
      const stamp = () => {
        for (const el of document.querySelectorAll<HTMLElement>('[data-print-date]')) el.textContent = date;
      };
      window.addEventListener('beforeprint', stamp);
      stamp();
    }, o.printed);
    // The page was served from a local address that is gone once it is printed: links within the site
    // go to the published site, or are left as text; a link within the page stays one (the PDF's own).
    await page.evaluate((origin) => {
      for (const a of document.querySelectorAll<HTMLAnchorElement>('a[href]')) {
        const url = new URL(a.href);
        if (url.origin !== location.origin) continue;
        if (url.pathname === location.pathname && url.hash !== '') a.setAttribute('href', url.hash);
        else if (origin === null) a.removeAttribute('href');
        else a.setAttribute('href', `${origin}${url.pathname}${url.search}${url.hash}`);
      }
    }, o.origin?.replace(/\/+$/, '') ?? null);
    const header = `<div style="${MARGIN_STYLE}"><span>${esc(o.header)}</span></div>`;
    const footer = `<div style="${MARGIN_STYLE}"><span>${esc(o.printed)}</span><span>${o.pageOf('<span class="pageNumber"></span>', '<span class="totalPages"></span>')}</span></div>`;
    return await page.pdf({
      format: 'A4',
      printBackground: true,
      displayHeaderFooter: true,
      headerTemplate: header,
      footerTemplate: footer,
      margin: { top: '16mm', bottom: '16mm', left: '12mm', right: '12mm' },
    });
  } finally {
    await browser.close();
    await server.close();
  }
}
