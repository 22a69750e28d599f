/**
 * Every Chinese text keeps the typography convention of docs/i18n.md ("Chinese typography"): the
 * dictionary's messages called with a Latin value and with a Chinese one (names from the data
 * may be either), rich-text marks taken out as the page shows them. The built pages are scanned
 * for English words elsewhere (test/build/review-chinese.test.ts); this is the typography.
 */
import { describe, expect, it } from 'vitest';
import { dictionary } from '../../../src/lib/site/i18n/dictionaries.ts';
import { plainRich } from '../../../src/lib/site/i18n/rich-text.ts';

/** Every text of a node with its key, messages called with the same value for every argument. */
function textsWith(node: unknown, value: string, at = ''): Array<[string, string]> {
  if (typeof node === 'string') return [[at, node]];
  if (typeof node === 'function') return [[at, String(node(...Array.from({ length: node.length }, () => value)))]];
  return Object.entries(node as Record<string, unknown>).flatMap(([k, v]) => textsWith(v, value, at ? `${at}.${k}` : k));
}

const HAN = '\\p{Script=Han}';
/** What the convention rules out, each with a name a failure reports. */
const RULES: Array<[string, RegExp]> = [
  ['a space inside a percentage (95%, not 95 %)', /\d %/u],
  // A value is quoted “…” (locale-format.ts quoteValueIn), as the dictionary quotes names.
  ['a straight quote (Chinese quotes “…”)', /"/u],
  ['a space after full-width punctuation', /[，。：；、（）“”][ ]/u],
  ['a space before full-width punctuation', /[ ][，。：；、（）“”]/u],
  // Dates are written close up (2026年10月25日), as formatPeriodIn and formatDateIn give them.
  ['Chinese right before a Latin letter or digit', new RegExp(`(?![年月])${HAN}[A-Za-z0-9(]|[年月][A-Za-z(]`, 'u')],
  ['a Latin letter or digit right before Chinese', new RegExp(`[A-Za-z)%]${HAN}|[0-9](?![年月日])${HAN}`, 'u')],
  ['brackets inside brackets', /（[^（）]*（/u],
  ['two pairs of brackets side by side', /\)（|）\(|）（/u],
  ['an ASCII colon after Chinese', new RegExp(`${HAN}: `, 'u')],
  ['an acronym without the glossary’s Chinese term', /(?<!满意度 \()CSAT|(?<!净推荐值 \()NPS|(?<!客户费力度 \()CES|(?<!\()MTTR/u],
];

describe('Chinese typography (docs/i18n.md)', () => {
  const zh = dictionary('zh-CN');

  it.each(['Payments', '支付', '2026年10月'])('every Chinese text keeps the convention with the value %s', (value) => {
    const broken = textsWith(zh, value).flatMap(([key, text]) => {
      // Code spans quote config words and data as written; marks are taken out as the page does.
      const plain = plainRich(text).replace(/`[^`]*`/g, '');
      return RULES.filter(([, re]) => re.test(plain)).map(([rule]) => `${key}: ${rule}: ${plain}`);
    });
    expect(broken).toEqual([]);
  });

  it('the rules catch what the audit found', () => {
    const hits = (s: string) => RULES.filter(([, re]) => re.test(s)).map(([rule]) => rule);
    expect(hits('95 % 区间')).toHaveLength(1);
    expect(hits('关于Payments的调查评论')).toHaveLength(2);
    expect(hits('草稿。 这是修订版本')).toHaveLength(1);
    expect(hits('工作日历 london-desk（英国时间（Europe/London））')).toHaveLength(1);
    expect(hits('满意度 (CSAT)（4–5 分占比）')).toHaveLength(1);
    expect(hits('可能的原因: 2026-10-25')).toHaveLength(1);
    expect(hits('每月 CSAT 折线图')).toHaveLength(1);
    expect(hits('重复问题 "Slow search"')).toHaveLength(1);
    expect(hits('截至 2026年10月的近 6 个月；满意度 (CSAT) 75.0%')).toEqual([]);
  });

  it('the punctuation components put between texts is Chinese', () => {
    expect(zh.punct).toEqual({ stop: '。', comma: '、', colon: '：', join: '' });
    expect(dictionary('en').punct).toEqual({ stop: '.', comma: ', ', colon: ': ', join: ' ' });
  });
});
