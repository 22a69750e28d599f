/**
 * The reviews the rollup equality tests run on: the sample data and every golden or mini fixture
 * whose config reads checks, each copied to a temp folder; what their builds give, and their
 * accepted checks as a canonical table for the SQL engines.
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse, stringify } from 'yaml';
import type { RuleBook } from '../../src/lib/config/resolve-rules.ts';
import { resolveRules } from '../../src/lib/config/resolve-rules.ts';
import { rollupRecipe, type SqlEngine } from '../../src/lib/ingest/rollup-sql.ts';
import { decodeProbe, type RollupRecord } from '../../src/lib/model/rollup-record.ts';
import { loadAndIngest, silentEffects } from '../../src/lib/pipeline/build-review-data.ts';
import { reviewMonths } from '../../src/lib/snapshot/build-snapshots.ts';
import { reviewRollupRecords } from '../../src/lib/snapshot/review-rollups.ts';
import { sourceHorizons } from '../../src/lib/snapshot/source-horizons.ts';
import type { MonthId } from '../../src/lib/time/periods.ts';
import { runCli } from './run-cli.ts';

export const ROOT = path.resolve(import.meta.dirname, '../..');

export interface RollupCase {
  name: string;
  /** The case's folder, read only. */
  dir: string;
}

/** The sample review and each fixture review with a checks source. */
export function rollupCases(): RollupCase[] {
  const cases: RollupCase[] = [{ name: 'sample', dir: ROOT }];
  const golden = path.join(ROOT, 'test/fixtures/golden');
  for (const name of readdirSync(golden).sort())
    if (existsSync(path.join(golden, name, 'review.config.yaml'))) cases.push({ name: `golden/${name}`, dir: path.join(golden, name) });
  cases.push({ name: 'mini', dir: path.join(ROOT, 'test/fixtures/mini') });
  return cases.filter((c) => checksSources(c.dir).length > 0);
}

function configOf(dir: string): { sources: Array<Record<string, unknown>> } & Record<string, unknown> {
  return parse(readFileSync(path.join(dir, 'review.config.yaml'), 'utf8'));
}

/** Ids of the case's checks sources. */
export function checksSources(dir: string): string[] {
  return configOf(dir)
    .sources.filter((s) => s.kind === 'checks')
    .map((s) => s.id as string);
}

/** A copy of the case (config, data, commentary, published revisions) in a temp folder. */
export function copyCase(c: RollupCase): string {
  const work = mkdtempSync(path.join(tmpdir(), `sr-rollups-${c.name.replace('/', '-')}-`));
  for (const part of ['review.config.yaml', 'data', 'content', 'snapshots/published']) {
    const from = path.join(c.dir, part);
    if (existsSync(from)) cpSync(from, path.join(work, part), { recursive: true });
  }
  return work;
}

/** Replaces each checks source of the config in `work` by `replace(source)`. */
export function replaceChecksSources(work: string, replace: (source: Record<string, unknown>) => Record<string, unknown>): void {
  const config = configOf(work);
  config.sources = config.sources.map((s) => (s.kind === 'checks' ? replace(s) : s));
  writeFileSync(path.join(work, 'review.config.yaml'), stringify(config));
}

/** Builds the review in `work` (data only); the snapshots by file name. */
export async function buildSnapshots(work: string): Promise<Map<string, string>> {
  rmSync(path.join(work, 'snapshots/draft'), { recursive: true, force: true });
  const r = await runCli(['build', '--data-only', '--no-cache', '--config', path.join(work, 'review.config.yaml')]);
  if (r.code !== 0) throw new Error(`build failed in ${work}: ${r.err}`);
  const dir = path.join(work, 'snapshots/draft');
  return new Map(
    readdirSync(dir)
      .sort()
      .map((f) => [f, readFileSync(path.join(dir, f), 'utf8')]),
  );
}

/**
 * A snapshot with its provenance taken out: the input files (names, hashes, row accounting),
 * the data-quality section that lists them, and the config's hash. Everything else — every
 * figure, the periods, the horizons, the rules — must be the same bytes.
 */
