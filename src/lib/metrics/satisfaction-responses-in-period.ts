/**
 * The survey responses of one period, found without reading the others: every period's
 * satisfaction figures, ticket join and comments start from them.
 */
import type { SurveyResponse } from '../model/records.ts';
import type { PeriodBounds } from '../time/periods.ts';
import { lowerBound } from '../util/lower-bound.ts';

/**
 * Survey responses in submission-time order, prepared once for every period of a build (see
 * {@link prepareResponses}); a period is then a run of them, found by binary search.
 */
export interface ResponseTable<R extends Pick<SurveyResponse, 'timeMs'> = SurveyResponse> {
  /** The responses, by submission time (stable: equal times keep their input order). */
  readonly responses: readonly R[];
  /** Their submission times, in the same order. */
  readonly timesMs: Float64Array;
}

/**
 * Orders responses by submission time for {@link responsesInPeriod}. A response whose time is
 * not a number belongs to no period and is left out.
 * @param responses survey responses, any order (ingestion returns them in time order: then nothing moves)
 * @returns the table
 * @example prepareResponses([{ timeMs: 20 }, { timeMs: 5 }]).timesMs // Float64Array [5, 20]
 */
export function prepareResponses<R extends Pick<SurveyResponse, 'timeMs'>>(responses: readonly R[]): ResponseTable<R> {
  let sorted = true;
  for (let i = 0; i < responses.length && sorted; i++) {
    const t = (responses[i] as R).timeMs;
    if (Number.isNaN(t) || (i > 0 && !((responses[i - 1] as R).timeMs <= t))) sorted = false;
  }
  const ordered = sorted ? responses : responses.filter((r) => !Number.isNaN(r.timeMs)).sort((a, b) => a.timeMs - b.timeMs);
  return { responses: ordered, timesMs: Float64Array.from(ordered, (r) => r.timeMs) };
}

/**
 * Where a period's responses are in the table: positions [from, to).
 * @example periodRange(prepareResponses([{ timeMs: 5 }, { timeMs: 10 }, { timeMs: 20 }]), { startMs: 10, endMs: 30 }) // [1, 3]
 */
export function periodRange(table: ResponseTable<Pick<SurveyResponse, 'timeMs'>>, bounds: PeriodBounds): [number, number] {
  if (Number.isNaN(bounds.startMs) || Number.isNaN(bounds.endMs)) return [0, 0];
  const from = lowerBound(table.timesMs, bounds.startMs);
  return [from, Math.max(from, lowerBound(table.timesMs, bounds.endMs))];
}

/**
 * The responses submitted in a period.
 *
 * Definition: the responses with startMs ≤ timeMs < endMs (half-open, like every period), in
 * submission-time order — exactly `responses.filter((r) => r.timeMs >= startMs && r.timeMs < endMs)`
 * of the time-ordered responses.
 * Method: two binary searches over the prepared times.
 *
 * @param table the responses, prepared once by {@link prepareResponses}
 * @param bounds the period
 * @returns the period's responses, oldest first
 * @example
 * responsesInPeriod(prepareResponses([{ timeMs: 5 }, { timeMs: 10 }, { timeMs: 20 }, { timeMs: 30 }]), { startMs: 10, endMs: 30 }).map((r) => r.timeMs) // [10, 20]
 */
export function responsesInPeriod<R extends Pick<SurveyResponse, 'timeMs'>>(table: ResponseTable<R>, bounds: PeriodBounds): readonly R[] {
  const [from, to] = periodRange(table, bounds);
  return table.responses.slice(from, to);
}
