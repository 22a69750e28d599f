/**
 * The survey responses of one period, found without reading the others: every period's
 * satisfaction figures, ticket join and comments start from them.
 */
import type { SurveyResponse } from '../model/records.ts';
import type { PeriodBounds } from '../time/periods.ts';
import { lowerBound } from '../util/lower-bound.ts';

/** What is known about one response array: whether it is in time order, and the last answer given. */
interface ResponseIndex {
  /** True when submission times never decrease along the array (none is NaN). */
  sorted: boolean;
  /** Their submission times, when sorted. */
  timesMs: Float64Array | null;
  last: { startMs: number; endMs: number; responses: readonly unknown[] } | null;
}

// Every period of a build passes the same response array (three times: figures, ticket join, comments).
const indexes = new WeakMap<readonly Pick<SurveyResponse, 'timeMs'>[], ResponseIndex>();

/**
 * The responses submitted in a period.
 *
 * Definition: the responses with startMs ≤ timeMs < endMs (half-open, like every period), in
 * their order in `responses` — exactly `responses.filter((r) => r.timeMs >= startMs && r.timeMs < endMs)`.
 *
 * Method: whether the array is in time order is found once per array (cached; the array and
 * the responses' times must not change afterwards). In time order (as ingestion returns them)
 * the period is found by binary search and copied out; else the array is filtered. The last
 * answer is kept per array, so asking again for the same period returns the same array:
 * callers must not change it.
 *
 * @param responses survey responses, any order
 * @param bounds the period
 * @returns the period's responses, in input order (a shared array: do not modify)
 * @example
 * const rs = [{ timeMs: 5 }, { timeMs: 10 }, { timeMs: 20 }, { timeMs: 30 }] as SurveyResponse[];
 * responsesInPeriod(rs, { startMs: 10, endMs: 30 }).map((r) => r.timeMs) // [10, 20]
 */
export function responsesInPeriod<R extends Pick<SurveyResponse, 'timeMs'>>(responses: readonly R[], bounds: PeriodBounds): readonly R[] {
  const { startMs, endMs } = bounds;
  let index = indexes.get(responses);
  if (!index) {
    let sorted = true;
    for (let i = 0; i < responses.length && sorted; i++) {
      const t = (responses[i] as R).timeMs;
      if (Number.isNaN(t) || (i > 0 && !((responses[i - 1] as R).timeMs <= t))) sorted = false;
    }
    index = { sorted, timesMs: sorted ? Float64Array.from(responses, (r) => r.timeMs) : null, last: null };
    indexes.set(responses, index);
  }
  const last = index.last;
  if (last !== null && last.startMs === startMs && last.endMs === endMs) return last.responses as readonly R[];
  let out: readonly R[];
  if (index.timesMs !== null) {
    // [first time ≥ start, first time ≥ end): the filter's answer, as the times ascend. NaN bounds select nothing, as in the filter.
    const lo = lowerBound(index.timesMs, startMs);
    const hi = Math.max(lo, lowerBound(index.timesMs, endMs));
    out = Number.isNaN(startMs) || Number.isNaN(endMs) ? [] : responses.slice(lo, hi);
  } else out = responses.filter((r) => r.timeMs >= startMs && r.timeMs < endMs);
  index.last = { startMs, endMs, responses: out };
  return out;
}
