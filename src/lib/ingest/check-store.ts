/**
 * Accepted checks, held columnar per service and probe (13 bytes a check; the file of each
 * check is kept as runs, since it changes rarely), then sorted and de-duplicated into
 * CheckSeries for the rollups.
 *
 * Series grow in place (resizable ArrayBuffers that reserve address space, so only written
 * pages count in memory): no copies and none of the 2× spikes of a doubling array. A series
 * whose checks arrived in strictly increasing time (the usual export) needs no sort, and its
 * CheckSeries are views of the store's own columns.
 */
import { type CheckSeries, STATUS_CODES } from '../metrics/check-series.ts';
import type { CheckStatus } from '../model/records.ts';

const FIRST_CAPACITY = 1024;
/** Checks a series can hold in place; past it a series grows by copying, like an ordinary array. */
const RESERVE_CHECKS = 1 << 27;
/** Series of a store that get an in-place reservation (three address ranges each); later ones grow by copying. */
const MAX_RESERVED_SERIES = 4096;

type Column = Float64Array | Uint8Array | Float32Array;
type ColumnType = { new (buffer: ArrayBuffer, byteOffset?: number, length?: number): Column; BYTES_PER_ELEMENT: number };

/**
 * A column that grows in place: a resizable ArrayBuffer reserves address space up front and
 * only the pages written count in memory, so growing never copies and never doubles the
 * footprint; the finished column is a view of its first `length` elements, not a copy.
 */
class GrowColumn<T extends Column> {
  private buffer: ArrayBuffer;
  view: T;
  private readonly type: ColumnType;

  constructor(type: ColumnType, reserve: boolean) {
    this.type = type;
    let buffer: ArrayBuffer;
    try {
      buffer = reserve ? new ArrayBuffer(0, { maxByteLength: RESERVE_CHECKS * type.BYTES_PER_ELEMENT }) : new ArrayBuffer(0);
    } catch {
      buffer = new ArrayBuffer(0);
    }
    this.buffer = buffer;
    this.view = new type(buffer) as T;
  }

  get capacity(): number {
    return this.buffer.byteLength / this.type.BYTES_PER_ELEMENT;
  }

  grow(min: number): void {
    const want = Math.max(min, FIRST_CAPACITY, this.capacity * 2);
    const bytes = want * this.type.BYTES_PER_ELEMENT;
    if (this.buffer.resizable && bytes <= this.buffer.maxByteLength) {
      // A length-tracking view follows the resize.
      this.buffer.resize(bytes);
      return;
    }
    const next = new ArrayBuffer(bytes);
    new Uint8Array(next).set(new Uint8Array(this.buffer));
    this.buffer = next;
    this.view = new this.type(next) as T;
  }

  /** The first `length` elements as a view; the column must not be written after. */
  take(length: number): T {
    return new this.type(this.buffer, 0, length) as T;
  }
}

class ChunkedSeries {
  private readonly t: GrowColumn<Float64Array>;
  private readonly s: GrowColumn<Uint8Array>;
  private readonly l: GrowColumn<Float32Array>;
  length = 0;
  /** [firstIndex, fileIndex] pairs: the file of check i is that of the last run starting at or before i. */
  fileRuns: number[] = [];
  /** True while every check came strictly later than the one before (no sort, no duplicates). */
  increasing = true;
  private last = Number.NEGATIVE_INFINITY;

  constructor(reserve: boolean) {
    this.t = new GrowColumn(Float64Array, reserve);
    this.s = new GrowColumn(Uint8Array, reserve);
    this.l = new GrowColumn(Float32Array, reserve);
  }

  private ensure(n: number): void {
    if (n > this.t.capacity) {
      this.t.grow(n);
      this.s.grow(n);
      this.l.grow(n);
    }
  }

  push(timeMs: number, status: number, latencyMs: number, file: number): void {
    const i = this.length;
    if (i === this.t.capacity) this.ensure(i + 1);
    this.t.view[i] = timeMs;
    this.s.view[i] = status;
    this.l.view[i] = latencyMs;
    if (!(timeMs > this.last)) this.increasing = false;
    this.last = timeMs;
    const runs = this.fileRuns;
    if (runs.length === 0 || runs[runs.length - 1] !== file) runs.push(i, file);
    this.length = i + 1;
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
    const runs = this.fileRuns;
    if (runs.length === 0 || runs[runs.length - 1] !== file) runs.push(this.length, file);
    this.ensure(this.length + n);
    this.t.view.set(times, this.length);
    this.s.view.set(statuses, this.length);
    this.l.view.set(latencies, this.length);
    this.length += n;
  }

  /** The columns in arrival order, as views (no copy). */
  take(): { times: Float64Array; statuses: Uint8Array; latencies: Float32Array } {
    return { times: this.t.take(this.length), statuses: this.s.take(this.length), latencies: this.l.take(this.length) };
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
}

export class CheckStore {
  private readonly series = new Map<string, Map<string, ChunkedSeries>>();
  private readonly byHandle: ChunkedSeries[] = [];
  private readonly handles = new Map<ChunkedSeries, number>();

  /** A handle for the (service, probe) series, for `push`; stable for the store's life. */
  handle(service: string, probe: string): number {
    let byProbe = this.series.get(service);
    if (!byProbe) this.series.set(service, (byProbe = new Map()));
    let s = byProbe.get(probe);
    if (!s) byProbe.set(probe, (s = new ChunkedSeries(this.byHandle.length < MAX_RESERVED_SERIES)));
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
    (this.byHandle[handle] as ChunkedSeries).push(timeMs, status, latencyMs, fileIndex);
  }

  /** Adds checks of one series by handle, in arrival order. */
  pushBatch(handle: number, times: Float64Array, statuses: Uint8Array, latencies: Float32Array, fileIndex: number): void {
    (this.byHandle[handle] as ChunkedSeries).pushBatch(times, statuses, latencies, fileIndex);
  }

  add(service: string, probe: string, timeMs: number, status: CheckStatus, latencyMs: number | null, fileIndex: number): void {
    this.push(this.handle(service, probe), timeMs, STATUS_CODES[status], latencyMs ?? Number.NaN, fileIndex);
  }

  /**
   * Sorts each series by time and drops duplicates (same service, probe and time): the later
   * row wins and the earlier one is counted against its file in `duplicatesPerFile`.
   */
  finish(duplicatesPerFile: number[]): Map<string, Map<string, CheckSeries>> {
    const out = new Map<string, Map<string, CheckSeries>>();
    for (const service of [...this.series.keys()].sort()) {
      const byProbe = this.series.get(service) as Map<string, ChunkedSeries>;
      const probes = new Map<string, CheckSeries>();
      for (const probe of [...byProbe.keys()].sort()) {
        const g = byProbe.get(probe) as ChunkedSeries;
        if (g.increasing) {
          const { times, statuses, latencies } = g.take();
          probes.set(probe, { timesMs: times, statuses, latenciesMs: latencies });
          continue;
        }
        const files = g.files();
        const { times, statuses, latencies } = g.take();
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
            continue;
          }
          keep.push(i);
        }
        probes.set(probe, {
          timesMs: Float64Array.from(keep, (i) => times[i] as number),
          statuses: Uint8Array.from(keep, (i) => statuses[i] as number),
          latenciesMs: Float32Array.from(keep, (i) => latencies[i] as number),
        });
      }
      out.set(service, probes);
    }
    this.series.clear();
    this.byHandle.length = 0;
    this.handles.clear();
    return out;
  }
}
