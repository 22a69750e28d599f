/**
 * The DuckDB recipe reads a cell as the reader does: a probe or latency cell trimmed of exactly the
 * white space trimCell removes, a service or status word normalised as normWord does (each run of
 * that white space as one space, lower case). Before, the recipe trimmed only ASCII spaces and folded
 * only RE2's ASCII `\s`: a probe padded with a no-break space was another probe, and a service written
 * `Web\u00a0Shop` was left out. The ClickHouse recipe is checked the same way in
 * test/rollup/clickhouse-recipe.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { cellSamples, cellsQuery, expectedCells } from '../helpers/cell-samples.ts';

describe('the DuckDB recipe reads cells as the reader does', () => {
  it('trims and folds every white-space character the reader does, and no other', async () => {
    const samples = cellSamples();
    const { DuckDBInstance } = await import('@duckdb/node-api');
    const instance = await DuckDBInstance.create(':memory:');
    const conn = await instance.connect();
    const rows = (await conn.runAndReadAll(cellsQuery('duckdb', samples))).getRowObjectsJson();
    conn.closeSync();
    instance.closeSync();
    const expected = expectedCells(samples);
    // Hand-worked: a no-break space and an ideographic space are trimmed, a zero-width space is kept.
    expect(expected[samples.indexOf('\u00a0eu\u00a0')]).toMatchObject({ t: 'eu', w: 'eu' });
    expect(expected[samples.indexOf('\u3000\u3000Web\u3000Shop\u3000')]).toMatchObject({ w: 'web shop' });
    expect(expected[samples.indexOf('\u200beu\u200b')]).toMatchObject({ t: '\u200beu\u200b' });
    expect(rows.map((r) => ({ i: Number(r.i), t: r.t, w: r.w }))).toEqual(expected);
  });
});
