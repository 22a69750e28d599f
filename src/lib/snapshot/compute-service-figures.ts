/**
 * Availability and latency figures of every service for one month, plus the day-by-day rows
 * the service page charts. Pure: takes the ingested series and the config.
 */
import type { ReviewConfig } from '../config/config-schema.ts';
import { parseDurationSeconds } from '../config/config-schema.ts';
import { type AvailabilityFigures, availabilityFigures } from '../metrics/availability-figures.ts';
import type { CheckSource } from '../metrics/check-series.ts';
import { histogramPercentile } from '../metrics/latency-histogram.ts';
import { mergeDayRollups } from '../metrics/merge-day-rollups.ts';
import type { TimeWindow } from '../metrics/merge-windows.ts';
import { type DayRollup, type DaySpan, serviceDayRollups } from '../metrics/service-day-rollups.ts';

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
  const eligible = d.upMs + d.downMs;
  return {
    date: d.date,
    availability: eligible > 0 ? d.upMs / eligible : null,
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

export function computeServiceRollups(
  config: ReviewConfig,
  checks: CheckSource,
  days: readonly DaySpan[],
  maintenance: ReadonlyArray<TimeWindow & { service: string; reason: string | null }>,
): Map<string, DayRollup[]> {
  const out = new Map<string, DayRollup[]>();
  for (const s of config.services) {
    // One service's probes for this period only: the store reads them back from its spill file.
    const from = days.length > 0 ? (days[0] as DaySpan).startMs : 0;
    const to = days.length > 0 ? (days[days.length - 1] as DaySpan).endMs : 0;
    // Slot i: the buffer of the service's i-th probe is reused by the next service (the rollups keep no view of it).
    const probes = checks.probes(s.id).map((p, i) => checks.range(s.id, p, from, to, i));
    const gap = s.maxGap ? parseDurationSeconds(s.maxGap) : null;
    out.set(
      s.id,
      serviceDayRollups({
        probes,
        days,
        maintenance: maintenance.filter((m) => m.service === s.id || m.service === '*'),
        maxGapMs: gap === null ? null : gap * 1000,
        confirm: s.confirm ?? null,
        latencyThresholdMs: s.latencyThresholdMs,
      }),
    );
  }
  return out;
}

export function serviceFigures(
  config: ReviewConfig,
  rollups: Map<string, DayRollup[]>,
  checks: CheckSource,
  bounds: TimeWindow,
  maintenance: ReadonlyArray<TimeWindow & { service: string; reason: string | null }>,
): ServiceFigures[] {
  return config.services.map((s) => {
    const days = rollups.get(s.id) ?? [];
    const figures = availabilityFigures(mergeDayRollups(days), s.target, s.latencyThresholdMs, config.review.lowCoverageBelow);
    return {
      id: s.id,
      name: s.name,
      owner: s.owner,
      probes: checks.probes(s.id),
      ...figures,
      daily: days.map(dailyRow),
      maintenance: maintenance
        .filter((m) => (m.service === s.id || m.service === '*') && m.endMs > bounds.startMs && m.startMs < bounds.endMs)
        .map((m) => ({ startMs: m.startMs, endMs: m.endMs, reason: m.reason })),
    };
  });
}
