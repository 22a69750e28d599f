/**
 * The spacing convention of the Chinese texts (docs/i18n.md, "Chinese typography"), applied where
 * a message puts a name or a figure into its words: a space between a Chinese character and a
 * Latin letter or digit ("关于 Payments 的调查评论", "截至 2026年10月的近 6 个月"), none between two
 * Chinese characters or beside full-width punctuation ("按英国时间（Europe/London）从零点"). A name
 * from the data may be Latin or Chinese, so the space cannot be written into the message: the
 * `zh` tag sets it at each join by what stands on either side, and leaves every other join as
 * written (`目标 ${figure}`, `n = ${n}`, `${service} — ${period}`).
 *
 * Rich-text marks next to the join (`**`, `*`, `` ` ``, a link's `[` and `](0)`: rich-text.ts) are
 * stepped over, the space set outside them: "按 **UTC** 从" but "按**英国时间**从". Write an
 * emphasis or code mark next to a value with a space on its outer side (`按 **${zone}** 从`), so
 * the tag knows which way it faces; a link's marks face one way only.
 *
 * @example
 * zh`关于${'Payments'}的调查评论` // '关于 Payments 的调查评论'
 * zh`关于${'支付'}的调查评论` // '关于支付的调查评论'
 * zh`月份按 ${'英国时间（Europe/London）'} 从零点` // '月份按英国时间（Europe/London）从零点'
 */

const HAN = /\p{Script=Han}/u;
/** What ends a Latin run before a Chinese character: a letter, a digit, a closing ASCII bracket, a percent sign. */
const LATIN_END = /[A-Za-z0-9)\]%]/;
/** What starts a Latin run after a Chinese character: a letter, a digit, an opening ASCII bracket. */
const LATIN_START = /[A-Za-z0-9([]/;
/** Full-width punctuation: never a space beside it. */
const FULL_WIDTH = /[\u3000-\u303f\uff00-\uffef“”‘’]/;
const HEAD = /^(\]\(\d\)|[*`]*)( *)/;

/** How two pieces meet: with one space, with none, or as written. */
function meeting(left: string, right: string): 'space' | 'none' | 'keep' {
  const l = HAN.test(left);
  const r = HAN.test(right);
  if ((l && LATIN_START.test(right)) || (r && LATIN_END.test(left))) return 'space';
  if (l && r) return 'none';
  if (FULL_WIDTH.test(left) || FULL_WIDTH.test(right)) return 'none';
  return 'keep';
}

/**
 * Where the marks and spaces at the end of a text begin: the text ends in spaces, then marks (`*`,
 * `` ` ``), then at most one `[` — what `/( *)([*`]*\[?)$/` matches, found from the end. The regex
 * tried every position of the text, and a text grows as a template joins its values: with the
 * joins around it, about 7 % of the rendering thread's time in a Chinese build went there
 * (docs/benchmarks.md, fifteenth session). Property-tested equal to the regex (zh-spacing.test.ts).
 * @returns [where the spaces begin, where the marks begin]
 */
export function tailMarks(a: string): [number, number] {
  let i = a.length;
  if (i > 0 && a.charCodeAt(i - 1) === 0x5b) i--; // [
  while (i > 0 && (a.charCodeAt(i - 1) === 0x2a || a.charCodeAt(i - 1) === 0x60)) i--; // * `
  const marks = i;
  while (i > 0 && a.charCodeAt(i - 1) === 0x20) i--;
  return [i, marks];
}

/** Two pieces of a Chinese text joined by the convention (see the file's comment). */
export function joinZh(a: string, b: string): string {
  if (a === '' || b === '') return a + b;
  const [spacesAt, marksAt] = tailMarks(a);
  const head = HEAD.exec(b) as RegExpExecArray;
  const aCore = a.slice(0, spacesAt);
  const bCore = b.slice(head[0].length);
  if (aCore === '' || bCore === '') return a + b;
  const how = meeting(aCore.charAt(aCore.length - 1), bCore.charAt(0));
  if (how === 'keep') return a + b;
  const space = how === 'space' ? ' ' : '';
  const aSpaces = a.slice(spacesAt, marksAt);
  const aMark = a.slice(marksAt);
  const [, bMark = '', bSpaces = ''] = head;
  // A mark with a space on its outer side opens (or closes) the run beside the join, and the
  // space, set or not, stays on that side: "按 **" opens what follows, "** 从" closes what came
  // before. A link's "[" only opens, its "](0)" only closes.
  const opening =
    aMark.endsWith('[') || (aMark !== '' && aSpaces !== '') || (aMark === '' && bMark !== '' && bSpaces === '' && !bMark.startsWith(']'));
  return opening ? `${aCore}${space}${aMark}${bMark}${bCore}` : `${aCore}${aMark}${bMark}${space}${bCore}`;
}

/** A template tag for the Chinese dictionaries: every join of a text and a value set by the convention. */
export function zh(strings: TemplateStringsArray, ...values: unknown[]): string {
  let out = strings[0] ?? '';
  for (let i = 0; i < values.length; i++) {
    out = joinZh(out, String(values[i]));
    out = joinZh(out, strings[i + 1] ?? '');
  }
  return out;
}
