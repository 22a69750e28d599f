import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatClockSeconds,
  formatCount,
  formatMs,
  formatNumber,
  formatPercent,
  formatPointChange,
  formatSignedChange,
  formatWorkingTime,
  MINUS_SIGN,
  withFigureSign,
} from '../../src/lib/format/format.ts';
import { assertProperty } from '../helpers/property.ts';

describe('formatCount and formatMs', () => {
  it('group thousands with commas, as en-GB does', () => {
    expect(formatCount(0)).toBe('0');
    expect(formatCount(999)).toBe('999');
    expect(formatCount(12345)).toBe('12,345');
    // A page's minus sign is U+2212, never the hyphen-minus (withFigureSign).
    expect(formatCount(-1234567)).toBe('−1,234,567');
    expect(formatCount(null)).toBe('—');
    expect(formatMs(123.4)).toBe('123 ms');
    expect(formatMs(1234.5)).toBe('1,235 ms');
    expect(formatMs(null)).toBe('—');
  });

  // The formatter is made once (the site formats hundreds of thousands of numbers); its text must
  // stay what Number.prototype.toLocaleString('en-GB') gives, which the pages were built with.
  it('give the same text as toLocaleString("en-GB")', () => {
    assertProperty(
      fc.property(
        fc.oneof(
          fc.integer({ min: -2000, max: 2000 }),
          fc.integer({ min: -1e12, max: 1e12 }),
          fc.double({ noNaN: false }),
          fc.constantFrom(-0, 0, 999, -999, 1000, -1000, 999.5, -999.5),
        ),
        (n) => {
          // en-GB's text with its sign as a page writes it: "−" for "-", none on a zero ("-0").
          const signed = (t: string) => (/^-[0.,]*$/.test(t) ? t.slice(1) : t.replace(/^-/, '−'));
          expect(formatCount(n)).toBe(signed(n.toLocaleString('en-GB')));
          expect(formatMs(n)).toBe(`${signed(Math.round(n).toLocaleString('en-GB'))} ms`);
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('formatWorkingTime', () => {
  // Issue 15: an 85 working-hour target read "3 d 13 h" (85 h as elapsed days); 85 × 3600 = 306000 s.
  it('writes business-clock durations in working hours, never in 24-hour days', () => {
    expect(formatWorkingTime(306000)).toBe('85 working hours');
    expect(formatWorkingTime(3600)).toBe('1 working hour');
    expect(formatWorkingTime(27000)).toBe('7.5 working hours'); // 7 h 30 min
    expect(formatWorkingTime(1800)).toBe('30 working minutes');
    expect(formatWorkingTime(60)).toBe('1 working minute');
    expect(formatWorkingTime(3600 * 1200)).toBe('1,200 working hours');
    expect(formatWorkingTime(null)).toBe('—');
  });
  it('is used for business clocks only; 24×7 and elapsed durations stay in days and hours', () => {
    expect(formatClockSeconds(306000, 'business')).toBe('85 working hours');
    expect(formatClockSeconds(306000, '24x7')).toBe('3 d 13 h');
    expect(formatClockSeconds(306000, 'elapsed')).toBe('3 d 13 h');
  });
});

describe('the minus sign of a figure on a page (withFigureSign)', () => {
  it('is U+2212 in every formatter of a figure, values and changes alike', () => {
    expect(MINUS_SIGN).toBe('\u2212');
    expect(formatNumber(-24.5, 1)).toBe('−24.5');
    expect(formatNumber(24.5, 1)).toBe('24.5');
    expect(formatCount(-7)).toBe('−7');
    expect(formatPercent(-1.24, 1)).toBe('−124.0 %');
    expect(formatMs(-3)).toBe('−3 ms');
    expect(formatSignedChange(-3.5, 1)).toBe('−3.5');
    expect(formatSignedChange(12)).toBe('+12');
    expect(formatPointChange(-0.00012)).toBe('−0.012 pp');
    expect(formatPointChange(0.00012)).toBe('+0.012 pp');
  });

  it('gives no sign to a value that rounds to zero, and ± to such a change', () => {
    expect(formatNumber(-0.04, 1)).toBe('0.0');
    expect(formatNumber(-0, 0)).toBe('0');
    expect(formatCount(-0)).toBe('0');
    expect(formatPercent(-0.000001, 1)).toBe('0.0 %');
    expect(formatSignedChange(-0.04, 1)).toBe('±0.0');
    expect(formatPointChange(-0.0000001)).toBe('±0.000 pp');
  });

  // The early return for text that is neither negative nor a change (most cells) must give what the
  // whole rule gives: the rule written out in full here, against every form a figure's text takes.
  it('its shortcut for non-negative values gives what the whole rule gives', () => {
    const whole = (text: string, change: boolean) => {
      const negative = text.startsWith('-');
      const body = negative ? text.slice(1) : text;
      if (!/^[\d∞]/.test(body)) return text;
      if (/^[0.,]*$/.test(body)) return change ? `±${body}` : body;
      if (negative) return `${MINUS_SIGN}${body}`;
      return change ? `+${body}` : body;
    };
    assertProperty(
      fc.property(
        fc.oneof(
          fc.tuple(fc.double(), fc.integer({ min: 0, max: 6 })).map(([n, d]) => (Number.isFinite(n) ? n.toFixed(d) : String(n))),
          fc.integer({ min: -1e9, max: 1e9 }).map((n) => new Intl.NumberFormat('en-GB').format(n)),
          fc.constantFrom('—', 'no data', '-0', '-0.000', '0', '-∞', 'Infinity', '-Infinity', 'NaN', '', '2026-10-05'),
          fc.string(),
        ),
        fc.boolean(),
        (text, change) => {
          expect(withFigureSign(text, change)).toBe(whole(text, change));
        },
      ),
    );
  });

  it('leaves text that is not a number as it is', () => {
    expect(withFigureSign('—')).toBe('—');
    expect(withFigureSign('2026-10-05')).toBe('2026-10-05');
    expect(withFigureSign('-∞')).toBe('−∞');
    expect(withFigureSign('NaN')).toBe('NaN');
    expect(withFigureSign('12', true)).toBe('+12');
    expect(withFigureSign('-12', true)).toBe('−12');
  });

  it('property: no formatter writes a hyphen-minus before a digit', () => {
    assertProperty(
      fc.property(fc.double({ min: -1e9, max: 1e9, noNaN: true }), fc.integer({ min: 0, max: 4 }), (n, digits) => {
        const texts = [
          formatNumber(n, digits),
          formatCount(Math.round(n)),
          formatPercent(n / 1e6, digits),
          formatMs(n),
          formatSignedChange(n, digits),
          formatPointChange(n / 1e6, digits),
        ];
        for (const t of texts) expect(t).not.toMatch(/-\d/);
      }),
      { numRuns: 2000 },
    );
  });
});
