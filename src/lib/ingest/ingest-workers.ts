/**
 * Reads one large uncompressed checks export on several cores. The main thread reads the file
 * once, in blocks cut at line ends, through its ExportFile (which hashes it on the way) and
 * hands the blocks to worker threads (ingest-workers-thread.ts), which read them with the fast-path
 * scanner. The main thread takes the results strictly in file order, so the checks of each
 * series arrive in the same order as on one thread (duplicates resolve the same way) and the
 * line numbers are the same. When a block meets a line the scanner does not take (a quote, a
 * stray CR), everything from that line on goes to the general reader (csv-stream.ts) on the main thread and the later
 * blocks are dropped, since a quoted field may run across their starts.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { ExportFile } from './export-files.ts';
import type { AccountPart } from './file-account.ts';
import type { ResolvedSource } from './resolve-source.ts';

/** Files smaller than this are read on the main thread: starting workers would cost more than it saves. */
export const MIN_PARALLEL_BYTES = 48 * 1024 * 1024;
/** Bytes per block: small enough to keep memory flat, large enough to amortise a message. */
export const BLOCK_BYTES = 2 * 1024 * 1024;

/** What every worker needs to read blocks of one file (sent once; plain data, so it crosses threads as is). */
export interface WorkerSetup {
  crlf: boolean;
  resolved: ResolvedSource;
  delimiter: string;
}

/** A block of whole lines (the last one may lack its line ending only at the end of the file). */
export interface BlockTask {
  index: number;
  buffer: ArrayBuffer;
  length: number;
  final: boolean;
  /** Buffers of an earlier block's checks, handed back for the worker to reuse (see PackedChecks). */
  spare?: SpareColumns;
}

/** The buffers behind a PackedChecks' columns, for reuse. */
export interface SpareColumns {
  times: ArrayBuffer;
  statuses: ArrayBuffer;
  latencies: ArrayBuffer;
}

/** The checks of one block, grouped by series (in arrival order within each). */
export interface PackedChecks {
  /** [service, probe] of each series. */
  series: Array<[string, string]>;
  /** Number of checks of each series, in the order of `series`. */
  counts: number[];
  times: Float64Array;
  statuses: Uint8Array;
  latencies: Float32Array;
}

export interface BlockResult {
  index: number;
  /** The block's buffer, handed back for reuse. */
  buffer: ArrayBuffer;
  /** Physical lines read (up to the handover line, when there is one). */
  lines: number;
  /** Offset in the block of the line handed over to the general reader, or null when the block was read whole. */
  handoverAt: number | null;
  /** The block's rows; reject lines are local to the block (its first line is 1). */
  account: AccountPart;
  checks: PackedChecks;
}

/** Default number of worker threads: one per core. */
export function defaultWorkers(): number {
  return availableParallelism();
}

/** The first line a worker handed over: its file offset and the physical line before it. */
export interface Handover {
  offset: number;
  linesBefore: number;
}

/**
 * Reads the data lines of `file` from `data.start` with `workers` threads; `data.head` holds the
 * bytes from there that the caller has read already (they are not read again). `onBlock` gets each
 * block's result in file order with the physical line number just before the block. Returns
 * the first line handed over, or null when the workers read every line.
 */
