/**
 * Issue #16: CSV column heads stay English in every language (they are data), "and say so". The
 * bundled sample is built in English and Chinese through the real CLI; on a Chinese page every
 * place that links a CSV download (a downloads list, a table's CSV link, a sentence linking one)
 * says so beside the link, in the dictionary's words (downloads.csvNote, through CsvHeadsNote.astro);
 * an English page, whose own language the heads are in, says nothing of it.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dictionary } from '../../src/lib/site/i18n/dictionaries.ts';
import { copySample, runCli } from '../browser/browser-helpers.ts';

const CSV_LINK = /\shref="[^"]*\.csv"/g;
/** The blocks a CSV link stands in: a paragraph, or a downloads list. */
const BLOCK = /<(p|nav)\b[^>]*>[\s\S]*?<\/\1>/g;
const NOTE = /<span[^>]*\bdata-csv-heads\b[^>]*>([\s\S]*?)<\/span>/;

/** A page's CSV links by the block they stand in, and those outside any block. */
function csvBlocks(html: string): { blocks: Array<{ links: number; note: string | null }>; outside: number } {
  const body = html.replace(/<script[\s\S]*?<\/script>/g, '');
  const all = (body.match(CSV_LINK) ?? []).length;
  const blocks = [...body.matchAll(BLOCK)]
    .map((m) => ({ links: (m[0].match(CSV_LINK) ?? []).length, note: NOTE.exec(m[0])?.[1]?.replace(/<[^>]+>/g, '') ?? null }))
    .filter((b) => b.links > 0);
  return { blocks, outside: all - blocks.reduce((n, b) => n + b.links, 0) };
}

const walk = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(path.join(dir, e.name)) : e.name === 'index.html' ? [path.join(dir, e.name)] : [],
  );

describe('the note that CSV column heads stay English, on the built sample', () => {
  let work: string;
  const pages = new Map<string, ReturnType<typeof csvBlocks>>();

  beforeAll(() => {
    work = mkdtempSync(path.join(tmpdir(), 'sr-csv-note-'));
    const config = copySample(work, ['en', 'zh-CN']);
    runCli(['build', '--config', config], { REVIEW_BASE: undefined, REVIEW_SITE: undefined });
    const dist = path.join(work, 'dist');
    for (const locale of ['en', 'zh-CN'])
      for (const file of walk(path.join(dist, locale))) pages.set(path.relative(dist, file), csvBlocks(readFileSync(file, 'utf8')));
  }, 300_000);

  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  const of = (locale: string) => [...pages].filter(([p]) => p.startsWith(`${locale}/`));

  it('says it beside every CSV link of every Chinese page, in the dictionary’s words', () => {
    const note = dictionary('zh-CN').downloads.csvNote;
    expect(note).toMatch(/^CSV 列名/);
    const zh = of('zh-CN');
    // Something to check: the review, service, tickets, data-quality, archive and method pages all link CSVs.
    const linked = zh.filter(([, p]) => p.blocks.length > 0).map(([p]) => p);
    expect(linked.length).toBeGreaterThan(50);
    for (const page of ['zh-CN/index.html', 'zh-CN/method/index.html', 'zh-CN/reviews/index.html', 'zh-CN/reviews/2026-08/index.html'])
      expect(linked).toContain(page);
    expect(zh.reduce((n, [, p]) => n + p.blocks.length, 0)).toBeGreaterThan(300);
    // Every CSV link stands in a block the check reads, and every such block says it.
    expect(zh.filter(([, p]) => p.outside > 0).map(([page]) => page)).toEqual([]);
    const silent = zh.flatMap(([page, p]) => p.blocks.filter((b) => b.note === null || !b.note.includes(note)).map(() => page));
    expect(silent).toEqual([]);
  });

  it('says nothing of it on an English page', () => {
    const en = of('en');
    expect(en.reduce((n, [, p]) => n + p.blocks.length, 0)).toBeGreaterThan(300);
    expect(en.filter(([, p]) => p.blocks.some((b) => b.note !== null)).map(([page]) => page)).toEqual([]);
    expect(dictionary('en').downloads.csvNote).toBe('');
  });

  it('the check reads a block as a reader does', () => {
    expect(csvBlocks('<p><a href="/a.csv">x</a><span class="csv-heads" data-csv-heads>CSV 列名为英文</span></p>')).toEqual({
      blocks: [{ links: 1, note: 'CSV 列名为英文' }],
      outside: 0,
    });
    expect(csvBlocks('<div><a href="/a.csv">x</a></div><p><a href="/b.csv">y</a></p>')).toEqual({
      blocks: [{ links: 1, note: null }],
      outside: 1,
    });
  });
});
