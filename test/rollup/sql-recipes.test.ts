/**
 * Item 4 of issue #17, the engines: on the sample data and every fixture review with checks, the
 * DuckDB recipe computes exactly the TypeScript rollups from the same accepted checks (the same
 * integer milliseconds, histogram buckets, outages and facts), after sorting by service and date.
 * The ClickHouse recipe is checked the same way through chdb in test/rollup/clickhouse-recipe.test.ts.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type RollupColumn, rollupCells } from '../../src/lib/model/rollup-record.ts';
import {
  buildSnapshots,
  canonicalChecksCsv,
  comparableRow,
  copyCase,
  preparedCase,
  recipeFor,
  replaceChecksSources,
  rollupCases,
  tsRollups,
  withoutProvenance,
} from '../helpers/rollup-cases.ts';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe.each(rollupCases())('$name: the DuckDB recipe', (c) => {
  it('gives the TypeScript rollups', async () => {
    const { ts, csv } = await preparedCase(c, dirs);
    const { DuckDBInstance } = await import('@duckdb/node-api');
    const instance = await DuckDBInstance.create(':memory:');
    const conn = await instance.connect();
    // A warehouse table as a user would have it: a TIMESTAMP column, service ids, status words.
    await conn.run(
      `CREATE TABLE checks AS SELECT service, probe, epoch_ms(at_ms) AS checked_at, status, latency FROM read_csv('${csv}', header = true,
        columns = {'service': 'VARCHAR', 'probe': 'VARCHAR', 'at_ms': 'BIGINT', 'status': 'VARCHAR', 'latency': 'DOUBLE'})`,
    );
    const sql = recipeFor(ts, 'duckdb', 'checks');
    const rows = (await conn.runAndReadAll(sql)).getRowObjectsJson() as Array<Record<string, unknown>>;
    conn.closeSync();
    instance.closeSync();
    const expected = ts.records.map((r) => comparableRow(rollupCells(r) as Record<RollupColumn, string>));
    expect(rows.length).toBe(expected.length);
    // Not a vacuous match: every case has down time, and checks on most days.
    expect(expected.some((r) => (r.down_ms as number) > 0)).toBe(true);
    expect(rows.map(comparableRow)).toEqual(expected);
  }, 120_000);
});

describe.each(rollupCases())('$name: a duckdb source (item 3: the embedded engine path)', (c) => {
  for (const form of ['database', 'parquet'] as const)
    it(`builds the review the checks give, from a ${form === 'database' ? 'DuckDB database file' : 'folder of Parquet files'}`, async () => {
      const work = copyCase(c);
      dirs.push(work);
      const raw = await buildSnapshots(work);
      const ts = await tsRollups(work);
      const csv = path.join(work, 'canonical-checks.csv');
      writeFileSync(csv, canonicalChecksCsv(ts.checks));
      const { DuckDBInstance } = await import('@duckdb/node-api');
      const file = form === 'database' ? path.join(work, 'warehouse.duckdb') : ':memory:';
      const instance = await DuckDBInstance.create(file);
      const conn = await instance.connect();
      const select = `SELECT service, probe, epoch_ms(at_ms) AS checked_at, status, latency FROM read_csv('${csv}', header = true,
        columns = {'service': 'VARCHAR', 'probe': 'VARCHAR', 'at_ms': 'BIGINT', 'status': 'VARCHAR', 'latency': 'DOUBLE'})`;
      if (form === 'database') await conn.run(`CREATE TABLE monitoring_checks AS ${select}`);
      else {
        mkdirSync(path.join(work, 'parquet'));
        // Two files, split by probe, as a partitioned export would be.
        await conn.run(`COPY (${select} WHERE probe < 'm') TO '${path.join(work, 'parquet/a.parquet')}' (FORMAT parquet)`);
        await conn.run(`COPY (${select} WHERE probe >= 'm') TO '${path.join(work, 'parquet/b.parquet')}' (FORMAT parquet)`);
      }
      conn.closeSync();
      instance.closeSync();
      replaceChecksSources(work, (s) => ({
        id: s.id,
        kind: 'duckdb',
        files: form === 'database' ? 'warehouse.duckdb' : 'parquet/*.parquet',
        // The Parquet form runs under a memory limit: a capped (spilling) DuckDB must give the same review.
        ...(form === 'database' ? { table: 'monitoring_checks' } : { memoryLimit: '512MB' }),
        columns: { timeMs: 'checked_at', latencyMs: 'latency' },
      }));
      const fromDuckdb = await buildSnapshots(work);
      expect([...fromDuckdb.keys()]).toEqual([...raw.keys()]);
      for (const [f, text] of raw) expect(withoutProvenance(fromDuckdb.get(f) as string), `${c.name} ${f}`).toBe(withoutProvenance(text));
    }, 180_000);
});
