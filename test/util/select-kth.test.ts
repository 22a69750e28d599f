/** Selection of the k-th smallest value, against sorting. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { selectKth } from '../../src/lib/util/select-kth.ts';
import { assertProperty } from '../helpers/property.ts';

describe('selectKth', () => {
  it('selectKth puts the k-th smallest value at k (property: equals sorting)', () => {
    assertProperty(
      fc.property(fc.array(fc.integer({ min: -50, max: 50 }), { minLength: 1, maxLength: 200 }), fc.nat(), (xs, r) => {
        const a = Float64Array.from(xs);
        const k = r % a.length;
        selectKth(a, k, 0, a.length);
        const sorted = [...xs].sort((p, q) => p - q);
        expect(a[k]).toBe(sorted[k]);
        for (let i = 0; i < k; i++) expect(a[i]).toBeLessThanOrEqual(a[k] as number);
        for (let i = k + 1; i < a.length; i++) expect(a[i]).toBeGreaterThanOrEqual(a[k] as number);
      }),
    );
  });
});
