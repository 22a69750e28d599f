/**
 * Site benchmark (`npm run bench -- --suite site [--site-years Y --site-services S]`): a
 * synthetic archive of Y years × S services (hourly checks from one probe, a few tickets and
 * survey responses a day), built with the real command (`build`), then: seconds of the data
 * half (as the command reports it) and of the site half (the rest), pages written, ms per page,
 * and the JavaScript each kind of page ships (its module scripts and every chunk they import,
 * gzipped together), split into pages with a chart and pages without.
 */
import { spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { BENCH_SERVICES, rng, serviceId, writeBenchConfig } from './bench-data.ts';

const ROOT = path.resolve(import.meta.dirname, '..');

async function writeArchive(dir: string, years: number, services: number): Promise<number> {
  mkdirSync(dir, { recursive: true });
  const rand = rng(99);
  const start = Date.UTC(2022, 0, 1);
  const end = Date.UTC(2022 + years, 0, 1);
  const out = createWriteStream(path.join(dir, 'checks.csv'));
  let rows = 0;
  let buf = 'timestamp,service,probe,status,latency_ms\n';
  for (let t = start; t < end; t += 3_600_000) {
    const iso = new Date(t).toISOString();
    for (let s = 0; s < services; s++) {
      const down = rand() < 0.002;
      buf += `${iso},${serviceId(s)},eu,${down ? 'down' : 'up'},${down ? '' : 50 + Math.floor(rand() * 400)}\n`;
      rows++;
    }
    if (buf.length > 1 << 20) {
      if (!out.write(buf)) await new Promise<void>((r) => out.once('drain', () => r()));
      buf = '';
    }
  }
  await new Promise<void>((r) => out.end(buf, () => r()));
  const tickets = ['id,created,first_response,resolved,priority,category,service,title'];
  const surveys = ['response_id,submitted_at,service,ticket_id,csat,nps,ces,comment'];
  const fmt = (ms: number) => new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
  let n = 0;
  for (let t = start; t < end; t += 8 * 3_600_000) {
    const id = `T${++n}`;
    const created = t + Math.floor(rand() * 3_600_000);
    const svc = serviceId(Math.floor(rand() * services));
    tickets.push(
      `${id},${fmt(created)},${fmt(created + 600_000)},${fmt(created + 7_200_000)},P${1 + Math.floor(rand() * 4)},Bug,${svc},Cannot open report ${n % 7}`,
    );
    surveys.push(
      `R${n},${fmt(created + 8_000_000)},${svc},${id},${1 + Math.floor(rand() * 5)},${Math.floor(rand() * 11)},${1 + Math.floor(rand() * 7)},`,
    );
  }
  writeFileSync(path.join(dir, 'tickets.csv'), `${tickets.join('\n')}\n`);
  writeFileSync(path.join(dir, 'surveys.csv'), `${surveys.join('\n')}\n`);
  return rows;
}

function htmlFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...htmlFiles(p));
    else if (e.name.endsWith('.html')) out.push(p);
  }
  return out;
}

