import { describe, expect, it } from 'vitest';
import { formatInstant, formatMonth } from '../../src/lib/format/format.ts';
import { formatInstantCached, formatInstantInCached, formatMonthCached, formatPeriodCached } from '../../src/lib/site/format-cached.ts';
import { formatInstantIn, formatPeriodIn } from '../../src/lib/site/i18n/locale-format.ts';

describe('format-cached', () => {
  const ids = ['2026-10', '2026-Q3', '2026', '2026-01'];
  it('remembers the texts the formatters make, per locale, the same on a second call', () => {
    for (const id of ids) {
      // English through formatPeriodIn is format.ts's formatMonth (locale-format.ts's property test).
      expect(formatPeriodCached(id, 'en')).toBe(formatMonth(id));
      expect(formatPeriodCached(id, 'en')).toBe(formatMonthCached(id));
      expect(formatPeriodCached(id, 'zh-CN')).toBe(formatPeriodIn(id, 'zh-CN'));
      expect(formatPeriodCached(id, 'zh-CN')).toBe(formatPeriodIn(id, 'zh-CN'));
    }
    // Hand-written: the Chinese names docs/i18n.md lists.
    expect(formatPeriodCached('2026-10', 'zh-CN')).toBe('2026年10月');
    expect(formatPeriodCached('2026-Q3', 'zh-CN')).toBe('2026年第三季度');
    expect(formatPeriodCached('2026-10', 'en')).toBe('October 2026');
  });
  it('keeps instants per zone', () => {
    const ms = Date.UTC(2026, 9, 25, 0, 30);
    for (const zone of ['Europe/London', 'Asia/Shanghai']) {
      expect(formatInstantCached(ms, zone)).toBe(formatInstant(ms, zone));
      expect(formatInstantCached(ms, zone)).toBe(formatInstant(ms, zone));
    }
    expect(formatInstantCached(null, 'UTC')).toBe(formatInstant(null, 'UTC'));
  });
  it('keeps instants per locale and zone: English is formatInstant’s text, Chinese formatInstantIn’s', () => {
    const ms = Date.UTC(2026, 9, 25, 0, 30);
    for (const zone of ['Europe/London', 'Asia/Shanghai']) {
      expect(formatInstantInCached(ms, zone, 'en')).toBe(formatInstant(ms, zone));
      expect(formatInstantInCached(ms, zone, 'zh-CN')).toBe(formatInstantIn(ms, zone, 'zh-CN'));
      expect(formatInstantInCached(ms, zone, 'zh-CN')).toBe(formatInstantIn(ms, zone, 'zh-CN'));
    }
    // Hand-written: 00:30 UTC on 25 October 2026 is 01:30 in London (BST, UTC+1).
    expect(formatInstantInCached(ms, 'Europe/London', 'zh-CN')).toBe('2026-10-25 01:30 GMT+1');
  });
});
