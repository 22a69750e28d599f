/**
 * What Pagefind is sent of a page. Its time, in adding a page and in writing the index, goes with
 * the markup it is sent, so it is sent only what it indexes:
 * - the page's <main data-pagefind-body> (nothing outside it is indexed, and no data-pagefind-meta
 *   lies outside it); a page without that <main> (the search page, the 404 page: BaseLayout's
 *   searchable={false}) is not sent at all: once any page has data-pagefind-body, Pagefind drops
 *   every page without it anyway, after the work of reading it;
 * - without the tables marked data-pagefind-ignore (day-by-day figures, error budgets, outage
 *   lists repeated from the month's review: see OutagesTable.astro) and without <nav> elements
 *   (Pagefind never indexes a nav; a service page's list of the other services and its download
 *   links are most of its markup);
 * - without the other elements marked data-pagefind-ignore that cannot hold another of their kind
 *   (p, summary, figcaption, headings): Pagefind reads none of their text; one that holds a
 *   data-pagefind-* attribute (a filter or meta is still read inside an ignored element) is kept;
 * - without the charts' data attributes (attribute values are not indexed; Astro writes a double
 *   quote in a value as &quot;).
 * Tables and navs do not nest in these pages. The index is the same as Pagefind makes from the
 * whole page, except that table cells, list items and captions are kept apart by a space: Pagefind
 * reads the text of adjacent elements as one run, so "Sign-in (SSO)" and "2 outages" in
 * neighbouring cells became one word.
 *
 * Two ways to the same text: `searchMarkup` from the page's text (the definition), and
 * `searchMarkupOfBytes` from its UTF-8 bytes, as the writer threads receive a page. The second
 * decodes only what is left once the ignored tables are cut out (on the benchmark archive, 23 % of a
 * year's service page and 44 % of a month's), where decoding whole pages was an eighth of the writer
 * threads' time.
 * test/site/search-markup.test.ts shows the two equal on generated pages of every form.
 */

import { Buffer } from 'node:buffer';

const MAIN = /<main\b[^>]*\bdata-pagefind-body\b[\s\S]*<\/main>/;
/** The open tag up to the first data-pagefind-body (lazy: where the rest of MAIN may begin soonest). */
const MAIN_OPEN_TAG = /^<main\b[^>]*?\bdata-pagefind-body\b/;
const HTML_OPEN = /<html\b[^>]*>/;
const HTML_OPEN_TAG = /^<html\b[^>]*>$/;
const IGNORED_TABLE = /<table\b[^>]*\bdata-pagefind-ignore\b[^>]*>[\s\S]*?<\/table>/g;
const IGNORED_TABLE_OPEN_TAG = /^<table\b[^>]*\bdata-pagefind-ignore\b[^>]*>$/;
const NAV = /<nav\b[^>]*>[\s\S]*?<\/nav>/g;
const IGNORED_LEAF = /<(p|summary|figcaption|h[1-6])\b[^>]*\bdata-pagefind-ignore\b[^>]*>[\s\S]*?<\/\1>/g;
const CHART_DATA = / data-chart="[^"]*"/g;
const CELL_END = /<\/(td|th|caption|li)>/g;

/** The rest of the way, once the ignored tables are out of <main>: navs, ignored leaves, chart data, cell spacing. */
function finish(htmlOpen: string, mainWithoutTables: string): string {
  const body = mainWithoutTables
    .replace(NAV, '')
    .replace(IGNORED_LEAF, (element) => (element.includes('data-pagefind-', element.indexOf('>')) ? element : ''))
    .replace(CHART_DATA, '')
    .replace(CELL_END, '</$1> ');
  return `${htmlOpen}<body>${body}</body></html>`;
}

/** What Pagefind is sent of a page, from its text; null: the page is not indexed. */
export function searchMarkup(html: string): string | null {
  const main = MAIN.exec(html)?.[0];
  if (!main) return null;
  const open = HTML_OPEN.exec(html)?.[0] ?? '<html>';
  return finish(open, main.replace(IGNORED_TABLE, ''));
}

