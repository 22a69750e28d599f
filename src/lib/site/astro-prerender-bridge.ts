/**
 * Everything the site build relies on in Astro beyond its documented behaviour, in one place;
 * test/site/astro-prerender-bridge.test.ts builds a small project with Astro's own writer and
 * through this bridge and fails, naming the Astro version, when an upgrade changes any of it.
 *
 * Public and documented (https://docs.astro.build/en/reference/integrations-reference/):
 * - `setPrerenderer()` in `astro:build:start`, with a function that wraps Astro's default
 *   prerenderer (#setprerenderer-option, "wrap or extend the default behavior"), and the
 *   `AstroPrerenderer` it returns: `setup`, `getStaticPaths` (entries `{ pathname, route }`),
 *   `render(request, { routeData })`, `teardown` (#astroprerenderer);
 * - `RouteData.type` ('page' | 'endpoint' | 'redirect' | 'fallback') and `RouteData.route`
 *   (#routedata); `PrerenderResult` ({ response, metadata }) as a result of `render()` is in the
 *   public types (node_modules/astro/dist/types/public/integrations.d.ts), not yet in the docs.
 *
 * Not documented, checked by the test (Astro 7.3.5: node_modules/astro/dist/core/build/generate.js,
 * core/build/common.js, prerender/utils.js):
 * 1. Astro writes no file for a route whose response has no body ("file not created"), so a
 *    route whose bytes this bridge hands on is written once, by the writer threads.
 * 2. Where Astro puts a route's file with `build.format: 'directory'`: a page at <path>index.html,
 *    an endpoint at its path, the 404 and 500 pages at 404.html and 500.html (left to Astro here).
 * 3. The request a route is rendered with has the base path, then the route's path (pages with a
 *    trailing slash), as its URL path: the path below the base is read from it.
 * 4. Astro skips a route whose file is in public/ (and warns); the bridge does the same.
 * 5. Astro bundles the pages' code into <outDir>/.prerender/ only when outDir is inside the
 *    process's working folder, else into <cwd>/.astro/.prerender/ (shared by every build started
 *    from that folder, and renamed into outDir, which fails across file systems); the bundle
 *    imports Astro's dependencies by name, so it works only under the tool's node_modules/.
 *    build-site.ts builds into a folder of the tool's, from the tool's folder (inWorkingDir).
 * 6. Astro empties outDir at the start of its bundling (after astro:build:start) unless
 *    `vite.build.emptyOutDir` is false (core/build/static-build.js): the site integration sets it false
 *    and empties the folder itself, before its writer threads start, at astro:config:done.
 */
import { readdirSync } from 'node:fs';
import type { AstroIntegrationLogger, AstroPrerenderer, PathWithRoute, RouteType } from 'astro';

/** The Astro release the reliance above was last checked against (the test names both versions when it fails). */
export const ASTRO_VERSION_CHECKED = '7.3.5';

/** One rendered route, as the bridge hands it on. */
export interface RouteOutput {
  /** The route's address below the base path: '/reviews/2026-10/', '/reviews/2026-10/services.csv'. */
  path: string;
  /** A page (HTML), as opposed to an endpoint (a download). */
  page: boolean;
  /** The rendered bytes; null when the route rendered nothing (failed, empty, or a redirect). */
  bytes: Uint8Array<ArrayBuffer> | null;
  /**
   * Where the route's file goes, below the site folder ('/reviews/2026-10/index.html'): the
   * consumer writes it and Astro writes nothing. null: Astro writes the route's file itself (404
   * and 500 pages, redirects, a route shadowed by a file of public/), or there is none.
   */
  file: string | null;
}

export interface PrerenderTap {
  /** The path below the base that the site is built under ('/', '/review/'). */
  base: string;
  /** build.format 'directory' (the only format whose file placement the bridge knows; else every file is left to Astro). */
  directoryFormat: boolean;
  /** Files of public/, as paths below it ('/favicon.svg'): see publicFiles(). */
  publicFiles: ReadonlySet<string>;
  logger: AstroIntegrationLogger;
  /** The static paths in the order they are to be rendered (given Astro's list). */
  order(paths: PathWithRoute[]): PathWithRoute[];
  /** Every rendered route, in the order Astro started rendering them (whatever order they finish in). */
  onOutput(output: RouteOutput): void;
}

