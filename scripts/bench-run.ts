/**
 * One benchmark contender, run in its own process by scripts/bench.ts so that its wall time
 * and peak RSS are its own. Writes a JSON result: seconds (the work only, not Node's start),
 * peak RSS, row counts, and the per-service-day aggregates that are compared across
 * contenders.
 *
 *   node … scripts/bench-run.ts checks <variant> <config> <out.json>   variant: fast | fast-1t | csv-parse
 *   node … scripts/bench-run.ts duckdb <checks.csv> <out.json>
 *   node … scripts/bench-run.ts tickets <config> <out.json>
 *   node … scripts/bench-run.ts recipe <duckdb|clickhouse> <config> <checks.csv> <out.json>   the SQL recipe (issue #17)
 *   node … scripts/bench-run.ts rollups <config> <out.json>   a rollups source ingested and its months' day rollups made
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../src/lib/config/load-config.ts';
import { resolveRules } from '../src/lib/config/resolve-rules.ts';
import { ingestSources } from '../src/lib/ingest/ingest-sources.ts';
import { computeServiceRollups } from '../src/lib/rollup/compute-service-rollups.ts';
import type { DayRollup } from '../src/lib/rollup/service-day-rollups.ts';
import { buildSnapshots, reviewMonths } from '../src/lib/snapshot/build-snapshots.ts';
import { periodDays } from '../src/lib/time/period-days.ts';
import { type MonthId, monthOf, monthsBetween } from '../src/lib/time/periods.ts';
import { BENCH_LATENCY_THRESHOLD_MS, BENCH_PROBES, BENCH_SERVICES, BENCH_START_MS, TICK_MS } from './bench-data.ts';

/**
 * The quantity compared with DuckDB, per service and UTC day (days with at least one check):
 * checks = accepted checks (every status; duplicates none in the synthetic data);
 * latencyN = checks not down with a latency (the latency population; no maintenance here);
 * fast = of those, latency ≤ the threshold; zeros = of those, latency 0;
 * buckets = of those with latency > 0, counts per histogram bucket ⌈ln(v)/ln(1.02) − 1e-9⌉.
 */
export interface DayAggregate {
  service: string;
  day: string;
  checks: number;
  latencyN: number;
  fast: number;
  zeros: number;
  buckets: Record<string, number>;
}

export interface ContenderResult {
  contender: string;
  seconds: number;
  maxRssMiB: number;
  /** Rows of the export read, in rows of the file (NaN where the tool does not count them: DuckDB, the recipes). */
  rows: number;
  /** Rows of the export taken, in rows of the file: ours its accepted rows; DuckDB and the recipes the checks of their service-days summed. */
  accepted: number;
  /** Rows of the export rejected, in rows of the file (NaN where the tool does not count them). */
  rejected: number;
  aggregates: DayAggregate[];
  /** SHA-256 of every day rollup (all fields), to show the readers of ours agree exactly. */
  rollupHash: string | null;
  /** Figures only some contenders have (ticket metrics, periods). */
  extra?: Record<string, number | string>;
}

function sortAggregates(a: DayAggregate[]): DayAggregate[] {
  return a.sort((x, y) => (x.service < y.service ? -1 : x.service > y.service ? 1 : x.day < y.day ? -1 : x.day > y.day ? 1 : 0));
}

async function runChecks(variant: string, configPath: string): Promise<ContenderResult> {
  const config = loadConfig(configPath);
  const started = performance.now();
  const ingest = await ingestSources(
    config,
    path.dirname(configPath),
    { info() {} },
    {
      cacheDir: null,
      toolVersion: 'bench',
      fastPath: variant !== 'csv-parse',
      workers: variant === 'fast' ? undefined : 0,
      ...(process.env.BENCH_SMALL_BLOCKS ? { parallel: { minBytes: 0, blockBytes: 256 * 1024 } } : {}),
    },
  );
  const rules = resolveRules(config);
  const rollups: Array<[string, DayRollup[]]> = [];
  for (const month of reviewMonths(config, ingest)) {
    const byService = computeServiceRollups(
      rules.forMonth(month).services,
      ingest.checks,
      periodDays(month, config.review.timeZone),
      rules.maintenance,
    );
    for (const [service, days] of byService) rollups.push([service, days]);
  }
  const seconds = (performance.now() - started) / 1000;
  // The peak of the work itself, before this script builds its comparison data (maxRSS is in KiB on Linux).
  const maxRssMiB = process.resourceUsage().maxRSS / 1024;
  const aggregates: DayAggregate[] = [];
  const hash = createHash('sha256');
  for (const [service, days] of rollups) {
    hash.update(JSON.stringify([service, days]));
    for (const d of days) {
      if (d.checks === 0) continue;
      const buckets: Record<string, number> = {};
      d.latency.indices.forEach((b, i) => {
        buckets[String(b)] = d.latency.counts[i] as number;
      });
      aggregates.push({
        service,
        day: d.date,
        checks: d.checks,
        latencyN: d.latency.count,
        fast: d.fastChecks,
        zeros: d.latency.zeroCount,
        buckets,
      });
    }
  }
  const f = ingest.files;
  return {
    contender: `ours (${variant})`,
    seconds,
    maxRssMiB,
    ...rowCounts(f),
    aggregates: sortAggregates(aggregates),
    rollupHash: hash.digest('hex'),
  };
}

