/**
 * Reasons that quote exported values: the tool's own words and the texts read from an export,
 * kept apart until the reason is shown, so masking personal data touches only the quoted texts
 * (audit of issue #13: masking a whole reason turned "(expected 1970–2199)" into
 * "(expected [number])").
 */
import { clipValue } from './clip-value.ts';

/** A text read from an export, marked inside a {@link reason} template. */
class Quoted {
  readonly text: string;
  constructor(text: string) {
    this.text = text;
  }
}

/**
 * Marks a text read from an export inside a {@link reason} template: it is shown in double quotes,
 * masked for personal data where the reason is published.
 * @example reason`unknown priority ${quoted('P9')}; add it to a level's words`
 */
export function quoted(text: string): Quoted {
  return new Quoted(text);
}

/**
 * Why a value was refused: `words[0] "quoted[0]" words[1] … "quoted[n-1]" words[n]`, where every
 * `quoted` text was read from an export and every `words` part is the tool's (or the config's).
 */
export interface Reason {
  readonly words: readonly string[];
  readonly quoted: readonly string[];
}

/**
 * A reason from a template: parts marked with {@link quoted} are exported texts, every other part
 * (numbers, config words, units) belongs to the tool's words.
 * @example reason`expected a value from ${0} to ${9007199254740991}, got ${quoted('-5')}`
 * // { words: ['expected a value from 0 to 9007199254740991, got ', ''], quoted: ['-5'] }
 */
export function reason(strings: TemplateStringsArray, ...parts: ReadonlyArray<string | number | Quoted>): Reason {
  const words: string[] = [strings[0] as string];
  const texts: string[] = [];
  parts.forEach((part, i) => {
    const after = strings[i + 1] as string;
    if (part instanceof Quoted) {
      texts.push(part.text);
      words.push(after);
    } else words[words.length - 1] += `${part}${after}`;
  });
  return { words, quoted: texts };
}

/** A reason in the tool's words alone, quoting nothing from an export. @example words('required ticket id is empty') */
export function words(text: string): Reason {
  return { words: [text], quoted: [] };
}

/**
 * The reason as a sentence: each quoted text passed through `show` (where it is published: the
 * personal-data mask), cut as the reject's value column is (clipValue) after that (a cut first could
 * split an address so the mask no longer knows it), and put in double quotes.
 * @example reasonText(reason`unknown priority ${quoted('P9')}`) // 'unknown priority "P9"'
 * @example reasonText(reason`unknown priority ${quoted('P9')}`, () => '…') // 'unknown priority "…"'
 */
export function reasonText(r: Reason, show: (text: string) => string = (text) => text): string {
  let out = r.words[0] as string;
  r.quoted.forEach((text, i) => {
    const shown = show(text);
    out += `"${clipValue(shown)}"${r.words[i + 1]}`;
  });
  return out;
}
