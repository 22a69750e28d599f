/**
 * The sources DuckDB reads in process (@duckdb/node-api): a `rollups` source's Parquet files,
 * and a `duckdb` source — checks in a DuckDB database file or in Parquet files — rolled up by
 * the DuckDB recipe (rollup-sql.ts) where they are, so no export step is needed. Either way the
 * rows that come out are rollup rows, and each goes through the rollups row mapper. A rollups
 * file's rows are its rows, so each goes into the file's RowAccount like a row of a CSV export;
 * a duckdb source's account is in rows of its table, as a checks export's (accountTaken,
 * rejectLeftOut). A Parquet row is named by its row number (the header is not a line),
 * `rollups.parquet:12:4`.
 */
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ReviewConfig, SourceConfig } from '../config/config-schema.ts';
import { resolveRules } from '../config/resolve-rules.ts';
import { ReviewError } from '../errors.ts';
import { type MonthId, monthBounds, monthOf, monthOfIn, monthsBetween } from '../time/periods.ts';
import { reasonText, words } from '../util/reason.ts';
import { type FileAccount, type RowAccount, TIME_BIN_MS } from './file-account.ts';
import { missingColumnsMessage, type ResolvedSource, resolveSource, resolveSourceOptions, type SourceOptions } from './resolve-source.ts';
import { leftOutRowsQuery, type MappingInput, rollupRecipe, tableRowsQuery, takenRowsQuery } from './rollup-sql.ts';
import { type RowContext, rowMapperFor } from './row-mappers.ts';

/** A Parquet file, by its name. */
export const isParquet = (file: string): boolean => /\.parquet$/i.test(file);

export interface DuckdbRead {
  /** The file's absolute path (for a duckdb source's Parquet files, all of them: one table), and its name as messages give it. */
  abs: string[];
  name: string;
  source: SourceConfig;
  config: ReviewConfig;
  /** The source's resolved options (for a duckdb source, as a checks source's: its columns and words). */
  options: SourceOptions;
  account: RowAccount;
  accept(ctx: RowContext): void;
}

type Rows = { columns: string[]; rows: Array<Record<string, unknown>> };

/** The queries a read runs: `run` reads the whole result, `each` streams it row by row (cells as JSON values). */
interface Queries {
  run(sql: string): Promise<Rows>;
  each(sql: string, visit: (row: unknown[]) => void): Promise<void>;
}

const sqlString = (s: string) => `'${s.replaceAll("'", "''")}'`;
const sqlIdent = (s: string) => `"${s.replaceAll('"', '""')}"`;

/** Runs queries on a fresh in-memory DuckDB; its errors become ReviewErrors naming the file. */
async function withDuckdb<T>(name: string, memoryLimit: string | undefined, work: (q: Queries) => Promise<T>): Promise<T> {
  const { DuckDBInstance } = await import('@duckdb/node-api');
  // A memory limit makes DuckDB spill sorts, joins and windows to disk rather than take the machine.
  const instance = await DuckDBInstance.create(
    ':memory:',
    memoryLimit ? { memory_limit: memoryLimit, temp_directory: path.join(tmpdir(), 'service-review-duckdb') } : {},
  );
  const conn = await instance.connect();
  const guard = async <R>(call: () => Promise<R>): Promise<R> => {
    try {
      return await call();
    } catch (e) {
      throw new ReviewError(`${name}: DuckDB cannot read it: ${(e as Error).message.split('\n')[0]}`);
    }
  };
  const run = (sql: string): Promise<Rows> =>
    guard(async () => {
      const reader = await conn.runAndReadAll(sql);
      return { columns: reader.columnNames(), rows: reader.getRowObjectsJson() as Array<Record<string, unknown>> };
    });
  // A chunk at a time (DuckDB's vectors), so a large result is never held whole; `visit` runs outside the guard.
  const each = async (sql: string, visit: (row: unknown[]) => void): Promise<void> => {
    const result = await guard(() => conn.stream(sql));
    const chunks = result.yieldRowsJson();
    for (;;) {
      const next = await guard(() => chunks.next());
      if (next.done) return;
      for (const row of next.value) visit(row);
    }
  };
  try {
    return await work({ run, each });
  } finally {
    conn.closeSync();
    instance.closeSync();
  }
}

