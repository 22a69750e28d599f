/**
 * Accepted checks, held per service and probe so that memory does not grow with the input:
 * each series keeps a small tail in memory (13 bytes a check: time, status, latency) and,
 * when the tail is full, appends it as a chunk to one spill file (spill-file.ts: an unlinked
 * temp file, so nothing is left behind). The rollups then read one service's probes for one month at a
 * time (`StoredChecks.range`), so peak memory is one month of one service, not every row.
 *
 * A series whose checks arrived in strictly increasing time (the usual export) is read back
 * chunk by chunk as it was written. Any other series is sorted and de-duplicated once, at
 * `finish`, in memory (that series alone) and written back sorted: the later row wins and
 * the earlier one is counted against its file as a duplicate.
 */
import { tmpdir } from 'node:os';
import { type CheckSeries, type CheckSource, STATUS_CODES, sliceSeries } from '../model/check-series.ts';
import type { CheckStatus } from '../model/records.ts';
import { BYTES_PER_CHECK, SpillFile } from './spill-file.ts';

/** Memory all tails may take together; a series' tail is this over the series count, within the bounds below. */
const TAIL_BUDGET_BYTES = 4 << 20;
const MAX_TAIL_CHECKS = 2048;
const MIN_TAIL_CHECKS = 256;

const EMPTY: CheckSeries = { timesMs: new Float64Array(0), statuses: new Uint8Array(0), latenciesMs: new Float32Array(0) };

/** Read buffers that are grown, never shrunk, and handed out as views: no garbage per read. */
class Scratch {
  private times = new Float64Array(0);
  private statuses = new Uint8Array(0);
  private latencies = new Float32Array(0);

  take(n: number): CheckSeries {
    if (this.times.length < n) {
      const size = Math.max(n, Math.ceil(this.times.length * 1.5));
      this.times = new Float64Array(size);
      this.statuses = new Uint8Array(size);
      this.latencies = new Float32Array(size);
    }
    return { timesMs: this.times.subarray(0, n), statuses: this.statuses.subarray(0, n), latenciesMs: this.latencies.subarray(0, n) };
  }
}

class StoredSeries {
  private tailTimes: Float64Array;
  private tailStatuses: Uint8Array;
  private tailLatencies: Float32Array;
  private tailLength = 0;
  /** Spilled chunks, four numbers each: offset, count, first time, last time. */
  chunks: number[] = [];
  length = 0;
  /** [firstIndex, fileIndex] pairs: the file of check i is that of the last run starting at or before i. */
  fileRuns: number[] = [];
  /** True while every check came strictly later than the one before (no sort, no duplicates). */
  increasing = true;
  private last = Number.NEGATIVE_INFINITY;
  private readonly spill: SpillFile;

  constructor(spill: SpillFile, tailChecks: number) {
    this.spill = spill;
    this.tailTimes = new Float64Array(tailChecks);
    this.tailStatuses = new Uint8Array(tailChecks);
    this.tailLatencies = new Float32Array(tailChecks);
  }

  private noteFile(file: number): void {
    const runs = this.fileRuns;
    if (runs.length === 0 || runs[runs.length - 1] !== file) runs.push(this.length, file);
  }

  private flush(): void {
    const n = this.tailLength;
    if (n === 0) return;
    const times = this.tailTimes.subarray(0, n);
    const offset = this.spill.append(times, this.tailLatencies.subarray(0, n), this.tailStatuses.subarray(0, n));
    this.chunks.push(offset, n, times[0] as number, times[n - 1] as number);
    this.tailLength = 0;
  }

  push(timeMs: number, status: number, latencyMs: number, file: number): void {
    if (this.tailLength === this.tailTimes.length) this.flush();
    const i = this.tailLength;
    this.tailTimes[i] = timeMs;
    this.tailStatuses[i] = status;
    this.tailLatencies[i] = latencyMs;
    this.tailLength = i + 1;
    if (!(timeMs > this.last)) this.increasing = false;
    this.last = timeMs;
    this.noteFile(file);
    this.length++;
  }

  /** Appends checks in arrival order (a worker's batch for this series). */
  pushBatch(times: Float64Array, statuses: Uint8Array, latencies: Float32Array, file: number): void {
    const n = times.length;
    if (n === 0) return;
    let last = this.last;
    let increasing = this.increasing;
    for (let i = 0; i < n && increasing; i++) {
      const t = times[i] as number;
      if (!(t > last)) increasing = false;
      last = t;
    }
    this.increasing = increasing;
    this.last = times[n - 1] as number;
    this.noteFile(file);
    let at = 0;
    while (at < n) {
      if (this.tailLength === this.tailTimes.length) this.flush();
      const take = Math.min(n - at, this.tailTimes.length - this.tailLength);
      this.tailTimes.set(times.subarray(at, at + take), this.tailLength);
      this.tailStatuses.set(statuses.subarray(at, at + take), this.tailLength);
      this.tailLatencies.set(latencies.subarray(at, at + take), this.tailLength);
      this.tailLength += take;
      at += take;
    }
    this.length += n;
  }

