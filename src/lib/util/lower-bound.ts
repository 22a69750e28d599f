/**
 * Index of the first element ≥ x in an ascending array (binary search): where x would be
 * inserted to keep the order, before any equal elements. `xs.length` when every element is
 * smaller.
 * @example lowerBound(Float64Array.of(10, 20, 20, 30), 20) // 1
 * @example lowerBound([10, 20], 25) // 2
 */
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
