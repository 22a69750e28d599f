/**
 * How one export file is read: opened once (open-export.ts), its header resolved against the
 * source (resolve-source.ts), then its rows read by the fastest reader that takes them — the
 * checks fast path on worker threads for a large uncompressed file, the fast paths on this
 * thread (fast-checks.ts, fast-records.ts, through the shared line loop), or csv-parse
 * (csv-stream.ts) — every reader handing the rest of the file to csv-parse at the first line it
 * does not take. Every row is accepted or rejected through the file's RowAccount; accepted
 * records go to the file's RecordSink.
 */
import { createReadStream, statSync } from 'node:fs';
import { ReviewError } from '../errors.ts';
import { readCsvRecords, textFrom } from './csv-stream.ts';
import { hashFile } from './export-files.ts';
import { type CheckSink, FastCheckRows, fastChecksPlan } from './fast-checks.ts';
import { FastRecordRows } from './fast-records.ts';
import type { RejectedRow, RowAccount } from './file-account.ts';
import { readBlocksInParallel } from './ingest-workers.ts';
import { LineLoop, type LineRows, loopOverStream, plainHeader, readHeaderLine } from './line-loop.ts';
import { openExport } from './open-export.ts';
import { missingColumnsMessage, providedFields, type ResolvedSource, resolveSource, type SourceOptions } from './resolve-source.ts';
import { type RowContext, rowMapperFor } from './row-mappers.ts';

/** Where a file's accepted records go. */
export interface RecordSink {
  /** Checks read from bytes, by series handle. */
  checks: CheckSink;
  /** Checks of one series from a worker thread, in arrival order (STATUS_* codes, NaN for no latency). */
  addChecks(service: string, probe: string, times: Float64Array, statuses: Uint8Array, latencies: Float32Array): void;
  /** A record from the row mapper. */
  accept(ctx: RowContext): void;
}

/** How files are read (IngestOptions with the defaults applied). */
export interface ReadHow {
  /** False reads every file with csv-parse. */
  fastPath: boolean;
  /** Read size of the fast paths. */
  readChunkBytes: number;
  /** Worker threads for large checks files; 0 reads on this thread only. */
  workers: number;
  /** Smallest file read with workers, and their block size. */
  minParallelBytes: number;
  blockBytes: number;
}

/** Everything the reading of one file needs. */
export interface ReadContext {
  /** The file as opened (absolute). */
  path: string;
  /** The file as messages name it (relative to the config folder). */
  name: string;
  options: SourceOptions;
  account: RowAccount;
  sink: RecordSink;
  how: ReadHow;
}

/** SHA-256 and size of a file's bytes as stored. */
export interface FileHash {
  sha256: string;
  bytes: number;
}

type RowMapper = (fields: string[], line: number) => RowContext | RejectedRow;

/**
 * Reads one file's rows into its account and sink. With `hash`, returns the file's hash, taken
 * while reading: by the worker threads' reader, else by a read alongside.
 * @throws ReviewError for missing columns, no header line or broken CSV; ExportReadError when the file cannot be read
 */
export async function readExport(ctx: ReadContext, hash: boolean): Promise<FileHash | null> {
  let hashing: Promise<FileHash> | null = null;
  const read = await readRows(ctx, () => {
    hashing = hashFile(ctx.path);
    hashing.catch(() => {});
  });
  return hash ? (read ?? (await (hashing ?? hashFile(ctx.path)))) : null;
}

