// @ts-check
import { existsSync, readdirSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';
import { SEARCH_BUNDLES } from './src/lib/site/search-bundles.mjs';

// Hosting under a sub-folder (e.g. GitHub Pages project sites): set REVIEW_BASE=/repo-name/.
// Every link goes through href() (src/lib/site/load-snapshots.ts), which reads this base.
const rawBase = process.env.REVIEW_BASE ?? '/';
// Vite lets a BASE_URL environment variable (set by some CI systems and by Vitest) override
// import.meta.env.BASE_URL, which href() reads; the base path comes from REVIEW_BASE only.
delete process.env.BASE_URL;
const base = `/${rawBase.replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/');

/** Threads that write the site and build the search index: one per shard of the index. */
const WRITERS = SEARCH_BUNDLES.length;
/** The endpoint of the service downloads (daily.csv, outages.csv, maintenance.csv of every service and period). */
const SERVICE_CSV_ROUTE = 'src/pages/reviews/[period]/services/[service]/[table].csv.ts';
/** Lets the build command stop the writer threads when Astro fails, before it deletes the half-built site. */
const STOP_WRITERS = Symbol.for('service-review.stop-site-writers');

/**
 * How the rendered routes reach dist/, and the site search index.
 *
 * Writing: Astro writes each route's file with awaited asynchronous calls (make the folder, open,
 * write, close), one route after the other; for this site's tens of thousands of small files
 * (every service of every month has a page and three CSVs) those round trips through Node's
 * thread pool took more time than rendering. A wrapper around Astro's prerenderer (the
 * integration API for taking over prerendering) hands each route's bytes to a writer thread
 * (src/lib/site/site-writer-worker.mjs), which writes the file to the same place with the same
 * bytes while Astro renders the next route; the wrapper hands Astro the response without its
 * body, so Astro writes nothing more. (With --verbose, Astro therefore reports "file not created" for every
 * route.) Routes whose file Astro places specially (404/500 pages, redirects) are left to Astro.
 *
 * Search: Pagefind (its binary comes inside the npm package, nothing is downloaded) indexes every
 * page; the search box loads the index on demand. Pages go to the index as they are rendered,
 * not by reading dist/ again afterwards. Each writer thread feeds a Pagefind process of its own
 * with every other page, in the order Astro starts them, so the index comes in two shards
 * (dist/pagefind/ and dist/pagefind-2/) that are the same on every build and are written at the
 * same time; the search page merges them.
 * @returns {import('astro').AstroIntegration}
 */
function sitePages() {
  /** @type {URL | null} */
  let root = null;
  let outDir = '';
  let directoryFormat = false;
  /** Files of public/, copied into dist/ by Astro; a route never overwrites one (as in Astro's own writer). */
  const publicFiles = new Set();

  /** @type {Worker[]} */
  let writers = [];
  /** @type {unknown} */
  let failure = null;
  /** Routes are handed on one after the other, in the order Astro started them. */
  let queue = Promise.resolve();
  /** @typedef {{ file: string | null, bytes: Uint8Array<ArrayBuffer> | null, url: string | null }} Output */
  /** What each writer is sent next; route N goes to writer N mod WRITERS, so both shards have pages even on a small site. */
  /** @type {Output[][]} */
  const batches = Array.from({ length: WRITERS }, () => []);
  let handedOn = 0;
  /** @param {Output} o */
  const handOn = (o) => {
    const k = handedOn++ % WRITERS;
    const batch = /** @type {Output[]} */ (batches[k]);
    batch.push(o);
    if (batch.length >= 32) flush(k);
  };
  const flushAll = () => {
    for (let k = 0; k < WRITERS; k++) flush(k);
  };
  /**
   * Routes are posted a few dozen at a time, their bytes copied into one buffer that is moved,
   * not copied, to the thread: waking a thread, and moving a buffer, cost more than copying a page.
   * @param {number} k the writer
   */
  const flush = (k) => {
    const batch = /** @type {Output[]} */ (batches[k]);
    const writer = writers[k];
    if (!batch.length || !writer) return;
    const bytes = new Uint8Array(batch.reduce((a, f) => a + (f.bytes?.length ?? 0), 0));
    let at = 0;
    const files = batch.map((f) => {
      const start = at;
      if (f.bytes) {
        bytes.set(f.bytes, at);
        at += f.bytes.length;
      }
      return { file: f.file, url: f.url, start, end: f.bytes ? at : -1 };
    });
    writer.postMessage({ files, bytes }, [bytes.buffer]);
    batches[k] = [];
  };
  /** Pages Astro is to render, and pages handed on so far. */
  let pagesToRender = Number.POSITIVE_INFINITY;
  let pagesHandedOn = 0;
  let indexRequested = false;
  /** Once the last page is in, the shards are written (while Astro renders the downloads). */
  const requestIndex = () => {
    if (indexRequested) return;
    indexRequested = true;
    flushAll();
    writers.forEach((w, i) => {
      w.postMessage({ index: `${outDir}/${SEARCH_BUNDLES[i]}` });
    });
  };
  /** The service downloads' routes, left to the writer threads. */
  /** @type {string[]} */
  let serviceCsvsLeftOut = [];
  /** @returns {Promise<{ pages: number, errors: string[] }>} */
  const finish = async () => {
    await queue;
    requestIndex();
    flushAll();
    const results = await Promise.all(
      writers.map(
        (w) =>
          /** @type {Promise<{ pages: number, errors: string[], serviceCsvs: string[] }>} */ (
            new Promise((resolve, reject) => {
              if (failure) reject(failure);
              w.ref();
              w.once('message', resolve);
              w.once('error', reject);
              w.postMessage({ finish: true });
            })
          ),
      ),
    ).finally(() => stop());
    const errors = results.flatMap((r) => r.errors);
    // The writers' service downloads must be exactly the routes left out of Astro's list.
    const written = new Set(results.flatMap((r) => r.serviceCsvs));
    const missing = serviceCsvsLeftOut.filter((f) => !written.has(f));
    if (missing.length || written.size !== serviceCsvsLeftOut.length) {
      errors.push(
        `the service downloads written (${written.size}) are not the routes left to them (${serviceCsvsLeftOut.length}); missing: ${missing.slice(0, 3).join(', ')}`,
      );
    }
    return { pages: results.reduce((a, r) => a + r.pages, 0), errors };
  };
  const stop = async () => {
    const all = writers;
    writers = [];
    await Promise.all(all.map((w) => w.terminate()));
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
        writers = Array.from({ length: WRITERS }, (_, shard) => {
          const w = new Worker(new URL('./src/lib/site/site-writer-worker.mjs', root ?? undefined), {
            workerData: { shard, shards: WRITERS, outDir },
          });
          // Until the end of the build, the threads alone must not keep a failed build's process alive.
          w.unref();
          w.on('error', (e) => {
            failure = e;
          });
          return w;
        });
        /** @type {Record<symbol, unknown>} */ (globalThis)[STOP_WRITERS] = stop;
        logger.info('routes are written by this integration; "file not created" below means Astro left the file to it');
        setPrerenderer((astro) => ({
          name: 'service-review:pages',
          setup: () => astro.setup?.() ?? Promise.resolve(),
          // Pages first, then the downloads (CSV, JSON): the search index, which needs every page, is then
          // written while the downloads are rendered. Each route's file is the same whatever the order.
          // The service downloads are left out: the writer threads write them (site-writer-worker.mjs).
          getStaticPaths: async () => {
            const paths = await astro.getStaticPaths();
            const pages = paths.filter((p) => p.route.type === 'page');
            pagesToRender = pages.length;
            const rest = paths.filter((p) => p.route.type !== 'page');
            const byWriters = rest.filter((p) => p.route.component === SERVICE_CSV_ROUTE);
            // A path's pathname is below the base (unlike the request URLs render() is given).
            serviceCsvsLeftOut = byWriters.map((p) => decodeURI(p.pathname ?? ''));
            return [...pages, ...rest.filter((p) => p.route.component !== SERVICE_CSV_ROUTE)];
          },
          collectStaticImages: astro.collectStaticImages && (() => astro.collectStaticImages?.() ?? Promise.resolve(new Map())),
          teardown: () => astro.teardown?.() ?? Promise.resolve(),
          async render(request, options) {
            const route = options.routeData;
            // The route's path below the base: where its file goes in dist/, and the address Pagefind gives
            // a page (reviews/2026-10/index.html → /reviews/2026-10/; the search page puts the base back).
            const path = decodeURI(new URL(request.url).pathname).slice(base.length - 1);
            const page = route.type === 'page';
            /** @type {(output: Output | null) => void} */
            let rendered = () => {};
            /** @type {Promise<Output | null>} */
            const output = new Promise((resolve) => {
              rendered = resolve;
            });
            queue = queue
              .then(() => output)
              .then((o) => {
                if (o) handOn(o);
                if (page && ++pagesHandedOn === pagesToRender) requestIndex();
              });
            try {
              const result = await astro.render(request, options);
              const response = result instanceof Response ? result : result.response;
              if (!response.body || (response.status >= 300 && response.status < 400)) {
                rendered(page ? { file: null, bytes: null, url: null } : null);
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
                rendered(page ? { file: null, bytes, url: path } : null);
                const same = new Response(bytes, { status: response.status, statusText: response.statusText, headers: response.headers });
                return result instanceof Response ? same : { ...result, response: same };
              }
              if (publicFiles.has(file)) {
                logger.warn(`Skipping ${route.component}: public/ has a file of the same name: ${file}`);
                rendered(page ? { file: null, bytes, url: path } : null);
              } else rendered({ file: `${outDir}${file}`, bytes, url: page ? path : null });
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
        const result = await finish();
        if (result.errors.length) throw new Error(`writing the site: ${result.errors.join('; ')}`);
        // The site's own search box uses Pagefind's JS API (pagefind.js); its prebuilt UIs are not shipped,
        // and the other shards need only their index files (the search page merges them into the first).
        for (const [i, bundle] of SEARCH_BUNDLES.entries()) {
          const out = `${outDir}/${bundle}`;
          const unused = ['pagefind-ui.js', 'pagefind-ui.css', 'pagefind-component-ui.js', 'pagefind-component-ui.css'];
          unused.push('pagefind-modular-ui.js', 'pagefind-modular-ui.css', 'pagefind-highlight.js');
          if (i > 0) unused.push('pagefind.js', 'pagefind-worker.js', ...readdirSync(out).filter((f) => f.startsWith('wasm.')));
          for (const f of unused) await rm(`${out}/${f}`, { force: true });
        }
        logger.info(`search index: ${result.pages} pages in ${SEARCH_BUNDLES.length} shards`);
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
