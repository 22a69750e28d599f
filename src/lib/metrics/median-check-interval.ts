import { type CheckSeries, lowerBound } from './check-series.ts';

/**
 * Median interval between consecutive checks of one probe whose later check lies in
 * [startMs, endMs): the basis of the default `max_gap` (2 × this). Null with fewer than two
 * checks, because one check tells nothing about the cadence.
 * Method: the middle value, or the mean of the two middle values.
 * @example medianCheckInterval(seriesOf([{timeMs:0,status:'up',latencyMs:1},{timeMs:60000,status:'up',latencyMs:1},{timeMs:180000,status:'up',latencyMs:1}]), 0, 1e9) // 90000
 */
export function medianCheckInterval(series: CheckSeries, startMs: number, endMs: number): number | null {
  const t = series.timesMs;
  const first = Math.max(1, lowerBound(t, startMs));
  const last = lowerBound(t, endMs);
  const gaps: number[] = [];
  for (let i = first; i < last; i++) gaps.push((t[i] as number) - (t[i - 1] as number));
  if (gaps.length === 0) return null;
  gaps.sort((a, b) => a - b);
  const mid = gaps.length >> 1;
  return gaps.length % 2 === 1 ? (gaps[mid] as number) : ((gaps[mid - 1] as number) + (gaps[mid] as number)) / 2;
}
