/**
 * `npm run bench -- [--rows N] [--suite checks|tickets|site|all] …`: the performance benchmark.
 * Generates its own deterministic synthetic data (scripts/bench-data.ts) in a temp folder,
 * runs each contender in its own child process (scripts/bench-run.ts) so that wall time and
 * peak RSS are its own, checks that the results agree, and prints a table.
 *
 * checks:  monitoring ingestion (parse, validate, per-service-day rollups with the latency
 *          histogram) of one CSV of N rows, by our pipeline (fast path with workers, fast path
 *          on one thread, csv-parse) and by DuckDB (read_csv with explicit columns, GROUP BY
 *          service and day). Our rollups must equal DuckDB's aggregates (see DayAggregate in
 *          bench-run.ts) and each other exactly; exit code 1 otherwise.
 * tickets: N tickets (and N/5 survey responses) ingested and every snapshot computed.
 * site:    synthetic snapshots of Y years × S services, `astro build`, time per page and the
 *          JavaScript each kind of page ships (see bench-site.ts).
 * rollups: a rollups source of 80 services × 365 days ingested into day rollups (issue #17).
 * Every run records the machine's speed before and after (the CPU reference, scripts/cpu-reference.ts):
 * these shared machines drift by a tenth or more, so figures compare only at like references.
 * The checks suite's contenders duckdb-recipe and chdb-recipe run the SQL rollup recipe
 * (src/lib/ingest/rollup-sql.ts) on the same file in DuckDB and in chdb (engines/); their days
 * must equal ours.
 *
 * Options: --rows N (default 1,000,000), --tickets N (default 1,000,000), --suite (default
 * checks), --contenders fast,fast-1t,csv-parse,duckdb (default all; csv-parse only up to 5M
 * rows), --dir DIR (data folder, reused across runs; default a folder under the OS temp dir),
 * --json FILE (write the results), --repeat N (run each contender N times, keep the fastest,
 * report the highest peak RSS), --small-blocks (send even small files through the worker
 * threads, in small blocks: for the test suite), --site-years Y --site-services S, --site-locales en,zh-CN
 * (the site's review.locales; default en), --site-settle SECONDS (the least time between the previous
 * site's deletion and the timed build: default 360, 0 to not wait; see bench-site.ts), --engine-memory SIZE (e.g. 6GB: the recipe contenders'
 * engine memory cap, past which DuckDB and chdb spill to disk; default none, the engine's own).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, freemem, loadavg, tmpdir, totalmem } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { checksAgreement } from './bench-checks.ts';
import { writeBenchConfig, writeChecksCsv, writeRollupsCsv, writeTicketsAndSurveys } from './bench-data.ts';
import type { ContenderResult } from './bench-run.ts';
import { cpuReferenceMs } from './cpu-reference.ts';

const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '1000000' },
    tickets: { type: 'string', default: '1000000' },
    suite: { type: 'string', default: 'checks' },
    contenders: { type: 'string' },
    dir: { type: 'string' },
    json: { type: 'string' },
    'small-blocks': { type: 'boolean', default: false },
    repeat: { type: 'string', default: '1' },
    'site-years': { type: 'string', default: '5' },
    'site-services': { type: 'string', default: '80' },
    'site-locales': { type: 'string', default: 'en' },
    'site-settle': { type: 'string', default: '360' },
    'engine-memory': { type: 'string' },
  },
});

const count = (s: string) => Number(s.replaceAll('_', '').replace(/k$/i, '000').replace(/m$/i, '000000'));
const rows = count(values.rows as string);
const tickets = count(values.tickets as string);
const suites = (values.suite as string) === 'all' ? ['checks', 'tickets', 'site', 'rollups'] : (values.suite as string).split(',');
const baseDir = path.resolve(values.dir ?? path.join(tmpdir(), 'service-review-bench'));
const here = import.meta.dirname;
const NODE_ARGS = ['--experimental-strip-types', '--no-warnings=ExperimentalWarning'];

interface Row {
  contender: string;
  rows: number;
  mb: number;
  seconds: number;
  peakRssMiB: number;
  ratio: number | null;
}

const report: {
  machine: Record<string, string | number>;
  checks?: unknown;
  tickets?: unknown;
  site?: unknown;
  rollups?: unknown;
  ok: boolean;
} = {
  machine: {
    cpu: cpus()[0]?.model ?? '?',
    cores: cpus().length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    freeGiB: Math.round(freemem() / 2 ** 30),
    node: process.version,
    loadAverage1m: Number(loadavg()[0]?.toFixed(2)),
    // The machine's speed at the start and at the end of the run (cpu-reference.ts): compare figures only at like references.
    cpuReferenceMs: cpuReferenceMs(),
  },
  ok: true,
};

const repeat = Math.max(1, Number(values.repeat));

/** Runs a contender `--repeat` times, each in a fresh process; keeps the fastest run (the least disturbed by other load). */
function runChild(args: string[]): ContenderResult {
  let best: ContenderResult | undefined;
  let peak = 0;
  for (let i = 0; i < repeat; i++) {
    const out = path.join(baseDir, `result-${process.pid}-${Date.now()}.json`);
    const r = spawnSync(process.execPath, [...NODE_ARGS, path.join(here, 'bench-run.ts'), ...args, out], {
      stdio: ['ignore', 'inherit', 'inherit'],
      // Small blocks send even a small file through the worker threads (the test suite's run).
      env: {
        ...process.env,
        TZ: 'UTC',
        ...(values['small-blocks'] ? { BENCH_SMALL_BLOCKS: '1' } : {}),
        ...(values['engine-memory'] ? { BENCH_ENGINE_MEMORY: values['engine-memory'] } : {}),
      },
    });
    if (r.status !== 0 || !existsSync(out)) throw new Error(`contender ${args.join(' ')} failed (exit ${r.status})`);
    const result = JSON.parse(readFileSync(out, 'utf8')) as ContenderResult;
    rmSync(out);
    peak = Math.max(peak, result.maxRssMiB);
    if (best === undefined || result.seconds < best.seconds) best = result;
  }
  return { ...(best as ContenderResult), maxRssMiB: peak };
}

