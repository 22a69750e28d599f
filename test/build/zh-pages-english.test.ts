/**
 * Issue #16: "no English string left in a Chinese page". The bundled sample is built in both
 * languages through the real CLI, and every built zh-CN page (and digest, HTML and Markdown) is scanned (test/helpers/english-scan.ts):
 * its visible text, less the data the review shows as exported (every text of the snapshots and
 * the config), is searched for the English dictionary's texts and for any other English word.
 * Acronyms (SLA, CSAT, NPS …) are allowed; nothing else is.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { dictionary } from '../../src/lib/site/i18n/dictionaries.ts';
import { dataTexts, englishFragments, englishHits, type Hit, markdownText, visibleText } from '../helpers/english-scan.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const CLI = path.join(ROOT, 'src/cli/main.ts');

/**
 * The texts of a page that hold a straight quote once the data shown as exported (ticket titles
 * such as `Error "Session expired"`) is taken out: a value the page's words quote should be in
 * Chinese quotes (“…”, locale-format.ts quoteValueIn).
 */
function straightQuotes(texts: readonly string[], data: readonly string[]): string[] {
  return texts.filter((t) => t.includes('"') && data.reduce((left, d) => left.split(d).join(' '), t).includes('"'));
}

describe('no English interface word on a built Chinese page (issue #16)', () => {
  let work: string;
  let pages: Array<{ page: string; hits: Hit[]; quotes: string[] }> = [];

  beforeAll(() => {
    work = mkdtempSync(path.join(tmpdir(), 'sr-zh-english-'));
    for (const f of ['review.config.yaml', 'data', 'content']) cpSync(path.join(ROOT, f), path.join(work, f), { recursive: true });
    const config = path.join(work, 'review.config.yaml');
    const yaml = readFileSync(config, 'utf8');
    // The sample builds both languages; say so here too, so the test does not hang on the sample's choice.
    if (!/^\s+locales:/m.test(yaml)) writeFileSync(config, yaml.replace(/^review:\n/m, 'review:\n  locales: [en, zh-CN]\n'));
    const { REVIEW_BASE: _b, REVIEW_SITE: _s, ...env } = process.env;
    const r = spawnSync(
      process.execPath,
      ['--experimental-strip-types', '--no-warnings=ExperimentalWarning', CLI, 'build', '--config', config],
      {
        cwd: ROOT,
        encoding: 'utf8',
        env: { ...env, ASTRO_TELEMETRY_DISABLED: '1' },
      },
    );
    expect(r.status, r.stderr).toBe(0);

    const skip = (at: string) => /rejects\[\]\.reason$/.test(at); // reasons are translated, not data
    const snapshots = path.join(work, 'snapshots/draft');
    const data = [
      ...readdirSync(snapshots).flatMap((f) => dataTexts(JSON.parse(readFileSync(path.join(snapshots, f), 'utf8')), skip)),
      ...dataTexts(parse(readFileSync(config, 'utf8')), () => false),
      // The commentary's front matter (summary, author) is the analysts' text, shown as written.
      ...readdirSync(path.join(work, 'content/reviews')).flatMap((f) =>
        dataTexts(parse(/^---\n([\s\S]*?)\n---/.exec(readFileSync(path.join(work, 'content/reviews', f), 'utf8'))?.[1] ?? ''), () => false),
      ),
    ];
    const fragments = englishFragments();
    const walk = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
        e.isDirectory()
          ? walk(path.join(dir, e.name))
          : e.name === 'index.html' || e.name === 'digest.html' || e.name === 'digest.md'
            ? [path.join(dir, e.name)]
            : [],
      );
    const dist = path.join(work, 'dist');
    // The pages, and the HTML digests beside the reviews (their link to the English digest is marked lang="en").
    // And the Markdown digests: their link to the English digest is in English by design, as in the HTML ones.
    const english = [dictionary('en').digest.otherLanguage];
    // Longest first, so a title is taken out before a word of it.
    const dataLongest = [...new Set(data.map((d) => d.replace(/\s+/g, ' ').trim()))]
      .filter((d) => d.includes('"'))
      .sort((a, b) => b.length - a.length);
    pages = walk(path.join(dist, 'zh-CN')).map((file) => {
      const texts = file.endsWith('.md') ? markdownText(readFileSync(file, 'utf8'), english) : visibleText(readFileSync(file, 'utf8'));
      return {
        page: path.basename(file) === 'index.html' ? `/${path.relative(dist, path.dirname(file))}/` : `/${path.relative(dist, file)}`,
        hits: englishHits(texts, data, fragments),
        quotes: straightQuotes(texts, dataLongest),
      };
    });
  }, 300_000);

  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('builds every Chinese page of the sample', () => {
    expect(pages.length).toBeGreaterThan(50);
    expect(pages.map((p) => p.page)).toContain('/zh-CN/method/');
    expect(pages.map((p) => p.page)).toContain('/zh-CN/reviews/2026-08/data-quality/');
    expect(pages.map((p) => p.page)).toContain('/zh-CN/reviews/2026-08/digest.html');
    expect(pages.map((p) => p.page)).toContain('/zh-CN/reviews/2026-08/digest.md');
  });

  it('sets file names in the method page’s prose as code (read as written, not words to translate)', () => {
    // The scan takes the sample config's texts out as data, and the register's file name is one of them; held here.
    for (const locale of ['en', 'zh-CN']) {
      const method = readFileSync(path.join(work, 'dist', locale, 'method/index.html'), 'utf8');
      expect(method.match(/<code>content\/actions\.yaml<\/code>/g)?.length, locale).toBe(2);
    }
  });

  it('leaves no English interface word on any Chinese page', () => {
    const failed = pages.flatMap(({ page, hits }) => hits.map((h) => `${page}: ${h.key}: "${h.text}" in “${h.context}”`));
    expect(failed).toEqual([]);
  });

  it('quotes values in Chinese quotes on every Chinese page and digest: the data-quality reasons too', () => {
    // Something to check: the sample's data-quality page of 2026-05 quotes a rejected status word.
    const reasons = readFileSync(path.join(work, 'dist/zh-CN/reviews/2026-05/data-quality/index.html'), 'utf8');
    expect(reasons).toContain('未知状态“maybe”');
    expect(pages.flatMap(({ page, quotes }) => quotes.map((q) => `${page}: ${q}`))).toEqual([]);
  });

  it('the quote scan keeps data as exported and finds a straight quote in the page’s words', () => {
    const data = ['Error "Session expired" after login'];
    expect(straightQuotes(['重复问题“Error "Session expired" after login”', '未知状态“maybe”'], data)).toEqual([]);
    expect(straightQuotes(['未知状态 "maybe"', 'Error "Session expired" after login'], data)).toEqual(['未知状态 "maybe"']);
  });

  it("reads a Markdown digest as a reader sees it: link text, not targets; the other language's link left out", () => {
    const md = [
      '# 摘要',
      '',
      '[This digest in English](../en/digest.md)',
      '',
      '| 指标 | 数值 |',
      '| --- | ---: |',
      '| [可用性](./#a) | 99% target |',
      '- ! [Report](x/) ok',
      '- [问题“Slow \\[INC1\\] a\\|b”](./#r)',
      '_由 service-review 生成_',
    ].join('\n');
    expect(markdownText(md, ['This digest in English'])).toEqual([
      '摘要',
      '指标',
      '数值',
      '可用性',
      '99% target',
      '! Report ok',
      '问题“Slow [INC1] a|b”',
      '由 service-review 生成',
    ]);
    expect(
      englishHits(markdownText(md, ['This digest in English']), ['service-review', 'Slow [INC1] a|b'], englishFragments()).map(
        (h) => h.text,
      ),
    ).toEqual(['target', 'Report', 'ok']);
  });

  it('would catch English on a page: a dictionary text and a literal are both found', () => {
    const fragments = englishFragments();
    const hits = englishHits(
      ['数据质量', 'Rejected rows by reason', '负责团队：Web team。', 'Owner: Web team.', '已发布 later'],
      ['Web team'],
      fragments,
    );
    expect(hits.map((h) => [h.key, h.text])).toEqual([
      ['captions.rejectedByReason', 'Rejected rows by reason'],
      ['servicePage.owner', 'Owner:'],
      ['(not in the dictionary)', 'later'],
    ]);
  });
});
