/**
 * The site integration on its own: its hooks driven as Astro drives them, around a stand-in for
 * Astro's default prerenderer, on the mini fixture's snapshots. Options in (folders, base path);
 * out: the virtual module the pages read, the files of the site folder (written by the real writer
 * threads, with the real search index), the responses Astro is handed back; and stop().
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { gunzipSync } from 'node:zlib';
import type { AstroIntegrationLogger, AstroPrerenderer, HookParameters, PathWithRoute, RouteData } from 'astro';
import type { Plugin } from 'vite';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { siteSnapshots } from '../../src/lib/site/load-snapshots.ts';
import { periodDownloads } from '../../src/lib/site/period-downloads.ts';
import {
  downloadProblems,
  type ReviewSiteIntegration,
  type ReviewSiteOptions,
  reviewSite,
} from '../../src/lib/site/review-site-integration.ts';
import { SiteWriters } from '../../src/lib/site/site-writers.ts';
import { readPeriodStatuses } from '../../src/lib/site/snapshot-files.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const FIXTURE = path.join(ROOT, 'test/fixtures/mini/expected');

const logger = {
  info: () => {},
  warn: () => {},
  error: () => {},
  debug: () => {},
  fork: () => logger,
} as unknown as AstroIntegrationLogger;

const route = (type: RouteData['type'], pattern: string): RouteData =>
  ({
    type,
    route: pattern,
    component: `src/pages${pattern}.astro`,
    params: [],
    pathname: undefined,
    prerender: true,
  }) as unknown as RouteData;
// The pages' routes carry the locale segment (src/pages/[...locale]/), empty in a one-language site.
const PERIOD_PAGE = route('page', '/[...locale]/reviews/[period]');
const SERVICE_PAGE = route('page', '/[...locale]/reviews/[period]/services/[service]');
const NOT_FOUND = route('page', '/404');
// A download that is still an Astro route (the period downloads are not: period-downloads.ts).
const TABLE = route('endpoint', '/method/[table].csv');

const html = (title: string) =>
  `<!DOCTYPE html><html lang="en"><head><title>${title}</title></head><body><main data-pagefind-body><h1>${title}</h1><p>Availability of ${title}</p></main></body></html>`;

/** A stand-in for Astro's default prerenderer: the routes below, in Astro's order (a download first). */
function defaultPrerenderer(): AstroPrerenderer & { rendered: string[] } {
  // A service page for every service of every period, as the site has (each has its downloads).
  const folders = { snapshotDir: FIXTURE, publishedDir: path.join(FIXTURE, 'none') };
  const servicePages = siteSnapshots(folders)
    .sitePeriods()
    .flatMap((period) =>
      period.shown.services.map((s): PathWithRoute => ({ pathname: `/reviews/${period.id}/services/${s.id}`, route: SERVICE_PAGE })),
    );
  const paths: PathWithRoute[] = [
    { pathname: '/method/services.csv', route: TABLE },
    { pathname: '/reviews/2026-10', route: PERIOD_PAGE },
    ...servicePages,
    { pathname: '/404', route: NOT_FOUND },
  ];
  const rendered: string[] = [];
  return {
    name: 'astro:default',
    rendered,
    getStaticPaths: async () => paths,
    render: async (request, { routeData }) => {
      const p = new URL(request.url).pathname;
      rendered.push(p);
      if (routeData.type === 'endpoint') return new Response('\uFEFFperiod,service_id\r\n2026-10,api\r\n');
      return new Response(html(routeData === NOT_FOUND ? 'Not found' : p), { headers: { 'Content-Type': 'text/html' } });
    },
  };
}

/** The request Astro makes for a path: the base, then the path (pages with a trailing slash). */
function requestFor(p: PathWithRoute, base: string): Request {
  const below = p.route.type === 'page' ? `${p.pathname.replace(/\/$/, '')}/` : p.pathname;
  return new Request(new URL(`${base.replace(/\/$/, '')}${below}`, 'https://example.org'));
}