/** Every JS file a page loads: its module scripts and, transitively, the chunks they import. */
function pageScripts(html: string, dist: string): { files: string[]; inline: string[] } {
  const files = new Set<string>();
  const inline: string[] = [];
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
    const attrs = m[1] ?? '';
    const src = /\bsrc="([^"]+)"/.exec(attrs)?.[1];
    if (/type="application\/(ld\+)?json"/.test(attrs)) continue;
    if (src) files.add(src);
    else if ((m[2] ?? '').trim()) {
      inline.push(m[2] as string);
      for (const i of (m[2] as string).matchAll(/import\s*(?:[^'"]*from\s*)?["']([^"']+\.js)["']/g)) files.add(i[1] as string);
    }
  }
  const queue = [...files];
  while (queue.length) {
    const f = queue.pop() as string;
    const p = path.join(dist, f.replace(/^\//, ''));
    if (!existsSync(p)) continue;
    const js = readFileSync(p, 'utf8');
    for (const i of js.matchAll(/(?:import|from)\s*["'](\.{0,2}\/[^"']+\.js)["']/g)) {
      const next = path.posix.join(path.posix.dirname(f), i[1] as string);
      if (!files.has(next)) {
        files.add(next);
        queue.push(next);
      }
    }
  }
  return { files: [...files], inline };
}

function pageKind(path: string): string {
  // A site of several languages has each page under its language's folder: one kind for all of them.
  const rel = path.replace(/^(en|zh-CN)\//, '');
  if (rel === 'index.html') return 'home (and the root page of a site of several languages)';
  if (/^reviews\/[^/]+\/digest\.html$/.test(rel)) return 'digest';
  if (/^reviews\/[^/]+\/services\/[^/]+\/index\.html$/.test(rel)) return 'service (period × service)';
  if (/^reviews\/[^/]+\/data-quality\/index\.html$/.test(rel)) return 'data quality';
  if (/^reviews\/[^/]+\/index\.html$/.test(rel)) return 'period';
  if (/^reviews\/[^/]+\/tickets\/index\.html$/.test(rel)) return 'tickets (drill-down)';
  if (/^reviews\/[^/]+\/[^/]+\/index\.html$/.test(rel)) return 'published revision';
  return rel.replace(/\/index\.html$/, '').replace(/\.html$/, '');
}

/** When this archive's previous site was last deleted (ms since the epoch), beside its dist/. */
const DELETED_AT = 'site-deleted-at.json';
/** How long after a deletion ext4 without a journal still skips the freed inodes, at most (see settleFileSystem). */
const RECENTLY_DELETED_SECONDS = 360;

/** Deletes the archive's previous site, if there is one, and records when (settleFileSystem waits from then). */
function deletePreviousSite(dir: string, previous: string): void {
  if (!existsSync(previous)) return;
  rmSync(previous, { recursive: true, force: true });
  writeFileSync(path.join(dir, DELETED_AT), JSON.stringify({ at: Date.now() }));
}

/**
 * Lets the file system settle before the timed build, as on a machine that builds the site for the
 * first time (CI):
 * - Dirty pages are written out first (`sync`), so the kernel's writeback of earlier runs' files does
 *   not take CPU from the build.
 * - ext4 without a journal (this project's machines) skips, one by one, every inode freed in the last
 *   60 s, or 360 s while that inode's table block is dirty, each time it creates a file
 *   (fs/ext4/ialloc.c: find_inode_bit, recently_deleted). Right after a run deleted its site's
 *   36,000 files, the next build spent about 5 s of CPU there (perf: 8.6 % of all samples,
 *   docs/benchmarks.md). So the run waits until 360 s have passed since this archive's previous
 *   site was deleted; `--site-settle 0` does not wait, and says so.
 */
async function settleFileSystem(dir: string, settleSeconds: number): Promise<void> {
  spawnSync('sync');
  let deletedAt = Number.NaN;
  try {
    deletedAt = Number((JSON.parse(readFileSync(path.join(dir, DELETED_AT), 'utf8')) as { at: number }).at);
  } catch {
    // No marker (a fresh archive), or an unreadable one: no deletion known.
  }
  if (!Number.isFinite(deletedAt)) return;
  const ago = (Date.now() - deletedAt) / 1000;
  if (settleSeconds <= 0) {
    if (ago < RECENTLY_DELETED_SECONDS)
      console.log(`not waiting (--site-settle 0): the previous site was deleted ${Math.floor(ago)} s ago, so file creation may be slower`);
    return;
  }
  const wait = settleSeconds - ago;
  if (wait <= 0) return;
  console.log(
    `waiting ${Math.ceil(wait)} s: the previous site was deleted ${Math.floor(ago)} s ago, and ext4 without a journal slows every file creation for ${settleSeconds} s after a deletion (--site-settle 0 does not wait)`,
  );
  await new Promise((r) => setTimeout(r, wait * 1000));
  spawnSync('sync');
}

export async function runSiteBench(o: {
  dir: string;
  years: number;
  services: number;
  locales: string[];
  /** Seconds to wait after the previous site's deletion before the timed build (see settleFileSystem). */
  settleSeconds: number;
}): Promise<unknown> {
  const services = Math.min(o.services, BENCH_SERVICES);
  const dir = path.join(o.dir, `${o.years}y-${services}s`);
  const marker = path.join(dir, 'rows.json');
  if (!existsSync(marker)) {
    console.log(`generating a ${o.years}-year archive of ${services} services in ${dir} …`);
    const rows = await writeArchive(dir, o.years, services);
    const config = writeBenchConfig(dir, { checks: 'checks.csv', tickets: 'tickets.csv', surveys: 'surveys.csv' });
    // Only the first `services` services exist in this archive.
    const yaml = readFileSync(config, 'utf8')
      .split('\n')
      .filter((l) => !/^ {2}- \{ id: svc-(\d+),/.test(l) || Number(/svc-(\d+)/.exec(l)?.[1]) <= services)
      .join('\n')
      .replace(
        '  - { id: desk, kind: tickets, files: tickets.csv }',
        '  - { id: desk, kind: tickets, files: tickets.csv, columns: { id: id } }',
      );
    writeFileSync(config, yaml);
    writeFileSync(marker, JSON.stringify({ rows }));
  }
  // The site's languages (issue #16): each run sets them, so one archive serves both measurements.
  const configFile = path.join(dir, 'review.config.yaml');
  const withoutLocales = readFileSync(configFile, 'utf8').replace(/^ {2}locales: .*\n/m, '');
  writeFileSync(configFile, withoutLocales.replace(/^review:\n/m, `review:\n  locales: [${o.locales.join(', ')}]\n`));
  // The previous site is moved aside and deleted only after the timed build, and the next run waits
  // for the file system to settle (settleFileSystem): files deleted just before the build made the
  // build's own file creations slow on some file systems, which timed the disk, not the build.
  const previous = path.join(dir, 'dist.previous');
  deletePreviousSite(dir, previous);
  if (existsSync(path.join(dir, 'dist'))) renameSync(path.join(dir, 'dist'), previous);
  await settleFileSystem(dir, o.settleSeconds);
  console.log('building the site …');
  const started = performance.now();
  const r = spawnSync(
    process.execPath,
    [
      '--experimental-strip-types',
      '--no-warnings=ExperimentalWarning',
      path.join(ROOT, 'src/cli/main.ts'),
      'build',
      '--config',
      path.join(dir, 'review.config.yaml'),
    ],
    { cwd: ROOT, encoding: 'utf8', env: { ...process.env, TZ: 'UTC', ASTRO_TELEMETRY_DISABLED: '1' }, maxBuffer: 1 << 28 },
  );
  const total = (performance.now() - started) / 1000;
  deletePreviousSite(dir, previous);
  if (r.status !== 0) throw new Error(`site build failed (exit ${r.status}):\n${r.stdout}\n${r.stderr.slice(-4000)}`);
  const dataSeconds = Number(/in ([\d.]+) s/.exec(r.stdout)?.[1] ?? 'NaN');
  const siteSeconds = total - dataSeconds;
  const dist = path.join(dir, 'dist');
  const pages = htmlFiles(dist);
  const kinds = new Map<string, { pages: number; maxJsGzip: number; chartPages: number; maxChartJsGzip: number; maxPlainJsGzip: number }>();
  const gz = new Map<string, number>();
  for (const p of pages) {
    const rel = path.relative(dist, p).split(path.sep).join('/');
    const html = readFileSync(p, 'utf8');
    const { files, inline } = pageScripts(html, dist);
    const js = files
      .map((f) => path.join(dist, f.replace(/^\//, '')))
      .filter((f) => existsSync(f))
      .map((f) => readFileSync(f, 'utf8'))
      .concat(inline)
      .join('\n');
    const size = js ? (gz.get(js) ?? gzipSync(js, { level: 9 }).length) : 0;
    if (js) gz.set(js, size);
    const chart = /<canvas\b|data-chart|chart-figure/i.test(html);
    const kind = pageKind(rel);
    const k = kinds.get(kind) ?? { pages: 0, maxJsGzip: 0, chartPages: 0, maxChartJsGzip: 0, maxPlainJsGzip: 0 };
    k.pages++;
    k.maxJsGzip = Math.max(k.maxJsGzip, size);
    if (chart) {
      k.chartPages++;
      k.maxChartJsGzip = Math.max(k.maxChartJsGzip, size);
    } else k.maxPlainJsGzip = Math.max(k.maxPlainJsGzip, size);
    kinds.set(kind, k);
  }
  const msPerPage = (siteSeconds * 1000) / pages.length;
  console.log(`\nSite: ${o.years} years × ${services} services, locales ${o.locales.join(', ')}\n`);
  console.log(
    `| build half | seconds |\n| --- | ---: |\n| data (ingest, rollups, snapshots) | ${dataSeconds.toFixed(1)} |\n| site (astro build, search index) | ${siteSeconds.toFixed(1)} |`,
  );
  console.log(`\npages: ${pages.length}, ${msPerPage.toFixed(2)} ms per page (site half / pages)\n`);
  console.log('| page kind | pages | with a chart | max JS gzip, chart pages (KB) | max JS gzip, other pages (KB) |');
  console.log('| --- | ---: | ---: | ---: | ---: |');
  for (const [kind, k] of [...kinds].sort((a, b) => b[1].pages - a[1].pages))
    console.log(
      `| ${kind} | ${k.pages} | ${k.chartPages} | ${(k.maxChartJsGzip / 1000).toFixed(1)} | ${(k.maxPlainJsGzip / 1000).toFixed(1)} |`,
    );
  const distBytes = pages.reduce((a, p) => a + statSync(p).size, 0);
  return {
    years: o.years,
    services,
    locales: o.locales,
    pages: pages.length,
    dataSeconds,
    siteSeconds,
    msPerPage,
    htmlMB: distBytes / 1e6,
    kinds: Object.fromEntries(kinds),
  };
}