const GT = 0x3e;
const ascii = (s: string) => Buffer.from(s, 'latin1');
/** Each piece is decoded on its own: a U+FEFF at a piece's start is a character of the page, not a byte order mark to drop. */
const pieces = new TextDecoder('utf-8', { ignoreBOM: true });
const MAIN_START = ascii('<main');
const MAIN_END = ascii('</main>');
const HTML_START = ascii('<html');
const TABLE_START = ascii('<table');
const TABLE_END = ascii('</table>');

/** Where `needle` next occurs in `bytes` at or after `from` and wholly before `to`, or -1 (Buffer's search is memmem's). */
function find(bytes: Buffer, needle: Buffer, from: number, to = bytes.length): number {
  const i = bytes.indexOf(needle, from);
  return i === -1 || i + needle.length > to ? -1 : i;
}

/** Where `needle` last occurs in `bytes`, if at or after `from`; else -1. */
function findLast(bytes: Buffer, needle: Buffer, from: number): number {
  const i = bytes.lastIndexOf(needle);
  return i < from ? -1 : i;
}

/**
 * The open tag that starts at `at` (up to its first ">"), decoded, or null when no ">" follows.
 * Its bytes end at an ASCII ">", so no character is cut in two.
 */
function openTag(bytes: Buffer, at: number): { text: string; end: number } | null {
  const gt = bytes.indexOf(GT, at);
  if (gt === -1) return null;
  return { text: pieces.decode(bytes.subarray(at, gt + 1)), end: gt + 1 };
}

/**
 * The same as `searchMarkup(new TextDecoder().decode(bytes))`, decoding only the <html> tag and what is left of
 * <main> without its ignored tables. The byte search mirrors the regular expressions above: the same
 * leftmost matches, tried at each "<main", "<html" or "<table" in turn (the needles are ASCII, and in
 * UTF-8 no byte of another character equals an ASCII byte, so every cut falls between characters).
 */
export function searchMarkupOfBytes(page: Uint8Array): string | null {
  const bytes = Buffer.from(page.buffer, page.byteOffset, page.byteLength);
  // <main …data-pagefind-body… up to the last </main> that starts after that attribute.
  let mainStart = -1;
  let mainEnd = -1;
  for (let at = find(bytes, MAIN_START, 0); at !== -1; at = find(bytes, MAIN_START, at + 1)) {
    const tag = openTag(bytes, at);
    if (tag === null) break;
    const attribute = MAIN_OPEN_TAG.exec(tag.text);
    if (attribute === null) continue;
    const close = findLast(bytes, MAIN_END, at + Buffer.byteLength(attribute[0]));
    // No </main> after this one: none after any later <main> either.
    if (close === -1) break;
    mainStart = at;
    mainEnd = close + MAIN_END.length;
    break;
  }
  if (mainStart === -1) return null;
  let htmlOpen = '<html>';
  for (let at = find(bytes, HTML_START, 0); at !== -1; at = find(bytes, HTML_START, at + 1)) {
    const tag = openTag(bytes, at);
    if (tag === null) break;
    if (HTML_OPEN_TAG.test(tag.text)) {
      htmlOpen = tag.text;
      break;
    }
  }
  // <main> without its ignored tables: each "<table" in turn, as the global replace tries them.
  let main = '';
  let kept = mainStart;
  let at = find(bytes, TABLE_START, mainStart, mainEnd);
  while (at !== -1) {
    const tag = openTag(bytes, at);
    let next = at + 1;
    if (tag !== null && tag.end <= mainEnd && IGNORED_TABLE_OPEN_TAG.test(tag.text)) {
      const close = find(bytes, TABLE_END, tag.end, mainEnd);
      if (close !== -1) {
        main += pieces.decode(bytes.subarray(kept, at));
        kept = close + TABLE_END.length;
        next = kept;
      }
    }
    at = find(bytes, TABLE_START, next, mainEnd);
  }
  main += pieces.decode(bytes.subarray(kept, mainEnd));
  return finish(htmlOpen, main);
}
