/**
 * The site of one review, as an Astro integration: it takes the review's folders and base path as
 * options and gives them to the pages (the virtual module below), writes the built routes through
 * the writer threads (site-writers.ts) with the search index, and makes the period downloads
 * (period-downloads.ts: in a build from the writer threads, in `astro dev` from a middleware), so
 * every address of the site has one producer. site-config.ts puts it in an Astro config.
 */
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, PathWithRoute } from 'astro';
import type { Plugin } from 'vite';
import type { Locale } from '../model/locales.ts';
import { publicFiles, tapPrerenderer } from './astro-prerender-bridge.ts';
import { commentaryFiles } from './commentary-file-list.ts';
import { splitLocalePath } from './i18n/locale-path.ts';
import { periodDownloadsMiddleware } from './period-downloads.ts';
import { writePinnedCommentary } from './pinned-commentary.ts';
import { SEARCH_BUNDLES } from './search-bundles.mjs';
import { SiteWriters } from './site-writers.ts';
import type { SnapshotFolders } from './snapshot-files.ts';

/** What the site of a review is built from. */
export interface ReviewSiteOptions extends SnapshotFolders {
  /** The review's MDX commentary, one file per period (content/reviews/). */
  contentDir: string;
  /** Where the pinned commentary of each published revision is written for Astro to read (pinned-commentary.ts). */
  pinnedDir: string;
  /** The path the site is served under, with both slashes: '/' or '/review/' (normalizeBase). */
  base: string;
  /** The languages of the site (review.locales), the first the default; one builds at the root (locale-path.ts). */
  locales?: readonly Locale[];
  /** The site's origin when it is known (REVIEW_SITE), for the digest's absolute links; null or absent: relative links. */
  origin?: string | null | undefined;
}

export interface ReviewSiteIntegration extends AstroIntegration {
  /**
   * Stops the writer threads now (they may be writing files, and the search index, into the site
   * folder): for a build that failed, before its folder is deleted. Harmless when none runs.
   */
  stop(): Promise<void>;
}

/** The module the pages read the review's folders and base path from (declared in src/env.d.ts). */
export const SITE_MODULE = 'virtual:service-review/site';
/** The module that lists the review's commentary files (load-commentary.ts reads it; declared in src/env.d.ts). */
export const COMMENTARY_MODULE = 'virtual:service-review/commentary';
/** The page of a service in a period, and its copies (a published revision's, the draft view's); each has its three service downloads. */
const SERVICE_PAGE_ROUTES: ReadonlySet<string> = new Set([
  '/[...locale]/reviews/[period]/services/[service]',
  '/[...locale]/reviews/[period]/[revision]/services/[service]',
]);
/** A service download among the period downloads: /reviews/<period>/[r<n>/|draft/]services/<service>/<table>.csv. */
const SERVICE_DOWNLOAD = /^\/reviews\/[^/]+\/(?:r\d+\/|draft\/)?services\/[^/]+\/[^/]+\.csv$/;

/** The languages of a site whose review names none (the config's default). */
const DEFAULT_LOCALES: readonly Locale[] = ['en'];

