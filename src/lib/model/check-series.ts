/**
 * Columnar check series: the checks of one service from one probe, sorted by time.
 * Typed arrays keep millions of checks compact (13 bytes a check).
 */

import { lowerBound } from '../util/lower-bound.ts';
import type { CheckStatus } from './records.ts';

export { lowerBound };

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

/**
 * Where the rollups read checks from, one service-probe time range at a time, so that only
 * the range in hand is in memory: the ingested store (ingest/check-store.ts, which keeps
 * series in a spill file).
 */
export interface CheckSource {
  /** Services with at least one check, sorted. */
  services(): string[];
  /** Probes of the service, sorted; empty when it has no check. */
  probes(service: string): string[];
  /**
   * The probe's checks at or after fromMs and before toMs, preceded by the last check before
   * fromMs (its status still covers fromMs), sorted by time, without duplicates. With a
   * `slot`, the result may be a view of a buffer kept for that slot and reused by the next
   * call with the same slot (so reading month after month makes no garbage).
   */
  range(service: string, probe: string, fromMs: number, toMs: number, slot?: number): CheckSeries;
}

/** The part of a sorted series that `CheckSource.range` gives: from the check before fromMs to the last before toMs. */
export function sliceSeries(s: CheckSeries, fromMs: number, toMs: number): CheckSeries {
  const from = Math.max(0, lowerBound(s.timesMs, fromMs) - 1);
  const to = Math.max(from, lowerBound(s.timesMs, toMs));
  return { timesMs: s.timesMs.subarray(from, to), statuses: s.statuses.subarray(from, to), latenciesMs: s.latenciesMs.subarray(from, to) };
}
