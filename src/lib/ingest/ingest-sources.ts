/**
 * Ingestion: the only code that reads exports. Each configured source's files are read in
 * path order as a stream (never whole), every row becomes a canonical record or a rejected
 * row with its reason, and the per-file accounts go into the snapshot.
 */
import { createHash } from 'node:crypto';
import { createReadStream, globSync, statSync } from 'node:fs';
import { open } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import iconv from 'iconv-lite';
import type { ReviewConfig } from '../config/config-schema.ts';
import { ReviewError } from '../errors.ts';
import { STATUS_CODES } from '../model/check-series.ts';
import type { SurveyResponse, TicketRecord } from '../model/records.ts';
import { CheckStore, type StoredChecks } from './check-store.ts';
import { type CheckSink, FastCheckRows, fastChecksPlan } from './fast-checks.ts';
import { FastRecordRows } from './fast-records.ts';
import { type FileAccount, newFileAccount, type RejectedRow, RowAccount } from './file-account.ts';
import { cacheKey, FileRecorder, readCache, replayChecks, writeCache } from './ingest-cache.ts';
import { BLOCK_BYTES, defaultWorkers, MIN_PARALLEL_BYTES, readBlocksInParallel } from './ingest-workers.ts';
import { LineLoop, loopOverStream, plainHeader, readHeaderLine } from './line-loop.ts';
import { ExportReadError, openExport } from './open-export.ts';
import {
  missingColumnsMessage,
  providedFields,
  type ResolvedSource,
  resolveSource,
  resolveSourceOptions,
  type SourceOptions,
} from './resolve-source.ts';
import { type RowContext, rowMapperFor } from './row-mappers.ts';

export interface IngestLogger {
  /** Progress and summaries; silent in tests. */
  info(message: string): void;
}

export interface IngestOptions {
  /** Folder of the parsed-file cache; null disables it. */
  cacheDir: string | null;
  /** Part of the cache key, so a new tool version re-parses. */
  toolVersion: string;
  /**
   * Read checks exports with the byte-level fast path (fast-checks.ts), which hands anything
   * unusual to the row mapper and csv-parse; default true. False reads every file with csv-parse.
   */
  fastPath?: boolean;
  /** Read size of the fast path in bytes (tests make it tiny to cut lines across reads). */
  readChunkBytes?: number;
  /**
   * Worker threads that read large uncompressed checks files in byte ranges (ingest-workers.ts);
   * default: one per core when a file is large enough to pay. 0 reads on the main thread only.
   */
  workers?: number;
  /** Smallest file read with workers, and their block size (tests make both tiny). */
  parallel?: { minBytes: number; blockBytes: number };
}

export interface IngestResult {
  /** Files replayed from the cache (unchanged since a previous run) and files parsed. */
  cache: { hits: number; parsed: number };
  files: FileAccount[];
  /**
   * Accepted checks, sorted and de-duplicated per service and probe, read back by time range
   * (they are kept in a spill file, not in memory). `close()` them when done.
   */
  checks: StoredChecks;
  tickets: TicketRecord[];
  surveys: SurveyResponse[];
}

/** Files of a source, relative to `baseDir`, in path order. */
export function sourceFiles(files: string | string[], baseDir: string): string[] {
  const patterns = Array.isArray(files) ? files : [files];
  const found = new Set<string>();
  for (const pattern of patterns) for (const f of globSync(pattern, { cwd: baseDir })) found.add(f.split(path.sep).join('/'));
  return [...found].sort();
}

/** SHA-256 and size of a file, read through one reused buffer (a stream's fresh 1 MiB chunks would pile up as garbage). */
export async function hashFile(file: string): Promise<{ sha256: string; bytes: number }> {
  const hash = createHash('sha256');
  let bytes = 0;
  let handle: Awaited<ReturnType<typeof open>> | null = null;
  try {
    handle = await open(file, 'r');
    const buffer = Buffer.allocUnsafe(1 << 20);
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
      if (bytesRead === 0) break;
      hash.update(buffer.subarray(0, bytesRead));
      bytes += bytesRead;
    }
  } catch (e) {
    // An unreadable file (missing, a folder, no permission) is the user's to fix: a message, not a trace.
    throw new ExportReadError(file, `cannot read the file (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`, { cause: e });
  } finally {
    await handle?.close();
  }
  return { sha256: hash.digest('hex'), bytes };
}

