/**
 * What docs/i18n.md says of Pagefind, checked against the installed Pagefind: a zh-CN page's text
 * is segmented into words (登录 is a word of the index), the English-forced index of today is not,
 * and two languages give two indexes. The words are read from the written index files (gzip;
 * words stored as UTF-8), not through the browser API, which the browser tests exercise.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { close, createIndex } from 'pagefind';
import { afterAll, describe, expect, it } from 'vitest';
import { searchIndexOptions } from '../../../src/lib/site/i18n/search-language.ts';

const made: string[] = [];
afterAll(async () => {
  await close();
  for (const d of made) rmSync(d, { recursive: true, force: true });
});

const page = (lang: string, text: string) => `<html lang="${lang}"><body><main data-pagefind-body><p>${text}</p></main></body></html>`;

/** Builds an index of the pages; returns its languages and the Han words of each language's index. */
async function build(options: { forceLanguage?: string }, pages: Array<[string, string, string]>) {
  const out = mkdtempSync(path.join(tmpdir(), 'sr-pagefind-'));
  made.push(out);
  const { index, errors } = await createIndex(options);
  if (!index) throw new Error(errors.join('; '));
  for (const [url, lang, text] of pages) await index.addHTMLFile({ url, content: page(lang, text) });
  await index.writeFiles({ outputPath: out });
  const entry = JSON.parse(readFileSync(path.join(out, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, unknown> };
  const words: Record<string, string[]> = {};
  for (const f of readdirSync(path.join(out, 'index'))) {
    const lang = f.split('_')[0] as string;
    const text = gunzipSync(readFileSync(path.join(out, 'index', f))).toString('utf8');
    words[lang] = [...(words[lang] ?? []), ...(text.match(/[\u4e00-\u9fff]+/g) ?? [])];
  }
  return { languages: Object.keys(entry.languages).sort(), words };
}

describe('Pagefind and Chinese pages (issue #16)', () => {
  it('two locales: one index per <html lang>, the Chinese one segmented (登录 is a word)', async () => {
    const r = await build(searchIndexOptions(['en', 'zh-CN']), [
      ['/zh-CN/a/', 'zh-CN', '用户无法登录客户门户。'],
      ['/en/a/', 'en', 'Users could not sign in.'],
    ]);
    expect(r.languages).toEqual(['en', 'zh-cn']);
    expect(r.words['zh-cn']).toContain('登录');
  }, 30_000);

  it('one Chinese locale, forced: segmented all the same, under the key a page’s lang gives', async () => {
    const r = await build(searchIndexOptions(['zh-CN']), [['/a/', 'zh-CN', '用户无法登录客户门户。']]);
    expect(r.languages).toEqual(['zh-cn']);
    expect(r.words['zh-cn']).toContain('登录');
  }, 30_000);

  it('today’s forced English keeps a Chinese run whole: 登录 is no word of it (the bug #16 reports)', async () => {
    const r = await build({ forceLanguage: 'en' }, [['/a/', 'zh-CN', '用户无法登录客户门户。']]);
    expect(r.languages).toEqual(['en']);
    expect(r.words.en).not.toContain('登录');
  }, 30_000);
});
