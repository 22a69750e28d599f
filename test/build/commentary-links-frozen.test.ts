/**
 * The links an analyst writes in the commentary lead, on a copy of the period's views (a published
 * revision's permanent page, the draft view), to that copy's pages: the reader of r1 who follows
 * "the API page" sees the figures the prose beside it describes, not the latest revision's. The words
 * stay as written; only where a link leads changes, and only for what the copy has. A real build of the
 * mini fixture in two languages under the base path /pack/: October is published as r1 with a
 * commentary in each language, then the ticket export changes, so the period has a draft view.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCliProcess as runCli, textOf } from '../helpers/cli-process.ts';
import { miniWithOctoberDraft } from '../helpers/mini-draft.ts';
import { brokenLinks } from '../helpers/site-links.ts';

const LOCALES = ['en', 'zh-CN'] as const;
const BASE = '/pack/';

/**
 * The commentary's links, as written: from the review's root (a service page, the tickets page at an id, the review
 * page itself, a download), relative to the period's page (a service, the data-quality page, another period), and
 * to what no copy has (the method page, the period's revision history, an external page).
 */
const LINKS = [
  '/reviews/2026-10/services/api/',
  '/reviews/2026-10/tickets/#breached',
  '/reviews/2026-10/',
  'services/web/',
  'data-quality/',
  '../2026-Q4/',
  '/reviews/2026-10/outages.csv',
  '/method/',
  '/reviews/2026-10/revisions.csv',
  'https://status.example.org/',
];
const body = (words: readonly string[]) => LINKS.map((to, i) => `[${words[i]}](${to})`).join(', ');
const EN_WORDS = [
  'the API page',
  'the missed targets',
  'this review',
  'Web',
  'data quality',
  'the quarter',
  'outages',
  'the method',
  'revisions',
  'status',
];
const ZH_WORDS = ['API 页面', '未达标工单', '本评审', 'Web', '数据质量', '本季度', '中断', '方法', '修订记录', '状态页'];

/**
 * Where each link leads from a page in `locale`, by hand: in the copy `copy` ('r1', 'draft') where it has the page,
 * else where it leads from the period's page (null: the period's page itself, whose relative links stay as written).
 */
function expectedHrefs(locale: string, copy: 'r1' | 'draft' | null): string[] {
  const page = `${BASE}${locale}/reviews/2026-10/`;
  const into = copy === null ? page : `${page}${copy}/`;
  return [
    `${into}services/api/`,
    `${into}tickets/#breached`,
    into,
    copy === null ? 'services/web/' : `${into}services/web/`,
    copy === null ? 'data-quality/' : `${into}data-quality/`,
    copy === null ? '../2026-Q4/' : `${BASE}${locale}/reviews/2026-Q4/`,
    `${BASE}reviews/2026-10/${copy === null ? '' : `${copy}/`}outages.csv`,
    `${BASE}${locale}/method/`,
    `${BASE}reviews/2026-10/revisions.csv`,
    'https://status.example.org/',
  ];
}

describe('links in the commentary lead, on a revision’s or the draft’s pages, to that copy', () => {
  let work = '';
  let dist = '';
  const read = (f: string) => readFileSync(path.join(dist, f), 'utf8');
  /** The commentary section of a built page. */
  const commentaryOf = (page: string) => /<section aria-labelledby="commentary"[\s\S]*?<\/section>/.exec(read(page))?.[0] ?? '';
  const hrefsOf = (html: string) => [...html.matchAll(/\shref="([^"]*)"/g)].map((m) => (m[1] ?? '').replace(/&amp;/g, '&'));

  beforeAll(() => {
    // T-2 resolved within its target after r1 (test/helpers/mini-draft.ts): the figures differ from r1's, so the
    // period has a draft view, and T-2 still missed its first response, so the draft has a tickets page too.
    let config: string;
    ({ work, config } = miniWithOctoberDraft('sr-commentary-links-', (w) => {
      mkdirSync(path.join(w, 'content/reviews'), { recursive: true });
      const front = '---\nperiod: "2026-10"\nsummary: "October."\n---\n\n';
      writeFileSync(path.join(w, 'content/reviews/2026-10.mdx'), `${front}See ${body(EN_WORDS)}.\n`);
      writeFileSync(path.join(w, 'content/reviews/2026-10.zh-CN.mdx'), `${front}参见${body(ZH_WORDS)}。\n`);
    }));
    dist = path.join(work, 'dist');
    const b = runCli(['build', '--config', config], { REVIEW_BASE: BASE });
    expect(b.status, b.stderr).toBe(0);
  });
  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('leads the links of r1’s and the draft’s commentary into r1 and draft, in both languages, under the base path', () => {
    for (const l of LOCALES) {
      for (const copy of ['r1', 'draft'] as const) {
        const page = `${l}/reviews/2026-10/${copy}/index.html`;
        expect(hrefsOf(commentaryOf(page)), page).toEqual(expectedHrefs(l, copy));
      }
    }
  });

  it('leaves the period’s own page linking the period’s pages, its relative links as written', () => {
    for (const l of LOCALES) expect(hrefsOf(commentaryOf(`${l}/reviews/2026-10/index.html`)), l).toEqual(expectedHrefs(l, null));
  });

  it('keeps the words: the commentary reads the same on the period’s page, r1 and the draft', () => {
    for (const l of LOCALES) {
      const words = textOf(commentaryOf(`${l}/reviews/2026-10/index.html`));
      // textOf reads each tag as a space.
      expect(words).toContain(l === 'en' ? 'See the API page , the missed targets , this review' : '参见 API 页面 , 未达标工单 , 本评审');
      for (const copy of ['r1', 'draft'])
        expect(textOf(commentaryOf(`${l}/reviews/2026-10/${copy}/index.html`)), `${l} ${copy}`).toBe(words);
    }
  });

  it('has no link to a missing file or id on the period’s pages and their copies', () => {
    const broken = brokenLinks(dist, BASE).filter((b) => b.page.includes('/reviews/2026-10/'));
    expect(broken.map((b) => `${b.page}: ${b.link} (${b.problem})`)).toEqual([]);
  });
});
