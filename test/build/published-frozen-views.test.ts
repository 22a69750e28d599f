/**
 * Published means frozen for every view a revision's readers saw, not only its review page: the
 * service pages, the tickets page, the data-quality page and the digests each have a permanent
 * copy in the revision's folder (/reviews/2026-10/r1/…), with their CSVs, in every language. A
 * real build of the mini fixture in two languages: October is published, an export changes, r2 is
 * published; r1's files are then what they were before r2 existed, but for the superseded notice,
 * and r1's pages link only into r1's copies.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCliProcess as runCli, textOf } from '../helpers/cli-process.ts';
import { brokenLinks, filesUnder, linksOf } from '../helpers/site-links.ts';

const LOCALES = ['en', 'zh-CN'] as const;
/** The views of a revision, per language (the mini fixture has services api and web, and T-2 missed its targets in r1). */
const VIEWS = [
  'index.html',
  'services/api/index.html',
  'services/web/index.html',
  'tickets/index.html',
  'data-quality/index.html',
  'digest.html',
  'digest.md',
];
/** The downloads those views link, in the revision's one download folder. */
const DOWNLOADS = [
  ...['api', 'web'].flatMap((s) => ['daily', 'outages', 'maintenance'].map((t) => `services/${s}/${t}.csv`)),
  'breached-tickets.csv',
  'recurring-tickets.csv',
  'recurring.csv',
  'comments.csv',
  'files.csv',
  'rejects-by-reason.csv',
  'rejects.csv',
  'snapshot.json',
];
const R1_FILES = [
  ...LOCALES.flatMap((l) => VIEWS.map((v) => `${l}/reviews/2026-10/r1/${v}`)),
  ...DOWNLOADS.map((d) => `reviews/2026-10/r1/${d}`),
];

/**
 * The review page without its revision history: the period's history, live on every revision's page (it
 * lists later revisions, and says when the exports now differ), so left out of what must stay the same.
 */
const withoutHistory = (text: string) => text.replace(/<section aria-labelledby="revisions">[\s\S]*?<\/section>/, '');

/**
 * A file as it was before a later revision: the superseded notice taken out (page and HTML digest: its
 * paragraph; Markdown digest: its line and the blank line before it), and the review page's history.
 */
function withoutNotice(file: string, text: string): string {
  if (file.endsWith('.md')) return text.replace(/\n\nSuperseded by [^\n]*|\n\n已于 [^\n]*取代[^\n]*/, '');
  return withoutHistory(
    text.replace(/<p class="warning superseded" role="note">[\s\S]*?<\/p>/, '').replace(/<p data-superseded [^>]*>[\s\S]*?<\/p>\n/, ''),
  );
}