describe('reviewSite (the site integration)', () => {
  const dirs: string[] = [];
  const sites: ReviewSiteIntegration[] = [];
  afterEach(async () => {
    // A site whose build a test did not finish still has its writer threads: ended before their folder is deleted.
    await Promise.all(sites.splice(0).map((s) => s.stop()));
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  function setup(base: string) {
    const work = mkdtempSync(path.join(tmpdir(), 'sr-integration-'));
    dirs.push(work);
    const options: ReviewSiteOptions = {
      snapshotDir: FIXTURE,
      publishedDir: path.join(work, 'no-published-revisions'),
      contentDir: path.join(work, 'content/reviews'),
      pinnedDir: path.join(work, 'pinned'),
      base,
    };
    const site = reviewSite(options);
    sites.push(site);
    const hooks = site.hooks as {
      'astro:config:setup': (o: Partial<HookParameters<'astro:config:setup'>>) => void;
      'astro:config:done': (o: Partial<HookParameters<'astro:config:done'>>) => void;
      'astro:build:start': (o: Partial<HookParameters<'astro:build:start'>>) => void;
      'astro:build:done': (o: Partial<HookParameters<'astro:build:done'>>) => Promise<void>;
    };
    const outDir = path.join(work, 'dist');
    // As in a build: the writer threads start at astro:config:done.
    hooks['astro:config:setup']({
      command: 'build',
      updateConfig: ((c: unknown) => c) as HookParameters<'astro:config:setup'>['updateConfig'],
      logger,
    });
    hooks['astro:config:done']({
      config: {
        outDir: pathToFileURL(`${outDir}/`),
        publicDir: pathToFileURL(`${path.join(work, 'public')}/`),
        build: { format: 'directory' },
      } as HookParameters<'astro:config:done'>['config'],
      logger,
    });
    return { site, hooks, options, outDir, work };
  }

  it('gives the pages its folders and base path through the virtual module', async () => {
    const { hooks, options } = setup('/review/');
    const plugins: Plugin[] = [];
    hooks['astro:config:setup']({
      updateConfig: ((c: { vite?: { plugins?: Plugin[] } }) => {
        plugins.push(...(c.vite?.plugins ?? []));
      }) as HookParameters<'astro:config:setup'>['updateConfig'],
      command: 'build',
      logger,
    });
    const plugin = plugins[0] as Plugin & { resolveId: (id: string) => string | undefined; load: (id: string) => string | undefined };
    const id = plugin.resolveId('virtual:service-review/site');
    expect(id).toBeDefined();
    expect(plugin.resolveId('virtual:something-else')).toBeUndefined();
    const source = plugin.load(id as string) as string;
    const module = await import(`data:text/javascript,${encodeURIComponent(source)}`);
    expect({ ...module }).toEqual({
      snapshotDir: options.snapshotDir,
      publishedDir: options.publishedDir,
      contentDir: options.contentDir,
      pinnedDir: options.pinnedDir,
      base: '/review/',
      // No review.locales given: English only, the config's default.
      locales: ['en'],
      // No origin given (REVIEW_SITE unset): the digests link relatively.
      origin: null,
    });
  });

  it('writes every route Astro renders, the period downloads and the search index; Astro writes only the 404 page', async () => {
    const { hooks, outDir } = setup('/review/');
    let prerenderer: AstroPrerenderer | null = null;
    const astro = defaultPrerenderer();
    hooks['astro:build:start']({
      logger,
      setPrerenderer: (p) => {
        prerenderer = typeof p === 'function' ? p(astro) : p;
      },
    });
    const wrapped = prerenderer as unknown as AstroPrerenderer;
    await wrapped.setup?.();
    // Each shard's index is requested once its last page is in, with how many routes were rendered by then.
    const requested: [number | undefined, number][] = [];
    const requestIndex = SiteWriters.prototype.requestIndex;
    const spy = vi.spyOn(SiteWriters.prototype, 'requestIndex').mockImplementation(function (this: SiteWriters, shard?: number) {
      requested.push([shard, astro.rendered.length]);
      requestIndex.call(this, shard);
    });
    const paths = await wrapped.getStaticPaths();
    // Pages first, shard by shard (Astro's even places, then its odd ones), each shard's service pages last (quick to
    // index, where the others are slow); then the downloads.
    expect(paths.map((p) => p.pathname)).toEqual([
      '/reviews/2026-10',
      '/reviews/2026-10/services/web',
      '/reviews/2026-Q4/services/web',
      '/reviews/2026/services/web',
      '/404',
      '/reviews/2026-10/services/api',
      '/reviews/2026-Q4/services/api',
      '/reviews/2026/services/api',
      '/method/services.csv',
    ]);
    const handedBack = new Map<string, Response>();
    for (const p of paths) {
      const result = await wrapped.render(requestFor(p, '/review/'), { routeData: p.route });
      handedBack.set(p.pathname, result instanceof Response ? result : result.response);
    }
    await wrapped.teardown?.();
    await hooks['astro:build:done']({ logger });
    spy.mockRestore();
    // The first shard's index was requested while the second shard's pages were still to render; the second's after its last.
    expect(requested[0]?.[0]).toBe(0);
    expect(requested[0]?.[1]).toBeLessThan(8);
    expect(requested[1]?.[0]).toBe(1);
    expect(requested[1]?.[1]).toBeGreaterThanOrEqual(8);

    // Astro gets an empty response for what the integration writes, and the 404 page whole (Astro writes 404.html).
    for (const [p, res] of handedBack) expect(res.body === null, p).toBe(p !== '/404');
    expect(await handedBack.get('/404')?.text()).toBe(html('Not found'));
    expect(existsSync(path.join(outDir, '404.html'))).toBe(false);
    expect(readFileSync(path.join(outDir, 'reviews/2026-10/index.html'), 'utf8')).toBe(html('/review/reviews/2026-10/'));
    expect(readFileSync(path.join(outDir, 'reviews/2026-10/services/api/index.html'), 'utf8')).toBe(
      html('/review/reviews/2026-10/services/api/'),
    );
    expect(readFileSync(path.join(outDir, 'method/services.csv'), 'utf8')).toBe('\uFEFFperiod,service_id\r\n2026-10,api\r\n');
    // The period downloads of every period in the snapshots, from period-downloads.ts: texts and copied snapshot files.
    const folders = { snapshotDir: FIXTURE, publishedDir: path.join(outDir, 'none') };
    let files = 0;
    for (const status of readPeriodStatuses(folders) ?? []) {
      for (const d of periodDownloads(folders, status)) {
        const content = d.content();
        const want = 'file' in content ? readFileSync(content.file, 'utf8') : content.text;
        expect(readFileSync(path.join(outDir, d.path), 'utf8'), d.path).toBe(want);
        files++;
      }
    }
    expect(files).toBeGreaterThan(0);
    // Two shards of the index; the second without Pagefind's code (the search page merges it into the first).
    expect(readdirSync(path.join(outDir, 'pagefind'))).toEqual(expect.arrayContaining(['pagefind.js', 'pagefind-entry.json']));
    expect(readdirSync(path.join(outDir, 'pagefind-2'))).toContain('pagefind-entry.json');
    expect(readdirSync(path.join(outDir, 'pagefind-2'))).not.toContain('pagefind.js');
    const entry = (shard: string) => JSON.parse(readFileSync(path.join(outDir, shard, 'pagefind-entry.json'), 'utf8'));
    const indexed = Object.values(entry('pagefind').languages as Record<string, { page_count: number }>)[0]?.page_count ?? 0;
    const indexed2 = Object.values(entry('pagefind-2').languages as Record<string, { page_count: number }>)[0]?.page_count ?? 0;
    // The eight pages (the stand-in's 404 page is searchable too) dealt out in turn, four to each shard, by their place
    // in Astro's order, not in the order rendered: a shard's pages, and so the ranking of results, are as before.
    expect([indexed, indexed2]).toEqual([4, 4]);
    const urls = (shard: string) =>
      readdirSync(path.join(outDir, shard, 'fragment'))
        .map(
          (f) =>
            JSON.parse(
              gunzipSync(readFileSync(path.join(outDir, shard, 'fragment', f)))
                .toString('utf8')
                .replace(/^pagefind_dcd/, ''),
            ).url,
        )
        .sort();
    // Astro's order: the period page, the six service pages, the 404 page; even places to the first shard.
    expect(urls('pagefind')).toEqual(
      ['/reviews/2026-10/', '/reviews/2026-10/services/web/', '/reviews/2026-Q4/services/web/', '/reviews/2026/services/web/'].sort(),
    );
    expect(urls('pagefind-2')).toEqual(
      ['/404/', '/reviews/2026-10/services/api/', '/reviews/2026-Q4/services/api/', '/reviews/2026/services/api/'].sort(),
    );
  });

  it('stop() ends the writer threads: they write nothing more, and the build cannot finish', async () => {
    const { site, hooks, outDir } = setup('/');
    const terminate = vi.spyOn(Worker.prototype, 'terminate');
    hooks['astro:build:start']({ logger, setPrerenderer: () => {} });
    // The threads start writing the period downloads as soon as they run; stopped at once, they write none.
    await site.stop();
    // Both threads were ended, and had exited when stop() returned (terminate() resolves on exit).
    expect(terminate).toHaveBeenCalledTimes(2);
    terminate.mockRestore();
    await site.stop(); // twice is harmless
    await expect(hooks['astro:build:done']({ logger })).rejects.toThrow('the site writers were stopped before the build finished');
    expect(existsSync(outDir)).toBe(false);
  });

  it('one producer per address: a route making a period download, or service downloads and pages that do not match, fail the build', () => {
    const csvs = ['/reviews/2026-10/services/api/daily.csv', '/reviews/2026-10/services/api/outages.csv'];
    const all = ['/reviews/2026-10/snapshot.json', '/reviews/2026-10/services.csv', ...csvs];
    expect(downloadProblems(all, new Set(['/reviews/2026-10/index.html']), ['/reviews/2026-10/services/api/'])).toEqual([]);
    expect(downloadProblems(all, new Set([csvs[0] as string]), ['/reviews/2026-10/services/api/'])).toEqual([
      '1 period downloads were also made by an Astro route: /reviews/2026-10/services/api/daily.csv',
    ]);
    expect(downloadProblems(all, new Set(['/reviews/2026-10/snapshot.json']), ['/reviews/2026-10/services/api/'])).toEqual([
      '1 period downloads were also made by an Astro route: /reviews/2026-10/snapshot.json',
    ]);
    expect(downloadProblems(all, new Set(), ['/reviews/2026-10/services/api/', '/reviews/2026-10/services/web/'])).toEqual([
      '1 service pages have no downloads: /reviews/2026-10/services/web/',
    ]);
    // A published revision's copies of the service pages go with its service downloads the same way.
    const r1 = ['/reviews/2026-10/r1/services/api/daily.csv'];
    expect(downloadProblems([...all, ...r1], new Set(), ['/reviews/2026-10/services/api/', '/reviews/2026-10/r1/services/api/'])).toEqual(
      [],
    );
    expect(downloadProblems([...all, ...r1], new Set(), ['/reviews/2026-10/services/api/'])).toEqual([
      '1 service downloads folders have no service page: /reviews/2026-10/r1/services/api/',
    ]);
    // And the draft view's copies with the draft's.
    const draft = ['/reviews/2026-10/draft/services/api/daily.csv'];
    expect(
      downloadProblems([...all, ...draft], new Set(), ['/reviews/2026-10/services/api/', '/reviews/2026-10/draft/services/api/']),
    ).toEqual([]);
    expect(downloadProblems([...all, ...draft], new Set(), ['/reviews/2026-10/services/api/'])).toEqual([
      '1 service downloads folders have no service page: /reviews/2026-10/draft/services/api/',
    ]);
    // A period's own downloads are not a service's folder.
    expect(downloadProblems(all, new Set(), [])).toEqual([
      '1 service downloads folders have no service page: /reviews/2026-10/services/api/',
    ]);
  });
});
