/**
 * The Chinese spacing convention at the joins of a message (zh-spacing.ts, docs/i18n.md): a space
 * between Chinese and Latin letters or digits, none between two Chinese characters or beside
 * full-width punctuation, every other join as written. Expected texts are written out by hand.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { joinZh, tailMarks, zh } from '../../../src/lib/site/i18n/zh-spacing.ts';
import { assertProperty } from '../../helpers/property.ts';

describe('zh (the Chinese dictionaries’ template tag)', () => {
  it('puts a space between Chinese and a Latin or numeric value, on either side', () => {
    expect(zh`关于${'Payments'}的调查评论`).toBe('关于 Payments 的调查评论');
    expect(zh`${'Sign-in (SSO)'}在${'2026年8月'}发生 ${3} 次故障`).toBe('Sign-in (SSO) 在 2026年8月发生 3 次故障');
    expect(zh`截至${'2026年10月'}的近 ${6} 个月`).toBe('截至 2026年10月的近 6 个月');
    // A glossary term ending in its acronym is a Latin end too.
    expect(zh`${'客户费力度 (CES)'}均值`).toBe('客户费力度 (CES) 均值');
  });

  it('puts none between Chinese characters or beside full-width punctuation, even where the message wrote one', () => {
    expect(zh`关于${'支付'}的调查评论`).toBe('关于支付的调查评论');
    expect(zh`月份按 ${'英国时间（Europe/London）'} 从零点到零点划分`).toBe('月份按英国时间（Europe/London）从零点到零点划分');
    expect(zh`月份按 ${'UTC'} 从零点到零点划分`).toBe('月份按 UTC 从零点到零点划分');
    expect(zh`${'服务'} ${'（无）'}`).toBe('服务（无）');
    expect(zh`时间均为${'英国时间（Europe/London）'}。`).toBe('时间均为英国时间（Europe/London）。');
  });

  it('leaves every other join as written', () => {
    expect(zh`目标 ${'75.0%'}`).toBe('目标 75.0%');
    expect(zh`${'Payments'} — ${'2026年10月'}`).toBe('Payments — 2026年10月');
    expect(zh`(n = ${7})`).toBe('(n = 7)');
    expect(zh`✓ ${'达标'}`).toBe('✓ 达标');
    expect(zh`r${2}`).toBe('r2');
    expect(zh`[${'2026年10月'}](0)已发布`).toBe('[2026年10月](0)已发布');
  });

  it('steps over rich-text marks, keeping the space outside them', () => {
    expect(zh`月份按 **${'英国时间（Europe/London）'}** 从当月`).toBe('月份按**英国时间（Europe/London）**从当月');
    expect(zh`月份按 **${'UTC'}** 从当月`).toBe('月份按 **UTC** 从当月');
    expect(zh`配置项 ${'`changeOutageWindow`'}）`).toBe('配置项 `changeOutageWindow`）');
    expect(zh`${'2026年10月'}为 **${'草稿'}**：`).toBe('2026年10月为**草稿**：');
    // A link's marks: "[" opens, "](0)" closes.
    expect(zh`[${'Q4 2026'}](0)已发布`).toBe('[Q4 2026](0) 已发布');
    expect(zh`全部数字见[${'Recurring issues'}](0)）`).toBe('全部数字见 [Recurring issues](0)）');
    expect(zh`全部数字见[${'重复问题'}](0)）`).toBe('全部数字见[重复问题](0)）');
  });

  it('joins two pieces the same way (joinZh)', () => {
    expect(joinZh('返回', '2026年10月评审')).toBe('返回 2026年10月评审');
    expect(joinZh('', 'x')).toBe('x');
    expect(joinZh('一 ', '二')).toBe('一二');
  });
});

describe('tailMarks (the end of a text scanned from its end)', () => {
  it('finds what the regex /( *)([*`]*\\[?)$/ matched, for any text of spaces, marks, brackets and letters', () => {
    // The regex is the rule as it was written first; the scan replaced it for speed (docs/benchmarks.md).
    const TAIL = /( *)([*`]*\[?)$/;
    const piece = fc.constantFrom(' ', '*', '`', '[', ']', '(', ')', '0', 'a', '中', '（', '  ', '**', '](0)');
    assertProperty(
      fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
        const a = pieces.join('');
        const m = TAIL.exec(a) as RegExpExecArray;
        const spacesAt = a.length - m[0].length;
        expect(tailMarks(a)).toEqual([spacesAt, spacesAt + (m[1] ?? '').length]);
      }),
    );
  });

  it('worked examples', () => {
    expect(tailMarks('按 **')).toEqual([1, 2]);
    expect(tailMarks('见 [')).toEqual([1, 2]);
    expect(tailMarks('* *')).toEqual([1, 2]);
    expect(tailMarks('中文')).toEqual([2, 2]);
    expect(tailMarks('')).toEqual([0, 0]);
  });
});
