/** The median check interval: the basis of the default max_gap (2 × it). Expected values by hand in the comments. */
import { describe, expect, it } from 'vitest';
import { medianCheckInterval } from '../../src/lib/rollup/median-check-interval.ts';

describe('medianCheckInterval', () => {
  it('is the middle gap, or the mean of the two middle gaps', () => {
    // gaps 60 s and 120 s → (60 + 120) / 2 = 90 s
    expect(medianCheckInterval(Float64Array.of(0, 60_000, 180_000), 0, 1e9)).toBe(90_000);
    // gaps 1, 1, 5, 100 s (whole ms, the counting path) → (1 + 5) / 2 = 3 s
    expect(medianCheckInterval(Float64Array.of(0, 1000, 2000, 7000, 107_000), 0, 1e9)).toBe(3000);
    // fractional gaps 0.5, 1.5, 2.5 ms (the selection path) → 1.5 ms
    expect(medianCheckInterval(Float64Array.of(0, 0.5, 2, 4.5), 0, 1e9)).toBe(1.5);
    // only gaps whose later check is in [start, end): here 60 s (check at 60 000) only
    expect(medianCheckInterval(Float64Array.of(0, 60_000, 180_000), 1, 100_000)).toBe(60_000);
    expect(medianCheckInterval(Float64Array.of(5), 0, 1e9)).toBeNull();
  });
});