/**
 * Reads every configured source. File-level problems (unreadable, empty, binary, missing
 * columns) are collected across all files and thrown together as one ReviewError.
 */
export async function ingestSources(
  config: ReviewConfig,
  baseDir: string,
  logger: IngestLogger,
  options: IngestOptions = { cacheDir: null, toolVersion: '0' },
): Promise<IngestResult> {
  const cache = { hits: 0, parsed: 0 };
  const files: FileAccount[] = [];
  const accounts: RowAccount[] = [];
  const problems: string[] = [];
  const checkStore = new CheckStore();
  const tickets = new Map<string, { record: TicketRecord; file: number }>();
  const surveys = new Map<string, { record: SurveyResponse; file: number }>();

  for (const source of config.sources) {
    const { options: sourceOptions, problem } = resolveSourceOptions(source, config);
    const paths = sourceFiles(sourceOptions.files, baseDir);
    if (paths.length === 0) {
      problems.push(`source "${sourceOptions.id}": no file matches ${JSON.stringify(sourceOptions.files)} (relative to ${baseDir})`);
      continue;
    }
    if (problem !== null) {
      problems.push(problem);
      continue;
    }
    for (const rel of paths) {
      const abs = path.join(baseDir, rel);
      const started = performance.now();
      // With the cache the hash is its key, so it comes first; without, it is taken while the file is read.
      let hashing: Promise<{ sha256: string; bytes: number }> | null = options.cacheDir ? hashFile(abs) : null;
      let hashed = { sha256: '', bytes: 0 };
      try {
        if (hashing) hashed = await hashing;
      } catch (e) {
        if (!(e instanceof ExportReadError)) throw e;
        problems.push(e.message.split(abs).join(rel));
        continue;
      }
      const { sha256, bytes } = hashed;
      let account = newFileAccount({ file: rel, source: sourceOptions.id, kind: sourceOptions.kind, sha256, bytes });
      const fileIndex = files.length;
      const accept = (ctx: RowContext) => {
        if (ctx.kind === 'check') {
          checkStore.add(ctx.check.service, ctx.check.probe, ctx.check.timeMs, ctx.check.status, ctx.check.latencyMs, fileIndex);
        } else if (ctx.kind === 'ticket') {
          const earlier = tickets.get(ctx.ticket.id);
          if (earlier) (accounts[earlier.file] as RowAccount).duplicates();
          tickets.set(ctx.ticket.id, { record: ctx.ticket, file: fileIndex });
        } else {
          const key = ctx.survey.id ?? ctx.contentKey;
          const earlier = surveys.get(key);
          if (earlier) (accounts[earlier.file] as RowAccount).duplicates();
          surveys.set(key, { record: ctx.survey, file: fileIndex });
        }
      };
      const key = options.cacheDir ? cacheKey(sha256, sourceOptions, options.toolVersion) : null;
      const cached = key && options.cacheDir ? readCache(options.cacheDir, key) : null;
      if (cached) {
        // Replay through the same accept path, so duplicates across files settle exactly as on a parse.
        account = { ...structuredClone(cached.account), file: rel };
        files.push(account);
        accounts.push(new RowAccount(account));
        if (cached.checks && options.cacheDir && key)
          replayChecks(options.cacheDir, key, cached.checks, (service, probe, times, statuses, latencies) =>
            checkStore.pushBatch(checkStore.handle(service, probe), times, statuses, latencies, fileIndex),
          );
        for (const ticket of cached.tickets) accept({ kind: 'ticket', ticket, timeMs: ticket.createdMs });
        for (const { survey, contentKey } of cached.surveys) accept({ kind: 'survey', survey, timeMs: survey.timeMs, contentKey });
        cache.hits++;
        logger.info(`${rel}: unchanged (${account.rows} rows from the cache)`);
        continue;
      }
      files.push(account);
      const rowAccount = new RowAccount(account);
      accounts.push(rowAccount);
      const recorder = key && options.cacheDir ? new FileRecorder(options.cacheDir, key) : null;
      const sink = sourceOptions.kind === 'checks' && options.fastPath !== false ? checkSink(checkStore, fileIndex, recorder) : null;
      const acceptRecorded = (ctx: RowContext) => {
        if (recorder) {
          if (ctx.kind === 'check')
            recorder.addCheck(
              recorder.seriesId(ctx.check.service, ctx.check.probe),
              ctx.check.timeMs,
              STATUS_CODES[ctx.check.status],
              ctx.check.latencyMs ?? Number.NaN,
            );
          else if (ctx.kind === 'ticket') recorder.tickets.push(ctx.ticket);
          else recorder.surveys.push({ survey: ctx.survey, contentKey: ctx.contentKey });
        }
        accept(ctx);
      };
      try {
        const workers = options.workers ?? defaultWorkers();
        const parallel =
          sink !== null &&
          workers > 0 &&
          (await readChecksParallel(
            abs,
            rel,
            sourceOptions,
            rowAccount,
            { store: checkStore, fileIndex, recorder },
            {
              workers,
              minBytes: options.parallel?.minBytes ?? MIN_PARALLEL_BYTES,
              blockBytes: options.parallel?.blockBytes ?? BLOCK_BYTES,
            },
            acceptRecorded,
          ));
        if (parallel) {
          if (!options.cacheDir) Object.assign(account, parallel);
        } else {
          if (!hashing) {
            hashing = hashFile(abs);
            hashing.catch(() => {});
          }
          await readOneFile(
            abs,
            rel,
            sourceOptions,
            rowAccount,
            sink,
            options.fastPath !== false,
            options.readChunkBytes ?? FAST_READ_BYTES,
            acceptRecorded,
          );
          if (!options.cacheDir) Object.assign(account, await hashing);
        }
      } catch (e) {
        recorder?.abandon();
        if (e instanceof ExportReadError || e instanceof ReviewError) {
          // Name the file as the config does (relative), not by the absolute path it was opened with.
          problems.push(e.message.split(abs).join(rel));
          continue;
        }
        throw e;
      }
      cache.parsed++;
      if (recorder && key && options.cacheDir) {
        // Cache the file as read: duplicates found so far are within the file and are replayed.
        writeCache(options.cacheDir, key, recorder.finish({ ...account, accepted: account.accepted + account.duplicates, duplicates: 0 }));
      }
      const seconds = (performance.now() - started) / 1000;
      logger.info(
        `${rel}: ${account.rows} rows (${account.accepted} accepted, ${account.rejected} rejected) in ${seconds.toFixed(2)} s` +
          (seconds > 0 ? `, ${Math.round(account.rows / seconds)} rows/s` : ''),
      );
    }
  }
  if (problems.length > 0) {
    throw new ReviewError(`cannot read the exports: ${problems.length} problem${problems.length === 1 ? '' : 's'}`, problems);
  }

  const checkDuplicates: number[] = files.map(() => 0);
  const checks = checkStore.finish(checkDuplicates);
  checkDuplicates.forEach((d, i) => {
    if (d > 0) (accounts[i] as RowAccount).duplicates(d);
  });
  const byTime =
    <T extends { record: { id: string | null } }>(get: (t: T) => number) =>
    (a: T, b: T) =>
      get(a) - get(b) || String(a.record.id).localeCompare(String(b.record.id));
  return {
    cache,
    files,
    checks,
    tickets: [...tickets.values()].sort(byTime((t) => t.record.createdMs)).map((t) => t.record),
    surveys: [...surveys.values()].sort(byTime((s) => s.record.timeMs)).map((s) => s.record),
  };
}

