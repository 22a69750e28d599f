/**
 * `review sql` prints a recipe for the review's config that runs on the raw export as loaded into
 * DuckDB — the export's own column names, service names and status words, its rejected rows — and
 * gives the rollups the review computes from the same export.
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type RollupColumn, rollupCells } from '../../src/lib/model/rollup-record.ts';
import { comparableRow, copyCase, ROOT, tsRollups } from '../helpers/rollup-cases.ts';
import { runCli } from '../helpers/run-cli.ts';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('review sql', () => {
  it('needs an engine, and a period when the config has no bounds', async () => {
    expect((await runCli(['sql', '--config', path.join(ROOT, 'review.config.yaml')])).code).toBe(2);
    const r = await runCli(['sql', '--engine', 'duckdb', '--config', path.join(ROOT, 'review.config.yaml')]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('sql needs --period');
  });

  it('prints a ClickHouse recipe with the config in it', async () => {
    const r = await runCli(['sql', '--engine', 'clickhouse', '--period', '2026-Q4', '--config', path.join(ROOT, 'review.config.yaml')]);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('-- months 2026-10, 2026-11, 2026-12 in Europe/London');
    expect(r.out).toContain('"response_ms"');
    expect(r.out).toContain('SETTINGS join_use_nulls = 1');
  });

  for (const c of [
    {
      name: 'golden/checks-probes',
      dir: path.join(ROOT, 'test/fixtures/golden/checks-probes'),
      files: 'data/checks.csv',
      period: '2026-10',
    },
    { name: 'sample', dir: ROOT, files: 'data/checks/*.csv.gz', period: '2026-05..2026-10' },
  ])
    it(`${c.name}: the DuckDB recipe on the raw export gives the review's rollups`, async () => {
      const work = copyCase({ name: c.name, dir: c.dir });
      dirs.push(work);
      const ts = await tsRollups(work);
      const r = await runCli(['sql', '--engine', 'duckdb', '--period', c.period, '--config', path.join(work, 'review.config.yaml')]);
      expect(r.code, r.err).toBe(0);
      const { DuckDBInstance } = await import('@duckdb/node-api');
      const instance = await DuckDBInstance.create(':memory:');
      const conn = await instance.connect();
      // The export as a warehouse would hold it: the time typed, everything else as written.
      const raw = `read_csv('${path.join(work, c.files)}', header = true, all_varchar = true)`;
      const cols = (await conn.runAndReadAll(`DESCRIBE SELECT * FROM ${raw}`)).getRowObjectsJson().map((x) => String(x.column_name));
      await conn.run(
        `CREATE TABLE checks AS SELECT ${cols.map((x) => (x === 'timestamp' ? `TRY_CAST("${x}" AS TIMESTAMPTZ) AS "${x}"` : `"${x}"`)).join(', ')} FROM ${raw}`,
      );
      const rows = (await conn.runAndReadAll(r.out)).getRowObjectsJson() as Array<Record<string, unknown>>;
      conn.closeSync();
      instance.closeSync();
      const expected = ts.records.map((x) => comparableRow(rollupCells(x) as Record<RollupColumn, string>));
      expect(rows.map(comparableRow)).toEqual(expected);
    }, 180_000);
});
