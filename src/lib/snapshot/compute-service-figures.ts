/**
 * Availability and latency figures of every service for one month, plus the day-by-day rows
 * the service page charts. Pure: takes the day rollups and the rules in force.
 */
import { type AvailabilityFigures, availabilityFigures } from '../metrics/availability-figures.ts';
import { availabilityRatio } from '../metrics/availability-ratio.ts';
import type { CheckSource } from '../model/check-series.ts';
import type { ReviewRules, TimeWindow } from '../model/rules.ts';
import { histogramPercentile } from '../rollup/latency-histogram.ts';
import { mergeDayRollups } from '../rollup/merge-day-rollups.ts';
import type { DayRollup } from '../rollup/service-day-rollups.ts';

export interface DailyServiceRow {
  date: string;
  availability: number | null;
  upMs: number;
  degradedMs: number;
  downMs: number;
  noDataMs: number;
  maintenanceMs: number;
  dayMs: number;
  p50Ms: number | null;
  p95Ms: number | null;
  p99Ms: number | null;
  checks: number;
}

export interface ServiceFigures extends AvailabilityFigures {
  id: string;
  name: string;
  owner: string;
  /** Probes seen for the service (all periods), sorted. */
  probes: string[];
  daily: DailyServiceRow[];
  maintenance: Array<{ startMs: number; endMs: number; reason: string | null }>;
}

export function dailyRow(d: DayRollup): DailyServiceRow {
  return {
    date: d.date,
    availability: availabilityRatio(d.upMs, d.downMs),
    upMs: d.upMs,
    degradedMs: d.degradedMs,
    downMs: d.downMs,
    noDataMs: d.noDataMs,
    maintenanceMs: d.maintenanceMs,
    dayMs: d.dayMs,
    p50Ms: histogramPercentile(d.latency, 50),
    p95Ms: histogramPercentile(d.latency, 95),
    p99Ms: histogramPercentile(d.latency, 99),
    checks: d.checks,
  };
}

export function serviceFigures(
  rules: ReviewRules,
  rollups: Map<string, DayRollup[]>,
  checks: CheckSource,
  bounds: TimeWindow,
): ServiceFigures[] {
  return rules.services.map((s) => {
    const days = rollups.get(s.id) ?? [];
    const figures = availabilityFigures(mergeDayRollups(days), s.target, s.latencyThresholdMs, rules.lowCoverageBelow);
    return {
      id: s.id,
      name: s.name,
      owner: s.owner,
      probes: checks.probes(s.id),
      ...figures,
      daily: days.map(dailyRow),
      maintenance: rules.maintenance
        .filter((m) => (m.service === s.id || m.service === '*') && m.endMs > bounds.startMs && m.startMs < bounds.endMs)
        .map((m) => ({ startMs: m.startMs, endMs: m.endMs, reason: m.reason })),
    };
  });
}
