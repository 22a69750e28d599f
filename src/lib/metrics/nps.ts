/**
 * Net Promoter Score (NPS) on the 0–10 "how likely are you to recommend" question.
 */
import { DEFAULT_LOW_SAMPLE_BELOW } from './csat.ts';

/** z used by the spec's NPS margin of error (1.96, as written in the spec). */
export const NPS_MARGIN_Z = 1.96;

export interface NpsOptions {
  /** Figures with n below this are flagged low-sample (default 30). */
  lowSampleBelow?: number;
}

export interface NpsResult {
  /** Answers counted: integers 0–10. */
  n: number;
  /** Answers of 9 or 10. */
  promoters: number;
  /** Answers of 7 or 8. */
  passives: number;
  /** Answers of 0 to 6. */
  detractors: number;
  /** promoters / n, in [0, 1]; null when n = 0. */
  promoterShare: number | null;
  /** detractors / n, in [0, 1]; null when n = 0. */
  detractorShare: number | null;
  /** (promoters − detractors) / n × 100, in [−100, 100] (points, not a ratio); null when n = 0. */
  score: number | null;
  /** 1.96 × sqrt((p₊ + p₋ − (p₊ − p₋)²) / n) × 100, in points; null when n = 0. */
  marginOfError: number | null;
  /** n < lowSampleBelow (so also true when n = 0). */
  lowSample: boolean;
  /** Answers that are not integers 0–10: counted here, left out of n. */
  outOfScale: number;
}

/**
 * NPS: percentage of promoters minus percentage of detractors.
 *
 * Definition (spec "Satisfaction"; Reichheld 2003): on the 0–10 scale, promoters answer 9–10,
 * passives 7–8, detractors 0–6. With p₊ = promoters / n and p₋ = detractors / n,
 * score = (p₊ − p₋) × 100, from −100 (all detractors) to 100 (all promoters), and
 * margin of error = 1.96 × sqrt((p₊ + p₋ − (p₊ − p₋)²) / n) × 100
 * (the normal-approximation standard error of the difference of two multinomial shares).
 *
 * Method: the score is computed as (promoters − detractors) × 100 / n so whole-number results
 * stay exact. null entries are unanswered and skipped; answers that are not integers from 0 to
 * 10 are counted in `outOfScale` and left out of n. The variance term is clamped at 0 against
 * rounding (it is exactly 0 when every answer is a promoter, or every answer a detractor).
 *
 * @param scores one entry per survey response: the 0–10 answer, or null when not answered
 * @param options low-sample threshold (default 30)
 * @returns counts, shares, score in [−100, 100] and margin of error in points (null when n = 0)
 * @example
 * nps([10, 9, 9, 8, 7, 6, 3, 10, 9, 0])
 * // { n: 10, promoters: 5, passives: 2, detractors: 3, promoterShare: 0.5, detractorShare: 0.3,
 * //   score: 20, marginOfError: 54.033471108193666, lowSample: true, outOfScale: 0 }
 */
export function nps(scores: readonly (number | null)[], options: NpsOptions = {}): NpsResult {
  const lowSampleBelow = options.lowSampleBelow ?? DEFAULT_LOW_SAMPLE_BELOW;
  let promoters = 0;
  let passives = 0;
  let detractors = 0;
  let outOfScale = 0;
  for (const score of scores) {
    if (score === null) continue;
    if (!Number.isInteger(score) || score < 0 || score > 10) outOfScale++;
    else if (score >= 9) promoters++;
    else if (score >= 7) passives++;
    else detractors++;
  }
  const n = promoters + passives + detractors;
  if (n === 0)
    return {
      n,
      promoters,
      passives,
      detractors,
      promoterShare: null,
      detractorShare: null,
      score: null,
      marginOfError: null,
      lowSample: n < lowSampleBelow,
      outOfScale,
    };
  const pPlus = promoters / n;
  const pMinus = detractors / n;
  const variance = Math.max(0, pPlus + pMinus - (pPlus - pMinus) ** 2);
  return {
    n,
    promoters,
    passives,
    detractors,
    promoterShare: pPlus,
    detractorShare: pMinus,
    score: ((promoters - detractors) * 100) / n,
    marginOfError: NPS_MARGIN_Z * Math.sqrt(variance / n) * 100,
    lowSample: n < lowSampleBelow,
    outOfScale,
  };
}
