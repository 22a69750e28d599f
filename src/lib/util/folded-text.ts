/**
 * Text folded for the mask's patterns, replaced in place: a digit of any script (`١`, `๑`, `𝟏`) is
 * read as its ASCII digit, and a character whose compatibility form (NFKC) is one ASCII character as
 * that character (full-width `１９２．１６８`, `＋`, `：`, the ideographic and no-break spaces). The
 * patterns then see `192.168.0.1` in `１９２．１６８．０．１`, while what they keep is given back as
 * written and only the span they replace is lost. Folding is per character, so every replaced span
 * maps back to whole characters of the original.
 */

/** A working text: `text` as the patterns see it, and (null while nothing folded) the original of each of its UTF-16 units. */
export interface Folded {
  readonly text: string;
  readonly src: readonly string[] | null;
}

const DECIMAL_DIGIT = /^\p{Nd}$/u;
/** Superscripts and circled digits (`²`, `①`) are numbers but no digits of a written number: never folded. */
const OTHER_NUMBER = /^\p{No}$/u;
const folds = new Map<string, string>();

/**
 * A decimal digit's value: Unicode keeps each script's digits 0–9 in one run of ten code points
 * (the stability policy for Nd), so the value is the distance from the start of its run, modulo 10.
 */
function digitValue(cp: number): number {
  let start = cp;
  while (DECIMAL_DIGIT.test(String.fromCodePoint(start - 1))) start--;
  return (cp - start) % 10;
}

/** What one character reads as for the patterns. */
function foldChar(c: string): string {
  let f = folds.get(c);
  if (f !== undefined) return f;
  const cp = c.codePointAt(0) as number;
  if (DECIMAL_DIGIT.test(c)) f = String(digitValue(cp));
  else if (OTHER_NUMBER.test(c)) f = c;
  else {
    const n = c.normalize('NFKC');
    f = n.length === 1 && n.charCodeAt(0) < 0x80 ? n : c;
  }
  folds.set(c, f);
  return f;
}

/** Printable ASCII and line ends: nothing to fold, the common case, decided without looking at each character. */
const ASCII_ONLY = /^[\t\n\r -~]*$/;

/** Folds a text; `src` stays null when folding changes nothing, and the patterns then run on the text as written. */
export function fold(text: string): Folded {
  if (ASCII_ONLY.test(text)) return { text, src: null };
  let out = '';
  const src: string[] = [];
  let changed = false;
  for (const c of text) {
    const f = foldChar(c);
    if (f !== c) changed = true;
    out += f;
    // each unit of the folded character stands for the original character, the first unit holding it
    src.push(c);
    for (let k = 1; k < f.length; k++) src.push('');
  }
  return changed ? { text: out, src } : { text, src: null };
}

/** The text with what was kept given back as written. */
export function unfold(f: Folded): string {
  return f.src === null ? f.text : f.src.join('');
}

/**
 * `text.replace(re, fn)` on a folded text (`re` global; `fn` sees the match as folded). A replacement that
 * shares a head or tail with its match (`'[email]` for `'jo@…`) keeps those characters as written.
 */
export function replaceIn(f: Folded, re: RegExp, fn: (match: string) => string): Folded {
  if (f.src === null) return { text: f.text.replace(re, (m) => fn(m)), src: null };
  const src = f.src;
  let text = '';
  const out: string[] = [];
  let last = 0;
  const keep = (from: number, to: number) => {
    text += f.text.slice(from, to);
    for (let k = from; k < to; k++) out.push(src[k] as string);
  };
  for (const m of f.text.matchAll(re)) {
    const at = m.index;
    const match = m[0];
    const r = fn(match);
    keep(last, at);
    last = at + match.length;
    if (r === match) {
      keep(at, last);
      continue;
    }
    let head = 0;
    while (head < r.length && head < match.length && r[head] === match[head]) head++;
    let tail = 0;
    while (tail < r.length - head && tail < match.length - head && r[r.length - 1 - tail] === match[match.length - 1 - tail]) tail++;
    keep(at, at + head);
    const middle = r.slice(head, r.length - tail);
    text += middle;
    for (const ch of middle) out.push(ch, ...(ch.length === 2 ? [''] : []));
    keep(last - tail, last);
  }
  keep(last, f.text.length);
  return { text, src: out };
}

/** The part of a folded text from `start` to `end` (UTF-16 offsets of `text`). */
export function sliceOf(f: Folded, start: number, end: number = f.text.length): Folded {
  return { text: f.text.slice(start, end), src: f.src === null ? null : f.src.slice(start, end) };
}

/** Folded texts one after the other. */
export function joinOf(parts: readonly Folded[]): Folded {
  if (parts.every((p) => p.src === null)) return { text: parts.map((p) => p.text).join(''), src: null };
  return {
    text: parts.map((p) => p.text).join(''),
    src: parts.flatMap((p) => (p.src === null ? [...p.text].flatMap((c) => (c.length === 2 ? [c, ''] : [c])) : p.src)),
  };
}
