import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatClockSeconds, formatCount, formatMs, formatWorkingTime } from '../../src/lib/format/format.ts';
import { assertProperty } from '../helpers/property.ts';

describe('formatCount and formatMs', () => {
  it('group thousands with commas, as en-GB does', () => {
    expect(formatCount(0)).toBe('0');
    expect(formatCount(999)).toBe('999');
    expect(formatCount(12345)).toBe('12,345');
    expect(formatCount(-1234567)).toBe('-1,234,567');
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
          expect(formatCount(n)).toBe(n.toLocaleString('en-GB'));
          expect(formatMs(n)).toBe(`${Math.round(n).toLocaleString('en-GB')} ms`);
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
