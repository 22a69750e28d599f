/**
 * Cells padded with white space, for the tests that the SQL recipes read a cell as the reader does
 * (model/cell-space.ts): each character of CELL_SPACE, and characters that look like white space
 * but are none and so are kept, around and inside a word.
 */
import { cellReadingSql, type SqlEngine } from '../../src/lib/ingest/rollup-sql.ts';
import { CELL_SPACE, trimCell } from '../../src/lib/model/cell-space.ts';
import { normWord } from '../../src/lib/model/value-maps.ts';

/** Zero-width space, next line, Mongolian vowel separator, word joiner: no white space to JavaScript, kept in a cell. */
export const KEPT_SPACE_LIKE: readonly string[] = ['\u200b', '\u0085', '\u180e', '\u2060'];

/** Every padding character, and the same words padded with each. */
export function cellSamples(): string[] {
  const out: string[] = [];
  for (const ch of [...CELL_SPACE.map((c) => String.fromCodePoint(c)), ...KEPT_SPACE_LIKE])
    out.push(`${ch}eu${ch}`, `${ch}${ch}Web${ch}Shop${ch}`, ch, `ÉCHEC${ch}`, `12.5${ch}${ch}`);
  return out;
}

/** One query giving, per sample (i from 0), the recipe's trimmed cell (t) and word (w); the samples hold no quote or backslash. */
export function cellsQuery(engine: SqlEngine, samples: string[]): string {
  const sql = cellReadingSql(engine);
  const rows = samples.map((s, i) => {
    if (/['\\]/.test(s)) throw new Error(`sample ${i} needs quoting`);
    return `SELECT ${i} AS i, '${s}' AS x`;
  });
  return `SELECT i, ${sql.trimmed('x')} AS t, ${sql.word('x')} AS w FROM (${rows.join(' UNION ALL ')}) s ORDER BY i`;
}

/** What the reader makes of each sample: trimCell for a probe or latency cell, normWord for a service or status word. */
export function expectedCells(samples: string[]): Array<{ i: number; t: string; w: string }> {
  return samples.map((s, i) => ({ i, t: trimCell(s), w: normWord(s) }));
}