  /** Chunks c0 ≤ c < c1 and then the tail (when withTail), in one set of arrays: new, or views of `scratch`. */
  private load(c0: number, c1: number, withTail: boolean, scratch: Scratch | null = null): CheckSeries {
    let n = withTail ? this.tailLength : 0;
    for (let c = c0; c < c1; c++) n += this.chunks[4 * c + 1] as number;
    if (n === 0) return EMPTY;
    const out = scratch ? scratch.take(n) : { timesMs: new Float64Array(n), statuses: new Uint8Array(n), latenciesMs: new Float32Array(n) };
    let at = 0;
    for (let c = c0; c < c1; c++) {
      const count = this.chunks[4 * c + 1] as number;
      this.spill.read(this.chunks[4 * c] as number, count, out.timesMs, out.latenciesMs, out.statuses, at);
      at += count;
    }
    if (withTail) {
      out.timesMs.set(this.tailTimes.subarray(0, this.tailLength), at);
      out.statuses.set(this.tailStatuses.subarray(0, this.tailLength), at);
      out.latenciesMs.set(this.tailLatencies.subarray(0, this.tailLength), at);
    }
    return out;
  }

  /** Every check in arrival order. */
  all(): CheckSeries {
    return this.load(0, this.chunks.length / 4, true);
  }

  /** File index of every check, from the runs. */
  files(): Uint16Array {
    const out = new Uint16Array(this.length);
    for (let r = 0; r < this.fileRuns.length; r += 2) {
      const end = r + 2 < this.fileRuns.length ? (this.fileRuns[r + 2] as number) : this.length;
      out.fill(this.fileRuns[r + 1] as number, this.fileRuns[r] as number, end);
    }
    return out;
  }

  /** Replaces the content with a sorted series: spilled in tail-sized chunks, the rest kept as the tail. */
  replaceSorted(sorted: CheckSeries): void {
    this.chunks = [];
    this.tailLength = 0;
    const size = this.tailTimes.length;
    const n = sorted.timesMs.length;
    let at = 0;
    for (; n - at > size; at += size) {
      const times = sorted.timesMs.subarray(at, at + size);
      const offset = this.spill.append(times, sorted.latenciesMs.subarray(at, at + size), sorted.statuses.subarray(at, at + size));
      this.chunks.push(offset, size, times[0] as number, times[size - 1] as number);
    }
    this.tailTimes.set(sorted.timesMs.subarray(at));
    this.tailStatuses.set(sorted.statuses.subarray(at));
    this.tailLatencies.set(sorted.latenciesMs.subarray(at));
    this.tailLength = n - at;
    this.length = n;
    this.increasing = true;
  }

  /** Checks of [fromMs, toMs) and the one before; the series must be sorted (increasing). */
  range(fromMs: number, toMs: number, scratch: Scratch | null): CheckSeries {
    // Parts in time order: the spilled chunks, then the tail (part `count`, when not empty).
    const count = this.chunks.length / 4;
    const parts = count + (this.tailLength > 0 ? 1 : 0);
    const firstOf = (p: number) => (p < count ? (this.chunks[4 * p + 2] as number) : (this.tailTimes[0] as number));
    // The last part starting before fromMs holds the last check before fromMs.
    let p0 = 0;
    while (p0 + 1 < parts && firstOf(p0 + 1) < fromMs) p0++;
    let p1 = p0;
    while (p1 < parts && firstOf(p1) < toMs) p1++;
    if (p1 === p0) return EMPTY;
    return sliceSeries(this.load(p0, Math.min(p1, count), p1 > count, scratch), fromMs, toMs);
  }
}

export class CheckStore {
  private readonly series = new Map<string, Map<string, StoredSeries>>();
  private readonly byHandle: StoredSeries[] = [];
  private readonly handles = new Map<StoredSeries, number>();
  private readonly spill: SpillFile;

  private readonly tailChecks: number | null;

  /**
   * @param options.spillDir folder of the spill file (default: the OS temp folder)
   * @param options.tailChecks checks a series keeps in memory before it spills (default: from a
   *   4 MiB budget over the series; tests make it tiny so that every path spills)
   */
  constructor(options: { spillDir?: string; tailChecks?: number } = {}) {
    this.spill = new SpillFile(options.spillDir ?? tmpdir());
    this.tailChecks = options.tailChecks ?? null;
  }

  /** A handle for the (service, probe) series, for `push`; stable for the store's life. */
  handle(service: string, probe: string): number {
    let byProbe = this.series.get(service);
    if (!byProbe) this.series.set(service, (byProbe = new Map()));
    let s = byProbe.get(probe);
    if (!s) {
      const tail =
        this.tailChecks ??
        Math.max(MIN_TAIL_CHECKS, Math.min(MAX_TAIL_CHECKS, Math.floor(TAIL_BUDGET_BYTES / BYTES_PER_CHECK / (this.byHandle.length + 1))));
      byProbe.set(probe, (s = new StoredSeries(this.spill, tail)));
    }
    let h = this.handles.get(s);
    if (h === undefined) {
      h = this.byHandle.length;
      this.byHandle.push(s);
      this.handles.set(s, h);
    }
    return h;
  }

