/**
 * The one-page digest (issue #18, item 4): the model of a period (digest-model.ts) and its two
 * renderings. The snapshot is the mini fixture's October (test/fixtures/mini/expected/2026-10.json:
 * API 2 h down of 24 h 10 min monitored, Web never down, two tickets, one resolved in time), with
 * attention items added by hand where a kind the fixture lacks is needed. Expected texts are
 * worked out by hand from those numbers, as the comments say.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { escapeHtml } from '../../../src/lib/format/escape-html.ts';
import { digestHtml } from '../../../src/lib/site/digest/digest-html.ts';
import { digestMarkdown, markdownText } from '../../../src/lib/site/digest/digest-markdown.ts';
import { digestLinker, digestModel } from '../../../src/lib/site/digest/digest-model.ts';
import { dictionary } from '../../../src/lib/site/i18n/dictionaries.ts';
import type { PeriodSnapshot } from '../../../src/lib/snapshot/build-snapshots.ts';

const MINI = path.resolve(import.meta.dirname, '../../fixtures/mini/expected/2026-10.json');
const mini = (): PeriodSnapshot => JSON.parse(readFileSync(MINI, 'utf8')) as PeriodSnapshot;
const relative = digestLinker({ origin: null, base: '/', locale: 'en', locales: ['en'], period: '2026-10' });

describe('digestModel', () => {
  it('gives the headline figures as the review page formats them, with verdicts', () => {
    const m = digestModel({ snap: mini(), revision: null, locale: 'en', link: relative });
    expect(m.title).toBe('Mini review — October 2026: digest');
    expect(m.edition).toBe('Draft, not yet published: figures may change');
    // The fixture's checks end before the month does (incompleteSources: mon).
    expect(m.partial).toMatch(/partial/);
    expect(m.headline.rows.map((r) => [r.figure, r.label, r.value, r.target, r.verdict, r.change, r.basis])).toEqual([
      // 0.9793103448275862 = 85,200 s up of 87,000 s: 97.931 %; target 0.99; 87,000 s = 24 h 10 min.
      ['availability:api', 'API availability', '97.931 %', '99.00 %', '✗ breached', '', '24 h 10 min monitored'],
      ['availability:web', 'Web availability', '100.000 %', '99.90 %', '✓ met', '', '24 h 10 min monitored'],
      // 1 of 2 tickets met each target; no target is configured, so no verdict.
      ['responseAttainment', 'First-response SLA met', '50.0 %', '—', '', '', '2 tickets judged'],
      ['resolutionAttainment', 'Ticket resolution SLA met', '50.0 %', '—', '', '', '2 tickets judged'],
      // No survey responses: no CSAT or NPS row. Two tickets created, one still open at the end.
      ['ticketsCreated', 'Tickets created', '2', '—', '', '', ''],
      ['backlogAtEnd', 'Backlog at the end', '1', '—', '', '', ''],
    ]);
  });

  it('gives the attention block with counts, verdict markers, figures and links', () => {
    const m = digestModel({ snap: mini(), revision: 2, locale: 'en', link: relative });
    expect(m.edition).toBe('Published revision 2');
    // met 1 (Web) + at risk 0 of 2 judged.
    expect(m.attention.counts).toEqual(['Availability met 1 of 2 monitored services.']);
    expect(m.attention.none).toBeNull();
    // budgetUsed 2.0689… → 207 %; availability items show 3 digits, the target too (as the page's list does);
    // the service page is revision 2's copy, below the digest's folder.
    expect(m.attention.items).toEqual([
      {
        kind: 'breach',
        figure: 'availability:api',
        marker: '✗ breached',
        label: 'API',
        href: 'r2/services/api/',
        text: '97.931 % against a target of 99.000 %; error budget used 207 %',
      },
    ]);
  });

  it('says so when nothing needs attention, and words recurring issues and adverse changes', () => {
    const snap = mini();
    snap.attention = [];
    expect(digestModel({ snap, revision: null, locale: 'en', link: relative }).attention.none).toBe(
      'Nothing breached, at risk or notably worse than the previous month.',
    );
    snap.attention = [
      {
        kind: 'adverse-change',
        figure: 'csat',
        label: 'CSAT',
        unit: 'ratio',
        anchor: '#satisfaction',
        value: 0.8,
        previous: 0.9,
        target: null,
        budgetUsed: null,
      },
      {
        kind: 'recurring',
        figure: 'recurring:k',
        label: 'VPN drops',
        unit: 'count',
        anchor: 'tickets/#issue-1',
        value: 5,
        previous: 0,
        target: null,
        budgetUsed: null,
      },
      {
        kind: 'recurring',
        figure: 'recurring:j',
        label: 'Login slow',
        unit: 'count',
        anchor: '#issue-2',
        value: 1234,
        previous: 3,
        target: null,
        budgetUsed: null,
      },
    ];
    const items = digestModel({ snap, revision: null, locale: 'en', link: relative }).attention.items;
    // 0.9 → 0.8 at 1 digit; an anchor on the period page itself keeps its folder ('./').
    expect(items.map((i) => [i.marker, i.label, i.href, i.text])).toEqual([
      ['↘ worse', 'CSAT', './#satisfaction', '90.0 % → 80.0 %'],
      ['↻ new', 'Recurring issue “VPN drops”', 'tickets/#issue-1', '5 tickets, 0 the previous month'],
      ['↻ growing', 'Recurring issue “Login slow”', './#issue-2', '1,234 tickets, 3 the previous month'],
    ]);
  });

  // Exported texts are masked once, where the snapshot is built (a recurring issue's name: recurring-section.ts;
  // test/snapshot/published-text.test.ts); the digest shows the snapshot's text as it is, masking it no second time.
  it('shows the names the snapshot holds as they are', () => {
    const snap = mini();
    snap.attention = [{ ...(snap.attention[0] as PeriodSnapshot['attention'][number]), label: 'Call [email]' }];
    (snap.headline.services[0] as { name: string }).name = 'Desk 2';
    const m = digestModel({ snap, revision: null, locale: 'en', link: relative });
    expect(m.attention.items[0]?.label).toBe('Call [email]');
    expect(m.headline.rows[0]?.label).toBe('Desk 2 availability');
  });

  it('reads in Chinese with Chinese formats', () => {
    const m = digestModel({ snap: mini(), revision: 1, locale: 'zh-CN', link: relative });
    expect(m.title).toBe('Mini review — 2026年10月摘要');
    // The review page's words for the same things (status.publishedRevision, review.availabilityCount).
    expect(m.edition).toBe('已发布修订版本 1');
    expect(m.headline.rows[0]).toMatchObject({
      label: 'API 可用性',
      value: '97.931%',
      target: '99.00%',
      verdict: '✗ 未达标',
      basis: '监测 24 小时 10 分',
    });
    expect(m.attention.counts).toEqual(['2 个受监测服务中 1 个达到可用性目标。']);
    expect(m.attention.heading).toBe('需关注事项');
    expect(m.headline.heading).toBe('要点');
    expect(m.headline.rows.find((r) => r.figure === 'resolutionAttainment')?.basis).toBe('已判定 2 张工单');
    expect(m.links.items.map((l) => l.label)).toContain('数字背后的工单');
  });

  it('puts Chinese punctuation between its texts in Chinese, English in English', () => {
    const zh = digestModel({ snap: mini(), revision: 1, locale: 'zh-CN', link: relative });
    const md = digestMarkdown(zh);
    // The edition ends with a full stop, the attention item's label takes a full-width colon.
    expect(md.split('\n')[2]).toBe('已发布修订版本 1。');
    expect(md).toContain('- ✗ 未达标 [API](r1/services/api/)：97.931%，目标为 99.000%；错误预算已用 207%');
    const html = digestHtml(zh);
    expect(html).toContain('>已发布修订版本 1。</p>');
    expect(html).toContain('</a>：97.931%，目标为 99.000%');
    // Two counts are joined with nothing between 。 and the next sentence (a space in English).
    const snap = mini();
    snap.headline.counts.figures = { met: 1, atRisk: 0, breached: 1, judged: 2 };
    const two = (locale: 'en' | 'zh-CN') => digestMarkdown(digestModel({ snap, revision: 1, locale, link: relative }));
    expect(two('zh-CN')).toContain('2 个受监测服务中 1 个达到可用性目标。工单与满意度目标 2 项中达标 1 项。');
    expect(two('en')).toContain('Availability met 1 of 2 monitored services. Ticket and satisfaction targets met 1 of 2.');
  });

  it('counts as the review page does: one message per noun, services with 个 and figures with 项 (review.availabilityCount)', () => {
    const snap = mini();
    snap.headline.counts.availability = { met: 1, atRisk: 1, breached: 0, judged: 2 };
    snap.headline.counts.figures = { met: 1, atRisk: 1, breached: 0, judged: 2 };
    for (const locale of ['en', 'zh-CN'] as const) {
      const t = dictionary(locale);
      const counts = digestModel({ snap, revision: null, locale, link: relative }).attention.counts;
      expect(counts).toEqual([`${t.review.availabilityCount(2, 2, 1)}${t.punct.stop}`, `${t.review.figuresCount(2, 2, 1)}${t.punct.stop}`]);
    }
    expect(digestModel({ snap, revision: null, locale: 'zh-CN', link: relative }).attention.counts).toEqual([
      '2 个受监测服务中 2 个达到可用性目标（1 个有风险）。',
      '工单与满意度目标 2 项中达标 2 项（1 项有风险）。',
    ]);
  });

  it('names the judged figures of the attention block in the digest’s language, as the review page does', () => {
    const snap = mini();
    const item = (figure: string, label: string): PeriodSnapshot['attention'][number] => ({
      kind: 'adverse-change',
      figure,
      label,
      unit: figure === 'backlogAtEnd' ? 'count' : 'ratio',
      anchor: '#tickets',
      value: 0.5,
      previous: 0.9,
      target: null,
      budgetUsed: null,
    });
    // The snapshot's labels are English (attention-section.ts); the words come from src/lib/site/i18n/groups/review.zh-CN.ts.
    snap.attention = [item('responseAttainment', 'First-response SLA met'), item('backlogAtEnd', 'Open tickets at the end')];
    const labels = (locale: 'en' | 'zh-CN') =>
      digestModel({ snap, revision: null, locale, link: relative }).attention.items.map((i) => i.label);
    // 积压 is the glossary's backlog, the word the ticket table and the digest's figures use (finding 3).
    expect(labels('zh-CN')).toEqual(['首次响应 SLA 达成率', '期末积压工单']);
    expect(labels('en')).toEqual(['First-response SLA met', 'Open tickets at the end']);
  });
});

describe('digestLinker', () => {
  it('links a published revision’s review, its pages and its JSON at the revision’s permanent address', () => {
    // Found by an audit of published means frozen: a digest of revision 1, e-mailed, led to the period's
    // address, which shows revision 2 once it is published. The service, tickets and data-quality pages
    // have a permanent copy per revision too (/reviews/2026-10/r1/services/api/), so they are linked there.
    const links = (revision: number | null) => {
      const m = digestModel({ snap: mini(), revision, locale: 'en', link: relative });
      return { review: m.links.items.map((l) => l.href), attention: m.attention.items.map((i) => i.href) };
    };
    expect(links(1).review).toEqual(['r1/', 'r1/tickets/', 'r1/data-quality/', '../../method/', 'r1/snapshot.json']);
    expect(links(null).review).toEqual(['./', 'tickets/', 'data-quality/', '../../method/', 'snapshot.json']);
    expect(links(2).attention).toEqual(['r2/services/api/']);
    expect(links(null).attention).toEqual(['services/api/']);
    const withSection = mini();
    withSection.attention = withSection.attention.map((it) => ({ ...it, anchor: '#tickets' }));
    expect(digestModel({ snap: withSection, revision: 2, locale: 'en', link: relative }).attention.items.map((i) => i.href)).toEqual([
      'r2/#tickets',
    ]);
  });

  it('links relative to the digest’s folder when the origin is unknown', () => {
    expect(relative('/reviews/2026-10/')).toBe('./');
    expect(relative('/method/')).toBe('../../method/');
    expect(relative('/reviews/2026-10/snapshot.json')).toBe('snapshot.json');
    // Two languages: pages stay in the language, downloads have one address.
    const zh = digestLinker({ origin: null, base: '/review/', locale: 'zh-CN', locales: ['en', 'zh-CN'], period: '2026-10' });
    expect(zh('/reviews/2026-10/services/api/')).toBe('services/api/');
    expect(zh('/method/')).toBe('../../method/');
    expect(zh('/reviews/2026-10/snapshot.json')).toBe('../../../reviews/2026-10/snapshot.json');
  });

  it('links absolutely, under the base and in the language, when the origin is known', () => {
    const abs = digestLinker({
      origin: 'https://r.example/',
      base: '/review/',
      locale: 'zh-CN',
      locales: ['en', 'zh-CN'],
      period: '2026-10',
    });
    expect(abs('/reviews/2026-10/')).toBe('https://r.example/review/zh-CN/reviews/2026-10/');
    expect(abs('/reviews/2026-10/snapshot.json')).toBe('https://r.example/review/reviews/2026-10/snapshot.json');
  });
});

describe('the other language’s digest (a review built in two languages)', () => {
  const two = ['en', 'zh-CN'] as const;
  const linker = (locale: 'en' | 'zh-CN', origin: string | null = null) =>
    digestLinker({ origin, base: '/', locale, locales: two, period: '2026-10' });

  it('links each digest to the same period’s digest in the other language, in that language’s words', () => {
    const en = digestModel({ snap: mini(), revision: 1, locale: 'en', locales: two, link: linker('en') });
    expect(en.languages).toEqual([
      {
        locale: 'zh-CN',
        label: '本摘要中文版',
        md: '../../../zh-CN/reviews/2026-10/digest.md',
        html: '../../../zh-CN/reviews/2026-10/digest.html',
      },
    ]);
    const zh = digestModel({ snap: mini(), revision: 1, locale: 'zh-CN', locales: two, link: linker('zh-CN', 'https://r.example') });
    expect(zh.languages).toEqual([
      {
        locale: 'en',
        label: 'This digest in English',
        md: 'https://r.example/en/reviews/2026-10/digest.md',
        html: 'https://r.example/en/reviews/2026-10/digest.html',
      },
    ]);
  });

  it('puts the link under the edition: Markdown to the Markdown, HTML to the HTML, marked with its language', () => {
    const m = digestModel({ snap: mini(), revision: 1, locale: 'zh-CN', locales: two, link: linker('zh-CN') });
    const md = digestMarkdown(m);
    expect(md.split('\n').slice(0, 6)).toEqual([
      '# Mini review — 2026年10月摘要',
      '',
      '已发布修订版本 1。',
      '',
      '[This digest in English](../../../en/reviews/2026-10/digest.md)',
      '',
    ]);
    const html = digestHtml(m);
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toMatch(
      /<p[^>]*>已发布修订版本 1。<\/p>\n<p[^>]*data-language-switch[^>]*><a href="\.\.\/\.\.\/\.\.\/en\/reviews\/2026-10\/digest\.html" hreflang="en" lang="en"[^>]*>This digest in English<\/a><\/p>/,
    );
  });

  it('has no language link when the review builds one language, and reads as before', () => {
    const m = digestModel({ snap: mini(), revision: 1, locale: 'en', link: relative });
    expect(m.languages).toEqual([]);
    expect(digestMarkdown(m).split('\n').slice(0, 5)).toEqual([
      '# Mini review — October 2026: digest',
      '',
      'Published revision 1.',
      '',
      // The fixture's checks end before the month does: the partial notice follows the edition at once.
      'The exports end before this period does, so figures are partial.',
    ]);
    expect(digestHtml(m)).not.toMatch(/hreflang|data-language-switch/);
  });
});

describe('a published revision’s permanent copy of its digest (/reviews/2026-10/r1/digest.md)', () => {
  const two = ['en', 'zh-CN'] as const;
  const folder = '/reviews/2026-10/r1/';
  const copy = (locale: 'en' | 'zh-CN', superseded: Parameters<typeof digestModel>[0]['superseded']) =>
    digestModel({
      snap: mini(),
      revision: 1,
      locale,
      locales: two,
      folder,
      superseded,
      link: digestLinker({ origin: null, base: '/', locale, locales: two, period: '2026-10', folder }),
    });

  it('links relative to the revision’s folder, into its own copies and to the other language’s copy', () => {
    const m = copy('en', null);
    // From /en/reviews/2026-10/r1/: the review is './', the method three folders up, the JSON (no language folder) four.
    expect(m.links.items.map((l) => l.href)).toEqual([
      './',
      'tickets/',
      'data-quality/',
      '../../../method/',
      '../../../../reviews/2026-10/r1/snapshot.json',
    ]);
    expect(m.attention.items.map((i) => i.href)).toEqual(['services/api/']);
    expect(m.languages.map((l) => l.md)).toEqual(['../../../../zh-CN/reviews/2026-10/r1/digest.md']);
    expect(m.superseded).toBeNull();
    expect(digestMarkdown(m)).not.toContain('Superseded');
  });

  it('says when it was superseded, as the revision’s pages do, linking the revision that superseded it and the latest', () => {
    const en = copy('en', { by: 2, date: '2026-11-20', reason: 'Corrected monitoring export', latest: 3 });
    // review.en.ts: superseded, supersededReason, latestIs; r2 is a sibling folder of r1.
    expect(en.superseded).toEqual([
      { text: 'Superseded by ', href: null },
      { text: 'r2', href: '../r2/' },
      { text: ' on 2026-11-20', href: null },
      { text: ': Corrected monitoring export', href: null },
      { text: ' The latest is ', href: null },
      { text: 'r3', href: '../r3/' },
      { text: '.', href: null },
    ]);
    expect(digestMarkdown(en).split('\n').slice(4, 7)).toEqual([
      '[本摘要中文版](../../../../zh-CN/reviews/2026-10/r1/digest.md)',
      '',
      'Superseded by [r2](../r2/) on 2026-11-20: Corrected monitoring export The latest is [r3](../r3/).',
    ]);
    expect(digestHtml(en)).toContain(
      '<p data-superseded style="margin:0 0 12px;padding:6px 8px;background:#fff8c5">Superseded by <a href="../r2/" style="color:#0969da">r2</a> on 2026-11-20: Corrected monitoring export The latest is <a href="../r3/" style="color:#0969da">r3</a>.</p>',
    );
    // No reason: the sentence ends with the language's full stop.
    const zh = copy('zh-CN', { by: 2, date: '2026-11-20', reason: null, latest: null });
    expect(zh.superseded?.map((p) => p.text).join('')).toBe(
      `${dictionary('zh-CN')
        .review.superseded('r2', '2026年11月20日')
        .replace(/\[(r2)\]\(0\)/, '$1')}。`,
    );
  });
});

describe('digest renderings', () => {
  const hostile = () => {
    const snap = mini();
    snap.attention = [
      { ...(snap.attention[0] as PeriodSnapshot['attention'][number]), label: '<script>alert(1)</script> [x](http://evil.example) | *b*' },
    ];
    return digestModel({ snap, revision: null, locale: 'en', link: relative });
  };

  it('escapes text in HTML and Markdown', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
    expect(markdownText('a|b *c* <d> [e](f)')).toBe('a\\|b \\*c\\* \\<d\\> \\[e\\](f)');
    const html = digestHtml(hostile());
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    const md = digestMarkdown(hostile());
    expect(md).toContain('\\<script\\>alert(1)\\</script\\> \\[x\\](http://evil.example) \\| \\*b\\*');
  });

  it('makes a self-contained HTML e-mail body: inline styles, no script, nothing fetched', () => {
    const html = digestHtml(digestModel({ snap: mini(), revision: null, locale: 'en', link: relative }));
    expect(html.startsWith('<!doctype html>\n<html lang="en">')).toBe(true);
    expect(html).not.toMatch(/<script|<style|<link|<img|<iframe|\bsrc=|url\(|@import|https?:/i);
    expect(html).toContain('<tr data-figure="availability:api">');
    expect(html).toMatch(/<td data-field="value"[^>]*>97\.931 %<\/td>/);
    expect(html.endsWith('</html>\n')).toBe(true);
  });

  it('lays out the Markdown digest: headings, attention list, figures table, links', () => {
    const md = digestMarkdown(digestModel({ snap: mini(), revision: 1, locale: 'en', link: relative }));
    expect(md.split('\n').slice(0, 3)).toEqual(['# Mini review — October 2026: digest', '', 'Published revision 1.']);
    expect(md).toContain('- ✗ breached [API](r1/services/api/): 97.931 % against a target of 99.000 %; error budget used 207 %');
    expect(md).toContain('| API availability | 97.931 % | 99.00 % | ✗ breached |  | 24 h 10 min monitored |');
    expect(md).toContain('- [How each figure is made](../../method/)');
    expect(md.endsWith('_\n')).toBe(true);
  });

  it('is the same bytes for the same snapshot', () => {
    const once = () => digestHtml(digestModel({ snap: mini(), revision: 1, locale: 'zh-CN', link: relative }));
    expect(once()).toBe(once());
  });
});
