import { describe, expect, it } from 'vitest';
import {
  datesOfMonth,
  monthBounds,
  monthOf,
  monthOfIn,
  monthsBetween,
  monthsOfQuarter,
  nextQuarter,
  previousMonth,
  previousQuarter,
  previousYear,
  quarterOfMonth,
  yearOfMonth,
} from '../../src/lib/time/periods.ts';

const H = 3_600_000;

describe('periods', () => {
  it('cuts months at local midnight in the review zone', () => {
    // 31 Oct 23:30 UTC is still October in London (GMT) but already November in Shanghai (+8).
    expect(monthOf(Date.UTC(2026, 9, 31, 23, 30), 'Europe/London')).toBe('2026-10');
    expect(monthOf(Date.UTC(2026, 9, 31, 23, 30), 'Asia/Shanghai')).toBe('2026-11');
  });

  it('gives DST months their real length', () => {
    // March 2026 in London loses an hour on the 29th: 31 × 24 − 1 = 743 h; October gains one: 745 h.
    const mar = monthBounds('2026-03', 'Europe/London');
    const oct = monthBounds('2026-10', 'Europe/London');
    expect((mar.endMs - mar.startMs) / H).toBe(743);
    expect((oct.endMs - oct.startMs) / H).toBe(745);
    // 1 Oct 00:00 BST = 30 Sep 23:00 UTC.
    expect(oct.startMs).toBe(Date.UTC(2026, 8, 30, 23));
    expect(monthBounds('2026-10', 'UTC').endMs - monthBounds('2026-10', 'UTC').startMs).toBe(31 * 24 * H);
  });

  it('knows leap years', () => {
    expect(datesOfMonth('2028-02')).toHaveLength(29);
    expect(datesOfMonth('2026-02')).toHaveLength(28);
    expect(datesOfMonth('2100-02')).toHaveLength(28);
    expect(datesOfMonth('2000-02')).toHaveLength(29);
  });

  it('steps months, quarters and years across year ends', () => {
    expect(previousMonth('2026-01')).toBe('2025-12');
    expect(monthsBetween('2026-11', '2027-02')).toEqual(['2026-11', '2026-12', '2027-01', '2027-02']);
    expect(quarterOfMonth('2026-12')).toBe('2026-Q4');
    expect(monthsOfQuarter('2027-Q1')).toEqual(['2027-01', '2027-02', '2027-03']);
    expect(nextQuarter('2026-Q4')).toBe('2027-Q1');
    expect(previousQuarter('2026-Q1')).toBe('2025-Q4');
    expect(yearOfMonth('2026-07')).toBe('2026');
    expect(previousYear('2026')).toBe('2025');
  });

  it('rejects malformed ids', () => {
    expect(() => previousMonth('2026-13')).toThrow('expected a month like 2026-10');
    expect(() => monthsOfQuarter('2026-Q5')).toThrow('expected a quarter like 2026-Q4');
  });
});

describe('monthOfIn', () => {
  it('answers as monthOf, near the first instant asked for and decades away', () => {
    for (const zone of ['Europe/London', 'Asia/Shanghai', 'America/Santiago', 'UTC']) {
      const m = monthOfIn(zone);
      // By hand: 31 Oct 2026 23:30 UTC is October in London (GMT), November in Shanghai (+8).
      const first = Date.UTC(2026, 9, 31, 23, 30);
      expect(m(first)).toBe(monthOf(first, zone));
      // Every 7 h 13 min for two years around it, then instants 20 and 80 years away (past the array).
      for (let ms = first - 366 * 24 * H; ms < first + 366 * 24 * H; ms += 7 * H + 13 * 60_000) expect(m(ms)).toBe(monthOf(ms, zone));
      for (const ms of [Date.UTC(2046, 5, 30, 23, 59), Date.UTC(2106, 0, 1), Date.UTC(1946, 11, 31, 23), first])
        expect(m(ms)).toBe(monthOf(ms, zone));
    }
    expect(monthOfIn('Europe/London')(Date.UTC(2026, 9, 31, 23, 30))).toBe('2026-10');
    expect(monthOfIn('Asia/Shanghai')(Date.UTC(2026, 9, 31, 23, 30))).toBe('2026-11');
  });
});
