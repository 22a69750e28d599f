import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { resolveRules } from '../lib/config/resolve-rules.ts';
import { ReviewError, UsageError } from '../lib/errors.ts';
import { writeFileAtomic } from '../lib/fs/atomic-write.ts';
import { ROLLUP_COLUMNS, rollupsCsv } from '../lib/model/rollup-record.ts';
import { loadAndIngest } from '../lib/pipeline/build-review-data.ts';
import { reviewMonths } from '../lib/snapshot/build-snapshots.ts';
import { reviewRollupRecords } from '../lib/snapshot/review-rollups.ts';
import { sourceHorizons } from '../lib/snapshot/source-horizons.ts';
import { COMMON_OPTIONS, type CommandContext, parseCommandArgs, showProgress } from './cli-support.ts';
import { monthsOfPeriodOption } from './rollup-period.ts';

const usage = `usage: service-review export-rollups --out FILE [--format csv|parquet] [--period P] [--config FILE]

Writes the review's rollups — one row per service per day in the review's zone, the format in
docs/rollups.md — exactly as a build uses them. A \`rollups\` source reading the file gives the same
review as the exports it was made from.

options:
  --out FILE       where to write (relative to the current folder); .parquet picks Parquet
  --format F       csv (default) or parquet (written through DuckDB)
  --period P       a month (2026-10), quarter (2026-Q4), year (2026) or months 2026-01..2026-06
                   (default: every reviewed month)
  --config FILE    review config (default: review.config.yaml)`;

export const exportRollupsCommand = {
  summary: 'write the per-service-per-day rollups (CSV or Parquet, docs/rollups.md)',
  usage,
  async run(ctx: CommandContext): Promise<number> {
    const { values } = parseCommandArgs(ctx.args, {
      ...COMMON_OPTIONS,
      out: { type: 'string' },
      format: { type: 'string' },
      period: { type: 'string' },
    });
    if (!values.out) throw new UsageError('export-rollups needs --out FILE');
    const out = values.out;
    const format = values.format ?? (out.toLowerCase().endsWith('.parquet') ? 'parquet' : 'csv');
    if (format !== 'csv' && format !== 'parquet') throw new UsageError(`--format: expected csv or parquet, got "${format}"`);
    const { config, ingest } = await loadAndIngest(values.config, {
      info: showProgress(values.verbose) ? ctx.err : () => {},
      warn: ctx.err,
    });
    try {
      const reviewed = reviewMonths(config, ingest, sourceHorizons(config, ingest));
      const asked = values.period === undefined ? null : monthsOfPeriodOption(values.period, config);
      const months = asked === null ? reviewed : asked.filter((m) => reviewed.includes(m));
      if (months.length === 0) throw new ReviewError(`no reviewed month${values.period ? ` in ${values.period}` : ''}: nothing to export`);
      const records = reviewRollupRecords(months, resolveRules(config), ingest, config.review.timeZone);
      const csv = rollupsCsv(records);
      if (format === 'csv') writeFileAtomic(out, csv);
      else await writeParquet(csv, out);
      ctx.err(`wrote ${records.length} service-days (${months[0]} to ${months[months.length - 1]}) to ${out}`);
      return 0;
    } finally {
      ingest.checks.close();
    }
  },
};

/** The CSV as Parquet, every column typed as the format says (integers BIGINT, the rest VARCHAR), written atomically. */
async function writeParquet(csv: string, out: string): Promise<void> {
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const dir = mkdtempSync(path.join(tmpdir(), 'rollups-'));
  try {
    const csvFile = path.join(dir, 'rollups.csv');
    const parquetFile = path.join(dir, 'rollups.parquet');
    writeFileSync(csvFile, csv);
    const text = new Set(['service', 'date', 'latency_buckets', 'outages', 'probes']);
    const columns = Object.keys(ROLLUP_COLUMNS)
      .map((c) => `'${c}': '${text.has(c) ? 'VARCHAR' : 'BIGINT'}'`)
      .join(', ');
    const instance = await DuckDBInstance.create(':memory:');
    const conn = await instance.connect();
    try {
      const q = (s: string) => `'${s.replaceAll("'", "''")}'`;
      await conn.run(
        `COPY (SELECT * FROM read_csv(${q(csvFile)}, header = true, quote = '"', escape = '"', columns = {${columns}})) TO ${q(parquetFile)} (FORMAT parquet)`,
      );
    } finally {
      conn.closeSync();
      instance.closeSync();
    }
    const { readFileSync } = await import('node:fs');
    writeFileAtomic(out, readFileSync(parquetFile));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
