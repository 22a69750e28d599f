/**
 * Whole-build test: a fixture folder (config + exports) through the real CLI, as a user runs
 * it, into snapshots and a static site; then the same again to prove byte-identical output.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const CLI = path.join(ROOT, 'src/cli/main.ts');

function runCli(args: string[], tz = 'Pacific/Auckland') {
  return spawnSync(process.execPath, ['--experimental-strip-types', '--no-warnings=ExperimentalWarning', CLI, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, TZ: tz },
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

describe('whole build of test/fixtures/mini', () => {
  const work = mkdtempSync(path.join(tmpdir(), 'sr-build-'));
  cpSync(path.join(ROOT, 'test/fixtures/mini'), work, { recursive: true });
  const config = path.join(work, 'review.config.yaml');

  it('builds snapshots and pages with the hand-computed figures', () => {
    const r = runCli(['build', '--config', config]);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toContain('warning: 5 rejected rows');
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
    expect(review).toContain('5 rejected');
    expect(review).toContain('50.0 % (1 of 2)');
  });

  it('matches the golden snapshots in test/fixtures/mini/expected (UPDATE_GOLDEN=1 rewrites them after a reviewed change)', () => {
    const expectedDir = path.join(ROOT, 'test/fixtures/mini/expected');
    const built = path.join(work, 'snapshots/draft');
    const names = readdirSync(built).sort();
    if (process.env.UPDATE_GOLDEN === '1') {
      rmSync(expectedDir, { recursive: true, force: true });
      cpSync(built, expectedDir, { recursive: true });
    }
    expect(names).toEqual(readdirSync(expectedDir).sort());
    for (const name of names) {
      const want = JSON.parse(readFileSync(path.join(expectedDir, name), 'utf8'));
      const got = JSON.parse(readFileSync(path.join(built, name), 'utf8'));
      // The tool's version is provenance, not a figure: a release must not fail the golden test.
      if (want.tool) want.tool.version = got.tool.version;
      expect(got, name).toEqual(want);
    }
  });

  it('rebuilds byte-identically (snapshots and pages), whatever the machine zone', () => {
    const read = (dir: string) => Object.fromEntries(listFiles(dir).map((f) => [f, readFileSync(path.join(dir, f))]));
    const before = { snaps: read(path.join(work, 'snapshots/draft')), site: read(path.join(work, 'dist')) };
    rmSync(path.join(work, 'dist'), { recursive: true });
    const r = runCli(['build', '--config', config], 'America/Los_Angeles');
    expect(r.status, r.stderr).toBe(0);
    const after = { snaps: read(path.join(work, 'snapshots/draft')), site: read(path.join(work, 'dist')) };
    expect(Object.keys(after.site).sort()).toEqual(Object.keys(before.site).sort());
    for (const [f, bytes] of Object.entries(before.snaps)) expect(after.snaps[f]?.equals(bytes), f).toBe(true);
    for (const [f, bytes] of Object.entries(before.site)) expect(after.site[f]?.equals(bytes), f).toBe(true);
  });

  it('--strict fails on rejected rows and leaves earlier outputs untouched', () => {
    const before = readFileSync(path.join(work, 'snapshots/draft/2026-10.json'));
    const r = runCli(['build', '--strict', '--config', config]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('--strict: 5 rejected rows');
    expect(r.stderr).toContain('data/tickets.csv:4:2 Created: expected a date like 2026-11-03 08:15, got "31/02/2026"');
    expect(readFileSync(path.join(work, 'snapshots/draft/2026-10.json')).equals(before)).toBe(true);
  });

  it('a missing required column is one clear message, exit 1, no stack trace', () => {
    const broken = mkdtempSync(path.join(tmpdir(), 'sr-broken-'));
    cpSync(path.join(ROOT, 'test/fixtures/mini'), broken, { recursive: true });
    execFileSync('sed', ['-i', '1s/status/state_of_thing/', path.join(broken, 'data/checks.csv')]);
    const r = runCli(['check', '--config', path.join(broken, 'review.config.yaml')]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('data/checks.csv: missing required column status');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('an empty or binary export stops the build with one message per file, and earlier outputs stay', () => {
    const before = readFileSync(path.join(work, 'snapshots/draft/2026-10.json'));
    const broken = mkdtempSync(path.join(tmpdir(), 'sr-files-'));
    cpSync(work, broken, { recursive: true });
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
    const site = mkdtempSync(path.join(tmpdir(), 'sr-mdx-'));
    cpSync(work, site, { recursive: true });
    const before = readFileSync(path.join(site, 'dist/index.html'));
    mkdirSync(path.join(site, 'content/reviews'), { recursive: true });
    writeFileSync(
      path.join(site, 'content/reviews/2026-10.mdx'),
      '---\nperiod: "2026-10"\nsummary: "x"\n---\n\nAvailability was <Figure metric="availability" service="no-such-service" />.\n',
    );
    const r = runCli(['build', '--config', path.join(site, 'review.config.yaml')]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('the site build failed');
    expect(r.stderr).toContain('no-such-service');
    expect(readFileSync(path.join(site, 'dist/index.html')).equals(before)).toBe(true);
    expect(readdirSync(site).filter((f) => f.startsWith('dist.'))).toEqual([]);
  });
});

// Astro moves built files out of <tool>/.astro by renaming, which fails across file systems (EXDEV);
// the build command builds beside the tool and then moves the site. /dev/shm is a tmpfs on Linux.
const otherFs = existsSync('/dev/shm') && statSync('/dev/shm').dev !== statSync(ROOT).dev ? '/dev/shm' : null;
describe.skipIf(otherFs === null)('a config on another file system than the tool', () => {
  it('builds its site there', () => {
    const work = mkdtempSync(path.join(otherFs as string, 'sr-exdev-'));
    try {
      cpSync(path.join(ROOT, 'test/fixtures/mini'), work, { recursive: true });
      const r = runCli(['build', '--config', path.join(work, 'review.config.yaml')]);
      expect(r.stderr).not.toContain('EXDEV');
      expect(r.status, r.stderr).toBe(0);
      expect(readFileSync(path.join(work, 'dist/index.html'), 'utf8')).toContain('<html');
      expect(readdirSync(work).filter((f) => f.startsWith('dist.'))).toEqual([]);
      expect(readdirSync(ROOT).filter((f) => /^dist\.\d+\.tmp$/.test(f))).toEqual([]);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });
});
