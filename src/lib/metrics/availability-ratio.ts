/**
 * Availability as a ratio: the share of the eligible time (up or down) that was up.
 *
 * Definition (metrics.md, "Availability"): availability = up / eligible, with
 * eligible = up + down; with eligible = 0 (no up or down time: no data, or all in maintenance)
 * it is null, shown as "no data". Degraded time counts as up in the rollups, so it is in `upMs`.
 *
 * Method: one division. The test for "no eligible time" reads the two inputs, not their sum:
 * for times ≥ 0 it is the same test, and it keeps V8 from a deoptimisation loop. Summed day
 * times are doubles holding whole numbers; when V8's optimised code bails out, it hands the sum
 * back as a small integer, so the comparison's type feedback never learns it is a double and
 * the function was re-optimised 78 times in one build of the benchmark archive
 * (docs/benchmarks.md, "ninth session").
 *
 * @param upMs time up (including degraded), in milliseconds, ≥ 0
 * @param downMs time down, in milliseconds, ≥ 0
 * @returns up / (up + down), in [0, 1]; null when both are 0
 * @example
 * availabilityRatio(86_100_000, 300_000) // 0.9965277777777778 (a day with 5 minutes down)
 * availabilityRatio(0, 0) // null
 */
export function availabilityRatio(upMs: number, downMs: number): number | null {
  return upMs > 0 || downMs > 0 ? upMs / (upMs + downMs) : null;
}
