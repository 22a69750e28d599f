/**
 * The white space the review trims from a cell and folds in words: JavaScript's own (what
 * String.prototype.trim removes and `\s` matches, the same set), written out as one list so the
 * SQL recipes (ingest/rollup-sql.ts) trim and fold exactly what the CSV reader does (row-mappers.ts,
 * value-maps.ts normWord). Before, the recipes trimmed only ASCII spaces, so a probe padded with a
 * no-break space was another probe there. test/ingest/cell-space.test.ts checks the list against
 * the JavaScript engine over every code point.
 *
 * Not white space, so kept in a cell: U+200B zero-width space, U+0085 next line, U+180E Mongolian
 * vowel separator, U+2060 word joiner.
 */

/**
 * Tab, line feed, vertical tab, form feed, carriage return, space, no-break space, Ogham space mark,
 * the spaces U+2000–U+200A, line and paragraph separators, narrow no-break space, medium
 * mathematical space, ideographic space and the byte-order mark (zero-width no-break space).
 */
export const CELL_SPACE: readonly number[] = [
  0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20, 0xa0, 0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008, 0x2009, 0x200a,
  0x2028, 0x2029, 0x202f, 0x205f, 0x3000, 0xfeff,
];

// Every code point of the list is in the Basic Multilingual Plane: one UTF-16 unit, looked up by charCodeAt.
const IS_SPACE = new Uint8Array(0x10000);
for (const c of CELL_SPACE) IS_SPACE[c] = 1;

/**
 * The cell without the white space of {@link CELL_SPACE} at either end (what `s.trim()` gives).
 * @example trimCell('\u00a0 eu\u3000') // "eu"
 * @example trimCell('\u200beu') // "\u200beu" (a zero-width space is no white space)
 */
export function trimCell(s: string): string {
  let a = 0;
  let b = s.length;
  while (a < b && IS_SPACE[s.charCodeAt(a)] === 1) a++;
  while (b > a && IS_SPACE[s.charCodeAt(b - 1)] === 1) b--;
  return a === 0 && b === s.length ? s : s.slice(a, b);
}

/**
 * The list as a regular-expression character class, runs of consecutive code points as ranges,
 * each code point written by `code`: `\u{…}` for JavaScript (with the `u` flag), `\x{…}` for RE2
 * (DuckDB's and ClickHouse's regular expressions, whose `\s` is ASCII white space without the
 * vertical tab).
 * @example cellSpaceClass((c) => `\\x{${c.toString(16)}}`) // "[\\x{9}-\\x{d}\\x{20}\\x{a0}…\\x{feff}]"
 */
export function cellSpaceClass(code: (c: number) => string): string {
  const parts: string[] = [];
  for (let i = 0; i < CELL_SPACE.length; ) {
    let j = i;
    while (j + 1 < CELL_SPACE.length && (CELL_SPACE[j + 1] as number) === (CELL_SPACE[j] as number) + 1) j++;
    const from = CELL_SPACE[i] as number;
    const to = CELL_SPACE[j] as number;
    parts.push(from === to ? code(from) : `${code(from)}-${code(to)}`);
    i = j + 1;
  }
  return `[${parts.join('')}]`;
}

/** A run of {@link CELL_SPACE} white space (global: for replace). */
export const SPACE_RUN = new RegExp(`${cellSpaceClass((c) => `\\u{${c.toString(16)}}`)}+`, 'gu');
