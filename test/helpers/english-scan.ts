/**
 * Finds English interface words left on a built Chinese page (issue #16): the page's visible text
 * (text between tags, and the aria-label, title and alt a reader hears), less scripts, styles and
 * <code> (config keys and file names quoted as written), less the DATA the review shows as
 * exported (service, owner and priority names, ticket titles, comments …: every text of the
 * period snapshots and of the config), is searched for the English dictionary's texts. A message
 * is split where its arguments go, so "Owner: {owner}." is found as "Owner:".
 */
import { dictionary } from '../../src/lib/site/i18n/dictionaries.ts';

/** Acronyms and units Chinese readers read as they are: never reported. */
export const ALLOWED_WORDS = new Set(
  'SLA SLO CSAT NPS CES MTTR CSV JSON UTC GMT BST CST NFKC INC IP MAC ms p50 p90 p95 p99 n r1 r2 r3 English ServiceNow'.split(' '),
);

const MARK = '\u0001';

/** The English dictionary's texts as fragments: each text, a message split at its arguments. */
export function englishFragments(): Array<{ key: string; text: string }> {
  const out: Array<{ key: string; text: string }> = [];
  const walk = (node: unknown, at: string) => {
    if (typeof node === 'string') out.push({ key: at, text: node });
    else if (typeof node === 'function') {
      for (const sample of [MARK, 1, 3, 77]) {
        let text: string;
        try {
          text = String((node as (...a: unknown[]) => string)(...Array.from({ length: node.length }, () => sample)));
        } catch {
          continue;
        }
        for (const part of text.split(MARK)) out.push({ key: at, text: part });
      }
    } else if (node && typeof node === 'object') for (const [k, v] of Object.entries(node)) walk(v, at ? `${at}.${k}` : k);
  };
  walk(dictionary('en'), '');
  // Rich-text marks are not on the page; a fragment is worth finding when it holds an English word.
  // Longest first, so a whole phrase is named by its key before a word of it would be.
  const seen = new Set<string>();
  return out
    .map((f) => ({ key: f.key, text: f.text.replace(/\*\*|`|\[|\]\(\d\)/g, '').trim() }))
    .filter((f) => englishWords(f.text).some((w) => w.length >= 3) && !seen.has(f.text) && seen.add(f.text))
    .sort((a, b) => b.text.length - a.text.length);
}

/** Latin words of two or more letters that are not allowed acronyms. */
export function englishWords(text: string): string[] {
  return (text.match(/[A-Za-z][A-Za-z0-9]+/g) ?? []).filter((w) => !ALLOWED_WORDS.has(w));
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", nbsp: ' ' };
const decode = (s: string) =>
  s
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(Number.parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&(amp|lt|gt|quot|nbsp);/g, (_, e: string) => ENTITIES[e] ?? _);

const VOID = new Set('area base br col embed hr img input link meta source track wbr'.split(' '));
/** Elements whose content is not interface words: scripts, styles, and `code` (config keys, file names, values as written). */
const SKIPPED = new Set(['script', 'style', 'code', 'template', 'noscript']);

/**
 * What a reader sees and hears of a page: its <title>, its text, and its aria-label, title and
 * alt values, less what is skipped (SKIPPED) and less any element in another language than the
 * page's (`lang="en"` on commentary shown from the English file, on the language switch's link).
 */
export function visibleText(html: string): string[] {
  const pageLang = /<html[^>]*\slang="([^"]+)"/.exec(html)?.[1] ?? '';
  const out: string[] = [];
  const stack: Array<{ tag: string; skip: boolean }> = [];
  const skipping = () => stack.length > 0 && (stack[stack.length - 1] as { skip: boolean }).skip;
  const body = html.replace(/<!--[\s\S]*?-->/g, '').replace(/<!doctype[^>]*>/i, '');
  const token = /<(\/?)([a-zA-Z][\w-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>|([^<]+)/g;
  for (const m of body.matchAll(token)) {
    if (m[4] !== undefined) {
      if (!skipping() && stack.some((e) => e.tag === 'head') === stack.some((e) => e.tag === 'title')) {
        const text = decode(m[4]).replace(/\s+/g, ' ').trim();
        if (text) out.push(text);
      }
      continue;
    }
    const tag = (m[2] ?? '').toLowerCase();
    if (m[1] === '/') {
      const at = stack.map((e) => e.tag).lastIndexOf(tag);
      if (at >= 0) stack.length = at;
      continue;
    }
    const attrs = m[3] ?? '';
    const lang = /\slang="([^"]*)"/.exec(attrs)?.[1];
    const skip = skipping() || SKIPPED.has(tag) || (lang !== undefined && lang !== pageLang);
    if (!skip) for (const a of attrs.matchAll(/\s(?:aria-label|title|alt)="([^"]*)"/g)) out.push(decode(a[1] ?? ''));
    if (!VOID.has(tag) && !attrs.endsWith('/')) stack.push({ tag, skip });
  }
  return out;
}

/**
 * What a reader sees of a Markdown digest, as visibleText does for a page: each line's text (each
 * table cell on its own), without link targets and Markdown's marks, and without links whose text is
 * one of `otherLanguage` (the link to the digest in the other language, written in that language,
 * as the HTML digest marks it lang="en").
 */
export function markdownText(md: string, otherLanguage: readonly string[]): string[] {
  const out: string[] = [];
  for (const line of md.split('\n')) {
    if (/^\|?\s*:?-{3,}/.test(line)) continue; // a table's rule row
    const text = line
      .replace(/\[((?:\\.|[^\]\\])*)\]\([^)]*\)/g, (_, label: string) => (otherLanguage.includes(label) ? ' ' : label))
      .replace(/^\s*(?:#{1,6}\s|[-*]\s|>\s?)/, '')
      .replace(/(^|\s)_|_(\s|$)/g, '$1$2');
    // Cells split at unescaped pipes; then Markdown's backslash escapes are read as the characters they keep.
    for (const cell of text.split(/(?<!\\)\|/)) {
      const t = cell
        .replace(/\\([\\`*_{}[\]()#+\-.!|<>~])/g, '$1')
        .replace(/\s+/g, ' ')
        .trim();
      if (t) out.push(t);
    }
  }
  return out;
}

/** Every text of a JSON value (snapshot, config) that holds a Latin letter: the data a page may show. */
export function dataTexts(value: unknown, skip: (path: string) => boolean, at = ''): string[] {
  if (typeof value === 'string') return /[A-Za-z]/.test(value) && !skip(at) ? [value] : [];
  if (Array.isArray(value)) return value.flatMap((v) => dataTexts(v, skip, `${at}[]`));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => dataTexts(v, skip, at ? `${at}.${k}` : k));
  return [];
}

export interface Hit {
  /** The dictionary key whose English was found, or "(not in the dictionary)" for another English word. */
  key: string;
  text: string;
  context: string;
}

/**
 * The English left in a page's texts once the data is taken out: dictionary fragments first,
 * then any other English word (a literal written into a component).
 */
export function englishHits(texts: readonly string[], data: readonly string[], fragments: ReturnType<typeof englishFragments>): Hit[] {
  // Longest data first, so "Sign-in (SSO)" goes before "Sign".
  // Texts are read with their white space collapsed, so the data is too ("Fixed, but slow.\nThe same …").
  const dataSorted = [...new Set(data.map((d) => d.replace(/\s+/g, ' ').trim()))]
    .filter((d) => d.length >= 2)
    .sort((a, b) => b.length - a.length);
  const hits: Hit[] = [];
  for (const raw of texts) {
    let text = raw;
    for (const d of dataSorted) if (text.includes(d)) text = removeWhole(text, d);
    if (englishWords(text).length === 0) continue;
    let rest = text;
    for (const f of fragments) {
      const at = wordIndex(rest, f.text);
      if (at < 0) continue;
      hits.push({ key: f.key, text: f.text, context: raw.slice(0, 160) });
      rest = removeWhole(rest, f.text);
    }
    for (const w of new Set(englishWords(rest))) hits.push({ key: '(not in the dictionary)', text: w, context: raw.slice(0, 160) });
  }
  return hits;
}

/** The text with every whole-word occurrence of a part taken out. */
function removeWhole(text: string, part: string): string {
  let out = text;
  for (let at = wordIndex(out, part); at >= 0; at = wordIndex(out, part)) out = `${out.slice(0, at)} ${out.slice(at + part.length)}`;
  return out;
}

/** Where a fragment stands in a text as whole words (not "Data" inside "Database"; digits may touch it, as in "Payments2026年"), or -1. */
function wordIndex(text: string, fragment: string): number {
  let from = 0;
  for (;;) {
    const i = text.indexOf(fragment, from);
    if (i < 0) return -1;
    const before = text[i - 1] ?? ' ';
    const after = text[i + fragment.length] ?? ' ';
    if (!/[A-Za-z]/.test(before) && !/[A-Za-z]/.test(after)) return i;
    from = i + 1;
  }
}
