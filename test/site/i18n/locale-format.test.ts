import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatAttainment,
  formatClockSeconds,
  formatCount,
  formatDuration,
  formatInstant,
  formatMonth,
  formatMs,
  formatPercent,
  formatPointChange,
  formatSignedChange,
  groupFixed,
} from '../../../src/lib/format/format.ts';
import {
  formatAttainmentIn,
  formatClockSecondsIn,
  formatCountIn,
  formatDateIn,
  formatDurationIn,
  formatInstantIn,
  formatMsIn,
  formatNumberIn,
  formatPercentIn,
  formatPeriodIn,
  formatPointChangeIn,
  formatTargetIn,
  formatZoneIn,
  msAsShown,
  quoteValueIn,
  weekdayIn,
} from '../../../src/lib/site/i18n/locale-format.ts';
import { assertProperty } from '../../helpers/property.ts';

// Expected texts are written out by hand from the rules in locale-format.ts (zh-CN) and from
// what the English pages show today (format.ts).
describe('Chinese formats', () => {
  it('durations: 1 小时 30 分, with seconds, minutes (分钟 when alone) and days', () => {
    expect(formatDurationIn(90 * 60_000, 'zh-CN')).toBe('1 小时 30 分');
    expect(formatDurationIn(65 * 60_000, 'zh-CN')).toBe('1 小时 5 分');
    expect(formatDurationIn(2 * 3_600_000, 'zh-CN')).toBe('2 小时');
    expect(formatDurationIn(35_000, 'zh-CN')).toBe('35 秒');
    // Minutes alone are 分钟: a bare 分 reads as score points beside "4–5 分" on the same page.
    expect(formatDurationIn(42 * 60_000, 'zh-CN')).toBe('42 分钟');
    // 51 h = 2 days 3 hours (format.ts switches to days from 48 h).
    expect(formatDurationIn(51 * 3_600_000, 'zh-CN')).toBe('2 天 3 小时');
    expect(formatDurationIn(72 * 3_600_000, 'zh-CN')).toBe('3 天');
    expect(formatDurationIn(null, 'zh-CN')).toBe('—');
  });
  // [what, text made, text expected]: one table, so each line is a literal expected value.
  const cases: Array<[string, string, string]> = [
    ['target 1h30m', formatTargetIn('1h30m', 'zh-CN'), '1 小时 30 分'],
    ['target 2d', formatTargetIn('2d', 'zh-CN'), '2 天'],
    ['target 15m: minutes alone are 分钟', formatTargetIn('15m', 'zh-CN'), '15 分钟'],
    ['target 40h', formatTargetIn('40h', 'zh-CN'), '40 小时'],
    ['target in English, as written', formatTargetIn('1h30m', 'en'), '1h30m'],
    ['a target of another shape, as written', formatTargetIn('soon', 'zh-CN'), 'soon'],
    ['weekday', weekdayIn('sat', 'zh-CN'), '周六'],
    ['weekday in English, as today', weekdayIn('sat', 'en'), 'sat'],
    ['count', formatCountIn(1234567, 'zh-CN'), '1,234,567'],
    ['percent, set close up', formatPercentIn(0.99912, 'zh-CN'), '99.912%'],
    ['no data', formatPercentIn(null, 'zh-CN'), '无数据'],
    ['point change', formatPointChangeIn(-0.00012, 'zh-CN'), '−0.012 个百分点'],
    // Every figure's minus sign is U+2212 (format.ts withFigureSign), in Chinese too.
    ['negative count', formatCountIn(-1234, 'zh-CN'), '−1,234'],
    ['negative percent (an error budget overspent)', formatPercentIn(-1.24, 'zh-CN', 1), '−124.0%'],
    ['negative score', formatNumberIn(-24.5, 'zh-CN', 1), '−24.5'],
    ['latency', formatMsIn(1234.4, 'zh-CN'), '1,234 ms'],
    // 34 met of 41 decided: 34 / 41 = 0.82926… → 82.9.
    ['attainment', formatAttainmentIn({ attainment: 34 / 41, met: 34, breached: 7 }, 'zh-CN'), '82.9%（41 张中 34 张）'],
    ['month', formatPeriodIn('2026-10', 'zh-CN'), '2026年10月'],
    ['month without a leading zero', formatPeriodIn('2026-03', 'zh-CN'), '2026年3月'],
    ['quarter', formatPeriodIn('2026-Q3', 'zh-CN'), '2026年第三季度'],
    ['year', formatPeriodIn('2026', 'zh-CN'), '2026年'],
    ['date', formatDateIn('2026-10-05', 'zh-CN'), '2026年10月5日'],
    ['date in English, as today', formatDateIn('2026-10-05', 'en'), '2026-10-05'],
    // 306000 s of working time = 5100 min = 85 h; 1800 s = 30 min; 27000 s = 7.5 h.
    // Hours take the measure word 个 (4 个工作小时), minutes the same.
    ['working hours', formatClockSecondsIn(306_000, 'business', 'zh-CN'), '85 个工作小时'],
    ['working minutes', formatClockSecondsIn(1800, 'business', 'zh-CN'), '30 个工作分钟'],
    ['working hours with a tenth', formatClockSecondsIn(27_000, 'business', 'zh-CN'), '7.5 个工作小时'],
    ['elapsed clock: a duration', formatClockSecondsIn(5400, 'elapsed', 'zh-CN'), '1 小时 30 分'],
    ['24×7 clock: a duration', formatClockSecondsIn(172_800, '24x7', 'zh-CN'), '2 天'],
    ['clock, none', formatClockSecondsIn(null, 'business', 'zh-CN'), '—'],
  ];
  it.each(cases)('%s', (_what, made, expected) => {
    expect(made).toBe(expected);
  });
  it('a value from an export in each language’s quotes, kept whole', () => {
    // English as ingest writes a reason ('unknown priority "P9"'); Chinese as the dictionary quotes a name (重复问题“…”).
    expect(quoteValueIn('P9', 'en')).toBe('"P9"');
    expect(quoteValueIn('P9', 'zh-CN')).toBe('“P9”');
    expect(quoteValueIn('a"b', 'zh-CN')).toBe('“a"b”');
  });
  it('time zones as a Chinese reader names them (full ICU)', () => {
    expect(formatZoneIn('Asia/Shanghai', 'zh-CN')).toBe('中国标准时间（Asia/Shanghai）');
    expect(formatZoneIn('Europe/London', 'zh-CN')).toBe('英国时间（Europe/London）');
    expect(formatZoneIn('UTC', 'zh-CN')).toBe('协调世界时（UTC）');
    expect(formatZoneIn('Europe/London', 'en')).toBe('Europe/London');
    // 2026-10-25 00:30 UTC is 01:30 BST in London (the clocks go back at 01:00 UTC that day).
    const ms = Date.UTC(2026, 9, 25, 0, 30);
    expect(formatInstantIn(ms, 'Europe/London', 'zh-CN')).toBe('2026-10-25 01:30 GMT+1');
    expect(formatInstantIn(ms, 'Asia/Shanghai', 'zh-CN')).toBe('2026-10-25 08:30 GMT+8');
    expect(formatInstantIn(ms, 'Europe/London', 'en')).toBe('2026-10-25 01:30 BST');
  });
});