function printTable(title: string, table: Row[]): void {
  const head = ['contender', 'rows', 'MB', 'seconds', 'MB/s', 'rows/s', 'peak RSS MiB', 'ratio to DuckDB'];
  const lines = table.map((r) => [
    r.contender,
    r.rows.toLocaleString('en-US'),
    r.mb.toFixed(1),
    r.seconds.toFixed(2),
    (r.mb / r.seconds).toFixed(0),
    Math.round(r.rows / r.seconds).toLocaleString('en-US'),
    r.peakRssMiB.toFixed(0),
    r.ratio === null ? '—' : r.ratio.toFixed(2),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] as string).length)));
  const fmt = (cells: string[]) =>
    `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] as number) : c.padStart(widths[i] as number))).join(' | ')} |`;
  console.log(`\n${title}\n`);
  console.log(fmt(head));
  console.log(`| ${widths.map((w, i) => (i === 0 ? '-'.repeat(w) : `${'-'.repeat(w - 1)}:`)).join(' | ')} |`);
  for (const l of lines) console.log(fmt(l));
}

async function checksSuite(): Promise<void> {
  const dir = path.join(baseDir, `checks-${rows}`);
  const csv = path.join(dir, 'checks.csv');
  const marker = path.join(dir, 'done.json');
  if (!existsSync(marker)) {
    mkdirSync(dir, { recursive: true });
    console.log(`generating ${rows.toLocaleString('en-US')} check rows in ${dir} …`);
    const info = await writeChecksCsv(csv, rows);
    writeBenchConfig(dir, { checks: 'checks.csv' });
    writeFileSync(marker, JSON.stringify(info));
  }
  const info = JSON.parse(readFileSync(marker, 'utf8')) as { rows: number; bytes: number; badRows: number };
  const mb = statSync(csv).size / 1e6;
  const config = path.join(dir, 'review.config.yaml');
  const wanted = (values.contenders ?? (rows <= 5_000_000 ? 'fast,fast-1t,csv-parse,duckdb' : 'fast,fast-1t,duckdb')).split(',');
  const results: ContenderResult[] = [];
  for (const c of wanted) {
    console.log(`running ${c} …`);
    if (c === 'duckdb') results.push(runChild(['duckdb', csv]));
    else if (c === 'duckdb-recipe') results.push(runChild(['recipe', 'duckdb', config, csv]));
    else if (c === 'chdb-recipe') results.push(runChild(['recipe', 'clickhouse', config, csv]));
    else results.push(runChild(['checks', c, config]));
  }
  const duck = results.find((r) => r.contender === 'DuckDB');
  const checks = checksAgreement(info, results);
  const table: Row[] = results.map((r) => ({
    contender: r.contender,
    rows: info.rows,
    mb,
    seconds: r.seconds,
    peakRssMiB: r.maxRssMiB,
    ratio: duck ? r.seconds / duck.seconds : null,
  }));
  printTable(`Monitoring ingestion, ${info.rows.toLocaleString('en-US')} rows (${mb.toFixed(0)} MB)`, table);
  console.log('');
  for (const c of checks) console.log(`${c.ok ? 'ok  ' : 'FAIL'} ${c.check}`);
  if (!checks.every((c) => c.ok)) report.ok = false;
  report.checks = { rows: info.rows, mb, table, checks };
}