/** A DuckDB value as the text cell a CSV would hold. */
const cellOf = (v: unknown): string => (v === null || v === undefined ? '' : typeof v === 'string' ? v : JSON.stringify(v));

function rollupMapper(read: DuckdbRead, columns: string[]): ReturnType<typeof rowMapperFor> {
  // The recipe's rows have the format's fixed column names: the source's columns, words and preset map its table, not these.
  const asRollups = { ...read.source, kind: 'rollups' as const, columns: {}, values: {}, preset: undefined };
  const { options: rollupOptions } = resolveSourceOptions(asRollups, read.config);
  const resolved = resolveSource(rollupOptions, columns);
  if ('duplicates' in resolved) throw new ReviewError(`${read.name}: the columns ${resolved.duplicates.join('; ')}`);
  if ('missing' in resolved) throw new ReviewError(missingColumnsMessage(read.name, resolved.missing, columns));
  read.account.file.fields = Object.keys(resolved.indices).sort();
  return rowMapperFor(resolved);
}

/** A rollups file's rows through the rollups row mapper and the account, row by row. */
function settleRollups(read: DuckdbRead, result: Rows): void {
  const map = rollupMapper(read, result.columns);
  result.rows.forEach((row, i) => {
    const out = map(
      result.columns.map((c) => cellOf(row[c])),
      i + 1,
    );
    if ('reason' in out) read.account.reject(out);
    else {
      if (out.kind === 'rollup') read.account.acceptSpan(out.timeMs, out.lastMs);
      read.accept(out);
    }
  });
}

/**
 * The recipe's rollup rows through the rollups row mapper, as a rollups file's rows, but not into
 * the account: a duckdb source accounts for the rows of its table (accountTaken). A rollup row the
 * mapper refuses is the recipe's fault, not the table's: an error, not a reject. Gives the checks
 * the rows hold.
 */
function settleRecipeRollups(read: DuckdbRead, result: Rows): number {
  const map = rollupMapper(read, result.columns);
  let checks = 0;
  result.rows.forEach((row, i) => {
    const out = map(
      result.columns.map((c) => cellOf(row[c])),
      i + 1,
    );
    if ('reason' in out)
      throw new ReviewError(
        `${read.name}: the DuckDB recipe gave a rollup row the review refuses (row ${i + 1}: ${out.field ?? ''} ${reasonText(out.reason, (t) => t)}); please report this`,
      );
    if (out.kind === 'rollup') checks += out.rollup.checks;
    read.accept(out);
  });
  return checks;
}

