/**
 * Whole-build test: a fixture folder (config + exports) through the real CLI, as a user runs
 * it, into snapshots and a static site; then the same again to prove byte-identical output.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const CLI = path.join(ROOT, 'src/cli/main.ts');

/** The CLI in a process of its own, as a user runs it (by default from the tool's folder, without REVIEW_BASE or REVIEW_SITE). */
function runCli(args: string[], o: { tz?: string; cwd?: string } = {}) {
  const { REVIEW_BASE: _base, REVIEW_SITE: _site, ...env } = process.env;
  return spawnSync(process.execPath, ['--experimental-strip-types', '--no-warnings=ExperimentalWarning', CLI, ...args], {
    cwd: o.cwd ?? ROOT,
    encoding: 'utf8',
    env: { ...env, TZ: o.tz ?? 'Pacific/Auckland' },
  });
}

function listFiles(dir: string, prefix = ''): string[] {
  return readdirSync(path.join(dir, prefix), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? listFiles(dir, path.join(prefix, e.name)) : [path.join(prefix, e.name)],
  );
}

function textOf(html: string): string {
  return html
    .replace(/<style[\s\S]*?<\/style>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ');
}

/** A folder of its own for a test, removed after the file's tests. */
const made: string[] = [];
function tempDir(prefix: string, parent = tmpdir()): string {
  const dir = mkdtempSync(path.join(parent, prefix));
  made.push(dir);
  return dir;
}
afterAll(() => {
  for (const d of made.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A copy of a folder (the fixture, or a built review) that one test may change. */
function copyOf(dir: string, prefix: string): string {
  const copy = tempDir(prefix);
  cpSync(dir, copy, { recursive: true });
  return copy;
}

/** Nothing of a build is left beside the review's dist/ or in the tool's folder. */
function expectNoLeftovers(review: string, pid: number | undefined) {
  expect(readdirSync(review).filter((f) => f.startsWith('dist.'))).toEqual([]);
  expect(existsSync(path.join(ROOT, `dist.${pid}.tmp`))).toBe(false);
}

describe('whole build of test/fixtures/mini', () => {
  // Every test reads this build or builds a copy of it: the tests pass in any order, and alone.
  let work = '';
  let built: ReturnType<typeof runCli>;
  beforeAll(() => {
    work = copyOf(path.join(ROOT, 'test/fixtures/mini'), 'sr-build-');
    built = runCli(['build', '--config', path.join(work, 'review.config.yaml')]);
  });

  it('builds snapshots and pages with the hand-computed figures', () => {
    const r = built;
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toContain('warning: 5 rejected rows');
    expectNoLeftovers(work, r.pid);
    const snap = JSON.parse(readFileSync(path.join(work, 'snapshots/draft/2026-10.json'), 'utf8'));
    const api = snap.services.find((s: { id: string }) => s.id === 'api');
    // Checks every 10 min from 00:00Z to 23:50Z, max_gap 20 min → covered 24 h 10 min = 87 000 s;
    // down 02:00–02:30Z = 1 800 s; availability = 85 200 / 87 000.
    expect(api.eligibleMs).toBe(87_000_000);
    expect(api.downMs).toBe(1_800_000);
    expect(api.availability).toBeCloseTo(85_200 / 87_000, 12);
    expect(api.verdict).toBe('breached');
    // Tickets: T-1 (P1, resolved) and T-2 (P2, open); T-1's first row is a duplicate; T-3, T-4 rejected.
    expect(snap.tickets.overall.created).toBe(2);
    expect(snap.tickets.overall.backlogAtEnd).toBe(1);
    // T-1 (P1, 24×7): response 09:00→09:05 ≤ 15 min met (the later, edited row wins); resolved 11:00 ≤ 4 h met.
    // T-2 (P2, office Mon–Fri 09–17): created Thu 1 Oct 10:00, response 12:00 = 2 business h > 1 h → breached;
    // resolution deadline 8 business h → Thu 10–17 (7 h) + Fri 09–10 (1 h) = Fri 2 Oct 10:00, passed unresolved → breached.
    const [p1, p2] = snap.tickets.levels;
    expect(p1.response).toEqual({ attainment: 1, met: 1, breached: 0, pending: 0 });
    expect(p1.resolution).toEqual({ attainment: 1, met: 1, breached: 0, pending: 0 });
    expect(p2.response).toEqual({ attainment: 0, met: 0, breached: 1, pending: 0 });
    expect(p2.resolution).toEqual({ attainment: 0, met: 0, breached: 1, pending: 0 });
    expect(snap.tickets.overall.openBreachedAtEnd).toBe(1);
    expect(snap.tickets.overall.resolution.attainment).toBe(0.5);
    expect(snap.dataQuality).toMatchObject({ rows: 296, accepted: 290, rejected: 5, duplicates: 1 });
    const home = textOf(readFileSync(path.join(work, 'dist/index.html'), 'utf8'));
    expect(home).toContain('97.931 %');
    expect(home).toContain('breached');
    const review = textOf(readFileSync(path.join(work, 'dist/reviews/2026-10/index.html'), 'utf8'));
    expect(review).toContain('rejected 5');
    expect(review).toContain('50.0 % (1 of 2)');
    // Attention first (issue #15): the API breach (97.931 % < 99 %, budget 15 min, down 30 min → 207 %) opens the review, before the headline.
    expect(review).toContain(
      'Needs attention Availability met 1 of 2 monitored services. ✗ breached API : 97.931 % against a target of 99.000 %; error budget used 207 %',
    );
    expect(review.indexOf('Needs attention')).toBeLessThan(review.indexOf('Headline'));
    // The archive counts availability over monitored services with checks only.
    const archive = textOf(readFileSync(path.join(work, 'dist/reviews/index.html'), 'utf8'));
    expect(archive).toContain('October 2026 draft (partial data) 1 of 2');
    // Each service's downloads (written by the site's writer threads, not an Astro route).
    expect(readFileSync(path.join(work, 'dist/reviews/2026-10/services/api/daily.csv'), 'utf8')).toMatch(/^\uFEFFservice_id,date,/);
  });

  it('matches the golden snapshots in test/fixtures/mini/expected (UPDATE_GOLDEN=1 rewrites them after a reviewed change)', () => {
    expect(built.status, built.stderr).toBe(0);
    const expectedDir = path.join(ROOT, 'test/fixtures/mini/expected');
    const snapshots = path.join(work, 'snapshots/draft');
    const names = readdirSync(snapshots).sort();
    if (process.env.UPDATE_GOLDEN === '1') {
      rmSync(expectedDir, { recursive: true, force: true });
      cpSync(snapshots, expectedDir, { recursive: true });
    }
    expect(names).toEqual(readdirSync(expectedDir).sort());
    for (const name of names) {
      const want = JSON.parse(readFileSync(path.join(expectedDir, name), 'utf8'));
      const got = JSON.parse(readFileSync(path.join(snapshots, name), 'utf8'));
      // The tool's version is provenance, not a figure: a release must not fail the golden test.
      if (want.tool) want.tool.version = got.tool.version;
      expect(got, name).toEqual(want);
    }
  });

  it('rebuilds byte-identically (snapshots and pages), whatever the machine zone', () => {
    expect(built.status, built.stderr).toBe(0);
    const read = (dir: string) => Object.fromEntries(listFiles(dir).map((f) => [f, readFileSync(path.join(dir, f))]));
    const again = copyOf(work, 'sr-rebuild-');
    rmSync(path.join(again, 'dist'), { recursive: true });
    rmSync(path.join(again, '.cache'), { recursive: true });
    const r = runCli(['build', '--config', path.join(again, 'review.config.yaml')], { tz: 'America/Los_Angeles' });
    expect(r.status, r.stderr).toBe(0);
    const before = { snaps: read(path.join(work, 'snapshots/draft')), site: read(path.join(work, 'dist')) };
    const after = { snaps: read(path.join(again, 'snapshots/draft')), site: read(path.join(again, 'dist')) };
    expect(Object.keys(after.site).sort()).toEqual(Object.keys(before.site).sort());
    for (const [f, bytes] of Object.entries(before.snaps)) expect(after.snaps[f]?.equals(bytes), f).toBe(true);
    for (const [f, bytes] of Object.entries(before.site)) expect(after.site[f]?.equals(bytes), f).toBe(true);
  });

  it('--strict fails on rejected rows and leaves earlier outputs untouched', () => {
    expect(built.status, built.stderr).toBe(0);
    const review = copyOf(work, 'sr-strict-');
    const before = readFileSync(path.join(review, 'snapshots/draft/2026-10.json'));
    const r = runCli(['build', '--strict', '--config', path.join(review, 'review.config.yaml')]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('--strict: 5 rejected rows');
    expect(r.stderr).toContain('data/tickets.csv:4:2 Created: expected a date like 2026-11-03 08:15, got "31/02/2026"');
    expect(readFileSync(path.join(review, 'snapshots/draft/2026-10.json')).equals(before)).toBe(true);
  });

  it('a missing required column is one clear message, exit 1, no stack trace', () => {
    const broken = copyOf(path.join(ROOT, 'test/fixtures/mini'), 'sr-broken-');
    execFileSync('sed', ['-i', '1s/status/state_of_thing/', path.join(broken, 'data/checks.csv')]);
    const r = runCli(['check', '--config', path.join(broken, 'review.config.yaml')]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('data/checks.csv: missing required column status');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('an empty or binary export stops the build with one message per file, and earlier outputs stay', () => {
    expect(built.status, built.stderr).toBe(0);
    const broken = copyOf(work, 'sr-files-');
    const before = readFileSync(path.join(broken, 'snapshots/draft/2026-10.json'));
    writeFileSync(path.join(broken, 'data/tickets.csv'), '');
    writeFileSync(path.join(broken, 'data/checks.csv'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0, 0x14, 0]));
    const r = runCli(['build', '--config', path.join(broken, 'review.config.yaml')]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('cannot read the exports: 2 problems');
    expect(r.stderr).toContain('data/tickets.csv: the file is empty, expected a header line');
    expect(r.stderr).toMatch(/data\/checks\.csv: looks like a binary file/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(readFileSync(path.join(broken, 'snapshots/draft/2026-10.json')).equals(before)).toBe(true);
  });

  it('a broken commentary fails the site build with a clear message and leaves the previous dist/ whole', () => {
    expect(built.status, built.stderr).toBe(0);
    const site = copyOf(work, 'sr-mdx-');
    const before = readFileSync(path.join(site, 'dist/index.html'));
    mkdirSync(path.join(site, 'content/reviews'), { recursive: true });
    writeFileSync(
      path.join(site, 'content/reviews/2026-10.mdx'),
      '---\nperiod: "2026-10"\nsummary: "x"\n---\n\nAvailability was <Figure metric="availability" service="no-such-service" />.\n',
    );
    const r = runCli(['build', '--config', path.join(site, 'review.config.yaml')]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('the site build failed');
    // One message naming the file and the mistake, no stack trace.
    expect(r.stderr).toContain(
      `${path.join(site, 'content/reviews/2026-10.mdx')}:6: <Figure metric="availability" service="no-such-service" />: unknown service "no-such-service"; valid: api, web`,
    );
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(readFileSync(path.join(site, 'dist/index.html')).equals(before)).toBe(true);
    expectNoLeftovers(site, r.pid);
  });

  it('front matter that does not fit is listed, every file and field at once, and the previous dist/ stays whole', () => {
    expect(built.status, built.stderr).toBe(0);
    const site = copyOf(work, 'sr-front-');
    const before = readFileSync(path.join(site, 'dist/index.html'));
    mkdirSync(path.join(site, 'content/reviews'), { recursive: true });
    const october = path.join(site, 'content/reviews/2026-10.mdx');
    const september = path.join(site, 'content/reviews/2026-09.mdx');
    writeFileSync(october, '---\nperiod: "October"\n---\n\nText.\n');
    writeFileSync(september, '---\nperiod: "2026-09"\nsummary: "x"\ntitle: 3\n---\n\nText.\n');
    const r = runCli(['build', '--config', path.join(site, 'review.config.yaml')]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("3 problems in the commentary's front matter");
    expect(r.stderr).toContain(`${september}: front matter title: Invalid input: expected string, got 3`);
    expect(r.stderr).toContain(`${october}: front matter period: expected a period like 2026-10, 2026-Q4 or 2026, got "October"`);
    expect(r.stderr).toContain(`${october}: front matter summary: Invalid input: expected string (missing)`);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(readFileSync(path.join(site, 'dist/index.html')).equals(before)).toBe(true);
    expectNoLeftovers(site, r.pid);
  });

  it('commentary figures honour service= and priority=, and figures in the summary render as text', () => {
    expect(built.status, built.stderr).toBe(0);
    const site = copyOf(work, 'sr-fig-');
    mkdirSync(path.join(site, 'content/reviews'), { recursive: true });
    writeFileSync(
      path.join(site, 'content/reviews/2026-10.mdx'),
      '---\nperiod: "2026-10"\nsummary: \'API was up <Figure metric="availability" service="api" /> of the time.\'\n---\n\n' +
        'Web resolved <Figure metric="resolutionAttainment" service="web" />, API <Figure metric="resolutionAttainment" service="api" />, ' +
        'P2 <Figure metric="backlog" priority="p2" /> open, overall <Figure metric="resolutionAttainment" />.\n',
    );
    const r = runCli(['build', '--config', path.join(site, 'review.config.yaml')]);
    expect(r.status, r.stderr).toBe(0);
    const page = textOf(readFileSync(path.join(site, 'dist/reviews/2026-10/index.html'), 'utf8'));
    // T-2 (web, P2) breached and is open; T-1 (api, P1) met: the overall 50.0 % is neither.
    expect(page).toContain('Web resolved 0.0 % , API 100.0 % , P2 1 open, overall 50.0 % .');
    expect(page).toContain('API was up 97.931 % of the time.');
    expect(textOf(readFileSync(path.join(site, 'dist/index.html'), 'utf8'))).toContain('API was up 97.931 % of the time.');
    expect(readFileSync(path.join(site, 'dist/index.html'), 'utf8')).not.toContain('&lt;Figure');
  });

  it('a misspelt metric or priority fails with file, line and the valid values, no stack trace', () => {
    expect(built.status, built.stderr).toBe(0);
    const site = copyOf(work, 'sr-fig-bad-');
    mkdirSync(path.join(site, 'content/reviews'), { recursive: true });
    const file = path.join(site, 'content/reviews/2026-10.mdx');
    writeFileSync(
      file,
      '---\nperiod: "2026-10"\nsummary: "x"\n---\n\nOK <Figure metric="created" />.\n\nBad <Figure metric="resolutionAttainmnt" />.\n',
    );
    const r = runCli(['build', '--config', path.join(site, 'review.config.yaml')]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(
      `${file}:8: <Figure metric="resolutionAttainmnt" />: unknown metric "resolutionAttainmnt"; valid: availability, target,`,
    );
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
  it('a misspelt service in a <Trend> fails the same way', () => {
    expect(built.status, built.stderr).toBe(0);
    const site = copyOf(work, 'sr-trend-bad-');
    mkdirSync(path.join(site, 'content/reviews'), { recursive: true });
    const file = path.join(site, 'content/reviews/2026-10.mdx');
    writeFileSync(file, '---\nperiod: "2026-10"\nsummary: "x"\n---\n\n<Trend metric="availability" service="apx" />\n');
    const r = runCli(['build', '--config', path.join(site, 'review.config.yaml')]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`${file}:6: <Trend metric="availability" service="apx" />: unknown service "apx"; valid: api, web`);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('two reviews built from one installation', () => {
  const commentary = (text: string) => `---\nperiod: "2026-10"\nsummary: "Summary of the month"\n---\n\n${text}\n`;
  const reviewText = (review: string) => textOf(readFileSync(path.join(review, 'dist/reviews/2026-10/index.html'), 'utf8'));

  it('never see each other’s commentary: each build reads its own review’s files', () => {
    // Two copies with the same commentary file: when the commentary came from Astro's content store, keyed by entry and
    // content, one store for the installation made the second review render the first one's file.
    const a = copyOf(path.join(ROOT, 'test/fixtures/mini'), 'sr-review-a-');
    const b = copyOf(path.join(ROOT, 'test/fixtures/mini'), 'sr-review-b-');
    for (const review of [a, b]) {
      mkdirSync(path.join(review, 'content/reviews'), { recursive: true });
      writeFileSync(path.join(review, 'content/reviews/2026-10.mdx'), commentary('The same words in both reviews.'));
    }
    // Each built as its analyst would, from the review's own folder.
    for (const review of [a, b]) expect(runCli(['build'], { cwd: review }).status).toBe(0);
    // A's commentary changes; B, rebuilt, still shows its own file.
    writeFileSync(path.join(a, 'content/reviews/2026-10.mdx'), commentary('Words only review A has.'));
    const r = runCli(['build'], { cwd: b });
    expect(r.status, r.stderr).toBe(0);
    expect(reviewText(b)).toContain('The same words in both reviews.');
    expect(reviewText(b)).not.toContain('Words only review A has.');
    expect(runCli(['build'], { cwd: a }).status).toBe(0);
    expect(reviewText(a)).toContain('Words only review A has.');
    // The caches a build writes are the reviews' own: the pinned commentary, and no content store of Astro's anywhere.
    for (const review of [a, b]) expect(existsSync(path.join(review, '.cache/astro/pinned')), review).toBe(true);
    for (const review of [a, b]) expect(existsSync(path.join(review, '.cache/astro/data-store.json')), review).toBe(false);
  });
});

// Astro bundles the pages' code into the site folder it builds, and renames files out of that
// bundle; the bundle must sit under the tool's node_modules/. So the site is built in the tool's
// folder and then moved to the review, copied across file systems (EXDEV). /dev/shm is a tmpfs on Linux.
const otherFs = existsSync('/dev/shm') && statSync('/dev/shm').dev !== statSync(ROOT).dev ? '/dev/shm' : null;
describe.skipIf(otherFs === null)('a config on another file system than the tool', () => {
  it('builds its site there', () => {
    const work = tempDir('sr-exdev-', otherFs as string);
    cpSync(path.join(ROOT, 'test/fixtures/mini'), work, { recursive: true });
    const r = runCli(['build', '--config', path.join(work, 'review.config.yaml')]);
    expect(r.stderr).not.toContain('EXDEV');
    expect(r.status, r.stderr).toBe(0);
    expect(readFileSync(path.join(work, 'dist/index.html'), 'utf8')).toContain('<html');
    expectNoLeftovers(work, r.pid);
  });
});
