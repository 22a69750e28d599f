/**
 * Published means frozen, through the real CLI and a real site build: a month is published with
 * its commentary; the commentary and an export change; revision 2 is published; then the store
 * is tampered with, given a stray file, and loses a revision. Each step's pages and messages are
 * checked as a reader and an analyst see them (page text without tags, stderr without stack traces).
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeRevision } from '../../src/lib/snapshot/published-store.ts';
import { nextRevision } from '../../src/lib/snapshot/revisions.ts';
import { ROOT, runCliProcess as runCli, textOf } from '../helpers/cli-process.ts';

const commentary = (words: string) =>
  `---\nperiod: "2026-10"\nsummary: 'API was up <Figure metric="availability" service="api" />.'\n---\n\n${words}: Web resolved <Figure metric="resolutionAttainment" service="web" /> of its tickets.\n`;

/**
 * The mini fixture with October's revision 1 pinning `source` as an earlier version wrote it: publish
 * refuses such commentary now (test/build/commentary-frozen.test.ts), so the revision is written
 * without it. `refused` is what publish said.
 */
function pinnedAsAnEarlierVersionDid(prefix: string, source: string) {
  const work = mkdtempSync(path.join(tmpdir(), prefix));
  cpSync(path.join(ROOT, 'test/fixtures/mini'), work, { recursive: true });
  const config = path.join(work, 'review.config.yaml');
  const mdx = path.join(work, 'content/reviews/2026-10.mdx');
  mkdirSync(path.dirname(mdx), { recursive: true });
  writeFileSync(mdx, source);
  expect(runCli(['build', '--data-only', '--config', config]).status).toBe(0);
  const refused = runCli(['publish', '2026-10', '--message', 'October', '--config', config]);
  const draft = JSON.parse(readFileSync(path.join(work, 'snapshots/draft/2026-10.json'), 'utf8'));
  const commentary = [{ file: 'content/reviews/2026-10.mdx', locale: null, source }];
  const at = new Date('2026-11-02T09:00:00Z');
  writeRevision(
    path.join(work, 'snapshots/published'),
    nextRevision({ period: '2026-10', draft, existing: [], by: 'analyst', at, message: 'October', revise: null, commentary }),
  );
  return { work, config, mdx, refused, r1: path.join(work, 'snapshots/published/2026-10/r1.json') };
}

