// @ts-check
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';

// Hosting under a sub-folder (e.g. GitHub Pages project sites): set REVIEW_BASE=/repo-name/.
// Every link goes through href() (src/lib/site/load-snapshots.ts), which reads this base.
const rawBase = process.env.REVIEW_BASE ?? '/';
// Vite lets a BASE_URL environment variable (set by some CI systems and by Vitest) override
// import.meta.env.BASE_URL, which href() reads; the base path comes from REVIEW_BASE only.
delete process.env.BASE_URL;
const base = `/${rawBase.replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/');

/**
 * How the rendered routes reach dist/, and the site search index.
 *
 * Writing: Astro writes each route's file with awaited asynchronous calls (make the folder, open,
 * write, close), one route after the other; for this site's tens of thousands of small files
 * (every service of every month has a page and three CSVs) those round trips through Node's
 * thread pool took more time than rendering. A wrapper around Astro's prerenderer (the
 * integration API for taking over prerendering) writes each file itself, synchronously, to the
 * same place with the same bytes, and hands Astro the response without its body, so Astro writes
 * nothing more. (With --verbose, Astro therefore reports "file not created" for every route.)
 * Routes whose file Astro places specially (404/500 pages, redirects) are left to Astro.
 *
 * Search: Pagefind (its binary comes inside the npm package, nothing is downloaded) indexes every
 * page into dist/pagefind/, which the search box loads on demand. Pages go to the index as they
 * are rendered, not by reading dist/ again afterwards: each page's bytes are moved to a worker
 * thread (src/lib/site/search-index-worker.mjs), which feeds Pagefind's own process while Astro
 * renders the next pages. They reach it in the order Astro starts them, so the index is the same
 * on every build.
 * @returns {import('astro').AstroIntegration}
 */
function sitePages() {
  /** @type {URL | null} */
  let root = null;
  let outDir = '';
  let directoryFormat = false;
  /** Files of public/, copied into dist/ by Astro; a route never overwrites one (as in Astro's own writer). */
  const publicFiles = new Set();
  const folders = new Set();
  /** @param {string} file a path below dist/, starting with a slash @param {Uint8Array} bytes */
  const write = (file, bytes) => {
    const full = `${outDir}${file}`;
    const folder = full.slice(0, full.lastIndexOf('/'));
    if (!folders.has(folder)) {
      mkdirSync(folder, { recursive: true });
      folders.add(folder);
    }
    writeFileSync(full, bytes);
  };

  /** @type {Worker | null} */
  let worker = null;
  /** @type {unknown} */
  let failure = null;
  /** Pages go to the worker one after the other, in the order Astro started them. */
  let queue = Promise.resolve();
  /** @type {{ url: string, html: Uint8Array<ArrayBuffer> | null }[]} */
  let batch = [];
  /** Pages are posted a few dozen at a time: waking the worker costs more than moving a page. */
  const flush = () => {
    if (!worker || !batch.length) return;
    worker.postMessage(
      { pages: batch },
      batch.flatMap((p) => (p.html ? [p.html.buffer] : [])),
    );
    batch = [];
  };
  /** Pages Astro is to render, and pages handed on so far. */
  let pagesToRender = Number.POSITIVE_INFINITY;
  let pagesHandedOn = 0;
  /** @type {Promise<{ pages: number, errors: string[] }> | null} */
  let written = null;
  /** Once the last page is in, the index is written (while Astro renders the remaining downloads). */
  const writeIndex = () => {
    const w = worker;
    if (!w) return Promise.reject(new Error('pagefind: the search index was not started'));
    if (!written) {
      flush();
      w.ref();
      written = new Promise((resolve, reject) => {
        if (failure) reject(failure);
        w.once('message', resolve);
        w.once('error', reject);
        w.postMessage({ write: `${outDir}/pagefind` });
      });
      written.catch(() => {}).finally(() => w.terminate());
    }
    return written;
  };

  return {
    name: 'service-review:pages',
    hooks: {
      'astro:config:done': ({ config }) => {
        root = config.root;
        outDir = fileURLToPath(config.outDir).replace(/\/$/, '');
        directoryFormat = config.build.format === 'directory';
        const pub = fileURLToPath(config.publicDir).replace(/\/$/, '');
        if (existsSync(pub)) {
          for (const f of readdirSync(pub, { recursive: true, withFileTypes: true })) {
            if (f.isFile()) publicFiles.add(`${f.parentPath.slice(pub.length)}/${f.name}`);
          }
        }
      },
      'astro:build:start': ({ setPrerenderer, logger }) => {
        const w = new Worker(new URL('./src/lib/site/search-index-worker.mjs', root ?? undefined));
        // Until the index is written, the worker alone must not keep a failed build's process alive.
        w.unref();
        w.on('error', (e) => {
          failure = e;
        });
        worker = w;
        logger.info('routes are written by this integration; "file not created" below means Astro left the file to it');
        setPrerenderer((astro) => ({
          name: 'service-review:pages',
          setup: () => astro.setup?.() ?? Promise.resolve(),
          // Pages first, then the downloads (CSV, JSON): the search index, which needs every page, is then
          // written while the downloads are rendered. Each route's file is the same whatever the order.
          getStaticPaths: async () => {
            const paths = await astro.getStaticPaths();
            const pages = paths.filter((p) => p.route.type === 'page');
            pagesToRender = pages.length;
            return [...pages, ...paths.filter((p) => p.route.type !== 'page')];
          },
          collectStaticImages: astro.collectStaticImages && (() => astro.collectStaticImages?.() ?? Promise.resolve(new Map())),
          teardown: () => astro.teardown?.() ?? Promise.resolve(),
          async render(request, options) {
            const route = options.routeData;
            // The route's path below the base: where its file goes in dist/, and the address Pagefind gives
            // a page (reviews/2026-10/index.html → /reviews/2026-10/; the search page puts the base back).
            const path = decodeURI(new URL(request.url).pathname).slice(base.length - 1);
            const page = route.type === 'page';
            /** @type {(html: Uint8Array<ArrayBuffer> | null) => void} */
            let rendered = () => {};
            if (page) {
              /** @type {Promise<Uint8Array<ArrayBuffer> | null>} */
              const html = new Promise((resolve) => {
                rendered = resolve;
              });
              queue = queue
                .then(() => html)
                .then((bytes) => {
                  batch.push({ url: path, html: bytes });
                  if (batch.length >= 32) flush();
                  if (++pagesHandedOn === pagesToRender) writeIndex();
                });
            }
            try {
              const result = await astro.render(request, options);
              const response = result instanceof Response ? result : result.response;
              if (!response.body || (response.status >= 300 && response.status < 400)) {
                rendered(null);
                return result;
              }
              const bytes = new Uint8Array(await response.arrayBuffer());
              // Where Astro puts the file with build.format 'directory'; null: left to Astro.
              const file = !directoryFormat
                ? null
                : route.type === 'endpoint' && !path.endsWith('/')
                  ? path
                  : page && path.endsWith('/') && !/^\/(404|500)\/$/.test(path)
                    ? `${path}index.html`
                    : null;
              if (file === null) {
                rendered(page ? bytes.slice() : null);
                const same = new Response(bytes, { status: response.status, statusText: response.statusText, headers: response.headers });
                return result instanceof Response ? same : { ...result, response: same };
              }
              if (publicFiles.has(file)) logger.warn(`Skipping ${route.component}: public/ has a file of the same name: ${file}`);
              else write(file, bytes);
              rendered(page ? bytes : null);
              const emptied = new Response(null, { status: response.status, statusText: response.statusText, headers: response.headers });
              return result instanceof Response ? emptied : { ...result, response: emptied };
            } catch (e) {
              rendered(null);
              throw e;
            }
          },
        }));
      },
      'astro:build:done': async ({ logger }) => {
        await queue;
        const result = await writeIndex();
        if (result.errors.length) throw new Error(`pagefind: ${result.errors.join('; ')}`);
        const out = `${outDir}/pagefind`;
        // The site's own search box uses Pagefind's JS API (pagefind.js); its prebuilt UIs are not shipped.
        for (const ui of ['pagefind-ui', 'pagefind-component-ui', 'pagefind-modular-ui']) {
          await rm(`${out}/${ui}.js`, { force: true });
          await rm(`${out}/${ui}.css`, { force: true });
        }
        await rm(`${out}/pagefind-highlight.js`, { force: true });
        logger.info(`search index: ${result.pages} pages`);
      },
    },
  };
}

export default defineConfig({
  site: process.env.REVIEW_SITE ?? 'https://example.org',
  base,
  trailingSlash: 'always',
  integrations: [mdx(), sitePages()],
  build: { format: 'directory' },
  // Lets concurrent builds (the browser tests' and the whole-build tests') keep separate content caches.
  ...(process.env.REVIEW_ASTRO_CACHE_DIR ? { cacheDir: process.env.REVIEW_ASTRO_CACHE_DIR } : {}),
  // The site must work offline from dist/: nothing is fetched at run time.
  prefetch: false,
  devToolbar: { enabled: false },
  // Page scripts stay files, never inlined: an inlined script that imports at run time (the
  // search page loads Pagefind) is left with Vite's unresolved preload helper. No page needs
  // module preloading either.
  vite: { build: { assetsInlineLimit: 0, modulePreload: false } },
});
