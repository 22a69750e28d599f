/**
 * A `duckdb` source checks its `asOf` as every other reading path does (docs/reading-exports.md,
 * "Times after the export"): a check after it is rejected with the reason the CSV path gives,
 * `checked after the export was taken (asOf …)`, counted per reason, never rolled up and never
 * moving the months the source spans. Every row of the table is rolled up or rejected with its
 * reason: the recipe's other left-out rows (an unknown status or service) are rejected too, with
 * the CSV path's reasons.
 *
 * The rows: test/fixtures/golden/checks-probes/data/checks.csv (two services × three probes, a
 * check every 10 minutes from 23 Oct 23:00Z to 25 Oct 23:50Z, and two bad rows at its end), plus
 * one check on 3 Nov, all after asOf 2026-10-25 20:00 (London, GMT since 25 Oct 01:00Z: 20:00Z).
 * After asOf: the six series' checks at 20:10 … 23:50Z, 23 instants × 6 = 138, and the 3 Nov check,
 * 139 rows.
 */
import { appendFileSync, cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, withoutProvenance } from '../helpers/rollup-cases.ts';
import { runCli } from '../helpers/run-cli.ts';

const AS_OF = '2026-10-25 20:00';
const AFTER = `timestamp: checked after the export was taken (asOf ${AS_OF})`;
const CASE = path.join(ROOT, 'test/fixtures/golden/checks-probes');
const CONFIG_SOURCE = '  - { id: monitoring, kind: checks, files: data/checks.csv }';

let work = '';
afterAll(() => {
  if (work !== '') rmSync(work, { recursive: true, force: true });
});

/** The case with one more check, after asOf, in a later month; its rows in a DuckDB file too; a config for each path. */
beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), 'sr-duckdb-as-of-'));
  cpSync(path.join(CASE, 'data'), path.join(work, 'data'), { recursive: true });
  appendFileSync(path.join(work, 'data/checks.csv'), '2026-11-03T10:00:00Z,web,eu,up,100\n');
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const instance = await DuckDBInstance.create(path.join(work, 'warehouse.duckdb'));
  const conn = await instance.connect();
  // The export as a warehouse holds it: the time typed, every other column as written (its bad rows too), in file order.
  await conn.run(
    `CREATE TABLE checks AS SELECT CAST("timestamp" AS TIMESTAMPTZ) AS "timestamp", service, probe, status, latency_ms
     FROM read_csv('${path.join(work, 'data/checks.csv')}', header = true, all_varchar = true)`,
  );
  // The same rows as two Parquet files (rows 1–1000 and the rest), read as one table.
  mkdirSync(path.join(work, 'parquet'));
  const numbered = 'SELECT * EXCLUDE (n) FROM (SELECT row_number() OVER () AS n, * FROM checks)';
  await conn.run(`COPY (${numbered} WHERE n <= 1000) TO '${path.join(work, 'parquet/a.parquet')}' (FORMAT parquet)`);
  await conn.run(`COPY (${numbered} WHERE n > 1000) TO '${path.join(work, 'parquet/b.parquet')}' (FORMAT parquet)`);
  conn.closeSync();
  instance.closeSync();
  const config = readFileSync(path.join(CASE, 'review.config.yaml'), 'utf8');
  expect(config).toContain(CONFIG_SOURCE);
  const source = (s: string) => config.replace(CONFIG_SOURCE, s);
  writeFileSync(path.join(work, 'csv.yaml'), source(`  - { id: monitoring, kind: checks, files: data/checks.csv, asOf: "${AS_OF}" }`));
  writeFileSync(path.join(work, 'duckdb.yaml'), source(`  - { id: monitoring, kind: duckdb, files: warehouse.duckdb, asOf: "${AS_OF}" }`));
  writeFileSync(
    path.join(work, 'parquet.yaml'),
    source(`  - { id: monitoring, kind: duckdb, files: "parquet/*.parquet", asOf: "${AS_OF}" }`),
  );
}, 60_000);

interface Reject {
  line: number;
  column: number | null;
  field: string | null;
  value: string | null;
  reason: string;
}
interface Account {
  rows: number;
  accepted: number;
  rejected: number;
  duplicates: number;
  rejects: Reject[];
  rejectsByReason: Record<string, number>;
}

async function account(config: 'csv' | 'duckdb' | 'parquet'): Promise<Account> {
  const r = await runCli(['check', '--json', '--config', path.join(work, `${config}.yaml`)]);
  expect(r.code, r.err).toBe(0);
  return JSON.parse(r.out).files[0];
}

async function build(config: 'csv' | 'duckdb' | 'parquet'): Promise<Map<string, string>> {
  const out = path.join(work, `out-${config}`);
  rmSync(path.join(work, 'snapshots'), { recursive: true, force: true });
  const r = await runCli(['build', '--data-only', '--no-cache', '--config', path.join(work, `${config}.yaml`)]);
  expect(r.code, r.err).toBe(0);
  cpSync(path.join(work, 'snapshots/draft'), out, { recursive: true });
  return new Map(
    readdirSync(out)
      .sort()
      .map((f) => [f, readFileSync(path.join(out, f), 'utf8')]),
  );
}

