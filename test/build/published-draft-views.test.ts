/**
 * The draft view's links lead to the draft's figures: a published period whose exports changed since
 * has a draft view (/reviews/2026-10/draft/), and its service, tickets and data-quality pages have
 * draft copies beside it (draft/services/<id>/, draft/tickets/, draft/data-quality/), built from the
 * draft snapshot with their CSVs, marked as draft and not indexed for search. A real build of the
 * mini fixture in two languages: October is published as r1, then the ticket export changes.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCliProcess as runCli, textOf } from '../helpers/cli-process.ts';
import { miniWithOctoberDraft } from '../helpers/mini-draft.ts';
import { brokenLinks, filesUnder, linksOf } from '../helpers/site-links.ts';

const LOCALES = ['en', 'zh-CN'] as const;
/** The draft copies of October's views, per language (the mini fixture has services api and web). */
const DRAFT_VIEWS = ['services/api/index.html', 'services/web/index.html', 'tickets/index.html', 'data-quality/index.html'];

describe('the draft view’s links lead to the draft’s figures', () => {
  let work = '';
  let dist = '';
  const read = (f: string) => readFileSync(path.join(dist, f), 'utf8');
  const draftPages = () => LOCALES.flatMap((l) => filesUnder(dist, `${l}/reviews/2026-10/draft`)).filter((f) => f.endsWith('.html'));

  beforeAll(() => {
    // T-2 resolved within its target after r1: web's resolution SLA goes from 0 of 1 to 1 of 1 (test/helpers/mini-draft.ts).
    let config: string;
    ({ work, config } = miniWithOctoberDraft('sr-draft-views-'));
    dist = path.join(work, 'dist');
    const b = runCli(['build', '--config', config]);
    expect(b.status, b.stderr).toBe(0);
  });
  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('links the web service from the draft view to a page showing the draft’s figure, not r1’s', () => {
    const links = linksOf('en/reviews/2026-10/draft/index.html', read('en/reviews/2026-10/draft/index.html'));
    expect(links).toContain('/en/reviews/2026-10/draft/services/web/');
    expect(links).not.toContain('/en/reviews/2026-10/services/web/');
    // The draft view's row and the page it leads to agree: T-2 resolved within target, 1 of 1 (see beforeAll).
    expect(textOf(read('en/reviews/2026-10/draft/services/web/index.html'))).toContain('Resolution SLA met: 100.0 % (1 of 1)');
    // The period's own page still shows r1, where T-2 was open and missed its resolution target.
    expect(textOf(read('en/reviews/2026-10/services/web/index.html'))).toContain('Resolution SLA met: 0.0 % (0 of 1)');
    // Its download is the draft's day-by-day table, beside the draft's snapshot.
    expect(linksOf('en/reviews/2026-10/draft/services/web/index.html', read('en/reviews/2026-10/draft/services/web/index.html'))).toEqual(
      expect.arrayContaining([
        '/reviews/2026-10/draft/services/web/daily.csv',
        '/reviews/2026-10/draft/snapshot.json',
        '/en/reviews/2026-10/draft/',
      ]),
    );
  });

  it('builds the draft copies in both languages, marked as draft and kept out of search, with the draft’s tickets', () => {
    const pages = draftPages();
    for (const l of LOCALES) for (const v of DRAFT_VIEWS) expect(pages, `${l} ${v}`).toContain(`${l}/reviews/2026-10/draft/${v}`);
    for (const f of pages) {
      const html = read(f);
      expect(html, f).not.toContain('data-pagefind-body');
      // The draft view's own status line: "Draft, not published: … Readers see published revision 1."
      if (!f.endsWith('/draft/index.html'))
        expect(textOf(html), f).toMatch(
          f.startsWith('zh-CN/') ? /草稿，未发布：.*修订版本 1/ : /Draft, not published: .*published revision 1\./,
        );
    }
    // The draft's tickets page: T-2 missed its first response only; r1's (the period's) still says it is open.
    const draftTickets = textOf(read('en/reviews/2026-10/draft/tickets/index.html'));
    expect(draftTickets).toContain('T-2');
    expect(draftTickets).not.toContain('Still open');
    expect(read('reviews/2026-10/draft/breached-tickets.csv').match(/T-2,/g)).toHaveLength(1);
    expect(read('reviews/2026-10/breached-tickets.csv').match(/T-2,/g)).toHaveLength(2);
  });

  it('links every draft page only to files of the site, and into the draft’s copies wherever one exists', () => {
    const pages = draftPages();
    expect(pages.length).toBeGreaterThan(LOCALES.length);
    expect(brokenLinks(dist).filter((b) => b.page.includes('/reviews/2026-10/draft/'))).toEqual([]);
    const leaks: string[] = [];
    for (const f of pages) {
      for (const to of linksOf(f, read(f))) {
        // A link into the period's own folder (not a revision's, not the draft's) whose page or file the draft has a copy of.
        const m = /^\/((?:en|zh-CN)\/)?reviews\/2026-10\/(?!r\d+\/|draft\/)(.+)$/.exec(to);
        if (m && existsSync(path.join(dist, `${m[1] ?? ''}reviews/2026-10/draft/${m[2]}`))) leaks.push(`${f} → ${to}`);
      }
    }
    expect(leaks).toEqual([]);
    // The draft view leads to each of its copies (on main it led to the period's pages, which show r1).
    for (const l of LOCALES) {
      const view = linksOf(`${l}/reviews/2026-10/draft/index.html`, read(`${l}/reviews/2026-10/draft/index.html`));
      for (const copy of ['services/api/', 'services/web/', 'tickets/', 'data-quality/'])
        expect(view).toContain(`/${l}/reviews/2026-10/draft/${copy}`);
    }
  });

  it('gives a period without a draft view no draft folder', () => {
    // The quarter and the year were never published: their pages are the draft, with no draft view.
    for (const period of ['2026-Q4', '2026']) {
      for (const folder of [...LOCALES.map((l) => `${l}/reviews/${period}/draft`), `reviews/${period}/draft`])
        expect(existsSync(path.join(dist, folder)), folder).toBe(false);
      expect(existsSync(path.join(dist, `en/reviews/${period}/services/web/index.html`))).toBe(true);
    }
  });
});