describe('a published month stays as published, and every page says what changed', () => {
  let work = '';
  let config = '';
  const page = (p: string) => textOf(readFileSync(path.join(work, 'dist', p, 'index.html'), 'utf8'));
  const build = () => runCli(['build', '--config', config]);
  const r1 = () => path.join(work, 'snapshots/published/2026-10/r1.json');

  beforeAll(() => {
    work = mkdtempSync(path.join(tmpdir(), 'sr-frozen-'));
    cpSync(path.join(ROOT, 'test/fixtures/mini'), work, { recursive: true });
    config = path.join(work, 'review.config.yaml');
    mkdirSync(path.join(work, 'content/reviews'), { recursive: true });
    writeFileSync(path.join(work, 'content/reviews/2026-10.mdx'), commentary('First words'));
  });
  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('publishes October with its commentary', () => {
    expect(build().status).toBe(0);
    const p = runCli(['publish', '2026-10', '--message', 'October review', '--config', config]);
    expect(p.status, p.stderr).toBe(0);
    const b = build();
    expect(b.status, b.stderr).toBe(0);
    // T-2 (web, P2) breached its targets: 0.0 %.
    expect(page('reviews/2026-10')).toContain('First words: Web resolved 0.0 % of its tickets.');
    expect(page('reviews/2026-10')).toContain('API was up 97.931 %.');
    expect(page('reviews/2026-10')).not.toContain('Changes not yet published');
    expect(existsSync(path.join(work, 'dist/reviews/2026-10/draft'))).toBe(false);
  });

  it('after the commentary and an export change, the period page keeps r1 and a draft view shows the new', () => {
    writeFileSync(path.join(work, 'content/reviews/2026-10.mdx'), commentary('Second words'));
    const tickets = path.join(work, 'data/tickets.csv');
    // T-2 answered in 30 min and resolved in an hour: now within both of P2's targets.
    writeFileSync(
      tickets,
      readFileSync(tickets, 'utf8').replace(
        'T-2,2026-10-01 10:00,2026-10-01 12:00,,P2,Access,web,无法登录,Open',
        'T-2,2026-10-01 10:00,2026-10-01 10:30,2026-10-01 11:00,P2,Access,web,无法登录,Resolved',
      ),
    );
    const b = build();
    expect(b.status, b.stderr).toBe(0);
    expect(b.stderr).toMatch(/warning: 2026-10: the exports and config now give \d+ figures different from published revision 1/);
    expect(b.stderr).toContain('warning: 2026-10: the commentary changed since published revision 1');
    const current = page('reviews/2026-10');
    expect(current).toContain('First words: Web resolved 0.0 % of its tickets.');
    expect(current).not.toContain('Second words');
    expect(current).toMatch(/Changes not yet published: \d+ figures, the commentary\. See the draft/);
    expect(readFileSync(path.join(work, 'dist/reviews/2026-10/index.html'), 'utf8')).toContain('href="/reviews/2026-10/draft/"');
    const draft = page('reviews/2026-10/draft');
    expect(draft).toContain('Draft, not published');
    expect(draft).toContain('Second words: Web resolved 100.0 % of its tickets.');
    expect(draft).toContain('services[web].tickets.resolution.attainment');
    expect(readFileSync(path.join(work, 'dist/reviews/2026-10/draft/changes.csv'), 'utf8')).toContain(
      '2026-10,1,services[web].tickets.resolution.attainment,0,1',
    );
    // The revision's permanent page never changes.
    expect(page('reviews/2026-10/r1')).toContain('First words: Web resolved 0.0 % of its tickets.');
    // Pages agree or say why: Q4 and the year are built from the new exports, October shows r1; both sides say so and link the diff.
    const n = JSON.parse(readFileSync(path.join(work, 'snapshots/draft/index.json'), 'utf8')).periods[0].changes.length;
    expect(n).toBeGreaterThan(0);
    const quarter = page('reviews/2026-Q4');
    expect(quarter).toContain(
      `October 2026 ’s published revision 1 differs from the figures this quarter is built from: ${n} figures, e.g. `,
    );
    expect(quarter).toContain('e.g. services[web].tickets.resolved , services[web].tickets.backlogAtEnd ,');
    expect(readFileSync(path.join(work, 'dist/reviews/2026-Q4/index.html'), 'utf8')).toContain('href="/reviews/2026-10/draft/changes.csv"');
    expect(page('reviews/2026')).toContain(
      `October 2026 ’s published revision 1 differs from the figures this year is built from: ${n} figures`,
    );
    expect(current).toContain(`Q4 2026 is built from the current exports, which differ from this revision in ${n} figures.`);
    expect(current).toContain(`Year 2026 is built from the current exports, which differ from this revision in ${n} figures.`);
  });

  it('publish --revise: r2 is shown, and r1 says it was superseded and keeps its words', () => {
    const p = runCli(['publish', '2026-10', '--revise', 'Corrected ticket export', '--config', config]);
    expect(p.status, p.stderr).toBe(0);
    const b = build();
    expect(b.status, b.stderr).toBe(0);
    expect(b.stderr).not.toContain('changed since published');
    const date = JSON.parse(readFileSync(path.join(work, 'snapshots/published/2026-10/r2.json'), 'utf8')).publishedAt.slice(0, 10);
    expect(page('reviews/2026-10')).toContain('Published revision 2.');
    expect(page('reviews/2026-10')).toContain('Second words: Web resolved 100.0 % of its tickets.');
    expect(page('reviews/2026-10')).not.toContain('Changes not yet published');
    const old = page('reviews/2026-10/r1');
    expect(old).toContain(`Superseded by r2 on ${date}: Corrected ticket export`);
    expect(old).toContain('First words: Web resolved 0.0 % of its tickets.');
    expect(old).not.toContain('Second words');
    expect(page('reviews/2026-10/r2')).not.toContain('Superseded');
    expect(existsSync(path.join(work, 'dist/reviews/2026-10/draft'))).toBe(false);
    // Revised, October agrees with the quarter again: neither page has a notice.
    expect(page('reviews/2026-Q4')).not.toContain('differs from the figures');
    expect(page('reviews/2026-10')).not.toContain('is built from the current exports');
  });

  it('a quarter has commentary of its own, pinned when it is published like a month', () => {
    const q4 = (words: string) =>
      `---\nperiod: "2026-Q4"\nsummary: "The quarter."\n---\n\n${words}: <Figure metric="created" /> tickets this quarter.\n`;
    writeFileSync(path.join(work, 'content/reviews/2026-Q4.mdx'), q4('Quarter words'));
    expect(build().status).toBe(0);
    expect(page('reviews/2026-Q4')).toContain('Quarter words: 2 tickets this quarter.');
    const p = runCli(['publish', '2026-Q4', '--message', 'Q4 review', '--config', config]);
    expect(p.status, p.stderr).toBe(0);
    writeFileSync(path.join(work, 'content/reviews/2026-Q4.mdx'), q4('Later quarter words'));
    const b = build();
    expect(b.status, b.stderr).toBe(0);
    expect(b.stderr).toContain('warning: 2026-Q4: the commentary changed since published revision 1');
    expect(page('reviews/2026-Q4')).toContain('Quarter words: 2 tickets this quarter.');
    expect(page('reviews/2026-Q4')).toContain('Changes not yet published: the commentary.');
    expect(page('reviews/2026-Q4/r1')).toContain('Quarter words: 2 tickets this quarter.');
    expect(page('reviews/2026-Q4/draft')).toContain('Later quarter words: 2 tickets this quarter.');
  });

  it('a revision edited by hand stops the build, naming the file; restored, the build passes', () => {
    const original = readFileSync(r1(), 'utf8');
    writeFileSync(r1(), original.replace('"availability": 0.9793103448275862', '"availability": 0.999'));
    expect(readFileSync(r1(), 'utf8')).not.toBe(original);
    const b = build();
    expect(b.status).toBe(1);
    expect(b.stderr).toContain('snapshots/published/2026-10/r1.json: edited after publishing');
    writeFileSync(r1(), original);
    expect(build().status).toBe(0);
  });

  it('a stray file in the store is a warning', () => {
    writeFileSync(path.join(work, 'snapshots/published/README'), 'notes\n');
    const b = build();
    expect(b.status, b.stderr).toBe(0);
    expect(b.stderr).toContain('warning: snapshots/published/README: not a period folder');
  });

  it('a deleted revision stops the build, naming it', () => {
    rmSync(r1());
    const b = build();
    expect(b.status).toBe(1);
    expect(b.stderr).toContain('snapshots/published/2026-10/r1.json: missing — 2026-10 has revision 2 but not revision 1');
  });
});

