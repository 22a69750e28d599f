/**
 * Customer satisfaction (CSAT): the share of answers at or above the "satisfied" score.
 */
import { type ProportionInterval, wilsonInterval } from './wilson-interval.ts';

/** A CSAT scale: answers run from `min` to `max`; `satisfiedAtLeast` and above count as satisfied. */
export interface CsatScale {
  min: number;
  max: number;
  satisfiedAtLeast: number;
}

/** The spec's default scale: 1–5, satisfied at 4 or 5. */
export const DEFAULT_CSAT_SCALE: CsatScale = { min: 1, max: 5, satisfiedAtLeast: 4 };

/** The spec's default low-sample threshold: a figure from fewer than 30 answers is low-sample. */
export const DEFAULT_LOW_SAMPLE_BELOW = 30;

export interface CsatOptions {
  /** The configured scale (default 1–5, satisfied at 4). */
  scale?: CsatScale;
  /** Figures with n below this are flagged low-sample (default 30). */
  lowSampleBelow?: number;
}

export interface CsatResult {
  /** Answers counted: finite scores within the scale. */
  n: number;
  /** Answers at or above `satisfiedAtLeast`. */
  satisfied: number;
  /** satisfied / n, in [0, 1]; null when n = 0. */
  share: number | null;
  /** 95 % Wilson score interval around `share`; null when n = 0. */
  interval: ProportionInterval | null;
  /** n < lowSampleBelow (so also true when n = 0). */
  lowSample: boolean;
  /** Scores outside the scale (or not finite): counted here, left out of n. */
  outOfScale: number;
}

/**
 * CSAT: the share of answers scoring at least `satisfiedAtLeast` on the configured scale.
 *
 * Definition (spec "Satisfaction"): CSAT = satisfied / n, where n is the number of answers and
 * satisfied the number scoring at or above the threshold (default: 4 or 5 on 1–5), with a 95 %
 * Wilson score interval.
 *
 * Method: null entries are unanswered questions and are skipped. A score outside
 * [min, max] (or NaN/±Infinity) is not an answer on this scale: it is left out of n and
 * counted in `outOfScale`, so nothing disappears silently. Fractional scores inside the
 * scale are accepted as they are.
 *
 * @param scores one entry per survey response: the CSAT score, or null when not answered
 * @param options scale (default 1–5, satisfied ≥ 4) and low-sample threshold (default 30)
 * @returns n, satisfied, share in [0, 1] (null when n = 0), Wilson interval, low-sample flag
 * @throws {RangeError} when the scale is not min ≤ satisfiedAtLeast ≤ max
 * @example
 * csat([5, 4, 4, 3, 5, 1, 4, 5, 2, 4])
 * // { n: 10, satisfied: 7, share: 0.7, interval: { lower: 0.39677814746114537, upper: 0.8922087325936989 }, lowSample: true, outOfScale: 0 }
 */
export function csat(scores: readonly (number | null)[], options: CsatOptions = {}): CsatResult {
  const scale = options.scale ?? DEFAULT_CSAT_SCALE;
  const lowSampleBelow = options.lowSampleBelow ?? DEFAULT_LOW_SAMPLE_BELOW;
  if (!(scale.min <= scale.satisfiedAtLeast && scale.satisfiedAtLeast <= scale.max))
    throw new RangeError(
      `csat requires a scale with min ≤ satisfiedAtLeast ≤ max, got ${scale.min}–${scale.max} satisfied at ${scale.satisfiedAtLeast}`,
    );
  let n = 0;
  let satisfied = 0;
  let outOfScale = 0;
  for (const score of scores) {
    if (score === null) continue;
    if (!Number.isFinite(score) || score < scale.min || score > scale.max) {
      outOfScale++;
      continue;
    }
    n++;
    if (score >= scale.satisfiedAtLeast) satisfied++;
  }
  return {
    n,
    satisfied,
    share: n === 0 ? null : satisfied / n,
    interval: wilsonInterval(satisfied, n),
    lowSample: n < lowSampleBelow,
    outOfScale,
  };
}
