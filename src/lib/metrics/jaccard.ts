/**
 * Jaccard similarity of two word sets.
 */

/**
 * The Jaccard similarity of two sets: the size of their intersection over the size of their
 * union.
 *
 * Definition (Jaccard 1901): J(A, B) = |A ∩ B| / |A ∪ B|, from 0 (nothing shared) to 1 (equal).
 *
 * Method: each array is read as a set (repeated entries count once); strings are compared
 * exactly. Two empty sets have no union, so the similarity is undefined: null.
 *
 * @param a the first set, as an array in any order
 * @param b the second set, as an array in any order
 * @returns J in [0, 1], or null when both sets are empty
 * @example
 * jaccard(['login', 'portal', 'slow'], ['login', 'portal']) // 0.6666666666666666 (2 shared of 3)
 * jaccard([], []) // null
 */
export function jaccard(a: readonly string[], b: readonly string[]): number | null {
  const setA = new Set(a);
  const setB = new Set(b);
  let shared = 0;
  for (const word of setA) if (setB.has(word)) shared++;
  const union = setA.size + setB.size - shared;
  return union === 0 ? null : shared / union;
}
