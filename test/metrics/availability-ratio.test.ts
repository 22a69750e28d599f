/**
 * availabilityRatio against hand-worked cases (metrics.md: availability = up / eligible,
 * eligible = up + down, null when eligible = 0), and against the spec's formula as written on
 * every pair of times a day or a period can hold.
 */

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { availabilityRatio } from '../../src/lib/metrics/availability-ratio.ts';
import { assertProperty } from '../helpers/property.ts';

const DAY = 86_400_000;

describe('availabilityRatio', () => {
  it.each([
    // up, down, expected — why
    [0, 0, null], // no eligible time: no data, or the whole span in maintenance
    [DAY, 0, 1], // up all day
    [0, DAY, 0], // down all day: a figure of 0, not "no data"
    [DAY - 300_000, 300_000, 86_100_000 / 86_400_000], // 5 minutes down: 0.99652777…
    [3, 1, 0.75], // 3 / (3 + 1)
    [0.5, 0, 1], // a fraction of a millisecond up still makes the time eligible
  ] as const)('up %s ms, down %s ms → %s', (up, down, expected) => {
    expect(availabilityRatio(up, down)).toBe(expected);
  });

  it('is 0.9965277777777778 for a day with 5 minutes down (the doc comment’s example)', () => {
    // 86,100,000 / 86,400,000 = 0.99652777… (computed by hand: 1 − 300,000 / 86,400,000)
    expect(availabilityRatio(86_100_000, 300_000)).toBe(0.9965277777777778);
  });

  it('equals up / (up + down), or null when up + down = 0, on any times ≥ 0', () => {
    // Times as the rollups make them: whole milliseconds summed over up to a year of days, and
    // doubles as well (the sums of interval lengths are doubles that hold whole numbers).
    const time = fc.oneof(
      fc.integer({ min: 0, max: 366 * DAY }),
      fc.double({ min: 0, max: 366 * DAY, noNaN: true, noDefaultInfinity: true }),
      fc.constant(0),
    );
    assertProperty(
      fc.property(time, time, (up, down) => {
        const eligible = up + down;
        expect(availabilityRatio(up, down)).toBe(eligible > 0 ? up / eligible : null);
      }),
    );
  });
});
