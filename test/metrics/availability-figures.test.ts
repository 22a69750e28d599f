/**
 * availabilityFigures against hand-worked totals (spec metrics.md "Availability", lines 41–51:
 * eligible = up + down, availability = up / eligible, coverage = eligible / (period − maintenance),
 * allowed_down = (1 − target) × eligible, budget_used = down / allowed_down, MTTR = mean outage length),
 * and its doc comment's @example read literally.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { availabilityFigures } from '../../src/lib/metrics/availability-figures.ts';
import { histogramOf } from '../../src/lib/rollup/latency-histogram.ts';
import type { AvailabilityTotals } from '../../src/lib/rollup/merge-day-rollups.ts';

const D = 86_400_000;
const totals = (t: Partial<AvailabilityTotals>): AvailabilityTotals => ({
  spanMs: 0,
  upMs: 0,
  degradedMs: 0,
  downMs: 0,
  noDataMs: 0,
  maintenanceMs: 0,
  outages: [],
  checks: 0,
  latency: histogramOf([]),
  fastChecks: 0,
  ...t,
});

describe('availabilityFigures', () => {
  it('gives what its @example says, digit for digit', () => {
    const source = readFileSync(new URL('../../src/lib/metrics/availability-figures.ts', import.meta.url), 'utf8');
    const shown = /\.errorBudget\.used \/\/ (\S+)/.exec(source)?.[1];
    const got = availabilityFigures(totals({ spanMs: 30 * D, upMs: 29.9 * D, downMs: 0.1 * D }), 0.99, 300, 0.9).errorBudget.used;
    expect(String(got)).toBe(shown);
  });

  it('November 2028 in New York (721 h with the 25-hour day): no data and maintenance out of eligible, budget overrun', () => {
    // The audit case: 2 probes every 10 min; down 2 h across the repeated hour, 10 min (both probes) on the 10th,
    // 10 min either side of a 1 h maintenance window, 10 min at the month's last local minutes; 5 h 50 min without checks.
    const spanMs = (30 * 24 + 1) * 3_600_000;
    const f = availabilityFigures(
      totals({
        spanMs,
        upMs: 2_561_400_000,
        downMs: 9_600_000,
        noDataMs: 21_000_000,
        maintenanceMs: 3_600_000,
        outages: [
          [0, 7_200_000],
          [10_000_000, 10_600_000],
          [20_000_000, 20_600_000],
          [24_200_000, 24_800_000],
          [spanMs - 600_000, spanMs],
        ],
      }),
      0.999,
      100,
      0.9,
    );
    // eligible = 721 h − 1 h − 5 h 50 min = 2,571,000 s; up = eligible − 9,600 s.
    expect(f.eligibleMs).toBe(2_571_000_000);
    expect(f.availability).toBe(2_561_400 / 2_571_000);
    expect(f.coverage).toBe(2_571_000 / 2_592_000);
    expect(f.verdict).toBe('breached');
    // allowed = 0.001 × 2,571,000 s = 2,571 s; used = 9,600 / 2,571 = 3.73…
    expect(f.errorBudget.allowedDownMs).toBeCloseTo(2_571_000, 3);
    expect(f.errorBudget.used).toBeCloseTo(9_600 / 2_571, 12);
    expect(f.errorBudget.left).toBeCloseTo(1 - 9_600 / 2_571, 12);
    expect(f.outages).toMatchObject({ count: 5, longestMs: 7_200_000, totalMs: 9_600_000, mttrMs: 1_920_000 });
  });

  it('has no budget with a 100 % target or without eligible time (spec line 48)', () => {
    expect(availabilityFigures(totals({ spanMs: D, upMs: D }), 1, 100, 0.9).errorBudget).toEqual({
      allowedDownMs: null,
      used: null,
      left: null,
    });
    const empty = availabilityFigures(totals({ spanMs: D, noDataMs: D }), 0.999, 100, 0.9);
    expect(empty).toMatchObject({ availability: null, verdict: 'no-data', coverage: 0, lowCoverage: true });
    expect(empty.errorBudget).toEqual({ allowedDownMs: null, used: null, left: null });
  });
});
