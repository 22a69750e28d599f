import { lowerBound } from '../model/check-series.ts';
import { selectKth } from '../util/select-kth.ts';

/**
 * Median interval between consecutive checks of one probe whose later check lies in
 * [startMs, endMs): the basis of the default `max_gap` (2 × this). Null with fewer than two
 * checks, because one check tells nothing about the cadence.
 * Method: the middle value, or the mean of the two middle values; found by counting when the
 * gaps are whole milliseconds in a narrow range (the usual steady probe), else by selection
 * (expected linear time) instead of a full sort — the value is the same.
 * @param t the probe's check instants, epoch ms, ascending
 * @example medianCheckInterval(Float64Array.of(0, 60000, 180000), 0, 1e9) // 90000
 */
export function medianCheckInterval(t: Float64Array, startMs: number, endMs: number): number | null {
  const first = Math.max(1, lowerBound(t, startMs));
  const last = lowerBound(t, endMs);
  if (last <= first) return null;
  const counted = countedMedian(t, first, last);
  if (counted !== null) return counted;
  const gaps = new Float64Array(last - first);
  for (let i = first; i < last; i++) gaps[i - first] = (t[i] as number) - (t[i - 1] as number);
  const mid = gaps.length >> 1;
  selectKth(gaps, mid, 0, gaps.length);
  const upper = gaps[mid] as number;
  if (gaps.length % 2 === 1) return upper;
  // After selection every value left of `mid` is ≤ the one at `mid`: the lower middle is their maximum.
  let lower = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < mid; i++) if ((gaps[i] as number) > lower) lower = gaps[i] as number;
  return (lower + upper) / 2;
}

/**
 * The same median when the gaps t[i] − t[i−1] (first ≤ i < last) are whole numbers within a
 * narrow range (the usual probe, checking at a steady interval with jitter): by counting each
 * value, with no array of gaps and no selection; null otherwise.
 */
function countedMedian(t: Float64Array, first: number, last: number): number | null {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (let i = first; i < last; i++) {
    const g = (t[i] as number) - (t[i - 1] as number);
    if (!Number.isInteger(g)) return null;
    if (g < min) min = g;
    if (g > max) max = g;
  }
  const n = last - first;
  const range = max - min + 1;
  if (range > 65_536 || range > 4 * n) return null;
  const counts = new Uint32Array(range);
  for (let i = first; i < last; i++) {
    const v = (t[i] as number) - (t[i - 1] as number) - min;
    counts[v] = (counts[v] as number) + 1;
  }
  // The k-th smallest gap (0-based) for k = mid, and for an even count the one before it.
  const mid = n >> 1;
  let seen = 0;
  let lower = Number.NaN;
  for (let v = 0; v < range; v++) {
    const c = counts[v] as number;
    if (c === 0) continue;
    if (n % 2 === 0 && seen <= mid - 1 && mid - 1 < seen + c) lower = v + min;
    if (seen <= mid && mid < seen + c) {
      const upper = v + min;
      return n % 2 === 1 ? upper : (lower + upper) / 2;
    }
    seen += c;
  }
  return null;
}