  /** Adds a check by handle; `status` is a STATUS_* code, `latencyMs` NaN when absent. */
  push(handle: number, timeMs: number, status: number, latencyMs: number, fileIndex: number): void {
    (this.byHandle[handle] as StoredSeries).push(timeMs, status, latencyMs, fileIndex);
  }

  /** Adds checks of one series by handle, in arrival order. */
  pushBatch(handle: number, times: Float64Array, statuses: Uint8Array, latencies: Float32Array, fileIndex: number): void {
    (this.byHandle[handle] as StoredSeries).pushBatch(times, statuses, latencies, fileIndex);
  }

  add(service: string, probe: string, timeMs: number, status: CheckStatus, latencyMs: number | null, fileIndex: number): void {
    this.push(this.handle(service, probe), timeMs, STATUS_CODES[status], latencyMs ?? Number.NaN, fileIndex);
  }

  /**
   * Sorts each series that did not arrive in time order and drops duplicates (same service,
   * probe and time): the later row wins and the earlier one is counted against its file in
   * `duplicatesPerFile`, and told to `onDuplicate` with its file and time when given. The store is
   * then read through the returned StoredChecks.
   */
  finish(duplicatesPerFile: number[], onDuplicate?: (file: number, timeMs: number) => void): StoredChecks {
    for (const byProbe of this.series.values()) {
      for (const g of byProbe.values()) {
        if (g.increasing) continue;
        const files = g.files();
        const { timesMs: times, statuses, latenciesMs: latencies } = g.all();
        const order = new Uint32Array(g.length);
        for (let i = 0; i < g.length; i++) order[i] = i;
        // Stable by insertion order for equal times, so "later row" means later in path/line order.
        order.sort((a, b) => (times[a] as number) - (times[b] as number) || a - b);
        const keep: number[] = [];
        for (let k = 0; k < order.length; k++) {
          const i = order[k] as number;
          const next = order[k + 1];
          if (next !== undefined && times[next] === times[i]) {
            const f = files[i] as number;
            duplicatesPerFile[f] = (duplicatesPerFile[f] ?? 0) + 1;
            onDuplicate?.(f, times[i] as number);
            continue;
          }
          keep.push(i);
        }
        g.replaceSorted({
          timesMs: Float64Array.from(keep, (i) => times[i] as number),
          statuses: Uint8Array.from(keep, (i) => statuses[i] as number),
          latenciesMs: Float32Array.from(keep, (i) => latencies[i] as number),
        });
      }
    }
    return new StoredChecks(this.series, this.spill);
  }
}

/** Closes a spill file whose StoredChecks was dropped without `close()` (tests, tools). */
const closeWhenDropped = new FinalizationRegistry<SpillFile>((spill) => spill.close());

/** The ingested checks, read back one service-probe time range at a time. */
export class StoredChecks implements CheckSource {
  private readonly series: Map<string, Map<string, StoredSeries>>;
  private readonly spill: SpillFile;
  /** Reused read buffers, one per slot (see CheckSource.range). */
  private readonly scratch: Scratch[] = [];

  constructor(series: Map<string, Map<string, StoredSeries>>, spill: SpillFile) {
    this.series = series;
    this.spill = spill;
    closeWhenDropped.register(this, spill, this);
  }

  services(): string[] {
    return [...this.series.keys()].sort();
  }

  probes(service: string): string[] {
    return [...(this.series.get(service)?.keys() ?? [])].sort();
  }

  range(service: string, probe: string, fromMs: number, toMs: number, slot?: number): CheckSeries {
    const s = this.series.get(service)?.get(probe);
    if (!s) return EMPTY;
    let scratch: Scratch | null = null;
    if (slot !== undefined) {
      scratch = this.scratch[slot] ?? null;
      if (scratch === null) this.scratch[slot] = scratch = new Scratch();
    }
    return s.range(fromMs, toMs, scratch);
  }

  /** Every series in memory: service → probe → series (tests and small inputs only). */
  toMap(): Map<string, Map<string, CheckSeries>> {
    const out = new Map<string, Map<string, CheckSeries>>();
    for (const service of this.services()) {
      const probes = new Map<string, CheckSeries>();
      const byProbe = this.series.get(service) as Map<string, StoredSeries>;
      for (const probe of this.probes(service)) probes.set(probe, (byProbe.get(probe) as StoredSeries).all());
      out.set(service, probes);
    }
    return out;
  }

  /** Closes the spill file; the checks cannot be read after. */
  close(): void {
    closeWhenDropped.unregister(this);
    this.spill.close();
  }
}