/** The integration for one build (or one dev server) of a review's site. */
export function reviewSite(options: ReviewSiteOptions): ReviewSiteIntegration {
  let outDir = '';
  let building = false;
  let directoryFormat = false;
  let publicDir = '';
  let writers: SiteWriters | null = null;
  let settled: () => Promise<void> = () => Promise.resolve();
  /** Each shard's pages still to be handed on: once its last is in, that shard of the index is written. */
  let pagesLeft: number[] = [];
  /** Each page's place in Astro's own order, by its path: it picks the page's shard of the search index (see order). */
  let dealt = new Map<string, number>();
  /** The files Astro's routes made (written by the threads or by Astro), below the site folder. */
  const routeFiles = new Set<string>();
  /** The folders of the service pages, below the site folder: they and the service downloads must match. */
  let servicePages: string[] = [];

  const locales = options.locales ?? DEFAULT_LOCALES;
  const stop = async () => {
    const w = writers;
    writers = null;
    await w?.stop();
  };

  return {
    name: 'service-review:site',
    stop,
    hooks: {
      'astro:config:setup': ({ updateConfig, command }) => {
        building = command === 'build';
        // Before Vite loads the commentary module, which lists these files (load-commentary.ts).
        writePinnedCommentary(options, options.pinnedDir);
        // A build's site folder is emptied by this integration, before its threads start writing (below), not by Astro
        // at the start of its bundling, which would delete what the threads wrote meanwhile.
        updateConfig({ vite: { plugins: [siteModule(options)], ...(building ? { build: { emptyOutDir: false } } : {}) } });
      },
      'astro:config:done': ({ config }) => {
        outDir = fileURLToPath(config.outDir).replace(/\/$/, '');
        directoryFormat = config.build.format === 'directory';
        publicDir = fileURLToPath(config.publicDir);
        if (!building) return;
        // The writer threads start here, not at astro:build:start: while Astro syncs the content and bundles the pages
        // (1.5-2 s, with a core mostly idle), they write the period downloads (period-downloads.ts).
        emptySiteFolder(outDir);
        writers = new SiteWriters(outDir, { ...options, locales });
      },
      'astro:build:start': ({ setPrerenderer, logger }) => {
        const started = writers;
        if (!started) throw new Error('the site writers did not start with the build (astro:config:done)');
        logger.info('routes are written by this integration; "file not created" below means Astro left the file to it');
        setPrerenderer((astro) => {
          const tapped = tapPrerenderer(astro, {
            base: options.base,
            directoryFormat,
            publicFiles: publicFiles(publicDir),
            logger,
            // Pages first, then the downloads Astro still renders (digests, archive and method CSV): the search
            // index, which needs every page, is then written meanwhile. The pages go shard by shard: the first
            // shard's pages, then the second's, so the first shard's index is written while the second's pages
            // are rendered, and only the second's is left after the last page. Within a shard the service pages
            // come last: they are nearly all of them, and each is quick to index, where a period page (its tables
            // of every service) takes Pagefind as long as a few dozen of them; rendered last, the period pages
            // left the index seconds of work after the last page. Each route's file is the same whatever the order.
            // A page's shard of the index is still picked by its place in Astro's order, not in this one: Pagefind
            // ranks a shard's pages by that shard's word counts, so a new deal would reorder search results.
            order: (paths) => {
              const all = paths.filter((p) => p.route.type === 'page');
              dealt = new Map(all.map((p, i) => [trimSlashes(p.pathname), i]));
              const shards = Array.from({ length: started.shards }, (_, k) => all.filter((_, i) => started.shardOf(i) === k));
              const pages = shards.flatMap((own) => [
                ...own.filter((p) => !SERVICE_PAGE_ROUTES.has(p.route.route)),
                ...own.filter((p) => SERVICE_PAGE_ROUTES.has(p.route.route)),
              ]);
              pagesLeft = shards.map((own) => own.length);
              // A shard without pages (a site of one page) has its index written at once.
              pagesLeft.forEach((n, k) => {
                if (n === 0) started.requestIndex(k);
              });
              // Each language's service page links the one set of downloads, in the folder without the locale.
              const folders = pages
                .filter((p) => SERVICE_PAGE_ROUTES.has(p.route.route))
                .map((p) => splitLocalePath(folderOf(p), locales).path);
              servicePages = [...new Set(folders)];
              return [...pages, ...paths.filter((p) => p.route.type !== 'page')];
            },
            onOutput: (o) => {
              if (o.file !== null) routeFiles.add(o.file);
              const place = o.page ? dealt.get(trimSlashes(o.path)) : undefined;
              // Every page goes to a thread (it counts in the deal of pages to shards); a download only when the thread writes it.
              if (o.page || o.file !== null) {
                started.handOn(
                  { file: o.file === null ? null : `${outDir}${o.file}`, bytes: o.bytes, url: o.page && o.bytes ? o.path : null },
                  place,
                );
              }
              if (place !== undefined) {
                const shard = started.shardOf(place);
                if (--(pagesLeft[shard] as number) === 0) started.requestIndex(shard);
              }
            },
          });
          settled = tapped.settled;
          return tapped.prerenderer;
        });
      },
      'astro:build:done': async ({ logger }) => {
        const current = writers;
        if (!current) throw new Error('the site writers were stopped before the build finished');
        await settled();
        const result = await current.finish();
        writers = null;
        const errors = [...result.errors, ...downloadProblems(result.downloads, routeFiles, servicePages)];
        if (errors.length) throw new Error(`writing the site: ${errors.join('; ')}`);
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

/** Empties a site folder as Astro does at the start of its bundling (static-build.js, emptyDir): all but a `.git`. */
function emptySiteFolder(dir: string): void {
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir)) {
    if (name !== '.git') rmSync(join(dir, name), { recursive: true, force: true, maxRetries: 3 });
  }
}

/** Whether a file is inside a folder (or is it). */
function isWithin(file: string, dir: string): boolean {
  const d = dir.replace(/\/+$/, '');
  return file === d || file.startsWith(`${d}/`);
}

/** A path without its leading and trailing slashes: Astro's pathnames and the rendered paths, compared. */
function trimSlashes(path: string): string {
  return path.replace(/^\/+|\/+$/g, '');
}

/** A page's folder below the site folder: '/reviews/2026-10/services/search/'. */
function folderOf(p: PathWithRoute): string {
  return `/${trimSlashes(p.pathname)}/`;
}

/**
 * One producer per address: no route made a file the threads wrote as a period download; and
 * the service downloads go with the service pages, each page with its downloads (the links on
 * it) and no downloads without their page.
 */
export function downloadProblems(downloads: readonly string[], routeFiles: ReadonlySet<string>, servicePages: readonly string[]): string[] {
  const problems: string[] = [];
  const twice = downloads.filter((f) => routeFiles.has(f));
  if (twice.length) problems.push(`${twice.length} period downloads were also made by an Astro route: ${twice.slice(0, 3).join(', ')}`);
  const folders = new Map<string, number>();
  for (const f of downloads.filter((d) => SERVICE_DOWNLOAD.test(d))) {
    const folder = f.slice(0, f.lastIndexOf('/') + 1);
    folders.set(folder, (folders.get(folder) ?? 0) + 1);
  }
  const missing = servicePages.filter((p) => !folders.has(p));
  if (missing.length) problems.push(`${missing.length} service pages have no downloads: ${missing.slice(0, 3).join(', ')}`);
  const pages = new Set(servicePages);
  const orphans = [...folders.keys()].filter((f) => !pages.has(f));
  if (orphans.length) problems.push(`${orphans.length} service downloads folders have no service page: ${orphans.slice(0, 3).join(', ')}`);
  return problems;
}

/** The source of the commentary module: each file with an import of it (load-commentary.ts reads them). */
function commentarySource(options: ReviewSiteOptions): string {
  const { reviews, pinned } = commentaryFiles(options);
  const list = (files: string[]) =>
    `[${files.map((f) => `{ filePath: ${JSON.stringify(f)}, load: () => import(${JSON.stringify(f)}) }`).join(',\n')}]`;
  return `export const reviews = ${list(reviews)};\nexport const pinned = ${list(pinned)};\n`;
}

/** The Vite plugin behind the virtual modules, and the dev server's period downloads. */
function siteModule(options: ReviewSiteOptions): Plugin {
  const resolved = `\0${SITE_MODULE}`;
  const commentary = `\0${COMMENTARY_MODULE}`;
  const source = [
    `export const snapshotDir = ${JSON.stringify(options.snapshotDir)};`,
    `export const publishedDir = ${JSON.stringify(options.publishedDir)};`,
    `export const contentDir = ${JSON.stringify(options.contentDir)};`,
    `export const pinnedDir = ${JSON.stringify(options.pinnedDir)};`,
    `export const base = ${JSON.stringify(options.base)};`,
    `export const locales = ${JSON.stringify(options.locales ?? DEFAULT_LOCALES)};`,
    `export const origin = ${JSON.stringify(options.origin ?? null)};`,
  ].join('\n');
  return {
    name: 'service-review:site',
    resolveId: (id) => (id === SITE_MODULE ? resolved : id === COMMENTARY_MODULE ? commentary : undefined),
    load: (id) => (id === resolved ? source : id === commentary ? commentarySource(options) : undefined),
    configureServer(server) {
      server.middlewares.use(periodDownloadsMiddleware(options, options.base));
      // A commentary file added or deleted changes the list: the module is made again and the page reloads.
      // (An edited file is an imported module of its own, which Vite reloads.)
      server.watcher.add([options.contentDir, options.pinnedDir]);
      const relist = (file: string) => {
        if (!file.endsWith('.mdx') || !(isWithin(file, options.contentDir) || isWithin(file, options.pinnedDir))) return;
        for (const env of Object.values(server.environments)) {
          const mod = env.moduleGraph.getModuleById(commentary);
          if (mod) env.moduleGraph.invalidateModule(mod);
        }
        server.ws.send({ type: 'full-reload' });
      };
      server.watcher.on('add', relist);
      server.watcher.on('unlink', relist);
    },
  };
}
