/**
 * Links in the commentary (site-links.ts commentaryHref): written from the review's root, shown under the
 * base path and in the reader's language, and on a copy of the period's views (a revision's permanent page,
 * the draft view) led into the copy where it has the page. Expected values by hand from the rule in its doc
 * comment; what a copy holds (view-copy-paths.ts) against the mini fixture's October snapshot.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { type CopyOfViews, commentaryHref } from '../../src/lib/site/site-links.ts';
import { copyOfViews } from '../../src/lib/site/view-copy-paths.ts';
import type { PeriodSnapshot } from '../../src/lib/snapshot/build-snapshots.ts';

const both = ['en', 'zh-CN'] as const;

describe('commentaryHref', () => {
  it('puts a page link in the reader’s language folder, under the base path, keeping its fragment and query', () => {
    expect(commentaryHref('/method/#tickets', 'zh-CN', both, '/')).toBe('/zh-CN/method/#tickets');
    expect(commentaryHref('/method/#tickets', 'en', both, '/review/')).toBe('/review/en/method/#tickets');
    expect(commentaryHref('/reviews/2026-09/?x=1#outages', 'en', both, '/')).toBe('/en/reviews/2026-09/?x=1#outages');
  });

  it('adds the trailing slash a page folder needs, and nothing to a file', () => {
    expect(commentaryHref('/reviews/2026-09', 'zh-CN', both, '/')).toBe('/zh-CN/reviews/2026-09/');
    expect(commentaryHref('/reviews/2026-09/outages.csv', 'zh-CN', both, '/review/')).toBe('/review/reviews/2026-09/outages.csv');
  });

  it('puts a digest, a page in each language though a file, in the reader’s language folder', () => {
    // The digests are built per language (dist/en/reviews/2026-10/digest.html); downloads are not (outages.csv above).
    expect(commentaryHref('/reviews/2026-10/digest.html', 'zh-CN', both, '/')).toBe('/zh-CN/reviews/2026-10/digest.html');
    expect(commentaryHref('/reviews/2026-10/digest.md', 'en', ['en'], '/review/')).toBe('/review/reviews/2026-10/digest.md');
  });

  it('keeps a language folder the link already names', () => {
    expect(commentaryHref('/en/method/', 'zh-CN', both, '/')).toBe('/en/method/');
    expect(commentaryHref('/zh-CN/method/', 'en', both, '/review/')).toBe('/review/zh-CN/method/');
  });

  it('with one language adds only the base path', () => {
    expect(commentaryHref('/method/', 'en', ['en'], '/')).toBe('/method/');
    expect(commentaryHref('/method/', 'zh-CN', ['zh-CN'], '/review/')).toBe('/review/method/');
    // "en" is no language folder of a Chinese-only site: a page of that name is linked as any other.
    expect(commentaryHref('/en/', 'zh-CN', ['zh-CN'], '/')).toBe('/en/');
  });

  it('leaves relative, external and in-page links as written', () => {
    for (const link of [
      '#recurring',
      'outages.csv',
      '../2026-08/',
      'https://status.example.org/',
      '//cdn.example.org/x',
      'mailto:desk@example.org',
    ])
      expect(commentaryHref(link, 'zh-CN', both, '/review/')).toBe(link);
  });
});

/** r1 of October as a hand-made copy: it has the API's page but not Web's (a service added after r1, say). */
const r1: CopyOfViews = {
  period: '2026-10',
  folder: '/reviews/2026-10/r1/',
  paths: new Set(['', 'services/api/', 'tickets/', 'data-quality/', 'digest.html', 'outages.csv', 'services/api/daily.csv']),
};
/** The draft view's copy: no digest. */
const draft: CopyOfViews = { ...r1, folder: '/reviews/2026-10/draft/', paths: new Set(['', 'services/api/', 'tickets/']) };