/** Accepted checks of one file into the store (and the file's cache recorder), by series handle. */
function checkSink(store: CheckStore, fileIndex: number, recorder: FileRecorder | null): CheckSink {
  // The store's handle → the recorder's series index.
  const recorded: number[] = [];
  return {
    seriesHandle(service, probe) {
      const h = store.handle(service, probe);
      if (recorder) recorded[h] = recorder.seriesId(service, probe);
      return h;
    },
    add(handle, timeMs, status, latencyMs) {
      store.push(handle, timeMs, status, latencyMs, fileIndex);
      recorder?.addCheck(recorded[handle] as number, timeMs, status, latencyMs);
    },
  };
}

/** Where csv-parse takes over: the header and mapper once known, and the physical line before its first line. */
interface ParseState {
  header: string[] | null;
  resolved: ResolvedSource | null;
  map: ((fields: string[], line: number) => RowContext | RejectedRow) | null;
  lineOffset: number;
  /** The record delimiter csv-parse detected on the header line; null to let it detect. */
  recordDelimiter: string | null;
}

/** Read-ahead of the fast path: large reads cost fewer turns of the event loop. */
const FAST_READ_BYTES = 1 << 20;

async function readOneFile(
  abs: string,
  rel: string,
  options: SourceOptions,
  account: RowAccount,
  sink: CheckSink | null,
  fastPath: boolean,
  readBytes: number,
  accept: (ctx: RowContext) => void,
): Promise<void> {
  // Tickets and surveys take their own fast path (fast-records.ts), with the same fallback to csv-parse.
  const records = fastPath && options.kind !== 'checks';
  const fast = sink !== null || records;
  const opened = await openExport(abs, {
    encoding: options.encoding,
    delimiter: options.delimiter,
    preferBytes: fast,
    ...(fast ? { highWaterMark: readBytes } : {}),
  });
  account.file.encoding = opened.encoding;
  account.file.delimiter = opened.delimiter;
  const state: ParseState = { header: null, resolved: null, map: null, lineOffset: 0, recordDelimiter: null };
  let text: Readable | null = opened.stream;
  if (opened.bytes && sink !== null) text = await readChecksFast(opened.stream, rel, options, account, sink, opened.delimiter, state);
  else if (opened.bytes && records) text = await readRecordsFast(opened.stream, rel, options, account, accept, opened.delimiter, state);
  if (text !== null) await parseCsv(text, rel, options, account, accept, opened.delimiter, state);
  if (state.header === null) throw new ReviewError(`${rel}: the file has no header line, expected a CSV export with a header`);
}

