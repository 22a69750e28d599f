/**
 * Stop words dropped from ticket titles before they are compared (recurring issues).
 *
 * The lists are deliberately modest: function words, plus the few kinds of word that vary
 * between titles describing the same problem and would otherwise split a group:
 * - negations and their paraphrases ("cannot log in", "can't log in", "unable to log in";
 *   "无法登录", "不能登录", "登录不了"), because a title almost never contrasts "X works"
 *   with "X does not work";
 * - ticket boilerplate: reply prefixes (re, fw), politeness (please, 请, 麻烦), urgency
 *   (urgent, 紧急) and generic nouns (issue, problem, 问题);
 * - month and weekday names, which are dates in words ("outage on Monday").
 * Content words, including failure words such as "error", "failed", "slow", "失败", stay.
 *
 * Entries are lower case; apostrophes are ASCII (titles are normalized to that first).
 * Chinese entries are whole segments as `Intl.Segmenter` (ICU) cuts them, e.g. 看一下, 不了.
 */

/** English stop words (lower case, ASCII apostrophes). */
export const ENGLISH_STOP_WORDS: readonly string[] = Object.freeze([
  // articles, conjunctions, prepositions
  ...['a', 'an', 'the', 'and', 'or', 'but', 'nor', 'so', 'if', 'then', 'than', 'as', 'of', 'to', 'in', 'on', 'at', 'by'],
  ...['for', 'from', 'with', 'without', 'into', 'onto', 'over', 'under', 'about', 'after', 'before', 'during', 'via', 'per'],
  ...['up', 'out', 'off', 'again', 'still', 'also', 'just', 'too', 'very'],
  // pronouns and determiners
  ...['i', 'me', 'my', 'we', 'us', 'our', 'you', 'your', 'he', 'him', 'his', 'she', 'her', 'it', "it's", 'its', 'they'],
  ...['them', 'their', 'this', 'that', 'these', 'those', 'there', 'here', 'what', 'which', 'who', 'when', 'where', 'why', 'how'],
  ...['all', 'any', 'some', 'each', 'every'],
  // auxiliaries
  ...['is', 'are', 'was', 'were', 'be', 'been', 'being', 'am', 'do', 'does', 'did', 'has', 'have', 'had', 'will', 'would'],
  ...['shall', 'should', 'can', 'could', 'may', 'might', 'must', 'get', 'gets', 'getting', 'got'],
  // negations and their paraphrases
  ...['not', 'no', 'cannot', "can't", "won't", "don't", "doesn't", "didn't", "isn't", "aren't", "wasn't", "couldn't", 'unable'],
  // ticket boilerplate
  ...['re', 'fw', 'fwd', 'please', 'pls', 'hi', 'hello', 'thanks', 'thank', 'urgent', 'asap', 'issue', 'issues', 'problem'],
  ...['problems', 'help'],
  // months and weekdays (dates in words); "may" is already above, "march" and "sun" are left in as they are also words
  ...['january', 'february', 'april', 'june', 'july', 'august', 'september', 'october', 'november', 'december'],
  ...['jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec'],
  ...['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'],
  ...['today', 'yesterday', 'tomorrow'],
]);

/** Chinese stop words (simplified), as whole ICU word segments. */
export const CHINESE_STOP_WORDS: readonly string[] = Object.freeze([
  // particles and function words
  ...['的', '了', '着', '过', '地', '得', '和', '与', '及', '或', '在', '是', '有', '也', '都', '就', '还', '又', '很', '吗', '呢', '吧'],
  ...['啊', '呀', '被', '把', '对', '从', '到', '给', '让', '向'],
  // pronouns and demonstratives
  ...['我', '我们', '你', '你们', '您', '他', '她', '它', '他们', '这', '那', '这个', '那个', '这些', '那些'],
  // negations and their paraphrases
  ...['不', '没', '没有', '未', '无法', '不能', '不了', '不上'],
  // ticket boilerplate
  ...['请', '麻烦', '帮忙', '一下', '看一下', '谢谢', '您好', '你好', '紧急', '问题', '今天', '昨天'],
]);

/** Both lists as one set. */
export const STOP_WORDS: ReadonlySet<string> = new Set([...ENGLISH_STOP_WORDS, ...CHINESE_STOP_WORDS]);

/**
 * Whether a word is a stop word.
 *
 * Definition: the word, as segmented from a normalized (NFKC, lower-case) title, is in the
 * English or the Chinese list above.
 *
 * @param word one word segment, already lower case
 * @returns true when the word is dropped before titles are compared
 * @example
 * isStopWord('the') // true
 * isStopWord('无法') // true
 * isStopWord('login') // false
 */
export function isStopWord(word: string): boolean {
  return STOP_WORDS.has(word);
}