describe('commentaryHref on a copy of the period’s views', () => {
  it('leads a link to a page or download the copy has into the copy, in the reader’s language, under the base path', () => {
    expect(commentaryHref('/reviews/2026-10/services/api/', 'en', both, '/', r1)).toBe('/en/reviews/2026-10/r1/services/api/');
    expect(commentaryHref('/reviews/2026-10/tickets/#breached', 'zh-CN', both, '/review/', r1)).toBe(
      '/review/zh-CN/reviews/2026-10/r1/tickets/#breached',
    );
    expect(commentaryHref('/reviews/2026-10', 'en', both, '/', r1)).toBe('/en/reviews/2026-10/r1/');
    expect(commentaryHref('/reviews/2026-10/?x=1#recurring', 'en', ['en'], '/review/', r1)).toBe(
      '/review/reviews/2026-10/r1/?x=1#recurring',
    );
    expect(commentaryHref('/reviews/2026-10/outages.csv', 'zh-CN', both, '/', r1)).toBe('/reviews/2026-10/r1/outages.csv');
    expect(commentaryHref('/reviews/2026-10/services/api/daily.csv', 'en', both, '/', r1)).toBe(
      '/reviews/2026-10/r1/services/api/daily.csv',
    );
    expect(commentaryHref('/reviews/2026-10/digest.html', 'zh-CN', both, '/', r1)).toBe('/zh-CN/reviews/2026-10/r1/digest.html');
    // A language folder the link names stays, and the copy is its.
    expect(commentaryHref('/en/reviews/2026-10/services/api/', 'zh-CN', both, '/', r1)).toBe('/en/reviews/2026-10/r1/services/api/');
    expect(commentaryHref('/reviews/2026-10/services/api/', 'en', both, '/', draft)).toBe('/en/reviews/2026-10/draft/services/api/');
  });

  it('leaves a link to what the copy lacks leading where it leads from the period’s page', () => {
    expect(commentaryHref('/reviews/2026-10/services/web/', 'en', both, '/', r1)).toBe('/en/reviews/2026-10/services/web/');
    expect(commentaryHref('/reviews/2026-10/revisions.csv', 'en', both, '/', r1)).toBe('/reviews/2026-10/revisions.csv');
    expect(commentaryHref('/reviews/2026-10/digest.html', 'en', both, '/', draft)).toBe('/en/reviews/2026-10/digest.html');
    expect(commentaryHref('/reviews/2026-10/r1/', 'en', both, '/', draft)).toBe('/en/reviews/2026-10/r1/');
    expect(commentaryHref('/method/#tickets', 'zh-CN', both, '/review/', r1)).toBe('/review/zh-CN/method/#tickets');
    // Another period, even one whose id begins with this one's.
    expect(commentaryHref('/reviews/2026-Q4/', 'en', both, '/', r1)).toBe('/en/reviews/2026-Q4/');
    expect(commentaryHref('/reviews/2026-100/', 'en', ['en'], '/', r1)).toBe('/reviews/2026-100/');
    for (const link of ['#recurring', 'https://status.example.org/', '//cdn.example.org/x', 'mailto:desk@example.org'])
      expect(commentaryHref(link, 'zh-CN', both, '/review/', r1)).toBe(link);
  });

  it('resolves a relative link as on the period’s page, where it was written, then leads it the same way', () => {
    // From /review/en/reviews/2026-10/, services/api/ is /review/en/reviews/2026-10/services/api/: r1 has it.
    expect(commentaryHref('services/api/', 'en', both, '/review/', r1)).toBe('/review/en/reviews/2026-10/r1/services/api/');
    expect(commentaryHref('./', 'zh-CN', both, '/', draft)).toBe('/zh-CN/reviews/2026-10/draft/');
    expect(commentaryHref('tickets/#breached', 'en', ['en'], '/', r1)).toBe('/reviews/2026-10/r1/tickets/#breached');
    // Written relative to the period's page, it would lead inside r1/ on r1's page (/reviews/2026-10/r1/2026-Q4/): resolved, it leads where it led.
    expect(commentaryHref('../2026-Q4/', 'zh-CN', both, '/', r1)).toBe('/zh-CN/reviews/2026-Q4/');
    expect(commentaryHref('../', 'en', ['en'], '/review/', r1)).toBe('/review/reviews/');
    expect(commentaryHref('services/web/', 'en', both, '/', r1)).toBe('/en/reviews/2026-10/services/web/');
    // Above the base path: no page of the site, left leading where it led.
    expect(commentaryHref('../../../../x/', 'en', both, '/review/', r1)).toBe('/x/');
  });
});

describe('copyOfViews', () => {
  // The mini fixture's October: services api and web, 2 missed targets and 2 recurring issues (so a tickets page).
  const snap: PeriodSnapshot = JSON.parse(
    readFileSync(path.resolve(import.meta.dirname, '../fixtures/mini/expected/2026-10.json'), 'utf8'),
  );

  it('lists the pages and downloads a revision’s copy has, and leads the commentary there', () => {
    const copy = copyOfViews(snap, 1);
    expect(copy.folder).toBe('/reviews/2026-10/r1/');
    for (const p of ['', 'services/api/', 'services/web/', 'tickets/', 'data-quality/', 'digest.html', 'digest.md', 'snapshot.json'])
      expect(copy.paths.has(p), p).toBe(true);
    for (const p of ['outages.csv', 'breached-tickets.csv', 'services/web/daily.csv', 'services/api/maintenance.csv'])
      expect(copy.paths.has(p), p).toBe(true);
    for (const p of ['revisions.csv', 'services/db/', 'r1/', 'draft/']) expect(copy.paths.has(p), p).toBe(false);
    expect(commentaryHref('/reviews/2026-10/services/web/', 'en', ['en'], '/', copy)).toBe('/reviews/2026-10/r1/services/web/');
  });

  it('gives the draft view’s copy no digest, and no tickets page to a snapshot without missed targets or recurring issues', () => {
    const copy = copyOfViews(snap, null);
    expect(copy.folder).toBe('/reviews/2026-10/draft/');
    expect(copy.paths.has('digest.html')).toBe(false);
    expect(copy.paths.has('tickets/')).toBe(true);
    const none = copyOfViews({ ...snap, drillDown: { ...snap.drillDown, breached: [], recurring: [] } } as PeriodSnapshot, null);
    expect(none.paths.has('tickets/')).toBe(false);
  });
});