/** Reads one file of a `rollups` source (Parquet) or of a `duckdb` source (a database file or Parquet checks). */
export async function readWithDuckdb(read: DuckdbRead): Promise<void> {
  await withDuckdb(read.name, read.source.memoryLimit, async ({ run, each }) => {
    read.account.file.encoding = 'parquet';
    read.account.file.delimiter = '';
    if (read.options.kind === 'rollups') {
      settleRollups(read, await run(`SELECT * FROM read_parquet(${sqlString(read.abs[0] as string)})`));
      return;
    }
    let table: string;
    if (isParquet(read.abs[0] as string)) table = `read_parquet([${read.abs.map(sqlString).join(', ')}])`;
    else {
      await run(`ATTACH ${sqlString(read.abs[0] as string)} AS warehouse (READ_ONLY)`);
      table = `warehouse.${sqlIdent(read.source.table ?? 'checks')}`;
      read.account.file.encoding = 'duckdb';
    }
    const header = (await run(`DESCRIBE SELECT * FROM ${table}`)).rows.map((r) => String(r.column_name));
    const resolved = resolveSource(read.options, header);
    if ('duplicates' in resolved) throw new ReviewError(`${read.name}: the columns ${resolved.duplicates.join('; ')}`);
    if ('missing' in resolved) throw new ReviewError(missingColumnsMessage(read.name, resolved.missing, header));
    const column = (field: string) =>
      resolved.indices[field] === undefined ? null : (header[resolved.indices[field] as number] as string);
    const mapping: MappingInput = {
      table,
      columns: {
        timeMs: column('timeMs') as string,
        service: column('service'),
        probe: column('probe'),
        status: column('status') as string,
        latencyMs: column('latencyMs'),
      },
      source: read.options,
    };
    // The accounting of the rows the review takes, counted in SQL: per quarter hour, inside or outside the
    // configured review bounds (the months rolled up when the config sets them; else they span every such row).
    // A quarter hour lies in one month of any zone (offsets are whole quarter hours: periods.ts monthOfIn) and
    // in one time bin, so the account's bins and months come from it exactly; a quarter hour is a result row
    // only when it has rows, at most 35,040 a year however many rows the table has.
    const zone = read.config.review.timeZone;
    const { firstPeriod, lastPeriod } = read.config.review;
    const bounds = {
      fromMs: firstPeriod === undefined ? null : monthBounds(firstPeriod, zone).startMs,
      toMs: lastPeriod === undefined ? null : monthBounds(lastPeriod, zone).endMs,
    };
    const taken = (await run(takenRowsQuery(mapping, bounds, QUARTER_HOUR_MS))).rows.map((r) => ({
      bin: Number(r.bin),
      outside: Number(r.outside) === 1,
      rows: Number(r.rows),
      checks: Number(r.checks),
      lo: Number(r.lo),
      hi: Number(r.hi),
    }));
    // The months to roll up: the configured review bounds, else those the checks the review takes span (as the
    // accepted rows of an export give its range: a rejected row, one after asOf say, moves nothing).
    const lo = taken.length === 0 ? null : Math.min(...taken.map((t) => t.lo));
    const hi = taken.length === 0 ? null : Math.max(...taken.map((t) => t.hi));
    const first = firstPeriod ?? (lo === null ? null : monthOf(lo, zone));
    const last = lastPeriod ?? (hi === null ? null : monthOf(hi, zone));
    const months: MonthId[] = first !== null && last !== null ? monthsBetween(first, last) : [];
    const rules = resolveRules(read.config);
    const rolledUp =
      months.length > 0 ? settleRecipeRollups(read, await run(rollupRecipe({ engine: 'duckdb', ...mapping, months, rules, zone }))) : 0;
    const tableRows = Number((await run(tableRowsQuery(mapping))).rows[0]?.n);
    accountTaken(read, taken, rolledUp, zone);
    const leftOut = await rejectLeftOut(read, resolved, mapping, each);
    read.account.file.fields = Object.keys(resolved.indices).sort();
    // accepted + rejected + duplicates = rows holds by construction (RowAccount); rows must be the table's.
    if (read.account.file.rows !== tableRows)
      throw new ReviewError(
        `${read.name}: the row accounting does not add up: the table has ${tableRows} rows, but ${read.account.file.rows} were ` +
          `counted (${read.account.file.rows - leftOut} taken, ${leftOut} left out by the DuckDB recipe); please report this`,
      );
  });
}

/** The unit the table's taken rows are counted in (takenRowsQuery's `bin`). */
const QUARTER_HOUR_MS = 900_000;

/**
 * The rows the review takes, into the account in rows of the table, as a checks export's rows
 * are counted: every row taken is accepted, in its time bin and month of the review zone, counted
 * per quarter hour (`taken[].bin`) (those outside the months rolled up
 * too: they are reported as outside the review's periods, as a CSV export's such rows are), and
 * each row repeating a service, probe and instant of another is a duplicate. The checks the
 * rollups hold must be those taken inside the months: the recipe and this count are one rule.
 */
