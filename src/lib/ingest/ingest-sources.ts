/**
 * Ingestion: the only code that reads exports. Each configured source's files are read in
 * path order as a stream (never whole), every row becomes a canonical record or a rejected
 * row with its reason, and the per-file accounts go into the snapshot.
 */
import { createHash } from 'node:crypto';
import { createReadStream, globSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse';
import type { ReviewConfig, SourceConfig } from '../config/config-schema.ts';
import { ReviewError } from '../errors.ts';
import type { CheckSeries } from '../metrics/check-series.ts';
import type { SurveyResponse, TicketRecord } from '../model/records.ts';
import { CANONICAL_FIELDS } from './canonical-fields.ts';
import { CheckStore } from './check-store.ts';
import { type FileAccount, newFileAccount, noteAcceptedTime, type RejectedRow, recordReject } from './file-account.ts';
import { cacheKey, FileRecorder, readCache, replayChecks, writeCache } from './ingest-cache.ts';
import { ExportReadError, openExport } from './open-export.ts';
import { presetFor } from './presets.ts';
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
}

export interface IngestResult {
  /** Files replayed from the cache (unchanged since a previous run) and files parsed. */
  cache: { hits: number; parsed: number };
  files: FileAccount[];
  /** Accepted checks: service → probe → sorted series. */
  checks: Map<string, Map<string, CheckSeries>>;
  tickets: TicketRecord[];
  surveys: SurveyResponse[];
}

/** Files of a source, relative to `baseDir`, in path order. */
export function sourceFiles(source: SourceConfig, baseDir: string): string[] {
  const patterns = Array.isArray(source.files) ? source.files : [source.files];
  const found = new Set<string>();
  for (const pattern of patterns) for (const f of globSync(pattern, { cwd: baseDir })) found.add(f.split(path.sep).join('/'));
  return [...found].sort();
}

/** SHA-256 and size of a file, streamed. */
export async function hashFile(file: string): Promise<{ sha256: string; bytes: number }> {
  const hash = createHash('sha256');
  let bytes = 0;
  for await (const chunk of createReadStream(file)) {
    hash.update(chunk as Buffer);
    bytes += (chunk as Buffer).length;
  }
  return { sha256: hash.digest('hex'), bytes };
}