describe('a figure a pinned commentary cannot resolve', () => {
  let work = '';
  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('fails the build while its revision is the latest, and is marked once a revision corrects it', () => {
    const words = (service: string) =>
      `---\nperiod: "2026-10"\nsummary: "x"\n---\n\nCreated: <Figure metric="created" service="${service}" />.\n`;
    const pinned = pinnedAsAnEarlierVersionDid('sr-pinned-bad-', words('isd'));
    ({ work } = pinned);
    const { config, mdx, r1 } = pinned;
    expect(pinned.refused.status).toBe(1);
    const failed = runCli(['build', '--config', config]);
    expect(failed.status).toBe(1);
    expect(failed.stderr).toContain(
      `pinned/2026-10/r1.mdx:6: <Figure metric="created" service="isd" />: unknown service "isd"; valid: api, web (pinned by ${r1}: correct content/reviews/ and publish a revision with --revise)`,
    );
    writeFileSync(mdx, words('web'));
    expect(runCli(['build', '--data-only', '--config', config]).status).toBe(0);
    expect(runCli(['publish', '2026-10', '--revise', 'Corrected figure', '--config', config]).status).toBe(0);
    const b = runCli(['build', '--config', config]);
    expect(b.status, b.stderr).toBe(0);
    expect(b.stderr).toContain(`(pinned by ${r1}, superseded; shown as "[figure unavailable]")`);
    const text = (p: string) => textOf(readFileSync(path.join(work, 'dist', p, 'index.html'), 'utf8'));
    expect(text('reviews/2026-10/r1')).toContain('Created: [figure unavailable] .');
    expect(text('reviews/2026-10')).toContain('Created: 1 .');
  });
});