/** Status words of the synthetic data, mapped as the default status map does (metrics.md). */
const STATUS_SQL = `CASE
  WHEN lower(trim(status)) IN ('up','ok','success','pass','true','1') OR regexp_full_match(trim(status), '[23][0-9][0-9]') THEN 'up'
  WHEN lower(trim(status)) IN ('degraded','warn','warning','slow') THEN 'degraded'
  WHEN lower(trim(status)) IN ('down','fail','failed','failure','error','critical','false','0') OR regexp_full_match(trim(status), '5[0-9][0-9]') THEN 'down'
END`;

async function runDuckdb(csv: string): Promise<ContenderResult> {
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const started = performance.now();
  const instance = await DuckDBInstance.create(':memory:');
  const conn = await instance.connect();
  const file = csv.replaceAll("'", "''");
  const sql = `
    WITH raw AS (
      SELECT timestamp AS ts, service, ${STATUS_SQL} AS st, latency_ms AS latency
      FROM read_csv('${file}', header = true, ignore_errors = true,
        columns = {'timestamp': 'TIMESTAMP', 'service': 'VARCHAR', 'probe': 'VARCHAR', 'status': 'VARCHAR',
                   'latency_ms': 'DOUBLE', 'http_code': 'VARCHAR', 'target': 'VARCHAR'})
    ), ok AS (SELECT * FROM raw WHERE st IS NOT NULL AND (latency IS NULL OR latency >= 0))
    SELECT service, strftime(CAST(ts AS DATE), '%Y-%m-%d') AS day,
      count(*)::BIGINT AS checks,
      count(latency) FILTER (WHERE st <> 'down')::BIGINT AS latency_n,
      count(*) FILTER (WHERE st <> 'down' AND latency <= ${BENCH_LATENCY_THRESHOLD_MS})::BIGINT AS fast,
      count(*) FILTER (WHERE st <> 'down' AND latency <= 0)::BIGINT AS zeros,
      histogram(CAST(ceil(ln(latency) / ln(1.02) - 1e-9) AS INTEGER)) FILTER (WHERE st <> 'down' AND latency > 0) AS buckets
    FROM ok GROUP BY ALL`;
  const reader = await conn.runAndReadAll(sql);
  const rows = reader.getRowObjectsJson() as Array<Record<string, unknown>>;
  const seconds = (performance.now() - started) / 1000;
  // The peak of the work itself, before this script builds its comparison data (maxRSS is in KiB on Linux).
  const maxRssMiB = process.resourceUsage().maxRSS / 1024;
  const aggregates: DayAggregate[] = rows.map((r) => {
    const buckets: Record<string, number> = {};
    for (const e of (r.buckets as Array<{ key: number; value: string | number }> | null) ?? []) buckets[String(e.key)] = Number(e.value);
    return {
      service: String(r.service),
      day: String(r.day),
      checks: Number(r.checks),
      latencyN: Number(r.latency_n),
      fast: Number(r.fast),
      zeros: Number(r.zeros),
      buckets,
    };
  });
  const accepted = aggregates.reduce((a, x) => a + x.checks, 0);
  return {
    contender: 'DuckDB',
    seconds,
    maxRssMiB,
    rows: Number.NaN,
    accepted,
    rejected: Number.NaN,
    aggregates: sortAggregates(aggregates),
    rollupHash: null,
  };
}

/** The row accounting of an ingest's files, summed. */
function rowCounts(files: ReadonlyArray<{ rows: number; accepted: number; rejected: number }>) {
  return {
    rows: files.reduce((a, x) => a + x.rows, 0),
    accepted: files.reduce((a, x) => a + x.accepted, 0),
    rejected: files.reduce((a, x) => a + x.rejected, 0),
  };
}

