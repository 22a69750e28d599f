/**
 * Words beside a number that say it is no personal data, shared by the mask's rules
 * (mask-personal-data.ts, mask-identity-numbers.ts) so each reads them the same way.
 */

/** A currency sign or ISO 4217 code beside a number: `€ 1.200.100.000` is an amount in European grouping, not an address. */
export const CURRENCY = '(?:[$€£¥₹\\uFF04\\uFFE5]|EUR|USD|GBP|CHF|CNY|RMB|JPY|INR|SEK|NOK|DKK|PLN|CZK|HUF)';

/** `version` → `[Vv][Ee]…`: the rules run with the `u` flag only (Node 22 has no `(?i:…)` group). */
export function anyCase(word: string): string {
  return [...word].map((c) => (/[a-z]/.test(c) ? `[${c}${c.toUpperCase()}]` : c === '.' ? '\\.' : c)).join('');
}

/**
 * A word that makes the dotted number after it a version (`version 4.2.1.0`, `build 4.2.1.0`,
 * `firmware 10.1.0.3`, `版本 4.2.1.0`, `v 4.2.1.0`), then spaces and at most one `:`, `#` or `=`.
 * Latin words stand alone (not the tail of a word: `server 10.1.0.3` is an address); Chinese ones are
 * written glued to what is before them.
 */
const VERSION_WORD = `(?:(?<![\\p{L}\\p{N}_])(?:${['version', 'ver.', 'ver', 'v.', 'v', 'build', 'firmware', 'fw', 'release', 'rel.', 'rev.', 'rev', 'revision', 'patch'].map(anyCase).join('|')})|版本号?|固件(?:版本)?|内部版本|构建)[ \\t]*[:#=]?[ \\t]*`;

/** A look-behind: the number starting here does not follow a version word. */
export const NOT_AFTER_VERSION_WORD = `(?<!${VERSION_WORD})`;