/** The header's canonical columns and the row mapper, or the missing-columns error. */
function startFile(rel: string, options: SourceOptions, account: RowAccount, header: string[], state: ParseState): void {
  const resolved = resolveSource(options, header);
  if ('missing' in resolved) throw new ReviewError(missingColumnsMessage(rel, resolved.missing, header));
  account.file.fields = providedFields(resolved);
  state.header = header;
  state.resolved = resolved;
  state.map = rowMapperFor(resolved);
}

/** The rest of a UTF-8 byte stream as text, for csv-parse. */
function textFrom(first: Buffer, it: AsyncIterator<Buffer>): Readable {
  async function* decode(): AsyncGenerator<string> {
    const decoder = iconv.getDecoder('utf-8', { stripBOM: false });
    const head = decoder.write(first);
    if (head) yield head;
    for (;;) {
      const r = await it.next();
      if (r.done) break;
      const s = decoder.write(r.value);
      if (s) yield s;
    }
    const tail = decoder.end();
    if (tail) yield tail;
  }
  return Readable.from(decode());
}

/** Hands the rest of a byte stream to the line loop; the rest from a handed-over line on as text for csv-parse, or null. */
async function scanStream(
  loop: LineLoop,
  first: Buffer,
  ended: boolean,
  it: AsyncIterator<Buffer>,
  state: ParseState,
): Promise<Readable | null> {
  const handover = await loopOverStream(loop, first, ended, it);
  if (handover === null) return null;
  state.lineOffset = handover.linesBefore;
  return textFrom(handover.rest, it);
}

