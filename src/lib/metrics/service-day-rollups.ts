/**
 * Per service per day rollups from raw checks: the time the service was up (degraded apart),
 * down, without data, or in maintenance; its outages; and its latency histogram.
 * Day rollups partition the period exactly, so summing them gives the period's figures
 * (see merge-day-rollups.ts) and quarters sum months.
 */
import { type CheckSeries, lowerBound, STATUS_DEGRADED, STATUS_DOWN } from './check-series.ts';
import { HistogramBuilder, type LatencyHistogram } from './latency-histogram.ts';
import { medianCheckInterval } from './median-check-interval.ts';
import { mergeWindows, type TimeWindow } from './merge-windows.ts';

export interface DaySpan {
  /** Local date, YYYY-MM-DD. */
  date: string;
  startMs: number;
  endMs: number;
}

export interface DayRollup {
  /** Local date, YYYY-MM-DD, in the review zone. */
  date: string;
  /** Real length of the day (23, 24 or 25 hours), ms. */
  dayMs: number;
  /** Up time, degraded included, ms. */
  upMs: number;
  /** Degraded time (a part of upMs), ms. */
  degradedMs: number;
  /** Down time, ms. */
  downMs: number;
  /** Time no check covered, ms. */
  noDataMs: number;
  /** Planned maintenance, ms; excluded from every other figure. */
  maintenanceMs: number;
  /** Down runs inside the day as [startMs, endMs); a run crossing midnight is split and re-joined on merge. */
  outages: Array<[number, number]>;
  /** Checks that ran during the day, every status and probe. */
  checks: number;
  /** Latency population of the day: checks not down, not in maintenance, with a latency. */
  latency: LatencyHistogram;
  /** Part of the latency population at or below the service's threshold. */
  fastChecks: number;
}

export interface RollupOptions {
  /** The service's checks, one series per probe. */
  probes: readonly CheckSeries[];
  /** Contiguous days covering the period, in order. */
  days: readonly DaySpan[];
  /** Maintenance windows of this service (may overlap). */
  maintenance: readonly TimeWindow[];
  /** Longest time one check stands for; null → 2 × the probe's median interval in the period. */
  maxGapMs: number | null;
  /** Probes that must agree on down/degraded; null → a strict majority of covering probes. */
  confirm: number | null;
  /** Latency SLO threshold, ms. */
  latencyThresholdMs: number;
}

interface Segment {
  startMs: number;
  endMs: number;
  status: number;
}

function probeSegments(s: CheckSeries, startMs: number, endMs: number, maxGapMs: number | null): Segment[] {
  const gap =
    maxGapMs ??
    (() => {
      const median = medianCheckInterval(s, startMs, endMs);
      return median === null ? 0 : 2 * median;
    })();
  const t = s.timesMs;
  const out: Segment[] = [];
  if (gap <= 0) return out;
  // The last check before the period still covers its start.
  const first = Math.max(0, lowerBound(t, startMs) - 1);
  const last = lowerBound(t, endMs);
  for (let i = first; i < last; i++) {
    const at = t[i] as number;
    const next = i + 1 < t.length ? (t[i + 1] as number) : Number.POSITIVE_INFINITY;
    const a = Math.max(at, startMs);
    const b = Math.min(next, at + gap, endMs);
    if (b > a) out.push({ startMs: a, endMs: b, status: s.statuses[i] as number });
  }
  return out;
}

/**
 * Classifies every instant of the period and cuts the totals by day.
 *
 * Definition (metrics.md, Availability): a check's status holds until the probe's next check,
 * at most max_gap; at an instant the service is down when at least `confirm` covering probes
 * say down, else up, and degraded when up and at least `confirm` say degraded or down;
 * maintenance is neither; uncovered time is no data.
 * Method: a sweep over every segment, maintenance and day boundary; O(boundaries × probes).
 *
 * @example
 * // one probe, checks every 60 s: up at 0, down at 60 s, up at 120 s, last check at 180 s
 * // max_gap = 2 × 60 s, so the last check covers [180 s, 300 s) within a 300 s "day"
 * serviceDayRollups({ probes: [seriesOf([...])], days: [{date:'2026-01-01', startMs:0, endMs:300000}], maintenance: [], maxGapMs: null, confirm: null, latencyThresholdMs: 100 })[0].downMs // 60000
 */