async function ticketsSuite(): Promise<void> {
  const dir = path.join(baseDir, `tickets-${tickets}`);
  const marker = path.join(dir, 'done.json');
  if (!existsSync(marker)) {
    console.log(`generating ${tickets.toLocaleString('en-US')} tickets in ${dir} …`);
    const info = writeTicketsAndSurveys(dir, tickets);
    writeBenchConfig(dir, { tickets: 'tickets.csv', surveys: 'surveys.csv' });
    writeFileSync(marker, JSON.stringify(info));
  }
  const info = JSON.parse(readFileSync(marker, 'utf8')) as { bytes: number };
  console.log('running tickets …');
  const r = runChild(['tickets', path.join(dir, 'review.config.yaml')]);
  const table: Row[] = [
    { contender: r.contender, rows: r.rows, mb: info.bytes / 1e6, seconds: r.seconds, peakRssMiB: r.maxRssMiB, ratio: null },
  ];
  printTable(`Tickets and surveys, ${tickets.toLocaleString('en-US')} tickets`, table);
  console.log(`\n${JSON.stringify(r.extra)}`);
  const ok = r.rows > 0 && r.rejected === 0;
  console.log(`${ok ? 'ok  ' : 'FAIL'} every ticket and response accepted (${r.accepted} of ${r.rows})`);
  if (!ok) report.ok = false;
  report.tickets = { tickets, table, extra: r.extra };
}

/** Issue #17, item 5: a year of rollups of 80 services ingested (target: under 1 s). */
async function rollupsSuite(): Promise<void> {
  const dir = path.join(baseDir, 'rollups-80x365');
  const marker = path.join(dir, 'done.json');
  if (!existsSync(marker)) {
    console.log(`generating rollups of 80 services × 365 days in ${dir} …`);
    const info = writeRollupsCsv(dir);
    writeBenchConfig(dir, { rollups: 'rollups.csv' });
    writeFileSync(marker, JSON.stringify(info));
  }
  const info = JSON.parse(readFileSync(marker, 'utf8')) as { rows: number; bytes: number };
  console.log('running rollups …');
  const r = runChild(['rollups', path.join(dir, 'review.config.yaml')]);
  printTable(`Rollups source, ${info.rows.toLocaleString('en-US')} service-days`, [
    { contender: r.contender, rows: r.rows, mb: info.bytes / 1e6, seconds: r.seconds, peakRssMiB: r.maxRssMiB, ratio: null },
  ]);
  console.log(`\n${JSON.stringify(r.extra)}`);
  const ok = r.accepted === info.rows && r.rejected === 0;
  console.log(
    `${ok ? 'ok  ' : 'FAIL'} every service-day accepted (${r.accepted} of ${info.rows}); ${r.seconds < 1 ? 'under' : 'OVER'} the 1 s target`,
  );
  if (!ok) report.ok = false;
  report.rollups = { rows: info.rows, seconds: r.seconds, peakRssMiB: r.maxRssMiB, extra: r.extra };
}

async function siteSuite(): Promise<void> {
  const { runSiteBench } = await import('./bench-site.ts');
  report.site = await runSiteBench({
    dir: path.join(baseDir, 'site'),
    years: Number(values['site-years']),
    services: Number(values['site-services']),
    locales: (values['site-locales'] as string).split(','),
    settleSeconds: Number(values['site-settle']),
  });
}

mkdirSync(baseDir, { recursive: true });
console.log(`machine: ${JSON.stringify(report.machine)}`);
for (const s of suites) {
  if (s === 'checks') await checksSuite();
  else if (s === 'tickets') await ticketsSuite();
  else if (s === 'site') await siteSuite();
  else if (s === 'rollups') await rollupsSuite();
  else {
    console.error(`unknown suite "${s}" (checks, tickets, site, rollups or all)`);
    process.exit(2);
  }
}
report.machine.cpuReferenceAfterMs = cpuReferenceMs();
console.log(
  `\nCPU reference (scripts/cpu-reference.ts; lower is faster): ${report.machine.cpuReferenceMs} ms before, ${report.machine.cpuReferenceAfterMs} ms after`,
);
if (values.json) writeFileSync(values.json, JSON.stringify(report, null, 2));
process.exit(report.ok ? 0 : 1);