// A revision pinned before publish checked front matter can lack a summary; it cannot be edited.
describe('a pinned front matter that does not fit', () => {
  let work = '';
  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('fails the build while its revision is the latest, saying how out; publish --revise gets out; superseded, it warns', () => {
    const pinned = pinnedAsAnEarlierVersionDid('sr-pinned-nosummary-', '---\nperiod: "2026-10"\ntitle: "First look"\n---\n\nOld words.\n');
    ({ work } = pinned);
    const { config, mdx, r1 } = pinned;
    expect(pinned.refused.status).toBe(1);
    const failed = runCli(['build', '--config', config]);
    expect(failed.status).toBe(1);
    expect(failed.stderr).toContain(
      `pinned/2026-10/r1.mdx: front matter summary: Invalid input: expected string (missing) (pinned by ${r1}: correct the front matter in content/reviews/ and publish a revision with --revise "reason")`,
    );
    // The way out the message gives.
    writeFileSync(mdx, '---\nperiod: "2026-10"\ntitle: "Second look"\nsummary: "Calm month."\n---\n\nNew words.\n');
    const p = runCli(['publish', '2026-10', '--revise', 'Summary added', '--config', config]);
    expect(p.status, p.stderr).toBe(0);
    const b = runCli(['build', '--config', config]);
    expect(b.status, b.stderr).toBe(0);
    expect(b.stderr).toContain(
      `warning: ${path.join(work, '.cache/astro/pinned/2026-10/r1.mdx')}: front matter summary: Invalid input: expected string (missing) (pinned by ${r1}, superseded; its page shows no summary)`,
    );
    const text = (p: string) => textOf(readFileSync(path.join(work, 'dist', p, 'index.html'), 'utf8'));
    // r1 keeps its words and heading, without a summary; r2 and the home page show r2's.
    expect(text('reviews/2026-10/r1')).toContain('First look Old words.');
    expect(text('reviews/2026-10/r1')).not.toContain('Calm month.');
    expect(text('reviews/2026-10')).toContain('Calm month.');
    expect(text('reviews/2026-10')).toContain('Second look New words.');
    expect(text('')).toContain('Calm month.');
  });
});

// Pinned before publish knew the components (or parsed MDX), a page MDX cannot render stopped every build for good.
describe('a pinned commentary whose page cannot be built', () => {
  let work = '';
  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('fails the build while its revision is the latest; publish --revise gets out; superseded, it warns and shows a mark', () => {
    const pinned = pinnedAsAnEarlierVersionDid(
      'sr-pinned-chart-',
      '---\nperiod: "2026-10"\ntitle: "First look"\nsummary: "Old summary."\n---\n\nOld words <Chart />.\n',
    );
    ({ work } = pinned);
    const { config, mdx, r1 } = pinned;
    expect(pinned.refused.stderr).toContain('unknown component "Chart"');
    const problem = `${path.join(work, '.cache/astro/pinned/2026-10/r1.mdx')}:7: <Chart>: unknown component "Chart"; valid: Figure, Trend, RecurringIssues`;
    const failed = runCli(['build', '--config', config]);
    expect(failed.status).toBe(1);
    expect(failed.stderr).toContain(`${problem} (pinned by ${r1}: correct content/reviews/ and publish a revision with --revise "reason")`);
    writeFileSync(mdx, '---\nperiod: "2026-10"\nsummary: "New summary."\n---\n\nNew words.\n');
    expect(runCli(['publish', '2026-10', '--revise', 'Chart removed', '--config', config]).status).toBe(0);
    const b = runCli(['build', '--config', config]);
    expect(b.status, b.stderr).toBe(0);
    expect(b.stderr).toContain(`warning: ${problem} (pinned by ${r1}, superseded; its page shows "[commentary unavailable]" for its text)`);
    const text = (p: string) => textOf(readFileSync(path.join(work, 'dist', p, 'index.html'), 'utf8'));
    // r1 keeps its front matter (heading, summary); its text is marked.
    expect(text('reviews/2026-10/r1')).toContain('Old summary.');
    expect(text('reviews/2026-10/r1')).toContain('First look [commentary unavailable]');
    expect(text('reviews/2026-10')).toContain('New words.');
  });
});
