import { loadConfig } from '../lib/config/load-config.ts';
import { resolveRules } from '../lib/config/resolve-rules.ts';
import { UsageError } from '../lib/errors.ts';
import { resolveSourceOptions } from '../lib/ingest/resolve-source.ts';
import { rollupRecipe, type SqlEngine } from '../lib/ingest/rollup-sql.ts';
import { COMMON_OPTIONS, type CommandContext, parseCommandArgs } from './cli-support.ts';
import { monthsOfPeriodOption } from './rollup-period.ts';

const usage = `usage: service-review sql --engine clickhouse|duckdb [--period P] [--source ID] [--table NAME] [--config FILE]

Prints the SQL recipe that computes the review's rollups (docs/rollups.md) from a checks table,
for the review's config: its services, aliases, status words, maintenance windows, zone and
date-effective rules. Run it where the checks live and read its output with a \`rollups\` source.
The recipe is for whole months: max_gap is 2 × each probe's median interval in the month.

options:
  --engine E      clickhouse or duckdb
  --period P      a month (2026-10), quarter (2026-Q4), year (2026) or months 2026-01..2026-06
                  (default: the config's firstPeriod..lastPeriod)
  --source ID     the checks source whose columns and words the table has (default: the first
                  checks or duckdb source)
  --table NAME    the table, view or table expression to read (default: the source's table, else checks)
  --config FILE   review config (default: review.config.yaml)`;

export const sqlCommand = {
  summary: 'print the SQL recipe (ClickHouse or DuckDB) that computes the rollups',
  usage,
  async run(ctx: CommandContext): Promise<number> {
    const { values } = parseCommandArgs(ctx.args, {
      ...COMMON_OPTIONS,
      engine: { type: 'string' },
      period: { type: 'string' },
      source: { type: 'string' },
      table: { type: 'string' },
    });
    const engine = values.engine;
    if (engine !== 'clickhouse' && engine !== 'duckdb') throw new UsageError('--engine: expected clickhouse or duckdb');
    const config = loadConfig(values.config);
    const months = monthsOfPeriodOption(values.period, config);
    if (months === null) throw new UsageError('sql needs --period (the config sets no firstPeriod and lastPeriod)');
    const source =
      values.source === undefined
        ? config.sources.find((s) => s.kind === 'checks' || s.kind === 'duckdb')
        : config.sources.find((s) => s.id === values.source);
    if (values.source !== undefined && (!source || (source.kind !== 'checks' && source.kind !== 'duckdb')))
      throw new UsageError(`--source: no checks or duckdb source "${values.source}" in the config`);
    const options = resolveSourceOptions(
      source ?? {
        id: 'checks',
        kind: 'checks',
        files: [],
        columns: {},
        values: {},
        ambiguous: 'reject',
        epochUnit: 'auto',
        delimiter: 'auto',
        encoding: 'auto',
      },
      config,
    ).options;
    // The first name the source (or the built-in mapping) gives each field: a table has no header to look in.
    const name = (field: string) => (options.columns[field] ?? [])[0] ?? null;
    ctx.out(
      rollupRecipe({
        engine: engine as SqlEngine,
        table: values.table ?? source?.table ?? 'checks',
        columns: {
          timeMs: name('timeMs') as string,
          service: options.defaultService !== null && source?.columns.service === undefined ? null : name('service'),
          probe: name('probe'),
          status: name('status') as string,
          latencyMs: name('latencyMs'),
        },
        source: options,
        months,
        rules: resolveRules(config),
        zone: config.review.timeZone,
      }),
    );
    return 0;
  },
};
