/**
 * The day rollups of every configured service for one period: each service's probes are read
 * back from the check store for that period only, so memory holds one service-month at a time.
 */
import type { CheckSource } from '../model/check-series.ts';
import type { MaintenanceWindow, ServiceRule } from '../model/rules.ts';
import type { DaySpan } from '../time/period-days.ts';
import { type DayRollup, serviceDayRollups } from './service-day-rollups.ts';

/**
 * @param services the services and their rules in force for the period
 * @param checks where the checks are read from, one service-probe range at a time
 * @param days the period's local days, in order
 * @param maintenance every maintenance window (each service takes its own and `*`)
 * @returns service id → its day rollups, one per day
 */
export function computeServiceRollups(
  services: readonly ServiceRule[],
  checks: CheckSource,
  days: readonly DaySpan[],
  maintenance: readonly MaintenanceWindow[],
): Map<string, DayRollup[]> {
  const out = new Map<string, DayRollup[]>();
  const from = days.length > 0 ? (days[0] as DaySpan).startMs : 0;
  const to = days.length > 0 ? (days[days.length - 1] as DaySpan).endMs : 0;
  for (const s of services) {
    // Slot i: the buffer of the service's i-th probe is reused by the next service (the rollups keep no view of it).
    const probes = checks.probes(s.id).map((p, i) => checks.range(s.id, p, from, to, i));
    out.set(
      s.id,
      serviceDayRollups({
        probes,
        days,
        maintenance: maintenance.filter((m) => m.service === s.id || m.service === '*'),
        maxGapMs: s.maxGapMs,
        confirm: s.confirm,
        latencyThresholdMs: s.latencyThresholdMs,
      }),
    );
  }
  return out;
}
