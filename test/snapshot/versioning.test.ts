/**
 * Versioned reviews: published revisions are frozen, a changed input is reported but not shown,
 * --revise records a new revision with a per-figure diff, targets are date-effective, and
 * unchanged files are not parsed again. Runs the CLI in-process on a small generated review.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/lib/config/load-config.ts';
import { ingestSources } from '../../src/lib/ingest/ingest-sources.ts';
import { runCli } from '../helpers/run-cli.ts';
import { H, makeReview, monthOfChecks, OCT_OUTAGE } from '../helpers/small-review.ts';

const cli = runCli;

const readJson = (file: string) => JSON.parse(readFileSync(file, 'utf8'));

describe('versioned reviews', () => {
  let dir: string;
  let config: string;
  beforeAll(() => {
    dir = makeReview();
    config = path.join(dir, 'review.config.yaml');
    process.env.REVIEW_PUBLISHER = 'Test Publisher';
  });

  it('computes each month with the target in force then (date-effective config)', async () => {
    const r = await cli(['build', '--data-only', '--config', config]);
    expect(r.code, r.err).toBe(0);
    const sep = readJson(path.join(dir, 'snapshots/draft/2026-09.json'));
    const oct = readJson(path.join(dir, 'snapshots/draft/2026-10.json'));
    expect(sep.services[0].target).toBe(0.99);
    expect(oct.services[0].target).toBe(0.995);
    // September: 30 days = 2 592 000 s eligible (10-min checks, max_gap 20 min covers to the end), 3 600 s down.
    expect(sep.services[0].downMs).toBe(3_600_000);
    expect(sep.services[0].availability).toBeCloseTo(1 - 3600 / 2_592_000, 12);
    // October: 31 days = 2 678 400 s, 7 200 s down → 0.997312…, above 0.995 → met;
    // allowed down = 0.005 × 2 678 400 = 13 392 s; used = 7 200 / 13 392 = 0.5376…
    expect(oct.services[0].availability).toBeCloseTo(1 - 7200 / 2_678_400, 12);
    expect(oct.services[0].errorBudget.used).toBeCloseTo(7200 / 13_392, 12);
    expect(oct.rules.services[0].target).toBe(0.995);
  });

  it('publishes revision 1 and refuses to overwrite it', async () => {
    const r = await cli(['publish', '2026-10', '--message', 'October review', '--config', config]);
    expect(r.code, r.err).toBe(0);
    const rev = readJson(path.join(dir, 'snapshots/published/2026-10/r1.json'));
    expect(rev).toMatchObject({
      period: '2026-10',
      revision: 1,
      publishedBy: 'Test Publisher',
      message: 'October review',
      reason: null,
      changes: [],
    });
    const again = await cli(['publish', '2026-10', '--config', config]);
    expect(again.code).toBe(1);
    expect(again.err).toContain('already published as revision 1');
    const status = await cli(['status', '--config', config]);
    expect(status.out).toMatch(/2026-09 {2}draft/);
    expect(status.out).toMatch(/2026-10 {2}published r1/);
  });

  it('keeps the published revision when an input changes, and says so', async () => {
    const before = readFileSync(path.join(dir, 'snapshots/published/2026-10/r1.json'));
    // A corrected export: October's outage was 3 h, not 2 h.
    writeFileSync(
      path.join(dir, 'data/checks-2026-10.csv'),
      monthOfChecks(2026, 10, (t) => t >= OCT_OUTAGE && t < OCT_OUTAGE + 3 * H),
    );
    const r = await cli(['build', '--data-only', '--config', config]);
    expect(r.code, r.err).toBe(0);
    expect(r.err).toContain('2026-10: the exports and config now give');
    expect(r.err).toContain('the site keeps showing revision 1');
    expect(readFileSync(path.join(dir, 'snapshots/published/2026-10/r1.json')).equals(before)).toBe(true);
    const index = readJson(path.join(dir, 'snapshots/draft/index.json'));
    const oct = index.periods.find((p: { id: string }) => p.id === '2026-10');
    expect(oct.status).toBe('changed');
    const status = await cli(['status', '--config', config]);
    expect(status.out).toMatch(/2026-10 {2}CHANGED since r1/);
  });

  it('diff lists the changed figures, old → new', async () => {
    const r = await cli(['diff', '2026-10', '--json', '--config', config]);
    expect(r.code, r.err).toBe(0);
    const { changes } = JSON.parse(r.out);
    const byPath = Object.fromEntries(changes.map((c: { path: string; old: unknown; new: unknown }) => [c.path, c]));
    expect(byPath['services[api].downMs']).toEqual({ path: 'services[api].downMs', old: 7_200_000, new: 10_800_000 });
    expect(byPath['services[api].outages.longestMs']).toMatchObject({ old: 7_200_000, new: 10_800_000 });
    // Provenance (input hashes) is not a figure.
    expect(changes.some((c: { path: string }) => c.path.startsWith('inputs'))).toBe(false);
  });

  it('--revise records revision 2 with its reason and the per-figure diff', async () => {
    const r = await cli(['publish', '2026-10', '--revise', 'Corrected monitoring export', '--config', config]);
    expect(r.code, r.err).toBe(0);
    const rev = readJson(path.join(dir, 'snapshots/published/2026-10/r2.json'));
    expect(rev.revision).toBe(2);
    expect(rev.reason).toBe('Corrected monitoring export');
    const down = rev.changes.find((c: { path: string }) => c.path === 'services[api].downMs');
    expect(down).toEqual({ path: 'services[api].downMs', old: 7_200_000, new: 10_800_000 });
    expect(rev.snapshot.services[0].downMs).toBe(10_800_000);
    const nothing = await cli(['publish', '2026-10', '--revise', 'again', '--config', config]);
    expect(nothing.code).toBe(1);
    expect(nothing.err).toContain('nothing to revise');
    const status = await cli(['status', '--config', config]);
    expect(status.out).toMatch(/2026-10 {2}published r2/);
  });

  it('does not parse unchanged files again (cache hits counted)', async () => {
    const cfg = loadConfig(config);
    const opts = { cacheDir: path.join(dir, '.cache-test'), toolVersion: 'test' };
    const first = await ingestSources(cfg, dir, { info() {} }, opts);
    expect(first.cache).toEqual({ hits: 0, parsed: 3 });
    const second = await ingestSources(cfg, dir, { info() {} }, opts);
    expect(second.cache).toEqual({ hits: 3, parsed: 0 });
    // Replayed results equal parsed ones: same accounting, same records.
    expect(second.files).toEqual(first.files);
    expect(second.tickets).toEqual(first.tickets);
    expect([...second.checks.toMap().get('api')!.values()][0]).toEqual([...first.checks.toMap().get('api')!.values()][0]);
    // A new month's file: only it is parsed.
    writeFileSync(
      path.join(dir, 'data/checks-2026-11.csv'),
      monthOfChecks(2026, 11, () => false),
    );
    const third = await ingestSources(cfg, dir, { info() {} }, opts);
    expect(third.cache).toEqual({ hits: 3, parsed: 1 });
  });
});
