/** The `new` scaffold places only figures the period has data for, read from its draft snapshot. */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { commentaryScaffold, scaffoldData } from '../../src/cli/new-command.ts';
import type { PeriodSnapshot } from '../../src/lib/snapshot/build-snapshots.ts';
import { runCli } from '../helpers/run-cli.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const october = (): PeriodSnapshot => JSON.parse(readFileSync(path.join(ROOT, 'test/fixtures/mini/expected/2026-10.json'), 'utf8'));
const figures = (mdx: string) => [...mdx.matchAll(/<Figure [^>]*\/>/g)].map((m) => m[0]);

describe('new: the scaffold', () => {
  it('mini October: both services have checks, there are tickets, nobody answered a survey', () => {
    const mdx = commentaryScaffold('2026-10', scaffoldData(october()));
    const placed = figures(mdx.slice(mdx.indexOf('## Summary')));
    expect(placed).toEqual([
      '<Figure metric="availability" service="api" />',
      '<Figure metric="target" service="api" />',
      '<Figure metric="availability" service="web" />',
      '<Figure metric="target" service="web" />',
      '<Figure metric="resolutionAttainment" />',
    ]);
    expect(mdx).not.toContain('metric="csat"');
    expect(mdx).toContain('<RecurringIssues limit={5} />');
  });

  it('a service without checks and a month without tickets get no figures', () => {
    const snap = october();
    const web = snap.services.find((s) => s.id === 'web');
    if (web) web.checks = 0;
    snap.tickets.overall = { ...snap.tickets.overall, created: 0, resolved: 0, backlogAtEnd: 0, backlogAtStart: 0 };
    snap.recurring.groups = [];
    const mdx = commentaryScaffold('2026-10', scaffoldData(snap));
    expect(figures(mdx)).toEqual([
      '<Figure metric="availability" service="api" />',
      '<Figure metric="availability" service="api" />',
      '<Figure metric="target" service="api" />',
    ]);
    expect(mdx).not.toContain('service="web"');
    expect(mdx).not.toContain('RecurringIssues limit');
  });

  it('a period no export reaches gets prose only', () => {
    const mdx = commentaryScaffold('2027-01', scaffoldData(null));
    expect(figures(mdx)).toEqual([]);
    expect(mdx).toContain('none: no export reaches this period yet');
  });
});

describe('new: the command', () => {
  const made: string[] = [];
  afterAll(() => {
    for (const d of made) rmSync(d, { recursive: true, force: true });
  });

  it('builds the snapshots when there are none, then writes the scaffold from them', async () => {
    const work = mkdtempSync(path.join(tmpdir(), 'sr-new-'));
    made.push(work);
    cpSync(path.join(ROOT, 'test/fixtures/mini'), work, { recursive: true });
    const r = await runCli(['new', '2026-10', '--config', path.join(work, 'review.config.yaml')]);
    expect(r.code, r.err).toBe(0);
    expect(r.err).toContain('no snapshot of 2026-10 yet: building the snapshots first');
    expect(existsSync(path.join(work, 'snapshots/draft/2026-10.json'))).toBe(true);
    const mdx = readFileSync(path.join(work, 'content/reviews/2026-10.mdx'), 'utf8');
    expect(mdx).toContain('<Figure metric="availability" service="web" />');
    expect(mdx).not.toContain('metric="csat"');
  });
});

describe('new: one commentary file per language of the review (issue #16)', () => {
  const made: string[] = [];
  afterAll(() => {
    for (const d of made) rmSync(d, { recursive: true, force: true });
  });

  it('the Chinese scaffold: Chinese prose, the same figure components', () => {
    const mdx = commentaryScaffold('2026-10', scaffoldData(october()), 'zh-CN');
    expect(mdx).toContain('title: "评述"');
    expect(mdx).toContain('## 概要');
    expect(mdx).toContain('## 改进措施');
    expect(mdx).toContain('的可用性为 <Figure metric="availability" service="web" />');
    expect(mdx).not.toContain('## Summary');
  });

  it('writes <period>.mdx in the first locale and <period>.zh-CN.mdx; a second run writes only what is missing', async () => {
    const work = mkdtempSync(path.join(tmpdir(), 'sr-new-'));
    made.push(work);
    cpSync(path.join(ROOT, 'test/fixtures/mini'), work, { recursive: true });
    const config = path.join(work, 'review.config.yaml');
    writeFileSync(config, readFileSync(config, 'utf8').replace(/^review:\n/m, 'review:\n  locales: [en, zh-CN]\n'));
    const r = await runCli(['new', '2026-10', '--config', config]);
    expect(r.code, r.err).toBe(0);
    expect(readFileSync(path.join(work, 'content/reviews/2026-10.mdx'), 'utf8')).toContain('## Summary');
    expect(readFileSync(path.join(work, 'content/reviews/2026-10.zh-CN.mdx'), 'utf8')).toContain('## 概要');
    rmSync(path.join(work, 'content/reviews/2026-10.zh-CN.mdx'));
    const again = await runCli(['new', '2026-10', '--config', config]);
    expect(again.code, again.err).toBe(0);
    expect(again.err).toContain('2026-10.mdx already exists: kept');
    expect(existsSync(path.join(work, 'content/reviews/2026-10.zh-CN.mdx'))).toBe(true);
    const third = await runCli(['new', '2026-10', '--config', config]);
    expect(third.code).toBe(1);
    expect(third.err).toContain('already exist; edit them, or delete one to start it again');
  });
});
