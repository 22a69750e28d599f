/**
 * Splitting a normalized ticket title into its set of words (recurring issues).
 */
import { STOP_WORDS } from './stop-words.ts';

/**
 * One segmenter for every title. The locale is fixed so the result does not depend on the
 * machine's default locale; ICU's word break rules use its CJK dictionary whatever the locale.
 */
const SEGMENTER = new Intl.Segmenter('en', { granularity: 'word' });
const SINGLE_LATIN_LETTER = /^\p{sc=Latin}$/u;

/**
 * Splits a normalized title into distinct words, dropping stop words.
 *
 * Definition (spec "Recurring issues"): titles are split into words with a segmenter that
 * handles CJK text (`Intl.Segmenter`), and stop words (English and Chinese) are dropped.
 *
 * Method: `Intl.Segmenter` with granularity 'word' (Unicode UAX #29 plus ICU's dictionary for
 * Chinese and Japanese); only segments with `isWordLike` are kept, so spaces and punctuation go.
 * ICU keeps a full stop between letters inside a word (`failed.please`, `node.js`); such a
 * segment is split at its full stops. Then stop words and single Latin letters (debris such as
 * the `e` of `e-mail`) are dropped; single CJK characters are words and stay. The result is
 * de-duplicated, in order of first appearance.
 *
 * The Chinese cut is ICU's: with Node 22 (ICU 7x) `无法登录客户门户` gives 无法 | 登录 | 客户 | 门户,
 * while `数据库连接超时` gives 数据 | 库 | 连接 | 超 | 时. The cut is the same for the same text,
 * which is what comparing titles needs; a different ICU version may cut differently, and so
 * group a few titles differently.
 *
 * @param normalized a title after `normalizeTitle` (NFKC, lower case, volatile parts removed)
 * @param stopWords words to drop (default: the English and Chinese lists of stop-words.ts)
 * @returns the distinct words, in order of first appearance; [] when none remain
 * @example
 * segmentTitle('无法登录客户门户') // ['登录', '客户', '门户'] (无法 is a stop word)
 * segmentTitle('cannot log in to the portal') // ['log', 'portal']
 */
export function segmentTitle(normalized: string, stopWords: ReadonlySet<string> = STOP_WORDS): string[] {
  const words = new Set<string>();
  for (const { segment, isWordLike } of SEGMENTER.segment(normalized)) {
    if (!isWordLike) continue;
    for (const word of segment.split('.')) if (word !== '' && !stopWords.has(word) && !SINGLE_LATIN_LETTER.test(word)) words.add(word);
  }
  return [...words];
}
