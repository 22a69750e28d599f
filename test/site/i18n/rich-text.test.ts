/** Issue #16: dictionary texts keep their emphasis, code and links in each language (rich-text.ts), and the page formats added for the pages. */
import { describe, expect, it } from 'vitest';
import { formatInstantCached, formatInstantInCached } from '../../../src/lib/site/format-cached.ts';
import { dictionary } from '../../../src/lib/site/i18n/dictionaries.ts';
import { formatSpanIn } from '../../../src/lib/site/i18n/locale-format.ts';
import { parseRich, plainRich } from '../../../src/lib/site/i18n/rich-text.ts';

describe('rich text', () => {
  it('parses strong, em, code and numbered links, the rest as text', () => {
    expect(parseRich('A **met** *gap* `x = 1` [table](0).')).toEqual([
      { kind: 'text', text: 'A ' },
      { kind: 'strong', text: 'met' },
      { kind: 'text', text: ' ' },
      { kind: 'em', text: 'gap' },
      { kind: 'text', text: ' ' },
      { kind: 'code', text: 'x = 1' },
      { kind: 'text', text: ' ' },
      { kind: 'link', text: 'table', link: 0 },
      { kind: 'text', text: '.' },
    ]);
  });

  it('leaves text without marks alone: "2 × median", "[email]", "(1 − target) × time" are plain', () => {
    for (const t of ['2 × median interval', 'e-mail addresses → [email], phone numbers → [phone]', '(1 − target) × eligible time'])
      expect(parseRich(t)).toEqual([{ kind: 'text', text: t }]);
  });

  it('every marked text of both dictionaries reads the same without its marks, and links only what the pages pass', () => {
    for (const l of ['en', 'zh-CN'] as const) {
      const t = dictionary(l);
      expect(plainRich(t.ticketsPage.recurringNote(5))).not.toMatch(/[[\]*`]|\(\d\)/);
      expect(
        parseRich(t.ticketsPage.recurringNote(5))
          .filter((p) => p.kind === 'link')
          .map((p) => (p as { link: number }).link),
      ).toEqual([0, 1, 2]);
      expect(parseRich(t.ticketsPage.missedIntro('3', 3, 'P')).filter((p) => p.kind === 'link')).toHaveLength(1);
      // The method page's emphasis is in both languages: met / 达标 … in strong.
      expect(parseRich(t.method.verdict('80 %')).filter((p) => p.kind === 'strong')).toHaveLength(3);
    }
    // Tickets are counted with 张 on every page (docs/i18n.md, Chinese typography).
    expect(plainRich(dictionary('zh-CN').method.recurring)).toBe(
      '一组工单若在最近 6 个月中至少 2 个月出现，或在本月至少有 3 张工单，即为重复问题。',
    );
  });
});

describe('formats added for the pages', () => {
  it('a span as a duration, and instants remembered per language', () => {
    // 1 h 30 min = 5,400,000 ms.
    expect(formatSpanIn(0, 5_400_000, 'en')).toBe('1 h 30 min');
    expect(formatSpanIn(0, 5_400_000, 'zh-CN')).toBe('1 小时 30 分');
    // 2026-10-25 00:30 UTC is 01:30 BST in London (the clocks go back at 02:00 BST).
    const ms = Date.UTC(2026, 9, 25, 0, 30);
    expect(formatInstantInCached(ms, 'Europe/London', 'en')).toBe(formatInstantCached(ms, 'Europe/London'));
    expect(formatInstantInCached(ms, 'Europe/London', 'zh-CN')).toBe('2026-10-25 01:30 GMT+1');
    expect(formatInstantInCached(ms, 'Europe/London', 'zh-CN')).toBe('2026-10-25 01:30 GMT+1');
  });
});
