/**
 * Item 4 of issue #17, ClickHouse: on the sample data and every fixture review with checks, the
 * ClickHouse recipe, run by chdb (ClickHouse embedded), computes exactly the TypeScript rollups
 * from the same accepted checks. chdb is about 600 MB, so it lives in engines/ (`npm ci --prefix
 * engines`, which .ci/run and `npm run test:engines` do), not in the project's install. Absent
 * locally, this suite is skipped with a message; under CI=true its absence fails the run.
 *
 * Also: it reads cells as the reader does (recipe-cells.test.ts for DuckDB).
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, describe, expect, it } from 'vitest';
import { type RollupColumn, rollupCells } from '../../src/lib/model/rollup-record.ts';
import { cellSamples, cellsQuery, expectedCells } from '../helpers/cell-samples.ts';
import { comparableRow, preparedCase, ROOT, recipeFor, replaceChecksSources, rollupCases } from '../helpers/rollup-cases.ts';
import { runCli } from '../helpers/run-cli.ts';

type Chdb = { query(sql: string, format: string): string };
let chdb: Chdb | null = null;
try {
  chdb = createRequire(path.join(ROOT, 'engines/package.json'))('chdb') as Chdb;
} catch {
  chdb = null;
}
const IN_CI = process.env.CI === 'true';
if (chdb === null && !IN_CI)
  console.warn('ClickHouse recipe tests skipped: chdb is not installed (npm install --prefix engines --no-save, or npm run test:engines)');

it.runIf(chdb === null && IN_CI)('chdb is installed for the ClickHouse recipe tests (CI)', () => {
  expect(chdb, 'npm install --prefix engines --no-save').not.toBeNull();
});

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe.skipIf(chdb === null).each(rollupCases())('$name: the ClickHouse recipe (chdb)', (c) => {
  it('gives the TypeScript rollups', async () => {
    const { work, ts, csv } = await preparedCase(c, dirs);
    // A table as a user would have it: a DateTime64 column, service ids, status words.
    const table = `(SELECT service, probe, fromUnixTimestamp64Milli(at_ms, 'UTC') AS checked_at, status, latency
      FROM file('${csv}', 'CSVWithNames', 'service String, probe String, at_ms Int64, status String, latency Nullable(Float64)'))`;
    const sql = recipeFor(ts, 'clickhouse', table);
    // CSV as `clickhouse-client --format CSVWithNames` writes it (NULL as \N): the file a rollups source then reads.
    const out = (chdb as Chdb).query(sql, 'CSVWithNames');
    mkdirSync(path.join(work, 'rollups'));
    writeFileSync(path.join(work, 'rollups/clickhouse.csv'), out);
    const rows = parse(out, { columns: true }) as Array<Record<string, unknown>>;
    const expected = ts.records.map((r) => comparableRow(rollupCells(r) as Record<RollupColumn, string>));
    expect(rows.length).toBe(expected.length);
    expect(expected.some((r) => (r.down_ms as number) > 0)).toBe(true);
    expect(rows.map(comparableRow)).toEqual(expected);
    replaceChecksSources(work, (s) => ({ id: s.id, kind: 'rollups', files: 'rollups/clickhouse.csv' }));
    const check = await runCli(['check', '--json', '--config', path.join(work, 'review.config.yaml')]);
    const account = (JSON.parse(check.out) as { files: Array<{ kind: string; accepted: number; rejected: number }> }).files.find(
      (f) => f.kind === 'rollups',
    );
    expect(account).toMatchObject({ accepted: expected.length, rejected: 0 });
  }, 300_000);
});

describe.skipIf(chdb === null)('the ClickHouse recipe (chdb) reads the raw export as the review does', () => {
  it('trims and folds every white-space character the reader does, and no other', () => {
    const samples = cellSamples();
    const out = (chdb as Chdb).query(cellsQuery('clickhouse', samples), 'JSONEachRow');
    const rows = out
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { i: number; t: string; w: string });
    // Hand-worked: a no-break space is trimmed, a zero-width space kept; lower case beyond ASCII (lowerUTF8).
    expect(rows[samples.indexOf('\u00a0eu\u00a0')]).toMatchObject({ t: 'eu', w: 'eu' });
    expect(rows[samples.indexOf('\u200beu\u200b')]).toMatchObject({ t: '\u200beu\u200b' });
    expect(rows[samples.indexOf('ÉCHEC\u3000')]).toMatchObject({ w: 'échec' });
    expect(rows.map((r) => ({ i: Number(r.i), t: r.t, w: r.w }))).toEqual(expectedCells(samples));
  });
});
