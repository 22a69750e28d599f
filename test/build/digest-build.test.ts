/**
 * The digests the build writes (issue #18, item 4): a copy of the bundled sample in English and
 * Chinese, built with REVIEW_SITE and REVIEW_BASE set (so links are absolute), then every period's
 * digest.md and digest.html read back and held against the snapshot its review page shows
 * (dist/reviews/<period>/snapshot.json). The expected figures are formatted here with format.ts,
 * as the review page's cards format them, not with the digest's own code.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatCount, formatNumber, formatPercent } from '../../src/lib/format/format.ts';
import type { PeriodSnapshot } from '../../src/lib/snapshot/build-snapshots.ts';
import { copySample, runCli } from '../browser/browser-helpers.ts';

const ORIGIN = 'https://reviews.example.com';
/** The verdict words of the English pages (VerdictLabel.astro through en.ts), copied by hand. */
const VERDICT: Record<string, string> = { met: '✓ met', 'at-risk': '! at risk', breached: '✗ breached', 'no-data': '– no data' };

interface Row {
  figure: string;
  value: string;
  target: string;
  verdict: string;
}

/** What each headline row of a snapshot must read, in English, in the digest's order. */
function expectedRows(snap: PeriodSnapshot): Row[] {
  const h = snap.headline;
  const verdict = (v: string | null) => (v === null ? '' : (VERDICT[v] as string));
  const has = (v: { value: number | null; n: number }) => v.value !== null || v.n > 0;
  const rows: Row[] = h.services.map((s) => ({
    figure: `availability:${s.id}`,
    value: formatPercent(s.availability.value),
    target: formatPercent(s.target, 2),
    verdict: verdict(s.verdict),
  }));
  for (const key of ['responseAttainment', 'resolutionAttainment', 'csat'] as const) {
    const v = h[key];
    if (has(v))
      rows.push({
        figure: key,
        value: formatPercent(v.value, 1),
        target: v.target === null ? '—' : formatPercent(v.target, 1),
        verdict: verdict(v.verdict),
      });
  }
  if (has(h.nps))
    rows.push({
      figure: 'nps',
      value: formatNumber(h.nps.value, 1),
      target: h.nps.target === null ? '—' : formatNumber(h.nps.target, 0),
      verdict: verdict(h.nps.verdict),
    });
  if ((h.ticketsCreated.value ?? 0) > 0 || (h.backlogAtEnd.value ?? 0) > 0) {
    rows.push({ figure: 'ticketsCreated', value: formatCount(h.ticketsCreated.value), target: '—', verdict: '' });
    rows.push({ figure: 'backlogAtEnd', value: formatCount(h.backlogAtEnd.value), target: '—', verdict: '' });
  }
  return rows;
}

const htmlText = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');

/** The headline rows of an HTML digest, by their data attributes. */
function htmlRows(html: string): Row[] {
  return [...html.matchAll(/<tr data-figure="([^"]+)">(.*?)<\/tr>/g)].map(([, figure, cells]) => {
    const field = (f: string) => htmlText(new RegExp(`<td data-field="${f}"[^>]*>(.*?)</td>`).exec(cells as string)?.[1] ?? '?');
    return { figure: figure as string, value: field('value'), target: field('target'), verdict: field('verdict') };
  });
}

/** The headline rows of a Markdown digest: the table under the second heading, backslash escapes undone. */
function markdownRows(md: string): Array<Omit<Row, 'figure'>> {
  const table = md.split('\n## ')[2] ?? '';
  return table
    .split('\n')
    .filter((l) => l.startsWith('| ') && !l.startsWith('| ---'))
    .slice(1)
    .map((l) => {
      const cells = l
        .slice(2, -2)
        .split(/(?<!\\) \| /)
        .map((c) => c.replace(/\\(.)/g, '$1'));
      return { value: cells[1] as string, target: cells[2] as string, verdict: cells[3] as string };
    });
}

