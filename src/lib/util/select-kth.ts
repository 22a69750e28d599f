/**
 * Moves the k-th smallest value of `a[lo, hi)` to `a[k]`, with no larger value before it and no
 * smaller one after it (quickselect; the subrange is sorted instead when the partitions stop
 * shrinking fast enough). The values must not be NaN. Used for medians and nearest-rank
 * percentiles without a full sort.
 * @example const a = Float64Array.of(5, 1, 4, 2, 3); selectKth(a, 2, 0, 5); a[2] // 3
 */
export function selectKth(a: Float64Array, k: number, lo: number, hi: number): void {
  let budget = 2 * Math.ceil(Math.log2(hi - lo + 1)) + 8;
  let left = lo;
  let right = hi - 1;
  while (right > left) {
    if (budget-- === 0) {
      a.subarray(left, right + 1).sort();
      return;
    }
    // Median of three as the pivot, then a three-way partition: [< pivot | = pivot | > pivot].
    const mid = (left + right) >>> 1;
    const x = a[left] as number;
    const y = a[mid] as number;
    const z = a[right] as number;
    const pivot = Math.max(Math.min(x, y), Math.min(Math.max(x, y), z));
    let lt = left;
    let gt = right;
    let i = left;
    while (i <= gt) {
      const v = a[i] as number;
      if (v < pivot) {
        a[i++] = a[lt] as number;
        a[lt++] = v;
      } else if (v > pivot) {
        a[i] = a[gt] as number;
        a[gt--] = v;
      } else i++;
    }
    if (k < lt) right = lt - 1;
    else if (k > gt) left = gt + 1;
    else return;
  }
}