async function runTickets(configPath: string): Promise<ContenderResult> {
  const config = loadConfig(configPath);
  const started = performance.now();
  const ingest = await ingestSources(config, path.dirname(configPath), { info() {} }, { cacheDir: null, toolVersion: 'bench' });
  const parsed = performance.now();
  const snapshots = buildSnapshots(config, ingest, resolveRules(config), { toolVersion: 'bench', configSha256: '0' });
  const seconds = (performance.now() - started) / 1000;
  // The peak of the work itself, before this script builds its comparison data (maxRSS is in KiB on Linux).
  const maxRssMiB = process.resourceUsage().maxRSS / 1024;
  const f = ingest.files;
  return {
    contender: 'ours (tickets + surveys)',
    seconds,
    maxRssMiB,
    ...rowCounts(f),
    aggregates: [],
    rollupHash: null,
    extra: {
      ingestSeconds: (parsed - started) / 1000,
      metricsSeconds: seconds - (parsed - started) / 1000,
      periods: snapshots.length,
      tickets: ingest.tickets.length,
      surveys: ingest.surveys.length,
    },
  };
}

/**
 * The rollup recipe (src/lib/ingest/rollup-sql.ts) on the checks CSV, in DuckDB or in ClickHouse
 * (chdb, from engines/), as `review sql` prints it for the bench config: the export read as text,
 * its timestamp parsed by the engine. Its rows, as the aggregates compared with ours.
 */
async function runRecipe(engine: 'duckdb' | 'clickhouse', configPath: string, csv: string): Promise<ContenderResult> {
  const { rollupRecipe } = await import('../src/lib/ingest/rollup-sql.ts');
  const { resolveSourceOptions } = await import('../src/lib/ingest/resolve-source.ts');
  const config = loadConfig(configPath);
  const source = config.sources.find((s) => s.kind === 'checks');
  if (!source) throw new Error('the bench config has no checks source');
  const started = performance.now();
  const file = csv.replaceAll("'", "''");
  const table =
    engine === 'duckdb'
      ? `(SELECT TRY_CAST(timestamp AS TIMESTAMPTZ) AS timestamp, service, probe, status, latency_ms FROM read_csv('${file}', header = true, all_varchar = true))`
      : `(SELECT parseDateTime64BestEffortOrNull(timestamp, 3, 'UTC') AS timestamp, service, probe, status, latency_ms FROM file('${file}', 'CSVWithNames', 'timestamp String, service String, probe String, status String, latency_ms String, http_code String, target String'))`;
  const sql = rollupRecipe({
    engine,
    table,
    columns: { timeMs: 'timestamp', service: 'service', probe: 'probe', status: 'status', latencyMs: 'latency_ms' },
    source: resolveSourceOptions(source, config).options,
    // The bench data's months (scripts/bench-data.ts: from January 2026, one check a minute).
    months: monthsOfBench(configPath),
    rules: resolveRules(config),
    zone: config.review.timeZone,
  });
  const memory = process.env.BENCH_ENGINE_MEMORY;
  let rows: Array<Record<string, unknown>>;
  if (engine === 'duckdb') {
    const { DuckDBInstance } = await import('@duckdb/node-api');
    // --engine-memory caps DuckDB's memory; beyond it, sorts and joins spill to a temp folder.
    const instance = await DuckDBInstance.create(
      ':memory:',
      memory ? { memory_limit: memory, temp_directory: path.join(path.dirname(csv), 'duckdb-spill') } : {},
    );
    const conn = await instance.connect();
    rows = (await conn.runAndReadAll(sql)).getRowObjectsJson() as Array<Record<string, unknown>>;
    conn.closeSync();
    instance.closeSync();
  } else {
    const { createRequire } = await import('node:module');
    const chdb = createRequire(path.join(import.meta.dirname, '../engines/package.json'))('chdb') as {
      query(q: string, f: string): string;
    };
    // --engine-memory: ClickHouse's own spilling settings (sorts, GROUP BYs and joins go to disk past them).
    const bytes = memory ? sizeBytes(memory) : 0;
    const spill = bytes
      ? `, max_bytes_before_external_sort = ${Math.floor(bytes / 2)}, max_bytes_before_external_group_by = ${Math.floor(bytes / 2)}, join_algorithm = 'auto', max_bytes_in_join = ${Math.floor(bytes / 4)}`
      : '';
    rows = chdb
      .query(sql.trimEnd() + spill, 'JSONEachRow')
      .split('\n')
      .filter((l) => l !== '')
      .map((l) => JSON.parse(l));
  }
  const seconds = (performance.now() - started) / 1000;
  const maxRssMiB = process.resourceUsage().maxRSS / 1024;
  const aggregates: DayAggregate[] = [];
  let accepted = 0;
  for (const r of rows) {
    const checks = Number(r.checks);
    accepted += checks;
    if (checks === 0) continue;
    const buckets: Record<string, number> = {};
    for (const pair of String(r.latency_buckets ?? '').split(' ')) {
      const [i, n] = pair.split(':');
      if (i !== undefined && n !== undefined) buckets[i] = Number(n);
    }
    aggregates.push({
      service: String(r.service),
      day: String(r.date),
      checks,
      latencyN: Number(r.latency_count),
      fast: Number(r.fast_checks),
      zeros: Number(r.latency_zero),
      buckets,
    });
  }
  return {
    contender: engine === 'duckdb' ? 'DuckDB recipe' : 'ClickHouse recipe (chdb)',
    seconds,
    maxRssMiB,
    // The recipe gives service-days, not the rows it read: those are counted apart, as what they are.
    rows: Number.NaN,
    accepted,
    rejected: Number.NaN,
    aggregates: sortAggregates(aggregates),
    rollupHash: null,
    extra: { serviceDays: rows.length },
  };
}

