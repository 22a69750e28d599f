/**
 * A value from an export as a reject shows it: at most 80 characters, the rest cut and marked
 * with `…`. The one clipping of values in rejects: the value column (file-account.ts) and every
 * reason that quotes a value (reasonText, reason.ts) use it, each after masking personal data (a
 * cut first could split an address so the mask no longer knows it), so a 20,000-character cell
 * gives an 80-character value and a one-line reason that quotes it as the value column shows it.
 * @param s the value as read (masked where it is published)
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
