/** The snapshot's rules block: the config parts that decide a period's figures, which the method page shows. */
import type { ReviewConfig } from '../config/config-schema.ts';
import type { MaintenanceWindow } from '../model/rules.ts';
import type { PeriodRules } from './snapshot-schema.ts';

/** The config parts that decide a period's figures, as plain data; maintenance windows only those overlapping `bounds`. */
export function periodRules(
  cfg: ReviewConfig,
  maintenance: readonly MaintenanceWindow[],
  bounds: { startMs: number; endMs: number },
): PeriodRules {
  return {
    services: cfg.services.map((s) => ({
      id: s.id,
      name: s.name,
      owner: s.owner,
      target: s.target ?? null,
      latencyThresholdMs: s.latencyThresholdMs ?? null,
      confirm: s.confirm ?? null,
      maxGap: s.maxGap ?? null,
    })),
    priorities: cfg.priorities.map((p) => ({
      id: p.id,
      name: p.name,
      words: p.words,
      response: p.response,
      resolution: p.resolution,
      clock: p.clock,
      calendar: p.calendar ?? null,
      sources: p.sources ?? null,
    })),
    targets: {
      responseAttainment: cfg.targets.responseAttainment ?? null,
      resolutionAttainment: cfg.targets.resolutionAttainment ?? null,
      csat: cfg.targets.csat ?? null,
      nps: cfg.targets.nps ?? null,
    },
    calendars: cfg.calendars.map((c) => ({
      id: c.id,
      timeZone: c.timeZone,
      weeklyHours: c.weeklyHours,
      holidays: c.holidays,
      extraWorkingDays: c.extraWorkingDays,
      extraDayHoursFrom: c.extraDayHoursFrom,
    })),
    maintenance: maintenance
      .filter((m) => m.endMs > bounds.startMs && m.startMs < bounds.endMs)
      .map((m) => ({ service: m.service, startMs: m.startMs, endMs: m.endMs, reason: m.reason })),
    surveys: cfg.surveys,
    lowSampleBelow: cfg.review.lowSampleBelow,
    lowCoverageBelow: cfg.review.lowCoverageBelow,
  };
}
