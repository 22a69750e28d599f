/**
 * The sources DuckDB reads in process (@duckdb/node-api): a `rollups` source's Parquet files,
 * and a `duckdb` source — checks in a DuckDB database file or in Parquet files — rolled up by
 * the DuckDB recipe (rollup-sql.ts) where they are, so no export step is needed. Either way the
 * rows that come out are rollup rows, and each goes through the rollups row mapper and the
 * file's RowAccount like a row of a CSV export: the same checks, rejects and accounting. A
 * Parquet row is named by its row number (the header is not a line), `rollups.parquet:12:4`.
 */
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ReviewConfig, SourceConfig } from '../config/config-schema.ts';
import { resolveRules } from '../config/resolve-rules.ts';
import { ReviewError } from '../errors.ts';
import { type MonthId, monthOf, monthsBetween } from '../time/periods.ts';
import type { RowAccount } from './file-account.ts';
import { missingColumnsMessage, resolveSource, resolveSourceOptions, type SourceOptions } from './resolve-source.ts';
import { rollupRecipe } from './rollup-sql.ts';
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

const sqlString = (s: string) => `'${s.replaceAll("'", "''")}'`;
const sqlIdent = (s: string) => `"${s.replaceAll('"', '""')}"`;

/** Runs queries on a fresh in-memory DuckDB; its errors become ReviewErrors naming the file. */
async function withDuckdb<T>(
  name: string,
  memoryLimit: string | undefined,
  work: (run: (sql: string) => Promise<Rows>) => Promise<T>,
): Promise<T> {
  const { DuckDBInstance } = await import('@duckdb/node-api');
  // A memory limit makes DuckDB spill sorts, joins and windows to disk rather than take the machine.
  const instance = await DuckDBInstance.create(
    ':memory:',
    memoryLimit ? { memory_limit: memoryLimit, temp_directory: path.join(tmpdir(), 'service-review-duckdb') } : {},
  );
  const conn = await instance.connect();
  const run = async (sql: string): Promise<Rows> => {
    try {
      const reader = await conn.runAndReadAll(sql);
      return { columns: reader.columnNames(), rows: reader.getRowObjectsJson() as Array<Record<string, unknown>> };
    } catch (e) {
      throw new ReviewError(`${name}: DuckDB cannot read it: ${(e as Error).message.split('\n')[0]}`);
    }
  };
  try {
    return await work(run);
  } finally {
    conn.closeSync();
    instance.closeSync();
  }
}

/** A DuckDB value as the text cell a CSV would hold. */
const cellOf = (v: unknown): string => (v === null || v === undefined ? '' : typeof v === 'string' ? v : JSON.stringify(v));

/** Rollup rows through the rollups row mapper and the account, row by row. */
function settleRollups(read: DuckdbRead, result: Rows): void {
  // The recipe's rows have the format's fixed column names: the source's columns, words and preset map its table, not these.
  const asRollups = { ...read.source, kind: 'rollups' as const, columns: {}, values: {}, preset: undefined };
  const { options: rollupOptions } = resolveSourceOptions(asRollups, read.config);
  const resolved = resolveSource(rollupOptions, result.columns);
  if ('duplicates' in resolved) throw new ReviewError(`${read.name}: the columns ${resolved.duplicates.join('; ')}`);
  if ('missing' in resolved) throw new ReviewError(missingColumnsMessage(read.name, resolved.missing, result.columns));
  read.account.file.fields = Object.keys(resolved.indices).sort();
  const map = rowMapperFor(resolved);
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

/** Reads one file of a `rollups` source (Parquet) or of a `duckdb` source (a database file or Parquet checks). */
export async function readWithDuckdb(read: DuckdbRead): Promise<void> {
  await withDuckdb(read.name, read.source.memoryLimit, async (run) => {
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
    const zone = read.config.review.timeZone;
    // The months to roll up: the configured review bounds, else those the checks span.
    const span = (
      await run(
        `SELECT min(epoch_ms(${sqlIdent(column('timeMs') as string)})) AS lo, max(epoch_ms(${sqlIdent(column('timeMs') as string)})) AS hi FROM ${table}`,
      )
    ).rows[0];
    const lo = span?.lo === null || span?.lo === undefined ? null : Number(span.lo);
    const hi = span?.hi === null || span?.hi === undefined ? null : Number(span.hi);
    const first = read.config.review.firstPeriod ?? (lo === null ? null : monthOf(lo, zone));
    const last = read.config.review.lastPeriod ?? (hi === null ? null : monthOf(hi, zone));
    const months: MonthId[] = first !== null && last !== null ? monthsBetween(first, last) : [];
    const rules = resolveRules(read.config);
    if (months.length === 0) return;
    const sql = rollupRecipe({
      engine: 'duckdb',
      table,
      columns: {
        timeMs: column('timeMs') as string,
        service: column('service'),
        probe: column('probe'),
        status: column('status') as string,
        latencyMs: column('latencyMs'),
      },
      source: read.options,
      months,
      rules,
      zone,
    });
    settleRollups(read, await run(sql));
  });
}