describe('the digests in dist/', () => {
  let work: string;
  let dist: string;
  let periods: string[];
  const snapshot = (period: string) =>
    JSON.parse(readFileSync(path.join(dist, `reviews/${period}/snapshot.json`), 'utf8')) as PeriodSnapshot;

  beforeAll(() => {
    work = mkdtempSync(path.join(tmpdir(), 'sr-digest-'));
    const config = copySample(work, ['en', 'zh-CN']);
    runCli(['build', '--config', config], { REVIEW_SITE: ORIGIN, REVIEW_BASE: '/pack/' });
    dist = path.join(work, 'dist');
    periods = readdirSync(path.join(dist, 'reviews')).filter((p) => existsSync(path.join(dist, 'reviews', p, 'snapshot.json')));
  }, 300_000);

  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('writes one digest of each kind per period and language', () => {
    // The sample: months Jun–Nov 2026 with data, two quarters and the year at least.
    expect(periods.length).toBeGreaterThanOrEqual(6);
    for (const p of periods) {
      for (const l of ['en', 'zh-CN']) {
        expect(existsSync(path.join(dist, l, 'reviews', p, 'digest.md')), `${l} ${p} digest.md`).toBe(true);
        expect(existsSync(path.join(dist, l, 'reviews', p, 'digest.html')), `${l} ${p} digest.html`).toBe(true);
      }
    }
  });

  it('gives every headline figure, target and verdict as the snapshot has it, in HTML and Markdown', () => {
    let rowsSeen = 0;
    for (const p of periods) {
      const want = expectedRows(snapshot(p));
      const html = readFileSync(path.join(dist, 'en/reviews', p, 'digest.html'), 'utf8');
      const md = readFileSync(path.join(dist, 'en/reviews', p, 'digest.md'), 'utf8');
      expect(htmlRows(html), `${p} html`).toEqual(want);
      expect(markdownRows(md), `${p} md`).toEqual(want.map(({ figure: _, ...r }) => r));
      // The Chinese digest: the same figures, percentages set close up (99.9%), verdicts in Chinese.
      const zh = htmlRows(readFileSync(path.join(dist, 'zh-CN/reviews', p, 'digest.html'), 'utf8'));
      expect(zh.map((r) => [r.figure, r.value])).toEqual(want.map((r) => [r.figure, r.value.replace(' %', '%')]));
      rowsSeen += want.length;
    }
    // The sample has six monitored services and ticket and survey figures: no empty comparison.
    expect(rowsSeen).toBeGreaterThan(periods.length * 6);
  });

  it('lists the attention items of the snapshot, in its order', () => {
    for (const p of periods) {
      const snap = snapshot(p);
      const html = readFileSync(path.join(dist, 'en/reviews', p, 'digest.html'), 'utf8');
      const figures = [...html.matchAll(/<li data-kind="[^"]+" data-figure="([^"]+)"/g)].map((m) => htmlText(m[1] as string));
      expect(figures, p).toEqual(snap.attention.map((a) => a.figure));
    }
  });

  it('links each digest to the same period’s digest in the other language, and that digest exists', () => {
    const other = { en: 'zh-CN', 'zh-CN': 'en' } as const;
    let links = 0;
    for (const p of periods) {
      for (const l of ['en', 'zh-CN'] as const) {
        const html = readFileSync(path.join(dist, l, 'reviews', p, 'digest.html'), 'utf8');
        const md = readFileSync(path.join(dist, l, 'reviews', p, 'digest.md'), 'utf8');
        const o = other[l];
        const htmlLink = [...html.matchAll(/<a href="([^"]+)" hreflang="([^"]+)" lang="([^"]+)"/g)].map((m) => [m[1], m[2], m[3]]);
        expect(htmlLink, `${l} ${p} html`).toEqual([[`${ORIGIN}/pack/${o}/reviews/${p}/digest.html`, o, o]]);
        const mdLinks = [...md.matchAll(/\]\((\S+\/digest\.md)\)/g)].map((m) => m[1]);
        expect(mdLinks, `${l} ${p} md`).toEqual([`${ORIGIN}/pack/${o}/reviews/${p}/digest.md`]);
        // The address is the one the build wrote the other digest to (dist/ is served under /pack/).
        for (const href of [htmlLink[0]?.[0], mdLinks[0]])
          expect(existsSync(path.join(dist, (href as string).slice(`${ORIGIN}/pack/`.length))), href).toBe(true);
        links += 2;
      }
    }
    expect(links).toBe(periods.length * 4);
  });

  it('is a self-contained e-mail body: no script, style sheet, image or other fetched resource; links to the site only', () => {
    for (const p of periods) {
      for (const l of ['en', 'zh-CN']) {
        const html = readFileSync(path.join(dist, l, 'reviews', p, 'digest.html'), 'utf8');
        expect(html).not.toMatch(/<script|<style|<link|<img|<iframe|<object|<embed|\bsrc=|url\(|@import/i);
        expect(html).toContain(`<html lang="${l}">`);
        const hrefs = [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1] as string);
        expect(hrefs.length).toBeGreaterThan(3);
        // REVIEW_SITE is set: every link is absolute, under the base, and pages stay in the language.
        for (const h of hrefs) expect(h.startsWith(`${ORIGIN}/pack/`), h).toBe(true);
        expect(hrefs).toContain(`${ORIGIN}/pack/${l}/reviews/${p}/`);
        // No other address in the text either (the site's own links aside).
        expect(html.replace(/href="[^"]*"/g, '')).not.toMatch(/https?:\/\//);
      }
    }
  });
});
