// About 460 lines: one loop over every source kind (read, cache replay, accept and de-duplicate), kept together so the kinds cannot drift apart.
/**
 * Ingestion: the only code that reads exports. Each configured source's files are read in
 * path order as a stream (never whole), every row becomes a canonical record or a rejected
 * row with its reason, and the per-file accounts go into the snapshot. This file runs the
 * sources and files: which files (export-files.ts), the parsed-file cache (ingest-cache.ts),
 * where records go and how duplicates across files settle; how one file is read is
 * read-export.ts.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import type { ReviewConfig } from '../config/config-schema.ts';
import { ReviewError } from '../errors.ts';
import { STATUS_CODES } from '../model/check-series.ts';
import type { ChangeRecord, IncidentRecord, SurveyResponse, TicketRecord } from '../model/records.ts';
import type { RollupRecord } from '../model/rollup-record.ts';
import { CheckStore, type StoredChecks } from './check-store.ts';
import { isParquet, readWithDuckdb } from './duckdb-sources.ts';
import { ExportFile, type FileHash, KnownHashes, type StatFingerprint, sourceFiles, wallClockNs } from './export-files.ts';
import type { CheckSink } from './fast-checks.ts';
import { type FileAccount, newFileAccount, RowAccount } from './file-account.ts';
import { cacheKey, FileRecorder, readCache, replayChecks, writeCache } from './ingest-cache.ts';
import { BLOCK_BYTES, defaultWorkers, MIN_PARALLEL_BYTES } from './ingest-workers.ts';
import { ExportReadError, readError } from './open-export.ts';
import { type ReadHow, type RecordSink, readExport } from './read-export.ts';
import { columnsDisagreement, resolveSourceOptions } from './resolve-source.ts';
import type { RowContext } from './row-mappers.ts';

/**
 * The duplicate key of a ticket, survey response, incident or change: its id within its source. Two
 * systems number their records each on its own (two desks both have ticket 1001), so the same id in
 * another source is another record, not a later version of it.
 */
function sourceKey(source: string, id: string): string {
  return `${source}\u0000${id}`;
}

/** Read-ahead of the fast paths: large reads cost fewer turns of the event loop. */
const FAST_READ_BYTES = 1 << 20;

