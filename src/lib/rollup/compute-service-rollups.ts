/**
 * The day rollups of every configured service for one period: each service's probes are read
 * back from the check store for that period only, so memory holds one service-month at a time.
 */
import type { ReviewConfig } from '../config/config-schema.ts';
import { parseDurationSeconds } from '../config/config-schema.ts';
import type { CheckSource } from '../model/check-series.ts';
import type { DaySpan } from '../time/period-days.ts';
import type { TimeWindow } from './merge-windows.ts';
import { type DayRollup, serviceDayRollups } from './service-day-rollups.ts';

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
