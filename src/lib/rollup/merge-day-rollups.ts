/**
 * Sums day rollups into the totals of a longer span (a month from its days, a quarter from
 * its months' days). Exact: every field is a sum, outages split at midnight are re-joined,
 * and histograms add bucket by bucket.
 */

import { mergeHistograms } from './latency-histogram.ts';
import type { DayRollup } from './service-day-rollups.ts';

/** The totals of a longer span: a day rollup's fields summed, with the span's real length. */
export type AvailabilityTotals = Omit<DayRollup, 'date' | 'dayMs'> & {
  /** Real length of the span, ms. */
  spanMs: number;
};

/**
 * @example mergeDayRollups([]).spanMs // 0
 */
export function mergeDayRollups(days: readonly DayRollup[]): AvailabilityTotals {
  const sorted = [...days].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const totals: AvailabilityTotals = {
    spanMs: 0,
    upMs: 0,
    degradedMs: 0,
    downMs: 0,
    noDataMs: 0,
    maintenanceMs: 0,
    outages: [],
    checks: 0,
    latency: mergeHistograms(sorted.map((d) => d.latency)),
    fastChecks: 0,
  };
  for (const d of sorted) {
    totals.spanMs += d.dayMs;
    totals.upMs += d.upMs;
    totals.degradedMs += d.degradedMs;
    totals.downMs += d.downMs;
    totals.noDataMs += d.noDataMs;
    totals.maintenanceMs += d.maintenanceMs;
    totals.checks += d.checks;
    totals.fastChecks += d.fastChecks;
    for (const [s, e] of d.outages) {
      const last = totals.outages[totals.outages.length - 1];
      if (last && last[1] === s) last[1] = e;
      else totals.outages.push([s, e]);
    }
  }
  return totals;
}