/** The exports could not all be read: every problem, with the accounts of every file read and each failed file's error. */
export class ExportsError extends ReviewError {
  readonly files: FileAccount[];
  readonly fileErrors: Array<{ file: string; source: string; error: string }>;
  constructor(
    message: string,
    problems: string[],
    files: FileAccount[],
    fileErrors: Array<{ file: string; source: string; error: string }>,
  ) {
    super(message, problems);
    this.files = files;
    this.fileErrors = fileErrors;
  }
}

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
   * Read exports with the fast paths (fast-checks.ts, fast-records.ts), which hand anything
   * unusual to the row mapper and the general reader (csv-stream.ts); default true. False reads every file with the general reader.
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
  /** The wall clock in nanoseconds, for the cache's racy-fingerprint rule (tests move it on). */
  clockNs?: () => bigint;
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
  /** Service-days read from `rollups` and `duckdb` sources, sorted by service and date (a later row for the same day replaces an earlier). */
  rollups: RollupRecord[];
  tickets: TicketRecord[];
  surveys: SurveyResponse[];
  /** Where each of `surveys` was read (same order): its file as the config names it, and the line its row starts on. */
  surveyRows: Array<{ file: string; line: number }>;
  /** Incidents from `incidents` sources, by start (a later row with the same id replaces an earlier). */
  incidents: IncidentRecord[];
  /** Change records from `changes` sources, by start (actual, else planned); a later row with the same id replaces an earlier. */
  changes: ChangeRecord[];
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
  // The files each problem belongs to, for check --json (every file reported, failed ones with their error).
  const fileErrors: Array<{ file: string; source: string; error: string }> = [];
  const checkStore = new CheckStore();
  const tickets = new Map<string, { record: TicketRecord; file: number }>();
  const surveys = new Map<string, { record: SurveyResponse; file: number; line: number }>();
  const incidents = new Map<string, { record: IncidentRecord; file: number }>();
  const changes = new Map<string, { record: ChangeRecord; file: number; timeMs: number }>();
  const rollups = new Map<string, { record: RollupRecord; file: number }>();
  const knownHashes = options.cacheDir !== null ? KnownHashes.load(options.cacheDir) : null;
  const clock = options.clockNs ?? wallClockNs;
  const how: ReadHow = {
    fastPath: options.fastPath !== false,
    readChunkBytes: options.readChunkBytes ?? FAST_READ_BYTES,
    workers: options.workers ?? defaultWorkers(),
    minParallelBytes: options.parallel?.minBytes ?? MIN_PARALLEL_BYTES,
    blockBytes: options.parallel?.blockBytes ?? BLOCK_BYTES,
  };

  const acceptRollup = (ctx: RowContext, fileIndex: number) => {
    if (ctx.kind !== 'rollup') return;
    const key = `${ctx.rollup.service}\u0000${ctx.rollup.date}`;
    const earlier = rollups.get(key);
    // A duckdb source counts the rows of its table: a service-day of it replaced is that day's checks, not one row.
    // Its rows were counted in the month of its first check (acceptSpan; a duckdb table's rows all lie in that day).
    if (earlier)
      (accounts[earlier.file] as RowAccount).duplicates(
        earlier.record.firstCheckMs,
        files[earlier.file]?.kind === 'duckdb' ? earlier.record.checks : 1,
      );
    rollups.set(key, { record: ctx.rollup, file: fileIndex });
  };

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
    // Rollup files are small (a row per service-day) and not cached; the rest are.
    // Incident and change exports are small too (a row per incident or change) and not cached.
    const small = sourceOptions.kind === 'rollups' || sourceOptions.kind === 'incidents' || sourceOptions.kind === 'changes';
    const cacheDir = small || source.kind === 'duckdb' ? null : options.cacheDir;
    if (source.kind === 'duckdb') {
      // Database files one by one; Parquet files together, as one table and one input (the recipe needs every probe's checks at once).
      const parquet = paths.filter(isParquet);
      const inputs = [...paths.filter((p) => !isParquet(p)).map((p) => [p]), ...(parquet.length > 0 ? [parquet] : [])];
      for (const group of inputs) {
        const name =
          group.length === 1 ? (group[0] as string) : `${path.posix.dirname(group[0] as string)}/*.parquet (${group.length} files)`;
        const account = newFileAccount({ file: name, source: source.id, kind: 'duckdb', sha256: '', bytes: 0 });
        const rowAccount = new RowAccount(account, config.review.timeZone);
        const fileIndex = files.length;
        files.push(account);
        accounts.push(rowAccount);
        try {
          Object.assign(
            account,
            await digestAll(
              group.map((p) => path.join(baseDir, p)),
              clock,
            ),
          );
          await readWithDuckdb({
            abs: group.map((p) => path.join(baseDir, p)),
            name,
            source,
            config,
            options: sourceOptions,
            account: rowAccount,
            accept: (ctx) => acceptRollup(ctx, fileIndex),
          });
        } catch (e) {
          if (!(e instanceof ReviewError || isSystemError(e))) throw e;
          problems.push(e instanceof ReviewError ? e.message : readError(group[0] as string, e, false).message);
          fileErrors.push({ file: name, source: source.id, error: problems[problems.length - 1] as string });
        }
      }
      continue;
    }
    const firstFile = files.length;
    for (const rel of paths) {
      const abs = path.join(baseDir, rel);
      const started = performance.now();
      const fileIndex = files.length;
      const accept = (ctx: RowContext) => {
        if (ctx.kind === 'check') {
          checkStore.add(ctx.check.service, ctx.check.probe, ctx.check.timeMs, ctx.check.status, ctx.check.latencyMs, fileIndex);
        } else if (ctx.kind === 'rollup') acceptRollup(ctx, fileIndex);
        else if (ctx.kind === 'ticket') {
          const key = sourceKey(ctx.ticket.source, ctx.ticket.id);
          const earlier = tickets.get(key);
          if (earlier) (accounts[earlier.file] as RowAccount).duplicates(earlier.record.createdMs);
          tickets.set(key, { record: ctx.ticket, file: fileIndex });
        } else if (ctx.kind === 'survey') {
          const key = sourceKey(sourceOptions.id, ctx.survey.id ?? ctx.contentKey);
          const earlier = surveys.get(key);
          if (earlier) (accounts[earlier.file] as RowAccount).duplicates(earlier.record.timeMs);
          surveys.set(key, { record: ctx.survey, file: fileIndex, line: ctx.line });
        } else if (ctx.kind === 'incident') {
          const key = sourceKey(ctx.incident.source, ctx.incident.id);
          const earlier = incidents.get(key);
          if (earlier) (accounts[earlier.file] as RowAccount).duplicates(earlier.record.startedMs);
          incidents.set(key, { record: ctx.incident, file: fileIndex });
        } else if (ctx.kind === 'change') {
          const key = sourceKey(ctx.change.source, ctx.change.id);
          const earlier = changes.get(key);
          if (earlier) (accounts[earlier.file] as RowAccount).duplicates(earlier.timeMs);
          changes.set(key, { record: ctx.change, file: fileIndex, timeMs: ctx.timeMs });
        }
      };
      // A file whose stat fingerprint is unchanged since a run that read it has a known hash
      // (KnownHashes in export-files.ts): without being opened, or, for a fingerprint taken
      // within the racy window, after hashing its bytes again. Any other file is read once,
      // hashed on the way, and its hash is known only at the end.
      let known: { hash: FileHash | null; file: ExportFile | null };
      try {
        known = knownHashes !== null ? await knownHash(abs, knownHashes, clock) : { hash: null, file: null };
      } catch (e) {
        problems.push(readError(abs, e, false).message.split(abs).join(rel));
        fileErrors.push({ file: rel, source: sourceOptions.id, error: problems[problems.length - 1] as string });
        continue;
      }
      let { file } = known;
      const { hash } = known;
      const knownKey = hash !== null ? cacheKey(hash.sha256, sourceOptions, options.toolVersion) : null;
      const cached = cacheDir !== null && knownKey !== null ? readCache(cacheDir, knownKey) : null;
      if (cacheDir !== null && knownKey !== null && cached !== null) {
        await file?.close();
        // Replay through the same accept path, so duplicates across files settle exactly as on a parse.
        const account = { ...structuredClone(cached.account), file: rel };
        files.push(account);
        accounts.push(new RowAccount(account, config.review.timeZone));
        if (cached.checks)
          replayChecks(cacheDir, knownKey, cached.checks, (service, probe, times, statuses, latencies) =>
            checkStore.pushBatch(checkStore.handle(service, probe), times, statuses, latencies, fileIndex),
          );
        for (const ticket of cached.tickets) accept({ kind: 'ticket', ticket, timeMs: ticket.createdMs });
        for (const { survey, contentKey, line } of cached.surveys)
          accept({ kind: 'survey', survey, timeMs: survey.timeMs, contentKey, line });
        cache.hits++;
        logger.info(`${rel}: unchanged (${account.rows} rows from the cache)`);
        continue;
      }
      if (file === null) {
        try {
          file = await ExportFile.open(abs, clock);
        } catch (e) {
          problems.push(readError(abs, e, false).message.split(abs).join(rel));
          fileErrors.push({ file: rel, source: sourceOptions.id, error: problems[problems.length - 1] as string });
          continue;
        }
      }
      const account = newFileAccount({ file: rel, source: sourceOptions.id, kind: sourceOptions.kind, sha256: '', bytes: 0 });
      files.push(account);
      const rowAccount = new RowAccount(account, config.review.timeZone);
      accounts.push(rowAccount);
      if (sourceOptions.kind === 'rollups' && isParquet(rel)) {
        // Read by DuckDB (duckdb-sources.ts); the rows still go through the rollups row mapper and this account.
        try {
          try {
            Object.assign(account, await file.digest());
          } finally {
            await file.close();
          }
          await readWithDuckdb({ abs: [abs], name: rel, source, config, options: sourceOptions, account: rowAccount, accept });
        } catch (e) {
          if (!(e instanceof ReviewError)) throw e;
          problems.push(e.message);
          fileErrors.push({ file: rel, source: sourceOptions.id, error: e.message });
        }
        continue;
      }
      const recorder = cacheDir !== null ? new FileRecorder(cacheDir) : null;
      const sink = recordSink(checkStore, fileIndex, recorder, accept);
      let fingerprint: StatFingerprint | null;
      try {
        await readExport({ file, name: rel, options: sourceOptions, account: rowAccount, sink, how });
        Object.assign(account, await file.digest());
        fingerprint = await file.unchanged();
      } catch (e) {
        recorder?.abandon();
        if (e instanceof ExportReadError || e instanceof ReviewError || isSystemError(e)) {
          // Name the file as the config does (relative), not by the absolute path it was opened with.
          problems.push((e instanceof ReviewError ? e : readError(abs, e, false)).message.split(abs).join(rel));
          fileErrors.push({ file: rel, source: sourceOptions.id, error: problems[problems.length - 1] as string });
          continue;
        }
        throw e;
      } finally {
        await file.close();
      }
      cache.parsed++;
      if (recorder !== null && cacheDir !== null) {
        const key = cacheKey(account.sha256, sourceOptions, options.toolVersion);
        // Cache the file as read: duplicates found so far are within the file and are replayed.
        writeCache(cacheDir, key, recorder.finish(key, rowAccount.asRead()));
        // A file that changed while it was read has no fingerprint to trust.
        if (fingerprint !== null) knownHashes?.record(abs, fingerprint, file.openedAtNs, { sha256: account.sha256, bytes: account.bytes });
      }
      const seconds = (performance.now() - started) / 1000;
      logger.info(
        `${rel}: ${account.rows} rows (${account.accepted} accepted, ${account.rejected} rejected) in ${seconds.toFixed(2)} s` +
          (seconds > 0 ? `, ${Math.round(account.rows / seconds)} rows/s` : ''),
      );
    }
    // A file lacking a column its source's other files have would be read as if that field were empty in every row.
    const failed = new Set(fileErrors.filter((f) => f.source === sourceOptions.id).map((f) => f.file));
    for (const d of columnsDisagreement(
      sourceOptions,
      files.slice(firstFile).filter((f) => !failed.has(f.file)),
    )) {
      problems.push(d.message);
      fileErrors.push({ file: d.file, source: sourceOptions.id, error: d.message });
    }
  }
  knownHashes?.save();
  if (problems.length > 0) {
    throw new ExportsError(
      `cannot read the exports: ${problems.length} problem${problems.length === 1 ? '' : 's'}`,
      problems,
      files,
      fileErrors,
    );
  }

  const checks = checkStore.finish(
    files.map(() => 0),
    (file, timeMs) => (accounts[file] as RowAccount).duplicates(timeMs),
  );
  const byDay = (a: RollupRecord, b: RollupRecord) =>
    a.service < b.service ? -1 : a.service > b.service ? 1 : a.date < b.date ? -1 : a.date > b.date ? 1 : 0;
  const byTime =
    <T extends { record: { id: string | null } }>(get: (t: T) => number) =>
    (a: T, b: T) =>
      get(a) - get(b) || String(a.record.id).localeCompare(String(b.record.id));
  return {
    cache,
    files,
    checks,
    rollups: [...rollups.values()].map((r) => r.record).sort(byDay),
    tickets: [...tickets.values()].sort(byTime((t) => t.record.createdMs)).map((t) => t.record),
    ...surveysAndRows([...surveys.values()].sort(byTime((s) => s.record.timeMs)), files),
    incidents: [...incidents.values()].sort(byTime((s) => s.record.startedMs)).map((s) => s.record),
    changes: [...changes.values()].sort(byTime((s) => s.timeMs)).map((s) => s.record),
  };
}

