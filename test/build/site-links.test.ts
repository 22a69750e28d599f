/**
 * Every internal link of a built site leads somewhere: each `href`/`src` to a file of the site, each
 * `#fragment` to an id on its page (test/helpers/site-links.ts). The bundled sample is built in both
 * languages with September published twice (so revision pages, superseded notices and revision
 * histories are there too) and October once. The home page's attention list once linked `#tickets`
 * and `#satisfaction`, ids only the period's review page has.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCliProcess } from '../helpers/cli-process.ts';
import { brokenLinks } from '../helpers/site-links.ts';

describe('internal links of the built sample, both languages, with published revisions', () => {
  let work: string;
  let dist: string;

  beforeAll(() => {
    work = mkdtempSync(path.join(tmpdir(), 'sr-links-'));
    for (const f of ['review.config.yaml', 'data', 'content']) cpSync(path.join(ROOT, f), path.join(work, f), { recursive: true });
    const config = ['--config', path.join(work, 'review.config.yaml')];
    const ok = (args: string[]) => {
      const r = runCliProcess([...args, ...config]);
      expect(r.status, `${args.join(' ')}: ${r.stderr}`).toBe(0);
    };
    ok(['build', '--data-only']);
    ok(['publish', '2026-09', '--message', 'September review']);
    // A second revision needs a change: September gains its commentary.
    writeFileSync(
      path.join(work, 'content/reviews/2026-09.mdx'),
      '---\nperiod: "2026-09"\nsummary: "September in short."\n---\n\nSee [the method](/method/#tickets).\n',
    );
    ok(['publish', '2026-09', '--revise', 'Commentary added']);
    ok(['publish', '2026-10']);
    ok(['build']);
    dist = path.join(work, 'dist');
  }, 300_000);

  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('builds the pages the links are checked on', () => {
    const pages = ['en/', 'zh-CN/', 'en/reviews/2026-09/r1/', 'zh-CN/reviews/2026-09/r2/', 'en/reviews/2026-Q3/'];
    for (const p of pages) expect(existsSync(path.join(dist, p, 'index.html')), p).toBe(true);
  });

  it('names every language’s version of a page, itself included, and x-default (the default language’s)', () => {
    const alternates = (page: string) =>
      [
        ...readFileSync(path.join(dist, page, 'index.html'), 'utf8').matchAll(/<link rel="alternate" hreflang="([^"]+)" href="([^"]+)"/g),
      ].map((m) => `${m[1]} ${m[2]}`);
    const month = ['en /en/reviews/2026-09/r1/', 'zh-CN /zh-CN/reviews/2026-09/r1/', 'x-default /en/reviews/2026-09/r1/'];
    expect(alternates('en/reviews/2026-09/r1')).toEqual(month);
    expect(alternates('zh-CN/reviews/2026-09/r1')).toEqual(month);
  });

  it('has no link to a missing file or a missing id', () => {
    expect(brokenLinks(dist).map((b) => `${b.page}: ${b.link} (${b.problem})`)).toEqual([]);
  });
});

describe('the link check itself', () => {
  it('finds a missing file, a missing id, and passes what exists', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sr-links-self-'));
    try {
      mkdirSync(path.join(dir, 'a'));
      writeFileSync(path.join(dir, 'a/index.html'), '<h2 id="here">x</h2><a href="#here">ok</a><a href="#gone">no</a>');
      writeFileSync(
        path.join(dir, 'index.html'),
        '<a href="/a/#here">ok</a><a href="a/">ok</a><a href="/b/">no</a><a href="/a/#nope">no</a><a href="https://example.org/#x">out</a><img src="/a/x.png">',
      );
      expect(brokenLinks(dir)).toEqual([
        { page: '/a/', link: '#gone', problem: 'no such id' },
        { page: '/', link: '/b/', problem: 'no such file' },
        { page: '/', link: '/a/#nope', problem: 'no such id' },
        { page: '/', link: '/a/x.png', problem: 'no such file' },
      ]);
      // Served under /pack/, the same site's links must name /pack/…: a link that leaves it leads to no file of the site.
      writeFileSync(
        path.join(dir, 'index.html'),
        '<a href="/pack/a/#here">ok</a><a href="a/">ok</a><a href="/a/">no</a><a href="../b/">no</a>',
      );
      expect(brokenLinks(dir, '/pack/')).toEqual([
        { page: '/a/', link: '#gone', problem: 'no such id' },
        { page: '/', link: '/a/', problem: 'no such file' },
        { page: '/', link: '../b/', problem: 'no such file' },
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
