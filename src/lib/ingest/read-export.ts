/**
 * How one export file is read: through one ExportFile (opened once, hashed as it is read;
 * export-files.ts), decoded by openExportBytes (open-export.ts), its header resolved against the
 * source (resolve-source.ts), then its rows read by the fastest reader that takes them — the
 * checks fast path on worker threads for a large uncompressed file, the fast paths on this
 * thread (fast-checks.ts, fast-records.ts, through the shared line loop), or the general reader
 * (csv-stream.ts) — every reader handing the rest of the file to the general reader at the first line it
 * does not take. Every row is accepted or rejected through the file's RowAccount; accepted
 * records go to the file's RecordSink.
 */
import type { Readable } from 'node:stream';
import { ReviewError } from '../errors.ts';
import { words } from '../util/reason.ts';
import { readCsvRecords, textFrom } from './csv-stream.ts';
import type { ExportFile } from './export-files.ts';
import { type CheckSink, FastCheckRows, fastChecksPlan } from './fast-checks.ts';
import { FastRecordRows } from './fast-records.ts';
import type { Rejection, RowAccount } from './file-account.ts';
import { readBlocksInParallel } from './ingest-workers.ts';
import { LineLoop, type LineRows, loopOverStream, plainHeader, readHeaderLine } from './line-loop.ts';
import { openExportBytes } from './open-export.ts';
import {
  duplicateColumnsMessage,
  missingColumnsMessage,
  providedFields,
  type ResolvedSource,
  resolveSource,
  type SourceOptions,
} from './resolve-source.ts';
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
  /** False reads every file with the general reader. */
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
  /** The file, opened once; every reader reads through it, so it is hashed on the way. */
  file: ExportFile;
  /** The file as messages name it (relative to the config folder). */
  name: string;
  options: SourceOptions;
  account: RowAccount;
  sink: RecordSink;
  how: ReadHow;
}

type RowMapper = (fields: string[], line: number) => RowContext | Rejection;

/**
 * Reads one file's rows into its account and sink.
 * @throws ReviewError for missing columns, no header line or broken CSV; ExportReadError when the file cannot be read
 */
export async function readExport(ctx: ReadContext): Promise<void> {
  const { options, how, account, name, file } = ctx;
  const opened = await openExportBytes(file, {
    encoding: options.encoding,
    delimiter: options.delimiter,
    ...(how.fastPath ? { highWaterMark: how.readChunkBytes } : {}),
  });
  const delimiter = opened.delimiter;
  account.file.encoding = opened.encoding;
  account.file.encodingReason = opened.encodingReason;
  account.file.delimiter = delimiter;
  let map: RowMapper | null = null;
  // The header's names, for the column a reader's fault names.
  let headerFields: string[] = [];
  const start = (header: string[]): { resolved: ResolvedSource; map: RowMapper } => {
    headerFields = header;
    const resolved = resolveSource(options, header);
    if ('duplicates' in resolved) throw new ReviewError(duplicateColumnsMessage(name, resolved.duplicates));
    if ('missing' in resolved) throw new ReviewError(missingColumnsMessage(name, resolved.missing, header, delimiter));
    account.file.fields = providedFields(resolved);
    map = rowMapperFor(resolved);
    return { resolved, map };
  };
  const csv = async (text: Readable, recordDelimiter: string | null, linesBefore: number) => {
    const place = {
      delimiter,
      recordDelimiter,
      linesBefore,
      // Before the header is read, the text's first record is it: a bare CR there is a file error (csv-stream.ts).
      header: map === null,
      ...(opened.encoding === 'utf-8' ? {} : { replacedFrom: opened.encoding }),
    };
    await readCsvRecords(text, name, place, ({ fields, line, fault, truncated }) => {
      if (truncated > 0) account.truncated(truncated);
      if (map === null) {
        if (fault !== null) throw new ReviewError(`${name}:${line}: the header line ${fault.reason}`);
        start(fields);
      } else if (fault !== null) {
        const named = fault.column === null ? undefined : headerFields[fault.column - 1];
        account.reject({
          line,
          column: fault.column,
          field: named === undefined ? null : named.trim(),
          value: fault.value,
          // The reader's own words: a fault names lines and escaped bytes, never a cell's text.
          reason: words(fault.reason),
        });
      } else settle(map(fields, line), account, ctx.sink);
    });
    if (map === null) throw new ReviewError(`${name}: the file has no header line, expected a CSV export with a header`);
  };
  if (!opened.bytes) return csv(opened.stream, null, 0);
  const it = opened.chunks;
  // Without the fast paths the general reader reads the whole file (from after the BOM, which openExport took off).
  if (!how.fastPath) return csv(textFrom(Buffer.alloc(0), it), null, 0);
  const { buf, ended, nl, crlf, headerBytes } = await readHeaderLine(it);
  if (!plainHeader(headerBytes, nl, delimiter)) return csv(textFrom(buf, it), null, 0);
  const header = headerBytes.toString('utf8').split(delimiter);
  const { resolved, map: rowMap } = start(header);
  const recordDelimiter = crlf ? '\r\n' : '\n';
  const body = buf.subarray(nl + 1);
  let rows: LineRows;
  if (options.kind === 'checks') {
    const plan = fastChecksPlan(resolved, delimiter);
    if (plan === null) return csv(textFrom(body, it), recordDelimiter, 1);
    if (how.workers > 0 && !opened.compressed && file.size >= how.minParallelBytes) {
      // The blocks start with the bytes read so far and go on reading through the same file (no read is in flight).
      await it.return(undefined);
      const data = { start: opened.bomBytes + nl + 1, head: body };
      return readInParallel(ctx, resolved, { data, crlf, delimiter }, (offset, linesBefore) =>
        csv(textFrom(Buffer.alloc(0), file.chunks(offset, how.readChunkBytes)), recordDelimiter, linesBefore),
      );
    }
    rows = new FastCheckRows(plan, rowMap, ctx.sink.checks, account);
  } else rows = new FastRecordRows(rowMap, (out) => ctx.sink.accept(out), account, delimiter);
  const handover = await loopOverStream(new LineLoop(rows, 2, crlf), body, ended, it);
  if (handover !== null) await csv(textFrom(handover.rest, it), recordDelimiter, handover.linesBefore);
}

/** A row mapper's verdict into the account and, when accepted, the sink. */
function settle(out: RowContext | Rejection, account: RowAccount, sink: RecordSink): void {
  if ('reason' in out) account.reject(out);
  else {
    if (out.kind === 'rollup') account.acceptSpan(out.timeMs, out.lastMs);
    else account.accept(out.timeMs, out.kind === 'check' ? undefined : out.unconfigured);
    sink.accept(out);
  }
}

/**
 * The data lines of a large checks file, from `data.start` (with `data.head` read already), on
 * worker threads (ingest-workers.ts).
 * From a line a worker hands over, `rest` reads the file with the general reader on this thread.
 */
async function readInParallel(
  ctx: ReadContext,
  resolved: ResolvedSource,
  layout: { data: { start: number; head: Buffer }; crlf: boolean; delimiter: string },
  rest: (offset: number, linesBefore: number) => Promise<void>,
): Promise<void> {
  const { account, sink } = ctx;
  const handover = await readBlocksInParallel(
    ctx.file,
    layout.data,
    { crlf: layout.crlf, resolved, delimiter: layout.delimiter },
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
  if (handover !== null) await rest(handover.offset, handover.linesBefore);
}
