import { type CheckSource, lowerBound } from '../model/check-series.ts';
import type { DaySpan } from '../time/period-days.ts';

/** What a service's checks say about each day beyond its rollup: the first and last check, and the probes that checked. */
export interface DayCheckFacts {
  firstCheckMs: number | null;
  lastCheckMs: number | null;
  /** Probes with a check that day, sorted. */
  probes: string[];
}

/**
 * The facts of each of `days` (contiguous, in order) for one service, read from the checks.
 * These go into the rollup interchange format (model/rollup-record.ts) so that a review built
 * from rollups knows its data's span and horizon, and the probes, as one built from the checks.
 * @example dayCheckFacts(source, 'api', [{ date: '2026-01-01', startMs: 0, endMs: 86400000 }])[0].probes // ['eu'] when probe eu checked at 0 and 60000
 */
export function dayCheckFacts(checks: CheckSource, service: string, days: readonly DaySpan[]): DayCheckFacts[] {
  const out: DayCheckFacts[] = days.map(() => ({ firstCheckMs: null, lastCheckMs: null, probes: [] }));
  if (days.length === 0) return out;
  const from = (days[0] as DaySpan).startMs;
  const to = (days[days.length - 1] as DaySpan).endMs;
  // probes() is sorted, so each day's probes come out sorted.
  for (const probe of checks.probes(service)) {
    const t = checks.range(service, probe, from, to).timesMs;
    let i = lowerBound(t, from);
    for (let d = 0; d < days.length && i < t.length; d++) {
      const day = days[d] as DaySpan;
      const end = lowerBound(t, day.endMs);
      if (end > i) {
        const f = out[d] as DayCheckFacts;
        const first = t[i] as number;
        const last = t[end - 1] as number;
        if (f.firstCheckMs === null || first < f.firstCheckMs) f.firstCheckMs = first;
        if (f.lastCheckMs === null || last > f.lastCheckMs) f.lastCheckMs = last;
        f.probes.push(probe);
      }
      i = end;
    }
  }
  return out;
}