function accountTaken(
  read: DuckdbRead,
  taken: Array<{ bin: number; outside: boolean; rows: number; checks: number; lo: number; hi: number }>,
  rolledUp: number,
  zone: string,
): void {
  const inside = taken.reduce((n, t) => n + (t.outside ? 0 : t.checks), 0);
  if (inside !== rolledUp)
    throw new ReviewError(
      `${read.name}: the DuckDB recipe's rollups hold ${rolledUp} checks, but the table has ${inside} checks the review takes in the months rolled up; please report this`,
    );
  const timeBins: FileAccount['timeBins'] = {};
  const monthRows: FileAccount['monthRows'] = {};
  const monthOfZone = monthOfIn(zone);
  for (const t of taken) {
    const month = monthOfZone(t.lo);
    const box = monthRows[month];
    if (box) box[0] += t.rows;
    else monthRows[month] = [t.rows];
    const key = Math.floor((t.bin * QUARTER_HOUR_MS) / TIME_BIN_MS);
    const bin = timeBins[key];
    if (!bin) timeBins[key] = [t.rows, t.lo, t.hi];
    else {
      bin[0] += t.rows;
      bin[1] = Math.min(bin[1], t.lo);
      bin[2] = Math.max(bin[2], t.hi);
    }
  }
  const rows = taken.reduce((n, t) => n + t.rows, 0);
  const checks = taken.reduce((n, t) => n + t.checks, 0);
  const times = taken.flatMap((t) => [t.lo, t.hi]);
  read.account.add(
    {
      rows,
      accepted: rows,
      rejected: 0,
      truncated: 0,
      firstMs: times.length === 0 ? null : Math.min(...times),
      lastMs: times.length === 0 ? null : Math.max(...times),
      timeBins,
      monthRows,
      rejects: [],
      rejectsByReason: {},
    },
    0,
  );
  // The rows repeating a check, in the quarter hour (so the month) of the check they repeat.
  if (rows > checks) for (const t of taken) if (t.rows > t.checks) read.account.duplicates(t.lo, t.rows - t.checks);
}

/** Epoch ms as a cell the row mapper reads back exactly: ISO 8601 in UTC, or the digits beyond Date's range. */
const instantCell = (ms: number): string => (Math.abs(ms) <= 8.64e15 ? new Date(ms).toISOString() : String(ms));

/**
 * The rows of the table the recipe leaves out, each rejected with the reason the review gives the
 * same row of a CSV export: its cells go through the checks row mapper (an unknown status or
 * service, no time, a latency that is no number ≥ 0, a check after the source's asOf: `checked
 * after the export was taken (asOf …)`), at its row number and column. So every row of the table
 * is rolled up or rejected with its reason, none dropped unsaid. A row the recipe leaves out that
 * the row mapper would take (a word DuckDB puts in lower case otherwise than JavaScript, a final Σ
 * say: docs/rollups.md) is rejected as such, not passed over.
 */
async function rejectLeftOut(read: DuckdbRead, resolved: ResolvedSource, mapping: MappingInput, each: Queries['each']): Promise<number> {
  let count = 0;
  const map = rowMapperFor(resolved);
  const width = resolved.header.length;
  const at = (field: string) => resolved.indices[field];
  const cellOfField: Array<[number | undefined, number]> = [
    [at('service'), 2],
    [at('probe'), 3],
    [at('status'), 4],
    [at('latencyMs'), 5],
  ];
  await each(leftOutRowsQuery(mapping), (row) => {
    count++;
    const line = Number(row[0]);
    const fields = new Array<string>(width).fill('');
    const time = at('timeMs');
    if (time !== undefined && row[1] !== null) fields[time] = instantCell(Number(row[1]));
    for (const [i, k] of cellOfField) if (i !== undefined) fields[i] = cellOf(row[k]);
    const out = map(fields, line);
    if ('reason' in out) read.account.reject(out);
    else
      read.account.reject({
        line,
        column: null,
        field: null,
        value: null,
        reason: words(
          'left out by the DuckDB recipe, which reads a word or number of this row otherwise than the review does (docs/rollups.md)',
        ),
      });
  });
  return count;
}
