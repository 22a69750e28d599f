/**
 * Accepted checks, held columnar per service and probe (13 bytes a check; the file of each
 * check is kept as runs, since it changes rarely), then sorted and de-duplicated into
 * CheckSeries for the rollups.
 *
 * Series grow in chunks (1 Ki checks, doubling up to 64 Ki) instead of by copying, so memory
 * follows the data without the 2× spikes of a doubling array, and `finish` releases each
 * series' chunks as soon as its sorted copy is made. A series whose checks arrived in strictly
 * increasing time (the usual export) needs no sort at all.
 */
import { type CheckSeries, STATUS_CODES } from '../metrics/check-series.ts';
import type { CheckStatus } from '../model/records.ts';

const FIRST_CHUNK = 1024;
const MAX_CHUNK = 65_536;

class ChunkedSeries {
  times: Float64Array[] = [];
  statuses: Uint8Array[] = [];
  latencies: Float32Array[] = [];
  /** Length of each full chunk; the last chunk holds `fill`. */
  private t = new Float64Array(0);
  private s = new Uint8Array(0);
  private l = new Float32Array(0);
  private fill = 0;
  length = 0;
  /** [firstIndex, fileIndex] pairs: the file of check i is that of the last run starting at or before i. */
  fileRuns: number[] = [];
  /** True while every check came strictly later than the one before (no sort, no duplicates). */
  increasing = true;
  private last = Number.NEGATIVE_INFINITY;

  push(timeMs: number, status: number, latencyMs: number, file: number): void {
    if (this.fill === this.t.length) this.newChunk();
    const i = this.fill++;
    this.t[i] = timeMs;
    this.s[i] = status;
    this.l[i] = latencyMs;
    if (!(timeMs > this.last)) this.increasing = false;
    this.last = timeMs;
    const runs = this.fileRuns;
    if (runs.length === 0 || runs[runs.length - 1] !== file) runs.push(this.length, file);
    this.length++;
  }

  private newChunk(): void {
    const size = this.t.length === 0 ? FIRST_CHUNK : Math.min(MAX_CHUNK, this.t.length * 2);
    this.t = new Float64Array(size);
    this.s = new Uint8Array(size);
    this.l = new Float32Array(size);
    this.times.push(this.t);
    this.statuses.push(this.s);
    this.latencies.push(this.l);
    this.fill = 0;
  }

  /** Copies the chunks into one array of each column, in arrival order, and frees them. */
  take(): { times: Float64Array; statuses: Uint8Array; latencies: Float32Array } {
    const times = new Float64Array(this.length);
    const statuses = new Uint8Array(this.length);
    const latencies = new Float32Array(this.length);
    let at = 0;
    for (let c = 0; c < this.times.length; c++) {
      const n = Math.min((this.times[c] as Float64Array).length, this.length - at);
      times.set((this.times[c] as Float64Array).subarray(0, n), at);
      statuses.set((this.statuses[c] as Uint8Array).subarray(0, n), at);
      latencies.set((this.latencies[c] as Float32Array).subarray(0, n), at);
      at += n;
    }
    this.times = [];
    this.statuses = [];
    this.latencies = [];
    this.t = new Float64Array(0);
    this.s = new Uint8Array(0);
    this.l = new Float32Array(0);
    return { times, statuses, latencies };
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
    if (!s) byProbe.set(probe, (s = new ChunkedSeries()));
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
