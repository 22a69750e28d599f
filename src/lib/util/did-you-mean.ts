/**
 * "Did you mean …?" for names a config gets wrong (a canonical field, a status word): the nearest
 * known name by edit distance, when it is near enough to be a slip rather than another word.
 */

/**
 * The edit distance between two texts: the fewest insertions, deletions, substitutions and swaps
 * of two neighbouring characters (each costing 1) that turn one into the other, counted in
 * characters (code points), not UTF-16 units. This is the optimal string alignment distance
 * (Damerau–Levenshtein where no character is edited twice), so `stauts` → `status` is 1, not 2.
 * @example editDistance('kitten', 'sitting') // 3
 * @example editDistance('stauts', 'status') // 1
 */
export function editDistance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  // Three rows of the dynamic programme: two rows back for the swap.
  let before: number[] = [];
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const row = [i];
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      let d = Math.min((prev[j] as number) + 1, (row[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
      if (i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1]) d = Math.min(d, (before[j - 2] as number) + 1);
      row[j] = d;
    }
    before = prev;
    prev = row;
  }
  return prev[y.length] as number;
}

/** How names are compared: case, white space, underscores and dashes are no part of the slip (`first_response` is `firstResponse`). */
const fold = (s: string): string => s.toLowerCase().replace(/[\s_-]+/g, '');

/**
 * The name of `names` nearest to `word`, or null when none is near enough to be a slip of the
 * keyboard: at most a third of the longer of the two (folded) names apart, and at least one edit
 * allowed (one edit in a name of up to 5 characters, two in 6 to 8, …). Case, white space,
 * underscores and dashes are ignored. Of equally near names the first in `names` is taken.
 * @example closestName('firstRespons', ['createdMs', 'firstResponseMs']) // 'firstResponseMs'
 * @example closestName('owner', ['id', 'status']) // null
 */
export function closestName(word: string, names: readonly string[]): string | null {
  const w = fold(word);
  let best: string | null = null;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const name of names) {
    const n = fold(name);
    const d = editDistance(w, n);
    const allowed = Math.max(1, Math.floor(Math.max([...w].length, [...n].length) / 3));
    if (d <= allowed && d < bestDistance) {
      best = name;
      bestDistance = d;
    }
  }
  return best;
}