export function withoutProvenance(text: string): string {
  const s = JSON.parse(text);
  if ('inputs' in s) s.inputs = '(provenance)';
  if ('dataQuality' in s) s.dataQuality = '(provenance)';
  if ('configSha256' in s) s.configSha256 = '(provenance)';
  return JSON.stringify(s, null, 2);
}

/** The TypeScript rollups of a review (what export-rollups writes), its months and rules, and its accepted checks. */
export async function tsRollups(work: string): Promise<{
  records: RollupRecord[];
  months: MonthId[];
  rules: RuleBook;
  zone: string;
  checks: Array<{ service: string; probe: string; timeMs: number; status: string; latencyMs: number | null }>;
}> {
  const { config, ingest } = await loadAndIngest(path.join(work, 'review.config.yaml'), silentEffects, { cache: false, toolVersion: '0' });
  try {
    const months = reviewMonths(config, ingest, sourceHorizons(config, ingest));
    const rules = resolveRules(config);
    const records = reviewRollupRecords(months, rules, ingest, config.review.timeZone);
    const words = ['up', 'degraded', 'down'];
    const checks: Array<{ service: string; probe: string; timeMs: number; status: string; latencyMs: number | null }> = [];
    for (const [service, probes] of ingest.checks.toMap())
      for (const [probe, s] of probes)
        for (let i = 0; i < s.timesMs.length; i++) {
          const l = s.latenciesMs[i] as number;
          checks.push({
            service,
            probe,
            timeMs: s.timesMs[i] as number,
            status: words[s.statuses[i] as number] as string,
            latencyMs: Number.isNaN(l) ? null : l,
          });
        }
    return { records, months, rules, zone: config.review.timeZone, checks };
  } finally {
    ingest.checks.close();
  }
}

/** The accepted checks as a CSV a SQL engine loads: service id, probe, epoch ms, status word, latency (the stored float32, exactly). */
export function canonicalChecksCsv(checks: Awaited<ReturnType<typeof tsRollups>>['checks']): string {
  const lines = ['service,probe,at_ms,status,latency'];
  for (const c of checks) lines.push(`${c.service},${c.probe},${c.timeMs},${c.status},${c.latencyMs === null ? '' : String(c.latencyMs)}`);
  return `${lines.join('\n')}\n`;
}

/** Rollup rows as comparable objects: the integer columns as numbers, the list columns split, probes decoded and sorted. */
export function comparableRow(row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row)) {
    const text = v === null || v === undefined ? '' : String(v);
    if (k === 'latency_buckets' || k === 'outages') out[k] = text === '' ? [] : text.split(' ').map((p) => p.split(/[:/]/).map(Number));
    else if (k === 'probes') out[k] = text === '' ? [] : text.split('|').map(decodeProbe).sort();
    else if (k === 'service' || k === 'date') out[k] = text;
    else out[k] = text === '' || text === '\\N' ? null : Number(text);
  }
  return out;
}

/** The recipe for a case's TypeScript rollups, over a table of its accepted checks (checked_at, service ids, probe, status words, latency). */
export function recipeFor(ts: Awaited<ReturnType<typeof tsRollups>>, engine: SqlEngine, table: string): string {
  const services = [...new Set(ts.records.map((r) => r.service))].map((id) => ({ id, name: id, aliases: [] }));
  return rollupRecipe({
    engine,
    table,
    columns: { timeMs: 'checked_at', service: 'service', probe: 'probe', status: 'status', latencyMs: 'latency' },
    source: { values: {}, services, defaultService: null, asOf: null },
    months: ts.months,
    rules: ts.rules,
    zone: ts.zone,
  });
}

/** A copy of the case (its folder pushed to `dirs` for removal), its TypeScript rollups, and its accepted checks written as canonical-checks.csv. */
export async function preparedCase(
  c: RollupCase,
  dirs: string[],
): Promise<{ work: string; ts: Awaited<ReturnType<typeof tsRollups>>; csv: string }> {
  const work = copyCase(c);
  dirs.push(work);
  const ts = await tsRollups(work);
  const csv = path.join(work, 'canonical-checks.csv');
  writeFileSync(csv, canonicalChecksCsv(ts.checks));
  return { work, ts, csv };
}
