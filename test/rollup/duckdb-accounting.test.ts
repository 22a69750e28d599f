/**
 * A `duckdb` source accounts for the rows of its table, as a checks source accounts for the rows
 * of its export (docs/rollups.md, "A duckdb source"): accepted = the checks its rollups hold plus
 * the rows outside the months rolled up (reported as outside the review's periods), duplicates =
 * the rows repeating a service, probe and instant, rejected = the rows left out, each with its
 * reason; accepted + rejected + duplicates = the table's rows. Before, accepted counted the
 * recipe's rollup rows (one per service-day) and rows outside the months were in no count.
 *
 * Property: on generated tables (services, status words, latencies and times of every kind, some
 * outside the months or after asOf, repeated instants), the duckdb source's account equals the
 * account of a checks source reading the same rows as a CSV export: counts, time bins, first and
 * last time, rows outside the review, rejects and their reasons. One rule, two readers.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/lib/config/load-config.ts';
import type { FileAccount } from '../../src/lib/ingest/file-account.ts';
import { ingestSources } from '../../src/lib/ingest/ingest-sources.ts';
import { LATENCY_TEXT } from '../../src/lib/ingest/rollup-sql.ts';
import { NUMBER_TEXT } from '../../src/lib/model/value-maps.ts';
import { reviewRange, rowsOutsideReview } from '../../src/lib/snapshot/build-snapshots.ts';
import { sourceHorizons } from '../../src/lib/snapshot/source-horizons.ts';
import { assertAsyncProperty, SEEDS } from '../helpers/property.ts';
import { runCli } from '../helpers/run-cli.ts';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const HEADER = 'timestamp,service,probe,status,latency_ms';

interface Setup {
  /** firstPeriod/lastPeriod in the config, or none (then the rows taken span the months). */
  bounds: { first: string; last: string } | null;
  asOf: string | null;
}

function configText(setup: Setup, source: string): string {
  const bounds = setup.bounds === null ? '' : `, firstPeriod: ${setup.bounds.first}, lastPeriod: ${setup.bounds.last}`;
  const asOf = setup.asOf === null ? '' : `, asOf: "${setup.asOf}"`;
  return `review: { name: R, timeZone: Europe/London${bounds} }
services:
  - { id: web, name: Web Shop, owner: T, target: 0.99, latencyThresholdMs: 300 }
  - { id: api, name: API, owner: T, target: 0.99, latencyThresholdMs: 300 }
  - { id: desk, name: Desk, owner: T }
sources:
  - { id: m, ${source}${asOf} }
`;
}

/** The rows as a CSV export (null time: an empty cell) and as a DuckDB table (the time typed, the rest as written). */
async function write(dir: string, lines: string[]): Promise<void> {
  const csv = path.join(dir, 'checks.csv');
  writeFileSync(csv, `${HEADER}\n${lines.join('\n')}\n`);
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const instance = await DuckDBInstance.create(path.join(dir, 'w.duckdb'));
  const conn = await instance.connect();
  await conn.run(
    `CREATE TABLE checks AS SELECT CAST("timestamp" AS TIMESTAMPTZ) AS "timestamp", service, probe, status, latency_ms
     FROM read_csv('${csv}', header = true, all_varchar = true)`,
  );
  conn.closeSync();
  instance.closeSync();
}

/** The account of the one file of the config's one source, and its rows outside the review's periods as `check` counts them. */
async function accountOf(dir: string, setup: Setup, source: string): Promise<{ file: FileAccount; outside: number }> {
  const file = path.join(dir, `${source.startsWith('kind: duckdb') ? 'duckdb' : 'csv'}.yaml`);
  writeFileSync(file, configText(setup, source));
  const config = loadConfig(file);
  const ingest = await ingestSources(config, dir, { info: () => {} });
  const range = reviewRange(config, ingest, sourceHorizons(config, ingest));
  const outside = rowsOutsideReview(ingest, range)[0]?.rows ?? 0;
  return { file: ingest.files[0] as FileAccount, outside };
}

/** The parts of an account both readers give alike: the time of a timestamp reject as an instant (the CSV cell is text as written). */
function comparable(a: { file: FileAccount; outside: number }, lineOffset: number) {
  const f = a.file;
  return {
    counts: [f.rows, f.accepted, f.rejected, f.duplicates],
    span: [f.firstMs, f.lastMs],
    timeBins: f.timeBins,
    monthRows: f.monthRows,
    outside: a.outside,
    rejectsByReason: f.rejectsByReason,
    rejects: f.rejects.map((r) => [
      r.line + lineOffset,
      r.column,
      r.field,
      r.field === 'timestamp' && r.value !== null ? Date.parse(r.value) : r.value,
      r.reason,
    ]),
  };
}