export function serviceDayRollups(opts: RollupOptions): DayRollup[] {
  const { days } = opts;
  if (days.length === 0) return [];
  const periodStart = (days[0] as DaySpan).startMs;
  const periodEnd = (days[days.length - 1] as DaySpan).endMs;
  const maintenance = mergeWindows(opts.maintenance)
    .map((w) => ({ startMs: Math.max(w.startMs, periodStart), endMs: Math.min(w.endMs, periodEnd) }))
    .filter((w) => w.endMs > w.startMs);
  const segments = opts.probes.map((p) => probeSegments(p, periodStart, periodEnd, opts.maxGapMs));

  const points: number[] = [periodStart, periodEnd];
  for (const d of days) points.push(d.startMs);
  for (const w of maintenance) points.push(w.startMs, w.endMs);
  for (const segs of segments) for (const s of segs) points.push(s.startMs, s.endMs);
  const boundaries = Float64Array.from(points).sort();

  const rollups: DayRollup[] = days.map((d) => ({
    date: d.date,
    dayMs: d.endMs - d.startMs,
    upMs: 0,
    degradedMs: 0,
    downMs: 0,
    noDataMs: 0,
    maintenanceMs: 0,
    outages: [],
    checks: 0,
    latency: { count: 0, zeroCount: 0, indices: [], counts: [] },
    fastChecks: 0,
  }));

  const ptr = segments.map(() => 0);
  let mPtr = 0;
  let dPtr = 0;
  for (let k = 0; k + 1 < boundaries.length; k++) {
    const a = boundaries[k] as number;
    const b = boundaries[k + 1] as number;
    if (b <= a || a < periodStart || a >= periodEnd) continue;
    while (dPtr + 1 < days.length && (days[dPtr] as DaySpan).endMs <= a) dPtr++;
    const day = rollups[dPtr] as DayRollup;
    const len = b - a;
    while (mPtr < maintenance.length && (maintenance[mPtr] as TimeWindow).endMs <= a) mPtr++;
    const inMaintenance = mPtr < maintenance.length && (maintenance[mPtr] as TimeWindow).startMs <= a;
    if (inMaintenance) {
      day.maintenanceMs += len;
      continue;
    }
    let covering = 0;
    let down = 0;
    let degradedOrDown = 0;
    for (let p = 0; p < segments.length; p++) {
      const segs = segments[p] as Segment[];
      let i = ptr[p] as number;
      while (i < segs.length && (segs[i] as Segment).endMs <= a) i++;
      ptr[p] = i;
      const seg = segs[i];
      if (seg && seg.startMs <= a) {
        covering++;
        if (seg.status === STATUS_DOWN) down++;
        if (seg.status === STATUS_DOWN || seg.status === STATUS_DEGRADED) degradedOrDown++;
      }
    }
    if (covering === 0) {
      day.noDataMs += len;
      continue;
    }
    const confirm = opts.confirm ?? Math.floor(covering / 2) + 1;
    if (down >= confirm) {
      day.downMs += len;
      const run = day.outages[day.outages.length - 1];
      if (run && run[1] === a) run[1] = b;
      else day.outages.push([a, b]);
    } else {
      day.upMs += len;
      if (degradedOrDown >= confirm) day.degradedMs += len;
    }
  }

  // Latency population and check counts, from the checks themselves.
  const builders = days.map(() => new HistogramBuilder());
  const dayStarts = days.map((d) => d.startMs);
  const maintenanceEnds = maintenance.map((w) => w.endMs);
  for (const s of opts.probes) {
    const from = lowerBound(s.timesMs, periodStart);
    const to = lowerBound(s.timesMs, periodEnd);
    for (let i = from; i < to; i++) {
      const at = s.timesMs[i] as number;
      const dayIndex = lowerBound(dayStarts, at + 1) - 1;
      const day = rollups[dayIndex] as DayRollup;
      const builder = builders[dayIndex] as HistogramBuilder;
      day.checks++;
      const latency = s.latenciesMs[i] as number;
      if (s.statuses[i] === STATUS_DOWN || Number.isNaN(latency)) continue;
      const m = lowerBound(maintenanceEnds, at + 1);
      if (m < maintenance.length && (maintenance[m] as TimeWindow).startMs <= at) continue;
      builder.add(latency);
      if (latency <= opts.latencyThresholdMs) day.fastChecks++;
    }
  }
  rollups.forEach((r, i) => {
    r.latency = (builders[i] as HistogramBuilder).toHistogram();
  });
  return rollups;
}
