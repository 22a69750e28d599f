import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../../src/lib/model/locales.ts';
import { DICTIONARIES, type Dictionary, dictionary } from '../../../src/lib/site/i18n/dictionaries.ts';
import { en } from '../../../src/lib/site/i18n/en.ts';
import { GLOSSARY, renderGlossary } from '../../../src/lib/site/i18n/glossary.ts';
import { localizeReason } from '../../../src/lib/site/i18n/reasons.ts';
import { texts } from '../../helpers/dictionary-texts.ts';

/** The key tree with each message's arity, so two dictionaries compare by shape. */
function shape(node: unknown): unknown {
  if (typeof node === 'string') return 'text';
  if (typeof node === 'function') return `message/${node.length}`;
  return Object.fromEntries(Object.entries(node as Record<string, unknown>).map(([k, v]) => [k, shape(v)]));
}

// Latin words a Chinese page may show: acronyms readers use as such, config keys and CLI words
// quoted as written (epochUnit, values.status, check), the masking placeholders, the language name.
const ALLOWED_LATIN = new Set(
  'SLA SLO CSAT NPS CES MTTR CSV JSON UTC NFKC INC IP MAC ServiceNow English epochUnit excel serial ms check ambiguous email phone number true false values status sourceOnTime words csat nps ces'.split(
    ' ',
  ),
);

describe('dictionaries (issue #16)', () => {
  it('every locale has a dictionary with exactly en’s keys and message arities', () => {
    expect(Object.keys(DICTIONARIES).sort()).toEqual([...LOCALES].sort());
    for (const l of LOCALES) expect(shape(dictionary(l))).toEqual(shape(en));
  });

  it('no English interface word is left in the Chinese dictionary', () => {
    // `code` spans (rich-text.ts) quote config keys and data as written (`review.unknownServices: reject`, the cut marker).
    const leftovers = texts(dictionary('zh-CN')).flatMap(([key, text]) =>
      (text.replace(/`[^`]*`/g, '').match(/[A-Za-z]{2,}/g) ?? []).filter((w) => !ALLOWED_LATIN.has(w)).map((w) => `${key}: ${w}`),
    );
    expect(leftovers).toEqual([]);
  });

  it('the scan would catch one: an English word in a Chinese text is reported', () => {
    const words = (s: string) => (s.match(/[A-Za-z]{2,}/g) ?? []).filter((w) => !ALLOWED_LATIN.has(w));
    expect(words('期末积压 Backlog')).toEqual(['Backlog']);
  });

  it('English messages read as the pages read today (hand-copied from the .astro files)', () => {
    expect(en.verdict['at-risk']).toBe('! at risk');
    expect(en.status.publishedRevision(2)).toBe('Published revision 2.');
    expect(en.status.unpublished(3, true)).toBe('Changes not yet published: 3 figures, the commentary.');
    expect(en.status.unpublished(1, false)).toBe('Changes not yet published: 1 figure.');
    expect(en.search.matches(51, '登录')).toBe('51 pages match “登录”; the first 50 are shown.');
    expect(en.sections.availability).toBe('Availability');
  });

  it('Chinese messages put the figures in place', () => {
    const zh = dictionary('zh-CN');
    expect(zh.verdict.met).toBe('✓ 达标');
    expect(zh.status.unpublished(3, true)).toBe('尚未发布的变更：3 项数字、评述。');
    expect(zh.titles.review('2026年10月')).toBe('2026年10月评审');
    expect(zh.search.matches(21, '登录')).toBe('21 个页面匹配“登录”。');
    expect(zh.columns.backlogAtEnd).toBe('期末积压');
    expect(zh.columns.csat).toBe('满意度 (CSAT)');
  });

  it('a dictionary missing a key, or with a message of other parameters, fails the type check', () => {
    const { search: _search, ...withoutSearch } = en;
    // @ts-expect-error: `search` is missing
    const missing: Dictionary = withoutSearch;
    // @ts-expect-error: matches takes (n: number, query: string)
    const wrong: Dictionary = { ...en, search: { ...en.search, matches: (q: string) => q } };
    expect([missing, wrong].length).toBe(2);
  });
});

describe('glossary', () => {
  it('holds the terms Chinese ITSM readers expect (issue #16)', () => {
    expect(GLOSSARY.availability['zh-CN']).toBe('可用性');
    expect(GLOSSARY.slaAttainment['zh-CN']).toBe('SLA 达成率');
    expect(GLOSSARY.firstResponse['zh-CN']).toBe('首次响应');
    expect(GLOSSARY.resolutionTarget['zh-CN']).toBe('解决时限');
    expect(GLOSSARY.backlog['zh-CN']).toBe('积压');
    expect(GLOSSARY.csat['zh-CN']).toBe('满意度 (CSAT)');
    expect(GLOSSARY.nps['zh-CN']).toBe('净推荐值 (NPS)');
    expect(GLOSSARY.ces['zh-CN']).toBe('客户费力度 (CES)');
    expect(GLOSSARY.errorBudget['zh-CN']).toBe('错误预算');
    expect([GLOSSARY.topIssues['zh-CN'], GLOSSARY.recurringIssue['zh-CN']]).toEqual(['高频问题', '重复问题']);
    expect(GLOSSARY.maintenanceWindow['zh-CN']).toBe('维护窗口');
    expect(GLOSSARY.dataQuality['zh-CN']).toBe('数据质量');
    expect([GLOSSARY.draft['zh-CN'], GLOSSARY.published['zh-CN'], GLOSSARY.revision['zh-CN']]).toEqual(['草稿', '已发布', '修订']);
  });

  it('no two terms share a Chinese word (one word, one meaning)', () => {
    const zh = Object.values(GLOSSARY).map((t) => t['zh-CN']);
    expect(zh.filter((w, i) => zh.indexOf(w) !== i)).toEqual([]);
  });

  it('docs/glossary.md is in step (regenerate with npm run docs:glossary)', () => {
    expect(readFileSync('docs/glossary.md', 'utf8')).toBe(renderGlossary());
  });
});

describe('data-quality reasons in Chinese', () => {
  it('translates the known shapes, keeping the values and the field', () => {
    expect(localizeReason('created: expected a date like 2026-11-03 08:15, got "31/02/2026"', 'zh-CN')).toBe(
      'created：应为类似 2026-11-03 08:15 的日期，实际为“31/02/2026”',
    );
    expect(localizeReason('service: unknown service "…" (not a configured id, alias or name)', 'zh-CN')).toBe(
      'service：未知服务“…”（不是已配置的编号、别名或名称）',
    );
    expect(localizeReason('expected 7 fields like the header, got 5', 'zh-CN')).toBe('应与表头一样有 7 个字段，实际为 5 个');
    expect(localizeReason('no score: csat, nps and ces are all empty', 'zh-CN')).toBe('无评分：csat、nps 与 ces 均为空');
  });
  it('English is unchanged; an unknown shape is shown as written, never hidden', () => {
    expect(localizeReason('expected a number, got "x"', 'en')).toBe('expected a number, got "x"');
    expect(localizeReason('something new went wrong', 'zh-CN')).toBe('something new went wrong');
  });
});
