import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lowerBound } from '../../src/lib/util/lower-bound.ts';
import { assertProperty } from '../helpers/property.ts';

describe('lowerBound', () => {
  it('gives the doc examples (hand-checked: the first 20 is at index 1; 25 goes after both)', () => {
    expect(lowerBound(Float64Array.of(10, 20, 20, 30), 20)).toBe(1);
    expect(lowerBound([10, 20], 25)).toBe(2);
    expect(lowerBound([], 5)).toBe(0);
    expect(lowerBound([10], 5)).toBe(0);
  });

  it('equals the count of smaller elements in any sorted array', () => {
    assertProperty(
      fc.property(fc.array(fc.integer({ min: -50, max: 50 })), fc.integer({ min: -60, max: 60 }), (xs, x) => {
        const sorted = [...xs].sort((a, b) => a - b);
        expect(lowerBound(sorted, x)).toBe(sorted.filter((v) => v < x).length);
      }),
    );
  });
});
