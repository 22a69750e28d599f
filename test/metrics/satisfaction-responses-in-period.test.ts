/**
 * The survey responses of a period: the half-open filter, found by binary search when the
 * responses are in time order. Expected values are picked by hand.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { responsesInPeriod } from '../../src/lib/metrics/satisfaction-responses-in-period.ts';
import type { SurveyResponse } from '../../src/lib/model/records.ts';

const r = (id: string, timeMs: number): SurveyResponse => ({
  id,
  timeMs,
  service: null,
  ticketId: null,
  csat: 5,
  nps: null,
  ces: null,
  comment: null,
});

describe('responsesInPeriod', () => {
  // Times 5, 10, 10, 20, 30.
  const sorted = Object.freeze([r('a', 5), r('b', 10), r('c', 10), r('d', 20), r('e', 30)]);

  it('keeps start ≤ time < end, in input order', () => {
    expect(responsesInPeriod(sorted, { startMs: 10, endMs: 30 }).map((x) => x.id)).toEqual(['b', 'c', 'd']);
    // The start is in, the end is out.
    expect(responsesInPeriod(sorted, { startMs: 5, endMs: 10 }).map((x) => x.id)).toEqual(['a']);
    expect(responsesInPeriod(sorted, { startMs: 30, endMs: 31 }).map((x) => x.id)).toEqual(['e']);
    expect(responsesInPeriod(sorted, { startMs: 31, endMs: 100 })).toEqual([]);
    expect(responsesInPeriod(sorted, { startMs: 20, endMs: 10 })).toEqual([]);
  });

  it('asked again for the same period, gives the same array', () => {
    const a = responsesInPeriod(sorted, { startMs: 0, endMs: 11 });
    expect(responsesInPeriod(sorted, { startMs: 0, endMs: 11 })).toBe(a);
    expect(a.map((x) => x.id)).toEqual(['a', 'b', 'c']);
  });

  it('filters responses that are not in time order (or have a NaN time)', () => {
    const unsorted = [r('d', 20), r('a', 5), r('x', Number.NaN), r('b', 10)];
    expect(responsesInPeriod(unsorted, { startMs: 6, endMs: 25 }).map((x) => x.id)).toEqual(['d', 'b']);
  });

  it('property: equals the filter for any times and bounds', () => {
    const time = fc.oneof(fc.integer({ min: 0, max: 50 }), fc.constant(Number.NaN));
    fc.assert(
      fc.property(
        fc.array(time, { maxLength: 30 }),
        fc.boolean(),
        fc.integer({ min: -5, max: 55 }),
        fc.integer({ min: -5, max: 55 }),
        (times, sort, startMs, endMs) => {
          const ts = sort ? [...times].sort((a, b) => a - b) : times;
          const rs = ts.map((t, i) => r(`r${i}`, t));
          const want = rs.filter((x) => x.timeMs >= startMs && x.timeMs < endMs);
          expect(responsesInPeriod(rs, { startMs, endMs })).toEqual(want);
        },
      ),
      { numRuns: 500 },
    );
  });
});