export async function readBlocksInParallel(
  file: ExportFile,
  data: { start: number; head: Buffer },
  setup: WorkerSetup,
  workers: number,
  blockBytes: number,
  onBlock: (result: BlockResult, linesBefore: number) => void,
): Promise<Handover | null> {
  const pool = Array.from({ length: Math.max(1, workers) }, () => {
    const w = new Worker(new URL('./ingest-workers-thread.ts', import.meta.url));
    w.postMessage({ setup });
    return w;
  });
  const limit = 2 * pool.length;
  const spare: Buffer[] = [];
  const spareColumns: SpareColumns[] = [];
  const blockStart: number[] = [];
  const waiting = new Map<number, BlockResult>();
  let nextResult = 0;
  let sent = 0;
  let linesBefore = 1;
  let handover: Handover | null = null;
  let failure: unknown = null;
  let finished = false;
  let wake: (() => void) | null = null;
  const idle: Worker[] = [...pool];
  const queue: BlockTask[] = [];
  const notify = () => {
    const w = wake;
    wake = null;
    w?.();
  };
  const dispatch = () => {
    while (idle.length > 0 && queue.length > 0) {
      const task = queue.shift() as BlockTask;
      const columns = spareColumns.pop();
      const transfer: ArrayBuffer[] = [task.buffer];
      if (columns !== undefined) {
        task.spare = columns;
        transfer.push(columns.times, columns.statuses, columns.latencies);
      }
      (idle.shift() as Worker).postMessage(task, transfer);
    }
  };
  const drain = () => {
    for (let r = waiting.get(nextResult); r !== undefined && handover === null; r = waiting.get(nextResult)) {
      waiting.delete(nextResult);
      nextResult++;
      onBlock(r, linesBefore);
      // onBlock has copied the checks: their buffers can carry another block's.
      const c = r.checks;
      spareColumns.push({
        times: c.times.buffer as ArrayBuffer,
        statuses: c.statuses.buffer as ArrayBuffer,
        latencies: c.latencies.buffer as ArrayBuffer,
      });
      if (r.handoverAt !== null) {
        handover = { offset: (blockStart[r.index] as number) + r.handoverAt, linesBefore: linesBefore + r.lines };
        break;
      }
      linesBefore += r.lines;
    }
  };
  for (const w of pool) {
    w.on('message', (r: BlockResult) => {
      spare.push(Buffer.from(r.buffer));
      idle.push(w);
      if (handover === null && failure === null) {
        waiting.set(r.index, r);
        try {
          drain();
        } catch (e) {
          failure = e;
        }
      }
      dispatch();
      notify();
    });
    w.on('error', (e) => {
      failure ??= e;
      notify();
    });
  }
  const waitFor = (ready: () => boolean) =>
    ready()
      ? Promise.resolve()
      : new Promise<void>((resolve) => {
          const check = () => {
            if (ready()) resolve();
            else wake = check;
          };
          wake = check;
        });
  try {
    let pos = data.start + data.head.length;
    let carry: Buffer = data.head;
    let index = 0;
    while (!finished) {
      await waitFor(() => failure !== null || handover !== null || sent - nextResult < limit);
      if (failure !== null || handover !== null) break;
      let buf = spare.pop() ?? Buffer.allocUnsafeSlow(blockBytes);
      if (carry.length > buf.length / 2) {
        // A line longer than half a block: a bigger buffer for it.
        buf = Buffer.allocUnsafeSlow(carry.length * 2 + blockBytes);
      }
      carry.copy(buf, 0);
      const start = pos - carry.length;
      const bytesRead = await file.read(buf, carry.length, buf.length - carry.length, pos);
      pos += bytesRead;
      const len = carry.length + bytesRead;
      let cut = len;
      if (bytesRead === 0) finished = true;
      else {
        const nl = len > 0 ? buf.lastIndexOf(10, len - 1) : -1;
        if (nl < 0) {
          // No line end in the whole buffer yet: keep reading into a bigger one.
          carry = Buffer.from(buf.subarray(0, len));
          spare.push(buf);
          continue;
        }
        cut = nl + 1;
      }
      carry = Buffer.from(buf.subarray(cut, len));
      blockStart[index] = start;
      queue.push({ index, buffer: buf.buffer as ArrayBuffer, length: cut, final: finished });
      index++;
      sent++;
      dispatch();
      if (finished && cut === 0) break;
    }
    await waitFor(() => failure !== null || handover !== null || nextResult === sent);
    if (failure !== null) throw failure;
    return handover;
  } finally {
    // Workers are told to stop but not waited for: their teardown overlaps the caller's next work.
    for (const w of pool) void w.terminate();
  }
}
