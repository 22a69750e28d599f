/**
 * One minus sign for every signed figure on a page (format.ts withFigureSign): the bundled sample
 * is built in English and Chinese through the real CLI, and the visible text of every page and
 * digest of both languages is searched for a hyphen-minus standing as a number's sign ("-24.5",
 * "(-3)"), which must be the minus sign U+2212 ("−24.5"). Dates (2026-10-05), ids (A-2026-08-1)
 * and ranges keep their hyphens: a hyphen after a letter, digit or another joiner is not a sign.
 * Data shown as exported (a text of the snapshots or the config that holds such a hyphen) is taken out first.
 *
 * So that it cannot pass by finding nothing, it also counts the signed figures it did find, and
 * finds each negative NPS of the snapshots written with U+2212 on its period's review in both
 * languages. The CSV downloads are the other side of the rule: data for spreadsheets, with ASCII
 * "-" and never U+2212.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { PeriodSnapshot } from '../../src/lib/snapshot/build-snapshots.ts';
import { copySample, runCli } from '../browser/browser-helpers.ts';
import { visibleText } from '../helpers/english-scan.ts';

/** A hyphen-minus where it is a number's sign: before a digit, not after a letter, digit or joiner. */
const HYPHEN_SIGN = /(?<![\p{L}\p{N}_.,:/\-−+])-(?=\d)/u;
/** The minus sign before a digit: a negative figure as a page should write it. */
const MINUS_SIGNED = /−(?=\d)/g;

/** Every string of a JSON value: the data a page may show as it was exported. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

/** The hyphen-minus signs left in texts once the data is taken out, with some context. */
function hyphenSigns(texts: readonly string[], data: readonly string[]): string[] {
  const out: string[] = [];
  for (const raw of texts) {
    let text = raw;
    for (const d of data) if (text.includes(d)) text = text.split(d).join(' ');
    const m = HYPHEN_SIGN.exec(text);
    if (m) out.push(text.slice(Math.max(0, m.index - 30), m.index + 12));
  }
  return out;
}

/** A Markdown digest's text: link targets (addresses) and escapes out. */
const markdownTexts = (md: string) => md.split('\n').map((l) => l.replace(/\]\([^)]*\)/g, ']').replace(/\\(.)/g, '$1'));

const walk = (dir: string, keep: (name: string) => boolean): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(path.join(dir, e.name), keep) : keep(e.name) ? [path.join(dir, e.name)] : [],
  );

describe('the minus sign of the built sample’s figures, both languages', () => {
  let work: string;
  let dist: string;
  let data: string[] = [];
  const snapshots = new Map<string, PeriodSnapshot>();
  const pages: Array<{ file: string; locale: string; texts: string[] }> = [];

  beforeAll(() => {
    work = mkdtempSync(path.join(tmpdir(), 'sr-minus-'));
    const config = copySample(work, ['en', 'zh-CN']);
    runCli(['build', '--config', config], { REVIEW_BASE: undefined, REVIEW_SITE: undefined });
    dist = path.join(work, 'dist');
    const draft = path.join(work, 'snapshots/draft');
    for (const f of readdirSync(draft).filter((f) => f.endsWith('.json'))) {
      const snap = JSON.parse(readFileSync(path.join(draft, f), 'utf8'));
      if (snap?.period?.id) snapshots.set(snap.period.id, snap as PeriodSnapshot);
      data.push(...strings(snap));
    }
    data.push(...strings(parse(readFileSync(config, 'utf8'))));
    // Only data the scan would take for a sign is taken out (a comment's "error -5"), longest first;
    // dates and ids never look like one, and a figure's text is never taken out with them.
    data = [...new Set(data)].filter((d) => HYPHEN_SIGN.test(d)).sort((a, b) => b.length - a.length);
    for (const locale of ['en', 'zh-CN']) {
      for (const file of walk(path.join(dist, locale), (n) => n.endsWith('.html') || n === 'digest.md')) {
        const text = readFileSync(file, 'utf8');
        pages.push({ file: path.relative(dist, file), locale, texts: file.endsWith('.md') ? markdownTexts(text) : visibleText(text) });
      }
    }
  }, 300_000);

  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('reads every page and digest of both languages', () => {
    for (const locale of ['en', 'zh-CN']) {
      const files = pages.filter((p) => p.locale === locale).map((p) => p.file);
      expect(files.length, locale).toBeGreaterThan(50);
      expect(files).toContain(`${locale}/reviews/2026-08/index.html`);
      expect(files).toContain(`${locale}/reviews/2026-08/digest.md`);
      expect(files).toContain(`${locale}/reviews/2026-08/digest.html`);
    }
  });

  it('finds signed figures written with the minus sign, in both languages (the scan is not empty)', () => {
    for (const locale of ['en', 'zh-CN']) {
      const signed = pages.filter((p) => p.locale === locale).flatMap((p) => p.texts.flatMap((t) => t.match(MINUS_SIGNED) ?? []));
      // The sample's NPS is negative in most months, several changes go down, two error budgets are overspent.
      expect(signed.length, locale).toBeGreaterThan(100);
    }
    // Each negative NPS of a period is on its review page, in both languages, with U+2212 (SatisfactionTables, HeadlineCards).
    const negative = [...snapshots.values()].filter((s) => (s.headline.nps.value ?? 0) <= -0.05);
    expect(negative.length).toBeGreaterThan(0);
    for (const snap of negative) {
      const want = `−${Math.abs(snap.headline.nps.value as number).toFixed(1)}`;
      for (const locale of ['en', 'zh-CN']) {
        const page = pages.find((p) => p.file === `${locale}/reviews/${snap.period.id}/index.html`);
        expect(page?.texts, `${locale} ${snap.period.id}`).toContain(want);
      }
    }
  });

  it('writes no figure’s sign as a hyphen-minus on any page or digest', () => {
    const left = pages.flatMap((p) => hyphenSigns(p.texts, data).map((h) => `${p.file}: “${h}”`));
    expect(left).toEqual([]);
  });

  it('the scan would catch one, and leaves dates, ids and data alone', () => {
    expect(hyphenSigns(['-24.5', 'NPS -25.0 (n = 12)', '（-3）', '较上月 -0.246 个百分点'], [])).toHaveLength(4);
    expect(hyphenSigns(['2026-10-05', 'A-2026-08-1', '10-05', 'GMT-5', 'e-mail', '−24.5', '4–5 分'], [])).toEqual([]);
    expect(hyphenSigns(['Ticket “Error -5 on save”: 3 tickets'], ['Error -5 on save'])).toEqual([]);
  });

  it('keeps ASCII "-" in the CSV downloads (data for spreadsheets), never U+2212', () => {
    const csvs = walk(dist, (n) => n.endsWith('.csv'));
    expect(csvs.length).toBeGreaterThan(20);
    let negatives = 0;
    const withMinusSign: string[] = [];
    for (const file of csvs) {
      const text = readFileSync(file, 'utf8');
      negatives += (text.match(/(?<=^|,)-\d/gm) ?? []).length;
      if (/−\d/.test(text)) withMinusSign.push(path.relative(dist, file));
    }
    expect(negatives).toBeGreaterThan(0);
    expect(withMinusSign).toEqual([]);
  });
});
