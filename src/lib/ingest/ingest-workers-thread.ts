/**
 * Worker side of ingest-workers.ts: reads blocks of whole lines of one UTF-8 checks export
 * with the shared line loop (line-loop.ts) and the checks fast path's row work, and posts back,
 * per block, the accepted checks grouped by series (in arrival order) and the block's row
 * accounting. Line numbers are local to the block; the main thread adds the lines before it.
 */
import { parentPort } from 'node:worker_threads';
import { type CheckSink, FastCheckRows, type FastChecksPlan, fastChecksPlan } from './fast-checks.ts';
import { newFileAccount, RowAccount } from './file-account.ts';
import type { BlockResult, BlockTask, PackedChecks, SpareColumns, WorkerSetup } from './ingest-workers.ts';
import { LineLoop } from './line-loop.ts';
import { rowMapperFor } from './row-mappers.ts';

/** Checks of one block in arrival order, then grouped by series with a counting sort. */
class BlockSink implements CheckSink {
  private readonly names: Array<[string, string]> = [];
  private readonly ids = new Map<string, number>();
  private handles = new Uint16Array(1 << 16);
  private times = new Float64Array(1 << 16);
  private statuses = new Uint8Array(1 << 16);
  private latencies = new Float32Array(1 << 16);
  private n = 0;

  seriesHandle(service: string, probe: string): number {
    const key = `${service}\u0000${probe}`;
    let h = this.ids.get(key);
    if (h === undefined) {
      h = this.names.length;
      this.ids.set(key, h);
      this.names.push([service, probe]);
    }
    return h;
  }

  add(handle: number, timeMs: number, status: number, latencyMs: number): void {
    const i = this.n;
    if (i === this.times.length) this.grow();
    this.handles[i] = handle;
    this.times[i] = timeMs;
    this.statuses[i] = status;
    this.latencies[i] = latencyMs;
    this.n = i + 1;
  }

  private grow(): void {
    const n = this.times.length * 2;
    const h = new Uint16Array(n);
    h.set(this.handles);
    this.handles = h;
    const t = new Float64Array(n);
    t.set(this.times);
    this.times = t;
    const s = new Uint8Array(n);
    s.set(this.statuses);
    this.statuses = s;
    const l = new Float32Array(n);
    l.set(this.latencies);
    this.latencies = l;
  }

  /**
   * The block's checks grouped by series (stable: arrival order within a series), and a reset;
   * in the `spare` buffers when they are large enough.
   */
  take(spare: SpareColumns | undefined): PackedChecks {
    const k = this.names.length;
    const counts = new Array<number>(k).fill(0);
    for (let i = 0; i < this.n; i++) {
      const h = this.handles[i] as number;
      counts[h] = (counts[h] as number) + 1;
    }
    const at = new Array<number>(k);
    let sum = 0;
    for (let h = 0; h < k; h++) {
      at[h] = sum;
      sum += counts[h] as number;
    }
    const n = this.n;
    const reuse = spare !== undefined && spare.statuses.byteLength >= n;
    const times = reuse ? new Float64Array(spare.times, 0, n) : new Float64Array(n);
    const statuses = reuse ? new Uint8Array(spare.statuses, 0, n) : new Uint8Array(n);
    const latencies = reuse ? new Float32Array(spare.latencies, 0, n) : new Float32Array(n);
    for (let i = 0; i < this.n; i++) {
      const h = this.handles[i] as number;
      const j = at[h] as number;
      at[h] = j + 1;
      times[j] = this.times[i] as number;
      statuses[j] = this.statuses[i] as number;
      latencies[j] = this.latencies[i] as number;
    }
    const series = this.names.slice();
    this.n = 0;
    return { series, counts, times, statuses, latencies };
  }
}

// One sink and row reader for the worker's life: the series table only grows, so handles (and the
// reader's caches of them) stay valid across blocks.
const sink = new BlockSink();
let reader: { rows: FastCheckRows; crlf: boolean; reviewZone: string } | null = null;

function runBlock(task: BlockTask): BlockResult {
  if (reader === null) throw new Error('ingest worker: a block came before the setup');
  // Each block is counted on its own, its lines from 1; the main thread shifts them.
  const part = newFileAccount({ file: '', source: '', kind: 'checks', sha256: '', bytes: 0 });
  reader.rows.account = new RowAccount(part, reader.reviewZone);
  const loop = new LineLoop(reader.rows, 1, reader.crlf);
  const buf = Buffer.from(task.buffer, 0, task.length);
  const r = loop.scan(buf, 0, task.length, task.final);
  return {
    index: task.index,
    buffer: task.buffer,
    lines: loop.line - 1,
    handoverAt: r.handover ? r.consumed : null,
    account: {
      rows: part.rows,
      accepted: part.accepted,
      rejected: part.rejected,
      truncated: part.truncated,
      firstMs: part.firstMs,
      lastMs: part.lastMs,
      timeBins: part.timeBins,
      monthRows: part.monthRows,
      rejects: part.rejects,
      rejectsByReason: part.rejectsByReason,
    },
    checks: sink.take(task.spare),
  };
}

parentPort?.on('message', (msg: { setup?: WorkerSetup } | BlockTask) => {
  if ('setup' in msg && msg.setup) {
    // The plan and the mapper are functions, which cannot cross threads: made here from the same resolved source.
    const { resolved, delimiter, crlf } = msg.setup;
    const plan = fastChecksPlan(resolved, delimiter) as FastChecksPlan;
    const reviewZone = resolved.options.reviewTimeZone;
    const account = new RowAccount(newFileAccount({ file: '', source: '', kind: 'checks', sha256: '', bytes: 0 }), reviewZone);
    reader = { rows: new FastCheckRows(plan, rowMapperFor(resolved), sink, account), crlf, reviewZone };
    return;
  }
  const result = runBlock(msg as BlockTask);
  const c = result.checks;
  parentPort?.postMessage(result, [result.buffer, c.times.buffer, c.statuses.buffer, c.latencies.buffer] as ArrayBuffer[]);
});
