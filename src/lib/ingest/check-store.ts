/**
 * Accepted checks, held columnar per service and probe (13 bytes a check plus 4 for the
 * file index), then sorted and de-duplicated into CheckSeries for the rollups.
 */
import { type CheckSeries, STATUS_CODES } from '../metrics/check-series.ts';
import type { CheckStatus } from '../model/records.ts';

class GrowableSeries {
  times = new Float64Array(1024);
  statuses = new Uint8Array(1024);
  latencies = new Float32Array(1024);
  files = new Uint16Array(1024);
  length = 0;

  push(timeMs: number, status: number, latencyMs: number, file: number): void {
    if (this.length === this.times.length) this.grow();
    const i = this.length++;
    this.times[i] = timeMs;
    this.statuses[i] = status;
    this.latencies[i] = latencyMs;
    this.files[i] = file;
  }

  private grow(): void {
    const n = this.times.length * 2;
    const t = new Float64Array(n);
    t.set(this.times);
    this.times = t;
    const s = new Uint8Array(n);
    s.set(this.statuses);
    this.statuses = s;
    const l = new Float32Array(n);
    l.set(this.latencies);
    this.latencies = l;
    const f = new Uint16Array(n);
    f.set(this.files);
    this.files = f;
  }
}

export class CheckStore {
  private readonly series = new Map<string, Map<string, GrowableSeries>>();

  add(service: string, probe: string, timeMs: number, status: CheckStatus, latencyMs: number | null, fileIndex: number): void {
    let byProbe = this.series.get(service);
    if (!byProbe) this.series.set(service, (byProbe = new Map()));
    let s = byProbe.get(probe);
    if (!s) byProbe.set(probe, (s = new GrowableSeries()));
    s.push(timeMs, STATUS_CODES[status], latencyMs ?? Number.NaN, fileIndex);
  }

  /**
   * Sorts each series by time and drops duplicates (same service, probe and time): the later
   * row wins and the earlier one is counted against its file in `duplicatesPerFile`.
   */
  finish(duplicatesPerFile: number[]): Map<string, Map<string, CheckSeries>> {
    const out = new Map<string, Map<string, CheckSeries>>();
    for (const service of [...this.series.keys()].sort()) {
      const byProbe = this.series.get(service) as Map<string, GrowableSeries>;
      const probes = new Map<string, CheckSeries>();
      for (const probe of [...byProbe.keys()].sort()) {
        const g = byProbe.get(probe) as GrowableSeries;
        const order = new Uint32Array(g.length);
        for (let i = 0; i < g.length; i++) order[i] = i;
        // Stable by insertion order for equal times, so "later row" means later in path/line order.
        order.sort((a, b) => (g.times[a] as number) - (g.times[b] as number) || a - b);
        const keep: number[] = [];
        for (let k = 0; k < order.length; k++) {
          const i = order[k] as number;
          const next = order[k + 1];
          if (next !== undefined && g.times[next] === g.times[i]) {
            const f = g.files[i] as number;
            duplicatesPerFile[f] = (duplicatesPerFile[f] ?? 0) + 1;
            continue;
          }
          keep.push(i);
        }
        probes.set(probe, {
          timesMs: Float64Array.from(keep, (i) => g.times[i] as number),
          statuses: Uint8Array.from(keep, (i) => g.statuses[i] as number),
          latenciesMs: Float32Array.from(keep, (i) => g.latencies[i] as number),
        });
      }
      out.set(service, probes);
    }
    return out;
  }
}
