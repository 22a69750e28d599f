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
 * last time, rows outside the review, rejects and their reasons. One rule, two readers. The service,
 * probe, status and latency cells are padded (and words' spaces replaced) with the white space the
 * reader trims and folds (CELL_SPACE) and with characters it keeps (a zero-width space …): before,
 * the recipe trimmed only ASCII spaces, so `eu\u00a0` was another probe than `eu` and
 * `\u00a0web` a service it left out.
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
import { CELL_SPACE } from '../../src/lib/model/cell-space.ts';
import { NUMBER_TEXT } from '../../src/lib/model/value-maps.ts';
import { reviewRange, rowsOutsideReview } from '../../src/lib/snapshot/build-snapshots.ts';
import { sourceHorizons } from '../../src/lib/snapshot/source-horizons.ts';
import { KEPT_SPACE_LIKE } from '../helpers/cell-samples.ts';
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

/** A cell as a CSV export writes it: quoted when it holds a line end, a comma or a quote. */
const csvCell = (c: string) => (/[\n\r,"]/.test(c) ? `"${c.replaceAll('"', '""')}"` : c);

/**
 * The rows (each its cells) as a CSV export and as a DuckDB table (the time typed, the rest as written, an empty
 * cell NULL), loaded from JSON so the table holds every cell exactly. Returns the export's line of each row
 * (a quoted line end makes a row two lines), from row 1.
 */
async function write(dir: string, rows: string[][]): Promise<number[]> {
  const lineOf: number[] = [];
  let line = 2;
  const text = rows.map((cells) => {
    const written = cells.map(csvCell).join(',');
    lineOf.push(line);
    line += written.split('\n').length;
    return written;
  });
  writeFileSync(path.join(dir, 'checks.csv'), `${HEADER}\n${text.join('\n')}\n`);
  const json = path.join(dir, 'checks.jsonl');
  const names = HEADER.split(',');
  writeFileSync(
    json,
    rows.map((cells) => JSON.stringify(Object.fromEntries(names.map((n, i) => [n, cells[i] === '' ? null : cells[i]])))).join('\n'),
  );
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const instance = await DuckDBInstance.create(path.join(dir, 'w.duckdb'));
  const conn = await instance.connect();
  const columns = `{${names.map((n) => `'${n}': 'VARCHAR'`).join(', ')}}`;
  await conn.run(
    `CREATE TABLE checks AS SELECT CAST("timestamp" AS TIMESTAMPTZ) AS "timestamp", service, probe, status, latency_ms
     FROM read_json('${json}', format = 'newline_delimited', columns = ${columns})`,
  );
  conn.closeSync();
  instance.closeSync();
  return lineOf;
}

/** Rows written as CSV lines, for the hand-worked tables (no cell quoted). */
const cellsOf = (lines: string[]) => lines.map((l) => l.split(','));

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

/**
 * The parts of an account both readers give alike: the time of a timestamp reject as an instant (the CSV cell is
 * text as written); `rowOf` turns a reject's line into its row.
 */
function comparable(a: { file: FileAccount; outside: number }, rowOf: (line: number) => number) {
  const f = a.file;
  return {
    counts: [f.rows, f.accepted, f.rejected, f.duplicates],
    span: [f.firstMs, f.lastMs],
    timeBins: f.timeBins,
    monthRows: f.monthRows,
    outside: a.outside,
    rejectsByReason: f.rejectsByReason,
    rejects: f.rejects.map((r) => [
      rowOf(r.line),
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
/**
 * The white space the reader trims and folds, but the byte-order mark, which a CSV export cannot hold inside (its
 * row is rejected as two exports joined: csv-stream.ts); test/rollup/recipe-cells.test.ts covers it.
 */
const SPACES = CELL_SPACE.filter((c) => c !== 0xfeff).map((c) => String.fromCodePoint(c));
const spaceRun = fc.array(fc.constantFrom(...SPACES), { minLength: 1, maxLength: 2 }).map((a) => a.join(''));
// Characters kept one time in five: a cell with one is mostly rejected, and rows must still be taken and repeat each other.
const padChar = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...SPACES) },
  { weight: 1, arbitrary: fc.constantFrom(...KEPT_SPACE_LIKE) },
);
const padding = fc.array(padChar, { minLength: 1, maxLength: 2 }).map((a) => a.join(''));
/** A cell as is, or padded at either end (with white space or characters kept) and its spaces replaced by white space. */
const padded = (cell: fc.Arbitrary<string>) =>
  fc.oneof(
    { weight: 2, arbitrary: cell },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.option(padding, { nil: '' }), cell, spaceRun, fc.option(padding, { nil: '' }))
        .map(([before, c, run, after]) => `${before}${c.replaceAll(' ', run)}${after}`),
    },
  );
const row = fc.tuple(
  timeCell,
  padded(mostly(['web', 'api'], ['Web Shop', 'API', 'shop', 'desk', ''])),
  padded(fc.constantFrom('eu', 'us', '')),
  padded(mostly(['up', 'down', 'degraded'], ['UP', '200', '503', '404', 'sideways', ''])),
  padded(mostly(['', '120', '99.5'], ['0', '.5', '1e3', '-1', 'abc', 'NaN', 'inf', '1e20', '-0'])),
);

describe('a duckdb source counts the rows of its table', () => {
  it('on a hand-worked table: checks, duplicates, rows outside the months, rejects', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sr-duckdb-accounting-'));
    dirs.push(dir);
    await write(
      dir,
      cellsOf([
        '2026-10-05T10:00:00.000Z,web,eu,up,120', // 1 accepted: in October, rolled up
        '2026-10-05T10:00:00.000Z,web,eu,down,130', // 2 the same service, probe and instant as row 1: a duplicate
        '2026-10-05T10:10:00.000Z,api,eu,up,inf', // 3 rejected: no number (DuckDB reads inf as one; before, the source failed)
        '2026-10-05T10:20:00.000Z,desk,eu,up,100', // 4 rejected: desk is not monitored (before, rolled up nowhere, counted nowhere)
        '2026-09-30T12:00:00.000Z,web,eu,up,90', // 5 accepted, before firstPeriod (October starts 30 Sep 23:00Z in London)
        '2026-12-15T12:00:00.000Z,api,us,up,90', // 6 accepted, after lastPeriod
        '1969-12-31T23:00:00.000Z,web,eu,up,1', // 7 rejected: before 1970 (before, taken: rolled up from 1969-12 on)
      ]),
    );
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
    await write(
      dir,
      cellsOf([
        '2026-10-05T10:00:00.000Z,web,eu,up,120',
        '2026-10-05T10:00:00.000Z,web,eu,down,130',
        '2026-09-30T12:00:00.000Z,web,eu,up,90',
      ]),
    );
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

  it('trims and folds the white space the reader does, and keeps what it keeps (hand-worked)', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sr-duckdb-accounting-'));
    dirs.push(dir);
    const at = '2026-10-05T10:00:00.000Z';
    await write(dir, [
      [at, 'web', 'eu', 'up', '120'], // 1 accepted
      [at, '\u00a0web\u3000', 'eu\u00a0', 'up', '130'], // 2 web, eu at row 1's instant: a duplicate (before, left out)
      ['2026-10-05T10:10:00.000Z', 'Web\u00a0\u2003Shop', 'eu', '\tDOWN\u000b', '\u2009 99.5\u3000'], // 3 accepted (before, left out)
      [at, 'web', '\u200beu', 'up', '120'], // 4 accepted: a zero-width space is no white space, so another probe
      ['2026-10-05T10:30:00.000Z', 'web', 'eu', 'up', '\u200b120'], // 5 rejected: no number
    ]);
    writeFileSync(
      path.join(dir, 'review.config.yaml'),
      configText({ bounds: { first: '2026-10', last: '2026-11' }, asOf: null }, 'kind: duckdb, files: w.duckdb'),
    );
    const r = await runCli(['check', '--json', '--config', path.join(dir, 'review.config.yaml')]);
    expect(r.code, r.err).toBe(0);
    const f = JSON.parse(r.out).files[0];
    expect([f.rows, f.accepted, f.rejected, f.duplicates]).toEqual([5, 3, 1, 1]);
    expect(f.rejects.map((x: { line: number; field: string; reason: string }) => [x.line, x.field, x.reason])).toEqual([
      [5, 'latency_ms', 'expected a number, got "\u200b120"'],
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
    const padsSeen = new Set<string>();
    await assertAsyncProperty(
      fc.asyncProperty(setup, fc.array(row, { minLength: 4, maxLength: 40 }), async (s, lines) => {
        const dir = mkdtempSync(path.join(tmpdir(), 'sr-duckdb-accounting-'));
        dirs.push(dir);
        const lineOf = await write(dir, lines);
        for (const cells of lines) for (const ch of cells.slice(1).join('')) if (!/[\w.+-]/.test(ch)) padsSeen.add(ch);
        const csv = await accountOf(dir, s, 'kind: checks, files: checks.csv');
        const duck = await accountOf(dir, s, 'kind: duckdb, files: w.duckdb');
        const f = duck.file;
        expect(f.accepted + f.rejected + f.duplicates).toBe(lines.length);
        expect(f.rows).toBe(lines.length);
        // Row n of the table is the export's row n, from line n + 1 (its header is line 1) when no cell is quoted.
        expect(comparable(duck, (n) => n)).toEqual(comparable(csv, (line) => lineOf.indexOf(line) + 1));
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
    // Every padding character was written somewhere (and the words' own spaces).
    expect([...padsSeen].sort()).toEqual([...SPACES, ...KEPT_SPACE_LIKE].sort());
  }, 600_000);
});
