/**
 * The day rollups a review is built from, per month: computed from the checks
 * (rollup/compute-service-rollups.ts), or read ready-made from `rollups` and `duckdb` sources
 * (the interchange format, model/rollup-record.ts). A service-day comes from one or the other;
 * both at once is an error, since which one is meant cannot be known. The export of the format
 * (`review export-rollups`) writes exactly what a build uses, so a review built from its output
 * is the review built from the checks.
 */
import type { RuleBook } from '../config/resolve-rules.ts';
import { ReviewError } from '../errors.ts';
import type { IngestResult } from '../ingest/ingest-sources.ts';
import type { CheckSeries, CheckSource } from '../model/check-series.ts';
import type { RollupRecord } from '../model/rollup-record.ts';
import { computeServiceRollups } from '../rollup/compute-service-rollups.ts';
import { dayCheckFacts } from '../rollup/day-check-facts.ts';
import type { DayRollup } from '../rollup/service-day-rollups.ts';
import { periodDays } from '../time/period-days.ts';
import type { MonthId } from '../time/periods.ts';

type RollupInputs = Pick<IngestResult, 'checks' | 'rollups'>;

/** The DayRollup of a record (the record's other fields are not part of the figures). */
function dayRollupOf(r: RollupRecord): DayRollup {
  return {
    date: r.date,
    dayMs: r.dayMs,
    upMs: r.upMs,
    degradedMs: r.degradedMs,
    downMs: r.downMs,
    noDataMs: r.noDataMs,
    maintenanceMs: r.maintenanceMs,
    outages: r.outages.map(([s, e]) => [s, e]),
    checks: r.checks,
    latency: { ...r.latency, indices: [...r.latency.indices], counts: [...r.latency.counts] },
    fastChecks: r.fastChecks,
  };
}

/** service → date → imported record. */
function importedByDay(rollups: readonly RollupRecord[]): Map<string, Map<string, RollupRecord>> {
  const out = new Map<string, Map<string, RollupRecord>>();
  for (const r of rollups) {
    let m = out.get(r.service);
    if (!m) out.set(r.service, (m = new Map()));
    m.set(r.date, r);
  }
  return out;
}

/**
 * Each month's day rollups per service, the imported days in place of the computed ones.
 * @throws ReviewError when a service-day has both checks and an imported row
 */
export function reviewRollups(
  months: readonly MonthId[],
  rules: RuleBook,
  ingest: RollupInputs,
  zone: string,
): Map<MonthId, Map<string, DayRollup[]>> {
  const imported = importedByDay(ingest.rollups);
  const conflicts: string[] = [];
  const out = new Map<MonthId, Map<string, DayRollup[]>>();
  for (const month of months) {
    const computed = computeServiceRollups(rules.forMonth(month).services, ingest.checks, periodDays(month, zone), rules.maintenance);
    for (const [service, days] of computed) {
      const mine = imported.get(service);
      if (!mine) continue;
      days.forEach((d, i) => {
        const r = mine.get(d.date);
        if (!r) return;
        if (d.checks > 0) conflicts.push(`${service} ${d.date}: ${d.checks} checks and a rollups row`);
        days[i] = dayRollupOf(r);
      });
    }
    out.set(month, computed);
  }
  if (conflicts.length > 0)
    throw new ReviewError(
      `${conflicts.length} service-day${conflicts.length === 1 ? ' has' : 's have'} both raw checks and rollups; give each service-day one source`,
      conflicts.slice(0, 20),
    );
  return out;
}

const EMPTY: CheckSeries = { timesMs: new Float64Array(0), statuses: new Uint8Array(0), latenciesMs: new Float32Array(0) };

/** The checks as the service figures see them: a service's probes include those its imported rollups name. */
export function withRollupProbes(checks: CheckSource, rollups: readonly RollupRecord[]): CheckSource {
  if (rollups.length === 0) return checks;
  const extra = new Map<string, Set<string>>();
  for (const r of rollups) {
    let s = extra.get(r.service);
    if (!s) extra.set(r.service, (s = new Set()));
    for (const p of r.probes) s.add(p);
  }
  return {
    services: () => [...new Set([...checks.services(), ...[...extra].filter(([, p]) => p.size > 0).map(([s]) => s)])].sort(),
    probes: (service) => [...new Set([...checks.probes(service), ...(extra.get(service) ?? [])])].sort(),
    range: (service, probe, fromMs, toMs, slot) =>
      checks.probes(service).includes(probe) ? checks.range(service, probe, fromMs, toMs, slot) : EMPTY,
  };
}

/**
 * The rollup records of the review's months, as `export-rollups` writes them: the computed days
 * with their checks' facts, and imported days as they were read.
 */
export function reviewRollupRecords(months: readonly MonthId[], rules: RuleBook, ingest: RollupInputs, zone: string): RollupRecord[] {
  const imported = importedByDay(ingest.rollups);
  const perMonth = reviewRollups(months, rules, ingest, zone);
  const out: RollupRecord[] = [];
  for (const [month, services] of perMonth) {
    const days = periodDays(month, zone);
    for (const [service, rollups] of services) {
      const facts = dayCheckFacts(ingest.checks, service, days);
      rollups.forEach((d, i) => {
        const given = imported.get(service)?.get(d.date);
        if (given) {
          out.push(given);
          return;
        }
        const f = facts[i] as (typeof facts)[number];
        out.push({ service, ...d, firstCheckMs: f.firstCheckMs, lastCheckMs: f.lastCheckMs, probes: f.probes });
      });
    }
  }
  return out.sort((a, b) => (a.service < b.service ? -1 : a.service > b.service ? 1 : a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}
