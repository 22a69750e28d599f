/**
 * Item 4 of issue #17, ClickHouse: on the sample data and every fixture review with checks, the
 * ClickHouse recipe, run by chdb (ClickHouse embedded), computes exactly the TypeScript rollups
 * from the same accepted checks. chdb is about 600 MB, so it lives in engines/ (`npm ci --prefix
 * engines`, which .ci/run and `npm run test:engines` do), not in the project's install. Absent
 * locally, this suite is skipped with a message; under CI=true its absence fails the run.
 *
 * Also: the recipe `review sql` prints for a source with `asOf`, run on the raw export, leaves out
 * the checks after it as the review rejects them (tested on DuckDB in duckdb-as-of.test.ts and, before
 * this, never on ClickHouse); and it reads cells as the reader does (recipe-cells.test.ts for DuckDB).
 */
import { appendFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, describe, expect, it } from 'vitest';
import { type RollupColumn, rollupCells } from '../../src/lib/model/rollup-record.ts';
import { cellSamples, cellsQuery, expectedCells } from '../helpers/cell-samples.ts';
import {
  comparableRow,
  copyCase,
  preparedCase,
  ROOT,
  recipeFor,
  replaceChecksSources,
  rollupCases,
  tsRollups,
} from '../helpers/rollup-cases.ts';
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

  // test/fixtures/golden/checks-probes (two services × three probes, a check every 10 minutes from 23 Oct 23:00Z to
  // 25 Oct 23:50Z, two bad rows), one more check on 3 Nov, and asOf 2026-10-25 20:00 London (GMT since 25 Oct 01:00Z):
  // the 23 instants 20:10 … 23:50Z × 6 series = 138 checks of October lie after it, and the 3 Nov check.
  it('leaves out the checks after the source’s asOf, as the review rejects them', async () => {
    const asOf = '2026-10-25 20:00';
    const work = copyCase({ name: 'golden/checks-probes', dir: path.join(ROOT, 'test/fixtures/golden/checks-probes') });
    dirs.push(work);
    const csv = path.join(work, 'data/checks.csv');
    appendFileSync(csv, '2026-11-03T10:00:00Z,web,eu,up,100\n');
    replaceChecksSources(work, (s) => ({ ...s, asOf }));
    const ts = await tsRollups(work);
    expect(ts.months).toEqual(['2026-10']);
    const lines = readFileSync(csv, 'utf8').trimEnd().split('\n').slice(1);
    const after = lines.filter((l) => Date.parse(l.split(',')[0] as string) > Date.UTC(2026, 9, 25, 20));
    expect(after).toHaveLength(139);
    // Not vacuous: the review has no check after asOf, so 25 October's last hours are without data, not up.
    const oct25 = ts.records.filter((r) => r.date === '2026-10-25');
    expect(oct25.map((r) => r.lastCheckMs)).toEqual([Date.UTC(2026, 9, 25, 20), Date.UTC(2026, 9, 25, 20)]);
    // The export as a warehouse holds it: the time typed, the other columns as written (its bad rows too).
    const table = `(SELECT parseDateTime64BestEffortOrNull("timestamp", 3, 'UTC') AS "timestamp", service, probe, status, latency_ms
      FROM file('${csv}', 'CSVWithNames', 'timestamp String, service String, probe String, status String, latency_ms String'))`;
    const r = await runCli([
      'sql',
      '--engine',
      'clickhouse',
      '--period',
      '2026-10',
      '--table',
      table,
      '--config',
      path.join(work, 'review.config.yaml'),
    ]);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain(`AND m_at <= ${Date.UTC(2026, 9, 25, 20)}`);
    const rows = parse((chdb as Chdb).query(r.out, 'CSVWithNames'), { columns: true }) as Array<Record<string, unknown>>;
    const expected = ts.records.map((x) => comparableRow(rollupCells(x) as Record<RollupColumn, string>));
    expect(rows.map(comparableRow)).toEqual(expected);
  }, 120_000);
});