/** The responses, and where each was read, in one order. */
function surveysAndRows(
  sorted: ReadonlyArray<{ record: SurveyResponse; file: number; line: number }>,
  files: readonly FileAccount[],
): Pick<IngestResult, 'surveys' | 'surveyRows'> {
  return {
    surveys: sorted.map((s) => s.record),
    surveyRows: sorted.map((s) => ({ file: (files[s.file] as FileAccount).file, line: s.line })),
  };
}

/**
 * The hash of a file that KnownHashes knows, found without parsing it: as recorded when its
 * fingerprint was settled (the file is not opened), or, when the fingerprint was taken within the
 * racy window, by hashing the file again (it stays open, for a parse if its bytes changed).
 * `hash` is null when the file must be parsed.
 */
async function knownHash(
  abs: string,
  knownHashes: KnownHashes,
  clock: () => bigint,
): Promise<{ hash: FileHash | null; file: ExportFile | null }> {
  const known = knownHashes.lookup(abs);
  if (known === null) return { hash: null, file: null };
  if (known.settled) return { hash: known.hash, file: null };
  const file = await ExportFile.open(abs, clock);
  try {
    const now = await file.digest();
    const fingerprint = await file.unchanged();
    if (now.sha256 !== known.hash.sha256 || fingerprint === null) return { hash: null, file };
    knownHashes.record(abs, fingerprint, file.openedAtNs, now);
    return { hash: now, file };
  } catch (e) {
    await file.close();
    throw e;
  }
}