/**
 * Astro's default prerenderer, wrapped: each route's bytes go to `tap.onOutput`, and Astro is
 * handed the response without its body for the routes whose file the consumer writes.
 * `settled()` resolves once every route started so far has been handed on.
 */
export function tapPrerenderer(
  astro: AstroPrerenderer,
  tap: PrerenderTap,
): { prerenderer: AstroPrerenderer; settled: () => Promise<void> } {
  let queue = Promise.resolve();
  const prerenderer: AstroPrerenderer = {
    name: 'service-review:pages',
    setup: () => astro.setup?.() ?? Promise.resolve(),
    getStaticPaths: async () => tap.order(await astro.getStaticPaths()),
    ...(astro.collectStaticImages ? { collectStaticImages: () => astro.collectStaticImages?.() ?? Promise.resolve(new Map()) } : {}),
    teardown: () => astro.teardown?.() ?? Promise.resolve(),
    async render(request, options) {
      if (options.collectMetadata) {
        // Astro's incremental build would record the emptied responses below as the pages.
        throw new Error('the site build does not support experimental.incrementalBuild');
      }
      const route = options.routeData;
      const page = route.type === 'page';
      // (3) The route's path below the base: where its file goes, and the address Pagefind gives a page.
      const path = decodeURI(new URL(request.url).pathname).slice(tap.base.length - 1);
      let settle: (output: RouteOutput | null) => void = () => {};
      const output = new Promise<RouteOutput | null>((resolve) => {
        settle = resolve;
      });
      queue = queue
        .then(() => output)
        .then((o) => {
          if (o) tap.onOutput(o);
        });
      try {
        const result = await astro.render(request, options);
        const response = result instanceof Response ? result : result.response;
        if (!response.body || (response.status >= 300 && response.status < 400)) {
          settle({ path, page, bytes: null, file: null });
          return result;
        }
        const bytes = new Uint8Array(await response.arrayBuffer());
        const file = tap.directoryFormat ? astroOutFile(path, route.type) : null;
        if (file === null || tap.publicFiles.has(file)) {
          // (4) As Astro does: a file of public/ is never overwritten by a route.
          if (file !== null) tap.logger.warn(`Skipping ${route.component}: public/ has a file of the same name: ${file}`);
          settle({ path, page, bytes, file: null });
          const same = new Response(bytes, { status: response.status, statusText: response.statusText, headers: response.headers });
          return result instanceof Response ? same : { ...result, response: same };
        }
        settle({ path, page, bytes, file });
        // (1) No body: Astro writes nothing for this route.
        const emptied = new Response(null, { status: response.status, statusText: response.statusText, headers: response.headers });
        return result instanceof Response ? emptied : { ...result, response: emptied };
      } catch (e) {
        settle(null);
        throw e;
      }
    },
  };
  return { prerenderer, settled: () => queue };
}

/**
 * (2) Where Astro writes a route's file with build.format 'directory', below the site folder;
 * null for the files it places specially (404.html, 500.html; anything not a page or an endpoint).
 */
export function astroOutFile(path: string, type: RouteType): string | null {
  if (type === 'endpoint') return path.endsWith('/') ? null : path;
  if (type === 'page') return path.endsWith('/') && !/^\/(404|500)\/$/.test(path) ? `${path}index.html` : null;
  return null;
}

/** (4) The files of a public/ folder, as paths below it ('/favicon.svg'); none when it does not exist. */
export function publicFiles(publicDir: string): Set<string> {
  const dir = publicDir.replace(/\/$/, '');
  const files = new Set<string>();
  try {
    for (const f of readdirSync(dir, { recursive: true, withFileTypes: true })) {
      if (f.isFile()) files.add(`${f.parentPath.slice(dir.length)}/${f.name}`);
    }
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
  return files;
}

/**
 * (5) Runs an Astro build from `dir`, a folder that holds its outDir, so Astro keeps its prerender
 * bundle inside outDir (one per build, on the same file system) whatever folder the command was
 * started from. The working folder is the process's: a process runs one build at a time (the CLI
 * runs one).
 */
export async function inWorkingDir<T>(dir: string, run: () => Promise<T>): Promise<T> {
  const previous = process.cwd();
  process.chdir(dir);
  try {
    return await run();
  } finally {
    process.chdir(previous);
  }
}