// Instants on 10-minute marks (so rows repeat them) from 20 Sep to 10 Dec 2026: before, inside and after Oct–Nov.
const FROM_MS = Date.UTC(2026, 8, 20);
const MARKS = (Date.UTC(2026, 11, 10) - FROM_MS) / 600_000;
const mark = (k: number) => new Date(FROM_MS + k * 600_000).toISOString();
const timeCell = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 0, max: MARKS }).map(mark) },
  // A few instants many rows share (duplicates), one in each stretch: before October, October, November after asOf, December.
  { weight: 6, arbitrary: fc.constantFrom(100, 2_000, 9_000, 11_000).map(mark) },
  // Out of the review's year range (1970–2199), as the duckdb source writes an instant in its reason (comparable forms), and no time.
  { weight: 2, arbitrary: fc.constantFrom('1969-12-31T23:00:00.000Z', '2200-01-01T00:00:00.000Z', '') },
);
/** Good words three times in four, so most rows are taken and repeat each other; the rest of every kind. */
const mostly = (good: string[], other: string[]) =>
  fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...good) }, { weight: 1, arbitrary: fc.constantFrom(...other) });
const row = fc
  .tuple(
    timeCell,
    mostly(['web', 'api'], ['Web Shop', 'API', 'shop', 'desk', '']),
    fc.constantFrom('eu', 'us', ''),
    mostly(['up', 'down', 'degraded'], ['UP', '200', '503', '404', 'sideways', '']),
    mostly(['', '120', '99.5'], ['0', '.5', '1e3', '-1', 'abc', 'NaN', 'inf', '1e20', '-0']),
  )
  .map((cells) => cells.join(','));

