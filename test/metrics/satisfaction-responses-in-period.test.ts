/**
 * The survey responses of a period: the half-open filter over the responses in time order,
 * found by binary search. Expected values are picked by hand.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { periodRange, prepareResponses, responsesInPeriod } from '../../src/lib/metrics/index.ts';
import type { SurveyResponse } from '../../src/lib/model/records.ts';
import { assertProperty } from '../helpers/property.ts';

const r = (id: string, timeMs: number): SurveyResponse => ({
  source: 'survey',
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
  const sorted = prepareResponses(Object.freeze([r('a', 5), r('b', 10), r('c', 10), r('d', 20), r('e', 30)]));

  it('keeps start ≤ time < end', () => {
    expect(responsesInPeriod(sorted, { startMs: 10, endMs: 30 }).map((x) => x.id)).toEqual(['b', 'c', 'd']);
    // The start is in, the end is out.
    expect(responsesInPeriod(sorted, { startMs: 5, endMs: 10 }).map((x) => x.id)).toEqual(['a']);
    expect(responsesInPeriod(sorted, { startMs: 30, endMs: 31 }).map((x) => x.id)).toEqual(['e']);
    expect(responsesInPeriod(sorted, { startMs: 31, endMs: 100 })).toEqual([]);
    expect(responsesInPeriod(sorted, { startMs: 20, endMs: 10 })).toEqual([]);
    expect(periodRange(sorted, { startMs: 10, endMs: 30 })).toEqual([1, 4]);
  });

  it('orders responses that are not in time order (stable for equal times), and drops a NaN time (no period holds it)', () => {
    const table = prepareResponses([r('d', 20), r('a', 5), r('x', Number.NaN), r('b', 10), r('c', 10)]);
    expect(table.responses.map((x) => x.id)).toEqual(['a', 'b', 'c', 'd']);
    expect(responsesInPeriod(table, { startMs: 6, endMs: 25 }).map((x) => x.id)).toEqual(['b', 'c', 'd']);
  });

  it('leaves an array already in time order as it is', () => {
    const rs = [r('a', 1), r('b', 2)];
    expect(prepareResponses(rs).responses).toBe(rs);
  });

  it('property: equals the filter of the responses in time order, for any times and bounds', () => {
    const time = fc.oneof(fc.integer({ min: 0, max: 50 }), fc.constant(Number.NaN));
    assertProperty(
      fc.property(
        fc.array(time, { maxLength: 30 }),
        fc.boolean(),
        fc.integer({ min: -5, max: 55 }),
        fc.integer({ min: -5, max: 55 }),
        (times, sort, startMs, endMs) => {
          const ts = sort ? [...times].sort((a, b) => a - b) : times;
          const rs = ts.map((t, i) => r(`r${i}`, t));
          const inTimeOrder = rs.filter((x) => !Number.isNaN(x.timeMs)).sort((a, b) => a.timeMs - b.timeMs);
          const want = inTimeOrder.filter((x) => x.timeMs >= startMs && x.timeMs < endMs);
          expect(responsesInPeriod(prepareResponses(rs), { startMs, endMs })).toEqual(want);
        },
      ),
      { numRuns: 500 },
    );
  });
});