/** A size as DuckDB reads it (4GB, 512MiB: decimal or binary units) in bytes, for ClickHouse's byte settings. */
function sizeBytes(size: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*(KB|MB|GB|TB|KiB|MiB|GiB|TiB)$/i.exec(size.trim());
  if (!m) throw new Error(`--engine-memory: expected a size like 6GB or 512MiB, got "${size}"`);
  const unit = (m[2] as string).toLowerCase();
  const power = { k: 1, m: 2, g: 3, t: 4 }[unit[0] as 'k' | 'm' | 'g' | 't'];
  return Math.round(Number(m[1]) * (unit.includes('i') ? 1024 : 1000) ** power);
}

/** The months the bench data spans (scripts/bench-data.ts: from BENCH_START_MS, one check a minute per series), read from its done marker. */
function monthsOfBench(configPath: string): MonthId[] {
  const info = JSON.parse(readFileSync(path.join(path.dirname(configPath), 'done.json'), 'utf8')) as { rows: number };
  const ticks = Math.ceil(info.rows / (BENCH_SERVICES * BENCH_PROBES.length));
  return monthsBetween(monthOf(BENCH_START_MS, 'UTC'), monthOf(BENCH_START_MS + ticks * TICK_MS, 'UTC'));
}

/** A rollups source (80 services × 365 days) ingested, and every month's day rollups made from it: what a review built from rollups reads. */
async function runRollups(configPath: string): Promise<ContenderResult> {
  const { reviewRollups } = await import('../src/lib/snapshot/review-rollups.ts');
  const config = loadConfig(configPath);
  const started = performance.now();
  const cpu = process.cpuUsage();
  const ingest = await ingestSources(config, path.dirname(configPath), { info() {} }, { cacheDir: null, toolVersion: 'bench' });
  const months = reviewMonths(config, ingest);
  const byMonth = reviewRollups(months, resolveRules(config), ingest, config.review.timeZone);
  const seconds = (performance.now() - started) / 1000;
  // CPU time as well as wall time: on a shared machine the wall clock also counts other processes' turns.
  const used = process.cpuUsage(cpu);
  const maxRssMiB = process.resourceUsage().maxRSS / 1024;
  const f = ingest.files;
  ingest.checks.close();
  return {
    contender: 'ours (rollups source)',
    seconds,
    maxRssMiB,
    ...rowCounts(f),
    aggregates: [],
    rollupHash: null,
    extra: {
      cpuSeconds: (used.user + used.system) / 1e6,
      months: byMonth.size,
      serviceDays: [...byMonth.values()].reduce((a, m) => a + [...m.values()].reduce((b, d) => b + d.length, 0), 0),
    },
  };
}

const [kind, a, b, c, d] = process.argv.slice(2);
let result: ContenderResult;
let out: string;
if (kind === 'checks' && a && b && c) {
  result = await runChecks(a, b);
  out = c;
} else if (kind === 'duckdb' && a && b) {
  result = await runDuckdb(a);
  out = b;
} else if (kind === 'tickets' && a && b) {
  result = await runTickets(a);
  out = b;
} else if (kind === 'recipe' && (a === 'duckdb' || a === 'clickhouse') && b && c && d) {
  result = await runRecipe(a, b, c);
  out = d;
} else if (kind === 'rollups' && a && b) {
  result = await runRollups(a);
  out = b;
} else {
  console.error('usage: bench-run.ts checks <fast|fast-1t|csv-parse> <config> <out> | duckdb <csv> <out> | tickets <config> <out>');
  process.exit(2);
}
writeFileSync(out, JSON.stringify(result));