describe('a duckdb source counts the rows of its table', () => {
  it('on a hand-worked table: checks, duplicates, rows outside the months, rejects', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sr-duckdb-accounting-'));
    dirs.push(dir);
    await write(dir, [
      '2026-10-05T10:00:00.000Z,web,eu,up,120', // 1 accepted: in October, rolled up
      '2026-10-05T10:00:00.000Z,web,eu,down,130', // 2 the same service, probe and instant as row 1: a duplicate
      '2026-10-05T10:10:00.000Z,api,eu,up,inf', // 3 rejected: no number (DuckDB reads inf as one; before, the source failed)
      '2026-10-05T10:20:00.000Z,desk,eu,up,100', // 4 rejected: desk is not monitored (before, rolled up nowhere, counted nowhere)
      '2026-09-30T12:00:00.000Z,web,eu,up,90', // 5 accepted, before firstPeriod (October starts 30 Sep 23:00Z in London)
      '2026-12-15T12:00:00.000Z,api,us,up,90', // 6 accepted, after lastPeriod
      '1969-12-31T23:00:00.000Z,web,eu,up,1', // 7 rejected: before 1970 (before, taken: rolled up from 1969-12 on)
    ]);
    writeFileSync(
      path.join(dir, 'review.config.yaml'),
      configText({ bounds: { first: '2026-10', last: '2026-11' }, asOf: null }, 'kind: duckdb, files: w.duckdb'),
    );
    const r = await runCli(['check', '--json', '--config', path.join(dir, 'review.config.yaml')]);
    expect(r.code, r.err).toBe(0);
    const f = JSON.parse(r.out).files[0];
    // 7 rows: accepted 1, 5, 6; duplicate 2; rejected 3, 4, 7. Rows 5 and 6 are in London's September (12:00Z on 30 Sep
    // is 13:00 BST) and December: 2 rows outside the review. Rows 1–2 are in October, in 30-day bin 691 (4 Oct–2 Nov).
    expect([f.rows, f.accepted, f.rejected, f.duplicates, f.outsideReview]).toEqual([7, 3, 3, 1, 2]);
    expect(f.rejects.map((x: { line: number; field: string }) => [x.line, x.field])).toEqual([
      [3, 'latency_ms'],
      [4, 'service'],
      [7, 'timestamp'],
    ]);
    expect(f.timeBins).toEqual({
      690: [1, Date.UTC(2026, 8, 30, 12), Date.UTC(2026, 8, 30, 12)],
      691: [2, Date.UTC(2026, 9, 5, 10), Date.UTC(2026, 9, 5, 10)],
      693: [1, Date.UTC(2026, 11, 15, 12), Date.UTC(2026, 11, 15, 12)],
    });
    // Accepted rows per month of the review zone: rows 5, 1 and 6; row 2 was replaced by row 1, so it is in none.
    expect(f.monthRows).toEqual({ '2026-09': [1], '2026-10': [1], '2026-12': [1] });
    const text = await runCli(['check', '--config', path.join(dir, 'review.config.yaml')]);
    expect(text.out).toContain('w.duckdb [m, duckdb, duckdb, ""]: 7 rows, 3 accepted, 3 rejected, 1 duplicates;');
    expect(text.out).toContain("2 accepted rows lie outside the review's periods");
  }, 120_000);

  it('moves a service-day replaced by a later source to duplicates as the checks it holds, not as one row', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sr-duckdb-accounting-'));
    dirs.push(dir);
    // Rows 1 and 2 of the table above, and one outside the months: rows 1–2 rolled up into web's 5 October.
    await write(dir, [
      '2026-10-05T10:00:00.000Z,web,eu,up,120',
      '2026-10-05T10:00:00.000Z,web,eu,down,130',
      '2026-09-30T12:00:00.000Z,web,eu,up,90',
    ]);
    const one = configText({ bounds: { first: '2026-10', last: '2026-11' }, asOf: null }, 'kind: duckdb, files: w.duckdb');
    // The same table twice: the second source's service-days replace the first's (docs/rollups.md), day by day.
    writeFileSync(path.join(dir, 'review.config.yaml'), `${one}  - { id: m2, kind: duckdb, files: w.duckdb }\n`);
    const r = await runCli(['check', '--json', '--config', path.join(dir, 'review.config.yaml')]);
    expect(r.code, r.err).toBe(0);
    const files = JSON.parse(r.out).files as FileAccount[];
    // First source: of 3 rows, 1 duplicate in the table (row 2) and the 1 check of web's 5 October replaced: 2
    // duplicates; the row outside the months stays accepted. The second: 2 accepted, 1 duplicate. (Before, the first
    // lost one accepted row per service-day replaced: 2 services × 61 days = 122, from 2 accepted.)
    expect(files.map((f) => [f.source, f.rows, f.accepted, f.rejected, f.duplicates])).toEqual([
      ['m', 3, 1, 0, 2],
      ['m2', 3, 2, 0, 1],
    ]);
  }, 120_000);

  it("takes a latency by the reader's number rule (NUMBER_TEXT), written without backslashes for ClickHouse", () => {
    expect(NUMBER_TEXT.source.replaceAll('\\d', '[0-9]').replaceAll('\\.', '[.]')).toBe(`^${LATENCY_TEXT}$`);
  });

  it('as a checks source counts the same rows read from a CSV export (fixed seeds)', async () => {
    console.log(`duckdb-accounting: fast-check seeds ${SEEDS[0]}…${SEEDS[SEEDS.length - 1]} (FC_SEEDS for more)`);
    const setup = fc.record({
      bounds: fc.option(fc.constant({ first: '2026-10', last: '2026-11' }), { nil: null }),
      asOf: fc.option(fc.constant('2026-11-20 00:00'), { nil: null }),
    });
    // What the generated tables held, so the property cannot hold vacuously.
    const seen = { duplicates: 0, outside: 0, rejected: 0, accepted: 0 };
    await assertAsyncProperty(
      fc.asyncProperty(setup, fc.array(row, { minLength: 1, maxLength: 40 }), async (s, lines) => {
        const dir = mkdtempSync(path.join(tmpdir(), 'sr-duckdb-accounting-'));
        dirs.push(dir);
        await write(dir, lines);
        const csv = await accountOf(dir, s, 'kind: checks, files: checks.csv');
        const duck = await accountOf(dir, s, 'kind: duckdb, files: w.duckdb');
        const f = duck.file;
        expect(f.accepted + f.rejected + f.duplicates).toBe(lines.length);
        expect(f.rows).toBe(lines.length);
        // Row n of the table is line n + 1 of the export (its header is line 1).
        expect(comparable(duck, 1)).toEqual(comparable(csv, 0));
        seen.duplicates += f.duplicates;
        seen.outside += duck.outside;
        seen.rejected += f.rejected;
        seen.accepted += f.accepted;
        rmSync(dir, { recursive: true, force: true });
      }),
      { numRuns: 25 },
    );
    expect(
      Object.values(seen).every((n) => n > 0),
      JSON.stringify(seen),
    ).toBe(true);
  }, 600_000);
});
