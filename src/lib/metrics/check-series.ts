/**
 * Columnar check series: the checks of one service from one probe, sorted by time.
 * Typed arrays keep millions of checks compact (13 bytes a check).
 */
import type { CheckStatus } from '../model/records.ts';

export const STATUS_UP = 0;
export const STATUS_DEGRADED = 1;
export const STATUS_DOWN = 2;
export const STATUS_CODES: Record<CheckStatus, number> = { up: STATUS_UP, degraded: STATUS_DEGRADED, down: STATUS_DOWN };

export interface CheckSeries {
  /** Check instants, epoch ms, ascending. */
  timesMs: Float64Array;
  /** STATUS_UP, STATUS_DEGRADED or STATUS_DOWN, parallel to timesMs. */
  statuses: Uint8Array;
  /** Latency in ms, NaN when absent, parallel to timesMs. */
  latenciesMs: Float32Array;
}

/** Builds a sorted series from plain checks (for tests and small inputs). */
export function seriesOf(checks: ReadonlyArray<{ timeMs: number; status: CheckStatus; latencyMs: number | null }>): CheckSeries {
  const sorted = [...checks].sort((a, b) => a.timeMs - b.timeMs);
  return {
    timesMs: Float64Array.from(sorted, (c) => c.timeMs),
    statuses: Uint8Array.from(sorted, (c) => STATUS_CODES[c.status]),
    latenciesMs: Float32Array.from(sorted, (c) => (c.latencyMs === null ? Number.NaN : c.latencyMs)),
  };
}

/** Index of the first element ≥ x in an ascending array. */
export function lowerBound(xs: ArrayLike<number>, x: number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((xs[mid] as number) < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
