/**
 * A duckdb source maps its table's columns and words as a checks source does (docs/rollups.md), and
 * its mapping is for the table only: the rollup rows its recipe gives have the format's fixed column
 * names. Before, the recipe's output was read with the source's own `columns`, so a table whose
 * service column has another name (`columns: { service: monitor }`) failed with "missing required
 * column service ("monitor")" against the recipe's own `service` column.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.ts';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** A database with one table of 3 checks of `api` on 2026-05-01 under the given column names. */
async function warehouse(dir: string, names: { service: string; time: string; status: string }): Promise<void> {
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const instance = await DuckDBInstance.create(path.join(dir, 'w.duckdb'));
  const conn = await instance.connect();
  await conn.run(
    `CREATE TABLE checks AS SELECT * FROM (VALUES
      ('api', 'london', TIMESTAMP '2026-05-01 00:00:00', 'Healthy', 100.0),
      ('api', 'london', TIMESTAMP '2026-05-01 00:05:00', 'Healthy', 120.0),
      ('api', 'london', TIMESTAMP '2026-05-01 00:10:00', 'Sick', 130.0)
    ) t(${names.service}, probe, ${names.time}, ${names.status}, latency_ms)`,
  );
  conn.closeSync();
  instance.closeSync();
}

const CONFIG = `review: { name: R, firstPeriod: 2026-05, lastPeriod: 2026-05 }
services:
  - { id: api, name: API, owner: T, target: 0.99, latencyThresholdMs: 300 }
sources:
  - id: w
    kind: duckdb
    files: w.duckdb
    values: { status: { Healthy: up, Sick: down } }
`;

describe('a duckdb source with its own column names', () => {
  it('reads the table through its mapping and the rollups by their fixed names', async () => {
    const accepted: number[] = [];
    for (const renamed of [false, true]) {
      const dir = mkdtempSync(path.join(tmpdir(), 'duckdb-mapping-'));
      dirs.push(dir);
      await warehouse(
        dir,
        renamed
          ? { service: 'monitor', time: 'checked_at', status: 'result_word' }
          : { service: 'service', time: 'timestamp', status: 'status' },
      );
      const columns = renamed ? '    columns: { service: monitor, timeMs: checked_at, status: result_word }\n' : '';
      writeFileSync(path.join(dir, 'review.config.yaml'), CONFIG + columns);
      const r = await runCli(['check', '--json', '--config', path.join(dir, 'review.config.yaml')]);
      expect(r.err).toBe('');
      expect(r.code).toBe(0);
      const files = (JSON.parse(r.out) as { files: Array<{ accepted: number; rejected: number; error: string | null }> }).files;
      expect(files.map((f) => [f.error, f.rejected])).toEqual([[null, 0]]);
      accepted.push(files[0]?.accepted as number);
    }
    // The table's 3 rows, each accepted (its checks in a rollup of 2026-05-01), whatever the table calls its columns.
    expect(accepted).toEqual([3, 3]);
  }, 120_000);
});