async function readRows(ctx: ReadContext, onThisThread: () => void): Promise<FileHash | null> {
  const { options, how, account, name } = ctx;
  const opened = await openExport(ctx.path, {
    encoding: options.encoding,
    delimiter: options.delimiter,
    preferBytes: how.fastPath,
    ...(how.fastPath ? { highWaterMark: how.readChunkBytes } : {}),
  });
  const delimiter = opened.delimiter;
  const parallel = options.kind === 'checks' && how.workers > 0 && !opened.compressed && statSync(ctx.path).size >= how.minParallelBytes;
  if (!parallel) onThisThread();
  account.file.encoding = opened.encoding;
  account.file.delimiter = delimiter;
  let map: RowMapper | null = null;
  const start = (header: string[]): { resolved: ResolvedSource; map: RowMapper } => {
    const resolved = resolveSource(options, header);
    if ('missing' in resolved) throw new ReviewError(missingColumnsMessage(name, resolved.missing, header));
    account.file.fields = providedFields(resolved);
    map = rowMapperFor(resolved);
    return { resolved, map };
  };
  const csv = async (text: Parameters<typeof readCsvRecords>[0], recordDelimiter: string | null, linesBefore: number) => {
    await readCsvRecords(text, name, { delimiter, recordDelimiter, linesBefore }, (record, line) => {
      if (map === null) start(record);
      else settle(map(record, line), account, ctx.sink);
    });
    if (map === null) throw new ReviewError(`${name}: the file has no header line, expected a CSV export with a header`);
  };

  if (!opened.bytes) {
    if (parallel) onThisThread();
    await csv(opened.stream, null, 0);
    return null;
  }
  const it = opened.stream[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  const { buf, ended, nl, crlf, headerBytes } = await readHeaderLine(it);
  if (!plainHeader(headerBytes, nl, delimiter)) {
    if (parallel) onThisThread();
    await csv(textFrom(buf, it), null, 0);
    return null;
  }
  const header = headerBytes.toString('utf8').split(delimiter);
  const { resolved, map: rowMap } = start(header);
  const recordDelimiter = crlf ? '\r\n' : '\n';
  const body = buf.subarray(nl + 1);
  let rows: LineRows;
  if (options.kind === 'checks') {
    const plan = fastChecksPlan(resolved, delimiter);
    if (plan === null) {
      if (parallel) onThisThread();
      await csv(textFrom(body, it), recordDelimiter, 1);
      return null;
    }
    if (parallel) {
      opened.stream.destroy();
      return readInParallel(ctx, resolved, { dataStart: opened.bomBytes + nl + 1, crlf, delimiter }, (offset, linesBefore) =>
        csv(
          textFrom(
            Buffer.alloc(0),
            createReadStream(ctx.path, { start: offset, highWaterMark: how.readChunkBytes })[Symbol.asyncIterator](),
          ),
          recordDelimiter,
          linesBefore,
        ),
      );
    }
    rows = new FastCheckRows(plan, rowMap, ctx.sink.checks, account);
  } else rows = new FastRecordRows(rowMap, (out) => ctx.sink.accept(out), account, delimiter);
  const handover = await loopOverStream(new LineLoop(rows, 2, crlf), body, ended, it);
  if (handover !== null) await csv(textFrom(handover.rest, it), recordDelimiter, handover.linesBefore);
  return null;
}

/** A row mapper's verdict into the account and, when accepted, the sink. */
function settle(out: RowContext | RejectedRow, account: RowAccount, sink: RecordSink): void {
  if ('reason' in out) account.reject(out);
  else {
    account.accept(out.timeMs);
    sink.accept(out);
  }
}

/**
 * The data lines of a large checks file, from `dataStart`, on worker threads (ingest-workers.ts),
 * hashing the file on the way. From a line a worker hands over, `rest` reads the file with
 * csv-parse on this thread.
 */
async function readInParallel(
  ctx: ReadContext,
  resolved: ResolvedSource,
  file: { dataStart: number; crlf: boolean; delimiter: string },
  rest: (offset: number, linesBefore: number) => Promise<void>,
): Promise<FileHash | null> {
  const { account, sink } = ctx;
  const read = await readBlocksInParallel(
    ctx.path,
    file.dataStart,
    { crlf: file.crlf, resolved, delimiter: file.delimiter },
    ctx.how.workers,
    ctx.how.blockBytes,
    (r, linesBefore) => {
      account.add(r.account, linesBefore);
      const c = r.checks;
      let at = 0;
      c.series.forEach(([service, probe], k) => {
        const n = c.counts[k] as number;
        if (n === 0) return;
        sink.addChecks(service, probe, c.times.subarray(at, at + n), c.statuses.subarray(at, at + n), c.latencies.subarray(at, at + n));
        at += n;
      });
    },
  );
  if (read.handover) await rest(read.handover.offset, read.handover.linesBefore);
  return read.hash;
}
