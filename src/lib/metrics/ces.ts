/**
 * Customer effort score (CES): the mean answer on the configured effort scale.
 */
import { mean } from 'simple-statistics';
import { DEFAULT_LOW_SAMPLE_BELOW } from './csat.ts';

/** A CES scale: answers run from `min` to `max`. */
export interface CesScale {
  min: number;
  max: number;
}

/** The spec's default CES scale, 1–7. */
export const DEFAULT_CES_SCALE: CesScale = { min: 1, max: 7 };

export interface CesOptions {
  /** The configured scale (default 1–7). */
  scale?: CesScale;
  /** Figures with n below this are flagged low-sample (default 30). */
  lowSampleBelow?: number;
}

export interface CesResult {
  /** Answers counted: finite scores within the scale. */
  n: number;
  /** Arithmetic mean of the counted answers, on the scale itself (not rescaled); null when n = 0. */
  mean: number | null;
  /** The scale the mean is on, so a reader can show "5.2 of 1–7". */
  scale: CesScale;
  /** n < lowSampleBelow (so also true when n = 0). */
  lowSample: boolean;
  /** Scores outside the scale (or not finite): counted here, left out of n. */
  outOfScale: number;
}

/**
 * CES: the arithmetic mean of the effort answers, on the configured scale.
 *
 * Definition (spec "Satisfaction"): CES = Σ score / n over the answers, on the configured scale
 * (default 1–7). Whether high means "easy" depends on the survey's wording; the figure is not
 * rescaled or inverted.
 *
 * Method: null entries are unanswered and skipped; scores outside [min, max] (or not finite)
 * are counted in `outOfScale` and left out of n. The mean is simple-statistics' `mean` over the
 * answers sorted ascending, so the result does not depend on the order of the responses.
 *
 * @param scores one entry per survey response: the CES answer, or null when not answered
 * @param options scale (default 1–7) and low-sample threshold (default 30)
 * @returns n, mean (null when n = 0), the scale, low-sample flag, out-of-scale count
 * @throws {RangeError} when the scale has min > max
 * @example
 * ces([7, 6, 5, 6, 1])
 * // { n: 5, mean: 5, scale: { min: 1, max: 7 }, lowSample: true, outOfScale: 0 }
 */
export function ces(scores: readonly (number | null)[], options: CesOptions = {}): CesResult {
  const scale = options.scale ?? DEFAULT_CES_SCALE;
  const lowSampleBelow = options.lowSampleBelow ?? DEFAULT_LOW_SAMPLE_BELOW;
  if (!(scale.min <= scale.max)) throw new RangeError(`ces requires a scale with min ≤ max, got ${scale.min}–${scale.max}`);
  const answers: number[] = [];
  let outOfScale = 0;
  for (const score of scores) {
    if (score === null) continue;
    if (!Number.isFinite(score) || score < scale.min || score > scale.max) outOfScale++;
    else answers.push(score);
  }
  return {
    n: answers.length,
    // Sorted first so the floating-point sum, and so the mean, does not depend on input order.
    // (A typed-array sort: ascending like (a, b) => a − b for finite numbers, where only 0 and −0 may
    // swap, which leaves the sum unchanged.)
    mean: answers.length === 0 ? null : mean(Float64Array.from(answers).sort() as unknown as number[]),
    scale: { min: scale.min, max: scale.max },
    lowSample: answers.length < lowSampleBelow,
    outOfScale,
  };
}
