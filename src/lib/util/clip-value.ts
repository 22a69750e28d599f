/**
 * A value from an export as a reject shows it: at most 80 characters, the rest cut and marked
 * with `…`. The one clipping of values in rejects: the value column and every reason that quotes
 * the value use it, so a 20,000-character cell gives an 80-character value and a short reason,
 * and the reason still contains the value as the value column shows it (file-account.ts masks
 * personal data in the reason around that value).
 * @param s the value as read
 * @returns the value when it has 80 characters (UTF-16 code units) or fewer, else its first 77
 *   (76 when the 77th would split a surrogate pair) and `…`
 * @example clipValue('P1') // 'P1'
 * @example clipValue('x'.repeat(20_000)).length // 78
 */
export function clipValue(s: string): string {
  if (s.length <= 80) return s;
  const cut = s.charCodeAt(76) >= 0xd800 && s.charCodeAt(76) <= 0xdbff ? 76 : 77;
  return `${s.slice(0, cut)}…`;
}

/**
 * A value quoted in a reason, clipped as the value column is.
 * @example quoteValue('P9') // '"P9"'
 */
export function quoteValue(s: string): string {
  return `"${clipValue(s)}"`;
}