describe('English formats are format.ts’s, byte for byte', () => {
  it('literal English texts as the pages show them', () => {
    expect(formatDurationIn(65 * 60_000, 'en')).toBe('1 h 05 min');
    expect(formatPeriodIn('2026-10', 'en')).toBe('October 2026');
    expect(formatPeriodIn('2026-Q4', 'en')).toBe('Q4 2026');
    expect(formatPeriodIn('2026', 'en')).toBe('Year 2026');
    expect(formatPercentIn(0.99912, 'en')).toBe('99.912 %');
    expect(formatAttainmentIn({ attainment: 34 / 41, met: 34, breached: 7 }, 'en')).toBe('82.9 % (34 of 41)');
  });

  it('msAsShown: latency in whole milliseconds, as formatMsIn shows it', () => {
    // 441.0943845060197 ms is a latency histogram bucket's value (the bench archive's p99 of a day).
    expect([msAsShown(441.0943845060197), msAsShown(1234.5), msAsShown(0.4), msAsShown(null)]).toEqual([441, 1235, 0, null]);
  });

  it('property: every English format equals format.ts on the same input', () => {
    const ratio = fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: null });
    const durationMs = fc.option(fc.integer({ min: 0, max: 40 * 86_400_000 }), { nil: null });
    const count = fc.option(fc.integer({ min: -5_000_000, max: 50_000_000 }), { nil: null });
    const latency = fc.option(fc.double({ min: 0, max: 100_000, noNaN: true }), { nil: null });
    const instant = fc.option(fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2100, 0, 1) }), { nil: null });
    const zone = fc.constantFrom('UTC', 'Europe/London', 'Asia/Shanghai', 'America/New_York', 'Australia/Lord_Howe');
    const period = fc.oneof(
      fc.tuple(fc.integer({ min: 1990, max: 2100 }), fc.integer({ min: 1, max: 12 })).map(([y, m]) => `${y}-${String(m).padStart(2, '0')}`),
      fc.tuple(fc.integer({ min: 1990, max: 2100 }), fc.integer({ min: 1, max: 4 })).map(([y, q]) => `${y}-Q${q}`),
      fc.integer({ min: 1990, max: 2100 }).map(String),
    );
    const digits = fc.integer({ min: 0, max: 4 });
    const split = fc.tuple(fc.nat(500), fc.nat(500));
    assertProperty(
      fc.property(ratio, durationMs, count, latency, instant, zone, period, digits, split, (r, d, c, l, i, z, p, dg, [met, breached]) => {
        expect(formatPercentIn(r, 'en', dg)).toBe(formatPercent(r, dg));
        expect(formatPointChangeIn(r === null ? null : r - 0.5, 'en', dg)).toBe(formatPointChange(r === null ? null : r - 0.5, dg));
        expect(formatDurationIn(d, 'en')).toBe(formatDuration(d));
        expect(formatCountIn(c, 'en')).toBe(formatCount(c));
        expect(formatMsIn(l, 'en')).toBe(formatMs(l));
        // The latency charts plot msAsShown: shown again, it reads as the table's figure, in both languages.
        for (const locale of ['en', 'zh-CN'] as const) expect(formatMsIn(msAsShown(l), locale)).toBe(formatMsIn(l, locale));
        expect(formatInstantIn(i, z, 'en')).toBe(formatInstant(i, z));
        expect(formatPeriodIn(p, 'en')).toBe(formatMonth(p));
        const f = { attainment: met + breached === 0 ? null : met / (met + breached), met, breached };
        expect(formatAttainmentIn(f, 'en', dg)).toBe(formatAttainment(f, dg));
        const seconds = d === null ? null : Math.round(d / 1000);
        for (const clock of ['24x7', 'business', 'elapsed'] as const)
          expect(formatClockSecondsIn(seconds, clock, 'en')).toBe(formatClockSeconds(seconds, clock));
      }),
    );
  });
});