/** Where one parsed file's accepted records go: the check store or the ticket and survey maps (`accept`), and the file's cache recorder. */
function recordSink(store: CheckStore, fileIndex: number, recorder: FileRecorder | null, accept: (ctx: RowContext) => void): RecordSink {
  return {
    checks: checkSink(store, fileIndex, recorder),
    addChecks(service, probe, times, statuses, latencies) {
      // Each worker numbers series its own way: take the store's handle by name.
      store.pushBatch(store.handle(service, probe), times, statuses, latencies, fileIndex);
      recorder?.addChecks(recorder.seriesId(service, probe), times, statuses, latencies);
    },
    accept(ctx) {
      if (recorder) {
        if (ctx.kind === 'check')
          recorder.addCheck(
            recorder.seriesId(ctx.check.service, ctx.check.probe),
            ctx.check.timeMs,
            STATUS_CODES[ctx.check.status],
            ctx.check.latencyMs ?? Number.NaN,
          );
        else if (ctx.kind === 'ticket') recorder.tickets.push(ctx.ticket);
        else if (ctx.kind === 'survey') recorder.surveys.push({ survey: ctx.survey, contentKey: ctx.contentKey, line: ctx.line });
      }
      accept(ctx);
    },
  };
}

/** The SHA-256 and size of one file, or of several read as one input (the hash of their hashes, in order). */
async function digestAll(abs: string[], clock: () => bigint): Promise<FileHash> {
  const hashes: FileHash[] = [];
  for (const a of abs) {
    const file = await ExportFile.open(a, clock);
    try {
      hashes.push(await file.digest());
    } finally {
      await file.close();
    }
  }
  if (hashes.length === 1) return hashes[0] as FileHash;
  return {
    sha256: createHash('sha256')
      .update(hashes.map((h) => h.sha256).join('\n'))
      .digest('hex'),
    bytes: hashes.reduce((a, h) => a + h.bytes, 0),
  };
}

/** A failed system call (a read error, say): the user's to fix, reported as a message. */
function isSystemError(e: unknown): boolean {
  return (
    e instanceof Error && typeof (e as NodeJS.ErrnoException).code === 'string' && typeof (e as NodeJS.ErrnoException).syscall === 'string'
  );
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