/** Resolves each canonical field to a column index; lists what is missing. */
function resolveColumns(source: SourceConfig, header: string[]): { indices: Record<string, number>; missing: string[] } {
  const fields = CANONICAL_FIELDS[source.kind];
  const preset = source.preset ? presetFor(source.preset) : null;
  const normalized = header.map((h) => h.trim().toLowerCase());
  const indices: Record<string, number> = {};
  const missing: string[] = [];
  for (const [field, info] of Object.entries(fields)) {
    const configured = source.columns[field] ?? preset?.columns[field];
    const names = configured === undefined ? info.headers : Array.isArray(configured) ? configured : [configured];
    const idx = names.map((n) => normalized.indexOf(n.trim().toLowerCase())).find((i) => i >= 0);
    if (idx !== undefined) indices[field] = idx;
    else if (info.required && !(field === 'service' && source.defaultService))
      missing.push(`${field} (${names.map((n) => `"${n}"`).join(' or ')})`);
  }
  if (source.kind === 'checks' && indices.service === undefined && !source.defaultService)
    missing.push(`service (${(source.columns.service ?? fields.service?.headers ?? []).toString()}, or set defaultService)`);
  if (source.kind === 'surveys' && indices.csat === undefined && indices.nps === undefined && indices.ces === undefined)
    missing.push('at least one of csat, nps, ces');
  return { indices, missing };
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
  const problems: string[] = [];
  const checkStore = new CheckStore();
  const tickets = new Map<string, { record: TicketRecord; file: number }>();
  const surveys = new Map<string, { record: SurveyResponse; file: number }>();

  for (const source of config.sources) {
    const paths = sourceFiles(source, baseDir);
    if (paths.length === 0) {
      problems.push(`source "${source.id}": no file matches ${JSON.stringify(source.files)} (relative to ${baseDir})`);
      continue;
    }
    const preset = source.preset ? presetFor(source.preset) : null;
    if (source.preset && !preset) {
      problems.push(`source "${source.id}": unknown preset "${source.preset}"`);
      continue;
    }
    for (const rel of paths) {
      const abs = path.join(baseDir, rel);
      const started = performance.now();
      const { sha256, bytes } = await hashFile(abs);
      const account = newFileAccount({ file: rel, source: source.id, kind: source.kind, sha256, bytes });
      const fileIndex = files.length;
      files.push(account);
      const accept = (ctx: RowContext) => {
        if (ctx.kind === 'check') {
          checkStore.add(ctx.check.service, ctx.check.probe, ctx.check.timeMs, ctx.check.status, ctx.check.latencyMs, fileIndex);
        } else if (ctx.kind === 'ticket') {
          const earlier = tickets.get(ctx.ticket.id);
          if (earlier) {
            (files[earlier.file] as FileAccount).duplicates++;
            (files[earlier.file] as FileAccount).accepted--;
          }
          tickets.set(ctx.ticket.id, { record: ctx.ticket, file: fileIndex });
        } else {
          const key = ctx.survey.id ?? ctx.contentKey;
          const earlier = surveys.get(key);
          if (earlier) {
            (files[earlier.file] as FileAccount).duplicates++;
            (files[earlier.file] as FileAccount).accepted--;
          }
          surveys.set(key, { record: ctx.survey, file: fileIndex });
        }
      };
      const key = options.cacheDir ? cacheKey(sha256, source, preset, config, options.toolVersion) : null;
      const cached = key && options.cacheDir ? readCache(options.cacheDir, key) : null;
      if (cached) {
        // Replay through the same accept path, so duplicates across files settle exactly as on a parse.
        Object.assign(account, structuredClone(cached.account), { file: rel });
        if (cached.checks)
          replayChecks(cached.checks, (service, probe, timeMs, status, latencyMs) =>
            checkStore.add(service, probe, timeMs, status, latencyMs, fileIndex),
          );
        for (const ticket of cached.tickets) accept({ kind: 'ticket', ticket, timeMs: ticket.createdMs });
        for (const { survey, contentKey } of cached.surveys) accept({ kind: 'survey', survey, timeMs: survey.timeMs, contentKey });
        cache.hits++;
        logger.info(`${rel}: unchanged (${account.rows} rows from the cache)`);
        continue;
      }
      const recorder = key ? new FileRecorder() : null;
      try {
        await readOneFile(abs, rel, source, config, account, (ctx) => {
          if (recorder) {
            if (ctx.kind === 'check')
              recorder.addCheck(ctx.check.service, ctx.check.probe, ctx.check.timeMs, ctx.check.status, ctx.check.latencyMs);
            else if (ctx.kind === 'ticket') recorder.tickets.push(ctx.ticket);
            else recorder.surveys.push({ survey: ctx.survey, contentKey: ctx.contentKey });
          }
          accept(ctx);
        });
      } catch (e) {
        if (e instanceof ExportReadError || e instanceof ReviewError) {
          problems.push(e.message);
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
    const f = files[i] as FileAccount;
    f.duplicates += d;
    f.accepted -= d;
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

async function readOneFile(
  abs: string,
  rel: string,
  source: SourceConfig,
  config: ReviewConfig,
  account: FileAccount,
  accept: (ctx: RowContext) => void,
): Promise<void> {
  const opened = await openExport(abs, { encoding: source.encoding, delimiter: source.delimiter });
  account.encoding = opened.encoding;
  account.delimiter = opened.delimiter;
  const parser = opened.stream.pipe(
    parse({
      delimiter: opened.delimiter,
      info: true,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      bom: true,
    }),
  );
  let header: string[] | null = null;
  let map: ((fields: string[], line: number) => RowContext | RejectedRow) | null = null;
  let prevLines = 0;
  let prevEmpty = 0;
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number; empty_lines: number } }>) {
      const line = prevLines + 1 + (info.empty_lines - prevEmpty);
      prevLines = info.lines;
      prevEmpty = info.empty_lines;
      if (header === null) {
        header = record;
        const { indices, missing } = resolveColumns(source, header);
        if (missing.length > 0) {
          throw new ReviewError(
            `${rel}: missing required column${missing.length > 1 ? 's' : ''} ${missing.join('; ')}; the header has ${header.map((h) => `"${h}"`).join(', ')}`,
          );
        }
        account.fields = Object.keys(indices).sort();
        map = rowMapperFor(source, config, indices, header);
        continue;
      }
      account.rows++;
      const out = (map as NonNullable<typeof map>)(record, line);
      if ('reason' in out) recordReject(account, out);
      else {
        account.accepted++;
        noteAcceptedTime(account, out.timeMs);
        accept(out);
      }
    }
  } catch (e) {
    if (e instanceof ReviewError) throw e;
    const err = e as { code?: string; message?: string; lines?: number };
    if (typeof err.code === 'string' && err.code.startsWith('CSV_')) {
      throw new ReviewError(
        `${rel}:${err.lines ?? '?'}: cannot parse the CSV (${err.message ?? err.code}); rows from there on were not read`,
      );
    }
    throw e;
  }
  if (header === null) throw new ReviewError(`${rel}: the file has no header line, expected a CSV export with a header`);
}