describe('every view a published revision’s readers saw keeps a permanent copy', () => {
  let work = '';
  let config = '';
  let dist = '';
  const build = () => {
    const b = runCli(['build', '--config', config]);
    expect(b.status, b.stderr).toBe(0);
  };
  const read = (f: string) => readFileSync(path.join(dist, f), 'utf8');
  const r1Files = () => [...LOCALES.flatMap((l) => filesUnder(dist, `${l}/reviews/2026-10/r1`)), ...filesUnder(dist, 'reviews/2026-10/r1')];
  let before = new Map<string, string>();

  beforeAll(() => {
    work = mkdtempSync(path.join(tmpdir(), 'sr-frozen-views-'));
    cpSync(path.join(ROOT, 'test/fixtures/mini'), work, { recursive: true });
    config = path.join(work, 'review.config.yaml');
    writeFileSync(config, readFileSync(config, 'utf8').replace('  name: Mini review\n', '  name: Mini review\n  locales: [en, zh-CN]\n'));
    dist = path.join(work, 'dist');
  });
  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('writes r1’s services, tickets, data-quality pages and digests, in both languages, with their CSVs', () => {
    expect(runCli(['build', '--data-only', '--config', config]).status).toBe(0);
    const p = runCli(['publish', '2026-10', '--message', 'October review', '--config', config]);
    expect(p.status, p.stderr).toBe(0);
    build();
    const files = r1Files();
    for (const f of R1_FILES) expect(files, f).toContain(f);
    before = new Map(files.map((f) => [f, read(f)]));
    // r1's web page: T-2 (web, P2) missed its resolution target, 0 of 1 met (test/build/published-frozen.test.ts).
    expect(textOf(read('en/reviews/2026-10/r1/services/web/index.html'))).toContain('Resolution SLA met: 0.0 % (0 of 1)');
  });

  it('keeps every r1 file as it was while the exports change, and after r2 is published but for the superseded notice', () => {
    const tickets = path.join(work, 'data/tickets.csv');
    // T-2 answered in 30 min and resolved in an hour: within both of P2's targets, so no target is missed in r2.
    writeFileSync(
      tickets,
      readFileSync(tickets, 'utf8').replace(
        'T-2,2026-10-01 10:00,2026-10-01 12:00,,P2,Access,web,无法登录,Open',
        'T-2,2026-10-01 10:00,2026-10-01 10:30,2026-10-01 11:00,P2,Access,web,无法登录,Resolved',
      ),
    );
    build();
    expect(r1Files()).toEqual([...before.keys()]);
    for (const [f, text] of before) {
      if (f.endsWith('/r1/index.html')) expect(withoutHistory(read(f)), f).toBe(withoutHistory(text));
      else expect(read(f), f).toBe(text);
    }

    const p = runCli(['publish', '2026-10', '--revise', 'Corrected ticket export', '--config', config]);
    expect(p.status, p.stderr).toBe(0);
    build();
    expect(r1Files()).toEqual([...before.keys()]);
    for (const [f, text] of before) {
      const now = read(f);
      if (f.startsWith('reviews/')) expect(now, f).toBe(text);
      else {
        // Each r1 view says it was superseded, in its language, and is otherwise unchanged.
        expect(now, f).toMatch(
          f.includes('zh-CN/') ? /已于 .*被 .*r2.* 取代：Corrected ticket export/ : /Superseded by .*r2.* on .*: Corrected ticket export/,
        );
        expect(withoutNotice(f, now), f).toBe(withoutNotice(f, text));
      }
    }
    // The period's own pages show r2: T-2 met its targets, so web resolved 1 of 1 and T-2 is no missed target; r1's copies still say otherwise.
    expect(textOf(read('en/reviews/2026-10/services/web/index.html'))).toContain('Resolution SLA met: 100.0 % (1 of 1)');
    expect(read('reviews/2026-10/breached-tickets.csv')).not.toContain('T-2');
    expect(read('reviews/2026-10/r1/breached-tickets.csv')).toContain('T-2');
    expect(textOf(read('en/reviews/2026-10/r1/tickets/index.html'))).toContain('T-2');
    expect(textOf(read('en/reviews/2026-10/r1/services/web/index.html'))).toContain('Resolution SLA met: 0.0 % (0 of 1)');
  });

  it('links r1’s pages and digests only to files of the site, and into r1’s own copies wherever one exists', () => {
    const r1Pages = r1Files().filter((f) => /\.(html|md)$/.test(f));
    const broken = brokenLinks(dist).filter((b) => b.page.includes('/reviews/2026-10/r1/'));
    expect(broken).toEqual([]);
    const leaks: string[] = [];
    for (const f of r1Pages) {
      for (const to of linksOf(f, read(f))) {
        // A link into the period's folder (not a revision's) whose page or file r1 has a copy of.
        const m = /^\/((?:en|zh-CN)\/)?reviews\/2026-10\/(?!r\d+\/)(.*)$/.exec(to);
        if (!m) continue;
        const copy = `${m[1] ?? ''}reviews/2026-10/r1/${m[2]}`;
        if (existsSync(path.join(dist, copy))) leaks.push(`${f} → ${to}`);
      }
    }
    expect(leaks).toEqual([]);
    // The review page of r1 leads to r1's views (on main it led to the period's, which show r2 now).
    const review = linksOf('en/reviews/2026-10/r1/index.html', read('en/reviews/2026-10/r1/index.html'));
    for (const view of ['services/api/', 'services/web/', 'tickets/', 'data-quality/'])
      expect(review).toContain(`/en/reviews/2026-10/r1/${view}`);
    // Digest links are relative to the digest: r1's point into r1's copies.
    const md = read('en/reviews/2026-10/r1/digest.md');
    expect(md).toContain('(tickets/)');
    expect(md).toContain('(data-quality/)');
    expect(md).toContain('[本摘要中文版](../../../../zh-CN/reviews/2026-10/r1/digest.md)');
  });

  it('leaves the period’s own pages linking the period’s pages', () => {
    const links = linksOf('en/reviews/2026-10/index.html', read('en/reviews/2026-10/index.html'));
    expect(links).toContain('/en/reviews/2026-10/services/web/');
    expect(links).toContain('/en/reviews/2026-10/data-quality/');
    expect(links.filter((l) => l.startsWith('/en/reviews/2026-10/r1/'))).toEqual(['/en/reviews/2026-10/r1/']);
    const web = linksOf('en/reviews/2026-10/services/web/index.html', read('en/reviews/2026-10/services/web/index.html'));
    expect(web).toContain('/en/reviews/2026-10/');
    expect(web).toContain('/reviews/2026-10/services/web/daily.csv');
    expect(web.filter((l) => /\/r\d+\//.test(l))).toEqual([]);
  });
});
