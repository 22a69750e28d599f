/**
 * Issue #16: CSV column heads stay English in every language (they are data), "and say so". The
 * bundled sample is built in English and Chinese through the real CLI. A Chinese page that links a
 * CSV says so once, heading its downloads list, in the dictionary's words (downloads.csvNote, through
 * CsvHeadsNote.astro), not after every link; each of its CSV links (a downloads list's, a table's, one
 * in a sentence) names that note in aria-describedby, so a reader of any of them finds it. An English
 * page, whose own language the heads are in, says nothing of it.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dictionary } from '../../src/lib/site/i18n/dictionaries.ts';
import { CSV_HEADS_ANCHOR } from '../../src/lib/site/site-links.ts';
import { copySample, runCli } from '../browser/browser-helpers.ts';

const CSV_LINK = /<a\b[^>]*\shref="[^"]*\.csv"[^>]*>/g;
const NOTE = /<span\b([^>]*\bdata-csv-heads\b[^>]*)>([\s\S]*?)<\/span>/g;
const DOWNLOADS = /<nav class="downloads"[\s\S]*?<\/nav>/g;

interface CsvPage {
  /** The page's CSV links. */
  links: number;
  /** Of them, those that do not name the note in aria-describedby. */
  undescribed: number;
  /** The notes: their text, their id, and whether they head a downloads list (stand before its first link). */
  notes: Array<{ text: string; id: string | null; heading: boolean }>;
}

/** A page's CSV links and its notes that CSV column heads stay English. */
function csvPage(html: string): CsvPage {
  const body = html.replace(/<script[\s\S]*?<\/script>/g, '');
  const links = body.match(CSV_LINK) ?? [];
  const lists = [...body.matchAll(DOWNLOADS)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
  // A note heads a list when it stands inside it before any of its links.
  const heads = (at: number) => lists.some((l) => l.start <= at && at < l.end && !/<a\b/.test(body.slice(l.start, at)));
  return {
    links: links.length,
    undescribed: links.filter((a) => !a.includes(` aria-describedby="${CSV_HEADS_ANCHOR}"`)).length,
    notes: [...body.matchAll(NOTE)].map((m) => ({
      text: (m[2] ?? '').replace(/<[^>]+>/g, ''),
      id: /\bid="([^"]*)"/.exec(m[1] ?? '')?.[1] ?? null,
      heading: heads(m.index),
    })),
  };
}

const walk = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(path.join(dir, e.name)) : e.name === 'index.html' ? [path.join(dir, e.name)] : [],
  );

describe('the note that CSV column heads stay English, on the built sample', () => {
  let work: string;
  const pages = new Map<string, CsvPage>();

  beforeAll(() => {
    work = mkdtempSync(path.join(tmpdir(), 'sr-csv-note-'));
    const config = copySample(work, ['en', 'zh-CN']);
    runCli(['build', '--config', config], { REVIEW_BASE: undefined, REVIEW_SITE: undefined });
    const dist = path.join(work, 'dist');
    for (const locale of ['en', 'zh-CN'])
      for (const file of walk(path.join(dist, locale))) pages.set(path.relative(dist, file), csvPage(readFileSync(file, 'utf8')));
  }, 300_000);

  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  const of = (locale: string) => [...pages].filter(([p]) => p.startsWith(`${locale}/`));

  it('says it once on every Chinese page that links a CSV, heading its downloads list, in the dictionary’s words', () => {
    const note = dictionary('zh-CN').downloads.csvNote;
    expect(note).toMatch(/^CSV 列名/);
    const zh = of('zh-CN');
    // Something to check: the review, service, tickets, data-quality, archive and method pages all link CSVs, many each.
    const linked = zh.filter(([, p]) => p.links > 0).map(([p]) => p);
    expect(linked.length).toBeGreaterThan(50);
    for (const page of ['zh-CN/index.html', 'zh-CN/method/index.html', 'zh-CN/reviews/index.html', 'zh-CN/reviews/2026-08/index.html'])
      expect(linked).toContain(page);
    expect(zh.reduce((n, [, p]) => n + p.links, 0)).toBeGreaterThan(300);
    const wrong = zh
      .filter(([, p]) => p.links > 0)
      .filter(([, p]) => !(p.notes.length === 1 && p.notes[0]?.text === note && p.notes[0].heading && p.notes[0].id === CSV_HEADS_ANCHOR))
      .map(([page, p]) => `${page}: ${JSON.stringify(p.notes)}`);
    expect(wrong).toEqual([]);
    // A page without a CSV link says nothing of CSV heads.
    expect(zh.filter(([, p]) => p.links === 0 && p.notes.length > 0).map(([page]) => page)).toEqual([]);
  });

  it('every CSV link of a Chinese page names the note (aria-describedby), so a reader of any link finds it', () => {
    expect(
      of('zh-CN')
        .filter(([, p]) => p.undescribed > 0)
        .map(([page, p]) => `${page}: ${p.undescribed} of ${p.links}`),
    ).toEqual([]);
  });

  it('says nothing of it on an English page', () => {
    const en = of('en');
    expect(en.reduce((n, [, p]) => n + p.links, 0)).toBeGreaterThan(300);
    expect(en.filter(([, p]) => p.notes.length > 0 || p.undescribed < p.links).map(([page]) => page)).toEqual([]);
    expect(dictionary('en').downloads.csvNote).toBe('');
  });

  it('the check reads a page as a reader does', () => {
    const note = `<span class="csv-heads" id="${CSV_HEADS_ANCHOR}" data-csv-heads>CSV 列名为英文</span>`;
    const a = (href: string, described: boolean) =>
      `<a href="${href}" download${described ? ` aria-describedby="${CSV_HEADS_ANCHOR}"` : ''}>x</a>`;
    const list = (inside: string) => `<nav class="downloads" aria-label="下载"><span class="downloads-title">下载：</span>${inside}</nav>`;
    expect(csvPage(`${list(`${note}<ul><li>${a('/a.csv', true)}</li></ul>`)}<p>${a('/b.csv', true)}</p>`)).toEqual({
      links: 2,
      undescribed: 0,
      notes: [{ text: 'CSV 列名为英文', id: CSV_HEADS_ANCHOR, heading: true }],
    });
    // A note after the list's links does not head it; one after a table's link is outside any list; a link may name nothing.
    expect(csvPage(`${list(`<ul><li>${a('/a.csv', false)}</li></ul>${note}`)}<p>${a('/b.csv', true)}${note}</p>`)).toEqual({
      links: 2,
      undescribed: 1,
      notes: [
        { text: 'CSV 列名为英文', id: CSV_HEADS_ANCHOR, heading: false },
        { text: 'CSV 列名为英文', id: CSV_HEADS_ANCHOR, heading: false },
      ],
    });
  });
});
