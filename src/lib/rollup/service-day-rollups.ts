/**
 * Per service per day rollups from raw checks: the time the service was up (degraded apart),
 * down, without data, or in maintenance; its outages; and its latency histogram.
 * Day rollups partition the period exactly, so summing them gives the period's figures
 * (see merge-day-rollups.ts) and quarters sum months.
 */

import { type CheckSeries, lowerBound, STATUS_DEGRADED, STATUS_DOWN } from '../model/check-series.ts';
import { mergeWindows } from '../model/merge-windows.ts';
import type { RollupRecord } from '../model/rollup-record.ts';
import type { TimeWindow } from '../model/rules.ts';
import type { DaySpan } from '../time/period-days.ts';
import { bucketIndex, type LatencyHistogram } from './latency-histogram.ts';
import { medianCheckInterval } from './median-check-interval.ts';

/**
 * One service-day: the rollup interchange format's record (model/rollup-record.ts, where each field
 * is documented) without the facts the rollups do not compute (the service, first and last check,
 * probes). Its latency is a LatencyHistogram.
 */
export type DayRollup = Omit<RollupRecord, 'service' | 'firstCheckMs' | 'lastCheckMs' | 'probes' | 'latency'> & {
  latency: LatencyHistogram;
};

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

/**
 * The probe's status over the period as segments: each check's status holds from its time
 * until the next check, at most `gap`. Adjacent segments with the same status are joined: the
 * status at every instant is the same, and every time is a whole number of milliseconds, so
 * the sums over them do not change, while the sweep gets far fewer boundaries.
 */
function probeSegments(s: CheckSeries, startMs: number, endMs: number, maxGapMs: number | null): Segment[] {
  const t = s.timesMs;
  let gap = maxGapMs;
  if (gap === null) {
    const median = medianCheckInterval(t, startMs, endMs);
    gap = median === null ? 0 : 2 * median;
  }
  const out: Segment[] = [];
  if (gap <= 0) return out;
  // The last check before the period still covers its start.
  const first = Math.max(0, lowerBound(t, startMs) - 1);
  const last = lowerBound(t, endMs);
  let open: Segment | null = null;
  for (let i = first; i < last; i++) {
    const at = t[i] as number;
    const next = i + 1 < t.length ? (t[i + 1] as number) : Number.POSITIVE_INFINITY;
    const a = Math.max(at, startMs);
    const b = Math.min(next, at + gap, endMs);
    if (b <= a) continue;
    const status = s.statuses[i] as number;
    if (open !== null && open.endMs === a && open.status === status) open.endMs = b;
    else {
      open = { startMs: a, endMs: b, status };
      out.push(open);
    }
  }
  return out;
}

/** Bucket indices of whole-millisecond latencies, computed once (the usual values). */
const BUCKET_OF_INT = new Int16Array(65_536);
for (let v = 1; v < BUCKET_OF_INT.length; v++) BUCKET_OF_INT[v] = bucketIndex(v);

/** Bucket indices kept in a dense array: 1 µs to about 10^17 ms, every latency there is. */
const DENSE_FROM = -800;
const DENSE_SIZE = 2800;

/**
 * Dense count arrays handed back by read-out, zeroed, for the next day: a month of 80 services
 * would otherwise leave thousands of 22 KB arrays to the garbage collector (memory, not time).
 */
const densePool: Float64Array[] = [];

/** Per-day latency counts, read out in the sparse form HistogramBuilder#toHistogram gives. */
class DayHistogram {
  private dense: Float64Array | null = null;
  /** Lowest and highest dense slot written, so read-out and zeroing touch only those. */
  private lo = DENSE_SIZE;
  private hi = -1;
  private readonly sparse = new Map<number, number>();
  zeros = 0;
  n = 0;

  add(valueMs: number): void {
    this.n++;
    if (valueMs <= 0) {
      this.zeros++;
      return;
    }
    const i = valueMs < 65_536 && Number.isInteger(valueMs) ? (BUCKET_OF_INT[valueMs] as number) : bucketIndex(valueMs);
    const d = i - DENSE_FROM;
    if (d >= 0 && d < DENSE_SIZE) {
      if (this.dense === null) this.dense = densePool.pop() ?? new Float64Array(DENSE_SIZE);
      this.dense[d] = (this.dense[d] as number) + 1;
      if (d < this.lo) this.lo = d;
      if (d > this.hi) this.hi = d;
    } else this.sparse.set(i, (this.sparse.get(i) ?? 0) + 1);
  }

  /** The histogram; the builder must not be used after. */
  toHistogram(): LatencyHistogram {
    const counts = new Map(this.sparse);
    const dense = this.dense;
    if (dense !== null) {
      for (let d = this.lo; d <= this.hi; d++) if ((dense[d] as number) > 0) counts.set(d + DENSE_FROM, dense[d] as number);
      dense.fill(0, this.lo, this.hi + 1);
      densePool.push(dense);
      this.dense = null;
    }
    const indices = [...counts.keys()].sort((a, b) => a - b);
    return { count: this.n, zeroCount: this.zeros, indices, counts: indices.map((i) => counts.get(i) as number) };
  }
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

  // Latency population and check counts, from the checks themselves (each probe in time order,
  // so the day and the maintenance window move forward with it).
  const builders = days.map(() => new DayHistogram());
  const dayStarts = days.map((d) => d.startMs);
  const maintenanceEnds = maintenance.map((w) => w.endMs);
  const threshold = opts.latencyThresholdMs;
  for (const s of opts.probes) {
    const times = s.timesMs;
    const statuses = s.statuses;
    const latencies = s.latenciesMs;
    const from = lowerBound(times, periodStart);
    const to = lowerBound(times, periodEnd);
    let dayIndex = 0;
    let m = 0;
    for (let i = from; i < to; i++) {
      const at = times[i] as number;
      while (dayIndex + 1 < dayStarts.length && (dayStarts[dayIndex + 1] as number) <= at) dayIndex++;
      const day = rollups[dayIndex] as DayRollup;
      day.checks++;
      const latency = latencies[i] as number;
      if (statuses[i] === STATUS_DOWN || Number.isNaN(latency)) continue;
      while (m < maintenanceEnds.length && (maintenanceEnds[m] as number) <= at) m++;
      if (m < maintenance.length && (maintenance[m] as TimeWindow).startMs <= at) continue;
      (builders[dayIndex] as DayHistogram).add(latency);
      if (latency <= threshold) day.fastChecks++;
    }
  }
  rollups.forEach((r, i) => {
    r.latency = (builders[i] as DayHistogram).toHistogram();
  });
  return rollups;
}
