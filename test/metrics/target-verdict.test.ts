/**
 * targetVerdict against hand-worked cases: budget = best − target, used = (best − value) / budget,
 * at risk above 75 % used (the same rule as availability's error budget, availability-figures.ts).
 */

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { availabilityFigures } from '../../src/lib/metrics/availability-figures.ts';
import { targetVerdict } from '../../src/lib/metrics/target-verdict.ts';
import { histogramOf } from '../../src/lib/rollup/latency-histogram.ts';
import { assertProperty } from '../helpers/property.ts';

describe('targetVerdict', () => {
  it.each([
    // value, target, best, verdict — why
    [null, 0.9, 1, 'no-data'], // no figure
    [0.89, 0.9, 1, 'breached'], // below the target
    [0.9, 0.9, 1, 'at-risk'], // met exactly: the whole budget (0.10) used, 100 % > 75 %
    [0.92, 0.9, 1, 'at-risk'], // used 0.08 / 0.10 = 80 %
    [0.925, 0.9, 1, 'met'], // used 0.075 / 0.10 = 75 %, not above it
    [0.93, 0.9, 1, 'met'], // used 70 %
    [1, 1, 1, 'met'], // a 100 % target has no budget: met is met
    [40, 30, 100, 'at-risk'], // NPS: used 60 / 70 = 85.7 %
    [50, 30, 100, 'met'], // NPS: used 50 / 70 = 71.4 %
    [-20, -10, 100, 'breached'], // NPS below a negative target
  ] as const)('%s against %s (best %s) is %s', (value, target, best, verdict) => {
    expect(targetVerdict(value, target, best)).toBe(verdict);
  });

  it('agrees with the availability verdict on every availability (one definition of at risk)', () => {
    const D = 86_400_000;
    assertProperty(
      fc.property(fc.integer({ min: 0, max: 100_000 }), fc.integer({ min: 900, max: 999 }), (downMs, targetPerMille) => {
        const target = targetPerMille / 1000;
        // Exactly 75 % of the budget used is a floating-point tie the two formulas may round apart; it is not a case data makes.
        fc.pre(Math.abs(downMs / ((1 - target) * D) - 0.75) > 1e-9);
        const totals = {
          spanMs: D,
          upMs: D - downMs,
          degradedMs: 0,
          downMs,
          noDataMs: 0,
          maintenanceMs: 0,
          checks: 10,
          fastChecks: 0,
          latency: histogramOf([]),
          outages: [],
        };
        const fig = availabilityFigures(totals, target, 500, 0.9);
        expect(targetVerdict(fig.availability, target, 1)).toBe(fig.verdict);
      }),
    );
  });
});