// The real exports' audit (issue #16): a ServiceNow month read "n = 已判定 3,383 张工单" beside
// "45.5%（3383 张中 1538 张）", and a recurring issue's total time "17184 天 9 小时".
describe('every count inside a formatted figure is grouped, as formatCountIn groups it', () => {
  it('hand-checked: the attainment counts and the days of a long duration', () => {
    // 1538 / 3383 = 0.45462… → 45.5 %.
    const f = { attainment: 1538 / 3383, met: 1538, breached: 1845 };
    expect(formatAttainmentIn(f, 'zh-CN')).toBe('45.5%（3,383 张中 1,538 张）');
    expect(formatAttainmentIn(f, 'en')).toBe('45.5 % (1,538 of 3,383)');
    // 17184 days and 9 hours, in ms.
    const long = (17184 * 24 + 9) * 3_600_000;
    expect(formatDurationIn(long, 'zh-CN')).toBe('17,184 天 9 小时');
    expect(formatDurationIn(long, 'en')).toBe('17,184 d 9 h');
    expect(formatDurationIn(999 * 86_400_000, 'zh-CN')).toBe('999 天');
  });

  it('hand-checked: a change of a count and a percentage past 999 (the real exports: "+3028" beside "3,226", "错误预算已用 1826%")', () => {
    expect(formatSignedChange(3028)).toBe('+3,028');
    expect(formatSignedChange(-9481)).toBe('−9,481');
    expect(formatSignedChange(152)).toBe('+152');
    // An error budget used 18.26 times over: 1826 %; one of 100 %-wide −17.26 left: −1,726.0 %.
    expect(formatPercentIn(18.26, 'zh-CN', 0)).toBe('1,826%');
    expect(formatPercentIn(-17.26, 'en', 1)).toBe('−1,726.0 %');
    expect(formatPercentIn(100, 'zh-CN', 1)).toBe('10,000.0%');
    expect(formatPercentIn(0.99912, 'zh-CN')).toBe('99.912%');
    // toFixed's rounding is kept, the decimals never grouped.
    expect([groupFixed('1234567.8901'), groupFixed('-1000'), groupFixed('999.9999'), groupFixed('—')]).toEqual([
      '1,234,567.8901',
      '-1,000',
      '999.9999',
      '—',
    ]);
  });

  /** A run of four or more digits that is not a decimal part: an ungrouped count. */
  const UNGROUPED = /(?<![.\d])\d{4,}/;

  it('the check would catch one', () => {
    expect(UNGROUPED.test('45.5%（3383 张中 1538 张）')).toBe(true);
    expect(UNGROUPED.test('45.4621 %（3,383 张中 1,538 张）')).toBe(false);
  });

  it('property: attainments, durations, percentages and signed changes show no ungrouped count, in either language', () => {
    const split = fc.tuple(fc.nat(20_000_000), fc.nat(20_000_000));
    const durationMs = fc.integer({ min: 0, max: 100_000 * 86_400_000 });
    const digits = fc.integer({ min: 0, max: 4 });
    assertProperty(
      fc.property(split, durationMs, digits, ([met, breached], d, dg) => {
        const f = { attainment: met + breached === 0 ? null : met / (met + breached), met, breached };
        for (const locale of ['en', 'zh-CN'] as const) {
          expect(formatAttainmentIn(f, locale, dg)).not.toMatch(UNGROUPED);
          expect(formatDurationIn(d, locale)).not.toMatch(UNGROUPED);
          expect(formatPercentIn(d / 86_400_000_000 - 50, locale, dg)).not.toMatch(UNGROUPED);
        }
        expect(formatSignedChange(met - breached)).not.toMatch(UNGROUPED);
        expect(formatSignedChange((met - breached) / 10, 1)).not.toMatch(UNGROUPED);
      }),
    );
  });
});