/**
 * Reads a UTF-8 checks export with the byte-level scanner. Returns null when the whole file
 * was read, or the rest of the file as text (from the first line the scanner does not take)
 * for csv-parse, with `state` saying where it starts.
 */
async function readChecksFast(
  stream: Readable,
  rel: string,
  options: SourceOptions,
  account: RowAccount,
  sink: CheckSink,
  delimiter: string,
  state: ParseState,
): Promise<Readable | null> {
  const it = stream[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  const { buf: head, ended, nl, crlf, headerBytes } = await readHeaderLine(it);
  let buf = head;
  if (!plainHeader(headerBytes, nl, delimiter)) return textFrom(buf, it);
  const header = headerBytes.toString('utf8').split(delimiter);
  startFile(rel, options, account, header, state);
  state.lineOffset = 1;
  state.recordDelimiter = crlf ? '\r\n' : '\n';
  const plan = fastChecksPlan(state.resolved as ResolvedSource, delimiter);
  buf = buf.subarray(nl + 1);
  if (plan === null) return textFrom(buf, it);
  const rows = new FastCheckRows(plan, state.map as NonNullable<ParseState['map']>, sink, account);
  return scanStream(new LineLoop(rows, 2, crlf), buf, ended, it, state);
}

/**
 * Reads a large uncompressed UTF-8 checks export with worker threads (ingest-workers.ts),
 * hashing it on the way; false when the file is not such a file (the caller then reads it on
 * this thread), else the file's SHA-256 and size. The header is read here, as readChecksFast
 * does; from a line a worker hands over, csv-parse reads the rest of the file here.
 */
async function readChecksParallel(
  abs: string,
  rel: string,
  options: SourceOptions,
  account: RowAccount,
  target: { store: CheckStore; fileIndex: number; recorder: FileRecorder | null },
  how: { workers: number; minBytes: number; blockBytes: number },
  accept: (ctx: RowContext) => void,
): Promise<{ sha256: string; bytes: number } | false> {
  const fileSize = statSync(abs).size;
  if (fileSize < how.minBytes) return false;
  const opened = await openExport(abs, { encoding: options.encoding, delimiter: options.delimiter, preferBytes: true });
  const it = opened.stream[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  const first = opened.bytes && !opened.compressed ? await it.next() : null;
  opened.stream.destroy();
  if (!first || first.done) return false;
  const head = first.value;
  const nl = head.indexOf(10);
  const crlf = nl > 0 && head[nl - 1] === 13;
  const headerBytes = nl < 0 ? head : head.subarray(0, crlf ? nl - 1 : nl);
  if (!plainHeader(headerBytes, nl, opened.delimiter)) return false;
  const header = headerBytes.toString('utf8').split(opened.delimiter);
  const resolved = resolveSource(options, header);
  if ('missing' in resolved || fastChecksPlan(resolved, opened.delimiter) === null) return false;
  account.file.encoding = opened.encoding;
  account.file.delimiter = opened.delimiter;
  const state: ParseState = { header: null, resolved: null, map: null, lineOffset: 1, recordDelimiter: crlf ? '\r\n' : '\n' };
  startFile(rel, options, account, header, state);
  // The BOM, when there is one, was taken off the head.
  const bom = (await fileStartsWithBom(abs)) ? 3 : 0;
  const { store, fileIndex, recorder } = target;
  const read = await readBlocksInParallel(
    abs,
    bom + nl + 1,
    { crlf, resolved, delimiter: opened.delimiter },
    how.workers,
    how.blockBytes,
    (r, linesBefore) => {
      account.add(r.account, linesBefore);
      const c = r.checks;
      let at = 0;
      c.series.forEach(([service, probe], k) => {
        const n = c.counts[k] as number;
        if (n === 0) return;
        // Each worker numbers series its own way: take the store's handle by name.
        const times = c.times.subarray(at, at + n);
        const statuses = c.statuses.subarray(at, at + n);
        const latencies = c.latencies.subarray(at, at + n);
        store.pushBatch(store.handle(service, probe), times, statuses, latencies, fileIndex);
        recorder?.addChecks(recorder.seriesId(service, probe), times, statuses, latencies);
        at += n;
      });
    },
  );
  if (read.handover) {
    state.lineOffset = read.handover.linesBefore;
    const rest = createReadStream(abs, { start: read.handover.offset, highWaterMark: FAST_READ_BYTES });
    await parseCsv(
      textFrom(Buffer.alloc(0), rest[Symbol.asyncIterator]() as AsyncIterator<Buffer>),
      rel,
      options,
      account,
      accept,
      opened.delimiter,
      state,
    );
  }
  return read.hash ?? (await hashFile(abs));
}

async function fileStartsWithBom(abs: string): Promise<boolean> {
  const handle = await open(abs, 'r');
  try {
    const b = Buffer.alloc(3);
    const { bytesRead } = await handle.read(b, 0, 3, 0);
    return bytesRead === 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf;
  } finally {
    await handle.close();
  }
}

async function parseCsv(
  text: Readable,
  rel: string,
  options: SourceOptions,
  account: RowAccount,
  accept: (ctx: RowContext) => void,
  delimiter: string,
  state: ParseState,
): Promise<void> {
  const parser = text.pipe(
    parse({
      delimiter,
      info: true,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      // Taking over mid-file: the delimiter csv-parse found on the header line, and no BOM to strip.
      ...(state.recordDelimiter !== null ? { record_delimiter: state.recordDelimiter, bom: false } : { bom: true }),
    }),
  );
  let prevLines = 0;
  let prevEmpty = 0;
  const offset = state.lineOffset;
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number; empty_lines: number } }>) {
      const line = offset + prevLines + 1 + (info.empty_lines - prevEmpty);
      prevLines = info.lines;
      prevEmpty = info.empty_lines;
      if (state.header === null) {
        startFile(rel, options, account, record, state);
        continue;
      }
      const out = (state.map as NonNullable<ParseState['map']>)(record, line);
      if ('reason' in out) account.reject(out);
      else {
        account.accept(out.timeMs);
        accept(out);
      }
    }
  } catch (e) {
    if (e instanceof ReviewError) throw e;
    const err = e as { code?: string; message?: string; lines?: number };
    if (typeof err.code === 'string' && err.code.startsWith('CSV_')) {
      throw new ReviewError(
        `${rel}:${err.lines === undefined ? '?' : err.lines + offset}: cannot parse the CSV (${err.message ?? err.code}); rows from there on were not read`,
      );
    }
    throw e;
  }
}

/**
 * Reads a UTF-8 ticket or survey export with the line scanner of fast-records.ts. Returns null
 * when the whole file was read, or the rest of the file as text (from the first line the
 * scanner does not take) for csv-parse, with `state` saying where it starts. The header is read
 * as readChecksFast reads it.
 */
async function readRecordsFast(
  stream: Readable,
  rel: string,
  options: SourceOptions,
  account: RowAccount,
  accept: (ctx: RowContext) => void,
  delimiter: string,
  state: ParseState,
): Promise<Readable | null> {
  const it = stream[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  const { buf: head, ended, nl, crlf, headerBytes } = await readHeaderLine(it);
  let buf = head;
  if (!plainHeader(headerBytes, nl, delimiter)) return textFrom(buf, it);
  const header = headerBytes.toString('utf8').split(delimiter);
  startFile(rel, options, account, header, state);
  state.lineOffset = 1;
  state.recordDelimiter = crlf ? '\r\n' : '\n';
  buf = buf.subarray(nl + 1);
  const rows = new FastRecordRows(state.map as NonNullable<ParseState['map']>, accept, account, delimiter);
  return scanStream(new LineLoop(rows, 2, crlf), buf, ended, it, state);
}