describe('a duckdb source with asOf', () => {
  it('rejects each check after asOf with the reason the CSV path gives, and rolls up none of them', async () => {
    const a = await account('duckdb');
    // 139 after asOf (see above), and the two bad rows: an unknown status ("sideways") and an unknown service ("shop").
    expect(a.rejectsByReason).toEqual({
      [AFTER]: 139,
      'status: unknown status "…"; map it under values.status in the source config': 1,
      'service: unknown service "…" (not a configured id, alias or name)': 1,
    });
    // Counted in rows of the table, as the CSV path counts its lines: the table's 1,743 rows (the export's 1,742 data
    // lines and the 3 Nov check) are 141 rejected (above) and 1,743 − 141 = 1,602 accepted, the checks the October
    // rollups hold (no two accepted rows share a service, probe and instant: 0 duplicates). Before, accepted counted
    // the rollup rows (2 services × 31 days = 62) and rows 62 + 141 = 203, which is no count of the table's rows.
    expect([a.accepted, a.rejected, a.duplicates, a.rows]).toEqual([1602, 141, 0, 1743]);
    // Each at its row of the table (its line in the export less the header) and its column, the time as an instant.
    const exportLines = readFileSync(path.join(work, 'data/checks.csv'), 'utf8').trimEnd().split('\n');
    const after = a.rejects.filter((r) => r.reason === `checked after the export was taken (asOf ${AS_OF})`);
    expect(after).toHaveLength(139);
    for (const r of after) {
      expect([r.column, r.field]).toEqual([1, 'timestamp']);
      const cell = (exportLines[r.line] as string).split(',')[0] as string;
      expect(Date.parse(r.value as string)).toBe(Date.parse(cell));
      expect(Date.parse(cell)).toBeGreaterThan(Date.UTC(2026, 9, 25, 20));
    }
    // Rolled up: every check but the 139 after asOf and the two bad rows, 1743 − 141 = 1602.
    const snaps = await build('duckdb');
    expect([...snaps.keys()]).toEqual(['2026-10.json', '2026-Q4.json', '2026.json', 'index.json']);
    const oct = JSON.parse(snaps.get('2026-10.json') as string);
    expect(oct.services.reduce((n: number, s: { checks: number }) => n + s.checks, 0)).toBe(1602);
    expect(oct.horizons).toEqual([{ source: 'monitoring', kind: 'checks', asOfMs: Date.UTC(2026, 9, 25, 20), from: 'config' }]);
  });

  it('agrees with the CSV path on the same rows: the same review, the same rejects and reasons', async () => {
    const [csv, duck] = [await account('csv'), await account('duckdb')];
    expect(duck.rejectsByReason).toEqual(csv.rejectsByReason);
    const counts = (a: Account) => [a.rows, a.accepted, a.rejected, a.duplicates];
    expect(counts(duck)).toEqual(counts(csv));
    // Row n of the table is line n + 1 of the export (its header is line 1); the time is shown as an instant.
    const comparable = (r: Reject, lineOffset: number) => [
      r.line + lineOffset,
      r.column,
      r.field,
      r.field === 'timestamp' ? Date.parse(r.value as string) : r.value,
      r.reason,
    ];
    expect(duck.rejects.map((r) => comparable(r, 1))).toEqual(csv.rejects.map((r) => comparable(r, 0)));
    const [fromCsv, fromDuckdb] = [await build('csv'), await build('duckdb')];
    expect([...fromDuckdb.keys()]).toEqual([...fromCsv.keys()]);
    for (const [f, text] of fromCsv) expect(withoutProvenance(fromDuckdb.get(f) as string), f).toBe(withoutProvenance(text));
  });

  it('from Parquet files, numbers the rows across the files in order, and gives the same review', async () => {
    const [db, pq] = [await account('duckdb'), await account('parquet')];
    expect(pq.rejects).toEqual(db.rejects);
    expect(pq.rejectsByReason).toEqual(db.rejectsByReason);
    // Rows after 1000 are in the second file: numbered on from the first file's rows.
    expect(pq.rejects.some((r) => r.line > 1000)).toBe(true);
    const [fromDb, fromParquet] = [await build('duckdb'), await build('parquet')];
    for (const [f, text] of fromDb) expect(withoutProvenance(fromParquet.get(f) as string), f).toBe(withoutProvenance(text));
  });

  it('`review sql` leaves out checks after the source’s asOf', async () => {
    const r = await runCli(['sql', '--engine', 'clickhouse', '--period', '2026-10', '--config', path.join(work, 'csv.yaml')]);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain(`AND m_at <= ${Date.UTC(2026, 9, 25, 20)}`);
  });
});
