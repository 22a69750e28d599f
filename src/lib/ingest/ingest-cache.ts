/**
 * Parsed-file cache keyed by content: a file whose bytes (SHA-256) and mapping are unchanged
 * is not parsed again; its accepted records and row accounting are replayed from the cache.
 * So adding next month's exports parses only the new files. The hash of a file that is not
 * read comes from its unchanged stat fingerprint (KnownHashes in export-files.ts); a file that
 * is read is hashed while it is parsed, so its entry's key is known only at the end (the
 * recorder writes under a temp name until then). An entry is a v8-serialised
 * object (the account, tickets, surveys) and, for checks, a binary sidecar written while the
 * file is read and replayed in chunks, so neither recording nor replaying holds a file's
 * checks in memory. Both are written through temp files and renames; an unreadable or
 * incomplete entry is a miss, never an error.
 */
import { createHash } from 'node:crypto';
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { writeFileAtomic } from '../fs/atomic-write.ts';
import type { SurveyResponse, TicketRecord } from '../model/records.ts';
import type { FileAccount } from './file-account.ts';
import type { SourceOptions } from './resolve-source.ts';

/**
 * Bump when the cached layout or the meaning of parsed records changes, the masking of what the
 * cache holds masked included (8: rejects masked by the reason's parts; unlisted services' names
 * masked, their ids made from the masked names; 9: e-mail addresses with CJK local parts masked; 10: a local
 * part is at most 64 characters, as RFC 5321 has it; 11: IP and MAC addresses masked, and a bare number in a
 * rejected timestamp cell keeps its digits only as epoch seconds or milliseconds before 2100; 12: a survey
 * response records its source; 13: accounts count accepted rows per month of the review zone, which the
 * options' reviewTimeZone puts in the key; 14: a survey response's line is kept, for check's reports on its ticket join).
 */
export const CACHE_FORMAT = 14;

/** Checks per sidecar chunk; each chunk is its columns one after another (series, time, latency, status). */
const CHUNK_CHECKS = 16_384;
/** Bytes a check takes in the sidecar: series index (2), time (8), latency (4), status (1). */
const SIDECAR_BYTES_PER_CHECK = 15;

export interface CachedChecks {
  /** [service, probe] of each series index used in the sidecar. */
  series: Array<[string, string]>;
  /** Checks in the sidecar, in arrival order. */
  count: number;
}

export interface CachedFile {
  format: number;
  /** The file's account as read, before cross-file duplicates were settled. */
  account: FileAccount;
  checks: CachedChecks | null;
  tickets: TicketRecord[];
  /** Responses with the row-content key that identifies duplicates of responses without an id, and the line each starts on. */
  surveys: Array<{ survey: SurveyResponse; contentKey: string; line: number }>;
}

/**
 * The cache key: file content, the source's resolved options (everything a reader consults:
 * preset and review defaults applied, the services and priority words the value maps resolve
 * to), the tool version, and the reading code itself (codeFingerprint): the version does not
 * change when the code does, and a cache kept across an upgrade or a checkout would replay the
 * old code's records and reject reasons.
 */
export function cacheKey(sha256: string, options: SourceOptions, toolVersion: string, code = readingCodeFingerprint()): string {
  return createHash('sha256')
    .update(sha256)
    .update(JSON.stringify({ format: CACHE_FORMAT, toolVersion, code, options }))
    .digest('hex');
}

/** The folders of src/lib whose code can change what a file's reading gives (the site's and the snapshots' cannot). */
export const READING_CODE = ['config', 'format', 'ingest', 'metrics', 'model', 'time', 'util'];
let fingerprint: string | null = null;

/** codeFingerprint of this tool's reading code, once per process (about 300 small files). */
function readingCodeFingerprint(): string {
  fingerprint ??= codeFingerprint(path.resolve(import.meta.dirname, '..'), READING_CODE);
  return fingerprint;
}

/**
 * SHA-256 of the TypeScript files under `root`'s `folders` (their paths below root, and bytes), in
 * path order; a folder that does not exist adds nothing.
 * @example codeFingerprint('/tool/src/lib', ['ingest']) // 'a3f1…' (64 hex digits), another after any edit
 */
export function codeFingerprint(root: string, folders: readonly string[]): string {
  const files: string[] = [];
  for (const folder of folders) {
    const dir = path.join(root, folder);
    if (!existsSync(dir)) continue;
    for (const f of readdirSync(dir, { recursive: true, withFileTypes: true })) {
      if (f.isFile() && /\.(ts|mts|mjs|js)$/.test(f.name)) files.push(path.relative(root, path.join(f.parentPath, f.name)));
    }
  }
  const hash = createHash('sha256');
  for (const f of files.sort())
    hash
      .update(`${f.split(path.sep).join('/')}\0`)
      .update(readFileSync(path.join(root, f)))
      .update('\0');
  return hash.digest('hex');
}

/** Recordings started by this process, for their temp names. */
let recordings = 0;

/** Collects one file's accepted records in arrival order, for the cache; checks go straight to the sidecar. */
export class FileRecorder {
  private readonly seriesIds = new Map<string, number>();
  private readonly series: Array<[string, string]> = [];
  private readonly ids = new Uint16Array(CHUNK_CHECKS);
  private readonly times = new Float64Array(CHUNK_CHECKS);
  private readonly latencies = new Float32Array(CHUNK_CHECKS);
  private readonly statuses = new Uint8Array(CHUNK_CHECKS);
  private n = 0;
  private count = 0;
  private fd: number | null = null;
  private written = 0;
  private readonly tmp: string;
  readonly tickets: TicketRecord[] = [];
  readonly surveys: Array<{ survey: SurveyResponse; contentKey: string; line: number }> = [];
  private readonly dir: string;

  /** Records into `dir`; the entry's key (made from the file's hash) is given at the end, once the file is read. */
  constructor(dir: string) {
    this.dir = dir;
    this.tmp = path.join(dir, `recording-${process.pid}-${++recordings}.checks.tmp`);
  }

  /** The recorder's index of a (service, probe) series. */
  seriesId(service: string, probe: string): number {
    const k = `${service}\u0000${probe}`;
    let id = this.seriesIds.get(k);
    if (id === undefined) {
      id = this.series.length;
      this.seriesIds.set(k, id);
      this.series.push([service, probe]);
    }
    return id;
  }

  /** One check; `status` is a STATUS_* code, `latencyMs` NaN when absent. */
  addCheck(series: number, timeMs: number, status: number, latencyMs: number): void {
    if (this.n === CHUNK_CHECKS) this.flush();
    const i = this.n++;
    this.ids[i] = series;
    this.times[i] = timeMs;
    this.latencies[i] = latencyMs;
    this.statuses[i] = status;
  }

  /** Checks of one series in arrival order. */
  addChecks(series: number, times: Float64Array, statuses: Uint8Array, latencies: Float32Array): void {
    let at = 0;
    while (at < times.length) {
      if (this.n === CHUNK_CHECKS) this.flush();
      const take = Math.min(times.length - at, CHUNK_CHECKS - this.n);
      this.ids.fill(series, this.n, this.n + take);
      this.times.set(times.subarray(at, at + take), this.n);
      this.latencies.set(latencies.subarray(at, at + take), this.n);
      this.statuses.set(statuses.subarray(at, at + take), this.n);
      this.n += take;
      at += take;
    }
  }

  private flush(): void {
    const n = this.n;
    if (n === 0) return;
    if (this.fd === null) {
      mkdirSync(this.dir, { recursive: true });
      this.fd = openSync(this.tmp, 'w');
    }
    const bytes = (a: Uint16Array | Float64Array | Float32Array | Uint8Array) =>
      new Uint8Array(a.buffer, a.byteOffset, n * a.BYTES_PER_ELEMENT);
    const chunk = Buffer.concat([bytes(this.ids), bytes(this.times), bytes(this.latencies), bytes(this.statuses)]);
    const total = n * SIDECAR_BYTES_PER_CHECK;
    for (let done = 0; done < total; ) done += writeSync(this.fd, chunk, done, total - done, this.written + done);
    this.written += total;
    this.count += n;
    this.n = 0;
  }

  /** Ends recording under `key`; the sidecar is in place (renamed) before the entry that names it is written. */
  finish(key: string, account: FileAccount): CachedFile {
    this.flush();
    let checks: CachedChecks | null = null;
    if (this.fd !== null) {
      closeSync(this.fd);
      this.fd = null;
      renameSync(this.tmp, sidecarPath(this.dir, key));
      checks = { series: this.series, count: this.count };
    }
    return { format: CACHE_FORMAT, account: structuredClone(account), checks, tickets: this.tickets, surveys: this.surveys };
  }

  /** Drops a half-written sidecar (the file could not be read to its end). */
  abandon(): void {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
    rmSync(this.tmp, { force: true });
  }
}

function sidecarPath(dir: string, key: string): string {
  return path.join(dir, `${key}.checks`);
}

/**
 * Replays cached checks in their original order, a chunk at a time: `add` gets runs of one
 * series (times, STATUS_* codes, latencies with NaN for none).
 */
export function replayChecks(
  dir: string,
  key: string,
  checks: CachedChecks,
  add: (service: string, probe: string, times: Float64Array, statuses: Uint8Array, latencies: Float32Array) => void,
): void {
  const fd = openSync(sidecarPath(dir, key), 'r');
  try {
    const ids = new Uint16Array(CHUNK_CHECKS);
    const times = new Float64Array(CHUNK_CHECKS);
    const latencies = new Float32Array(CHUNK_CHECKS);
    const statuses = new Uint8Array(CHUNK_CHECKS);
    let position = 0;
    for (let left = checks.count; left > 0; ) {
      const n = Math.min(CHUNK_CHECKS, left);
      for (const a of [ids, times, latencies, statuses]) {
        const want = n * a.BYTES_PER_ELEMENT;
        const into = new Uint8Array(a.buffer, 0, want);
        for (let done = 0; done < want; ) {
          const got = readSync(fd, into, done, want - done, position + done);
          if (got === 0) throw new Error('cache sidecar: unexpected end of file');
          done += got;
        }
        position += want;
      }
      for (let i = 0; i < n; ) {
        const id = ids[i] as number;
        let j = i + 1;
        while (j < n && ids[j] === id) j++;
        const [service, probe] = checks.series[id] as [string, string];
        add(service, probe, times.subarray(i, j), statuses.subarray(i, j), latencies.subarray(i, j));
        i = j;
      }
      left -= n;
    }
  } finally {
    closeSync(fd);
  }
}

export function readCache(dir: string, key: string): CachedFile | null {
  const file = path.join(dir, `${key}.v8`);
  if (!existsSync(file)) return null;
  try {
    const data = deserialize(readFileSync(file)) as CachedFile;
    if (data.format !== CACHE_FORMAT) return null;
    // An entry whose sidecar is missing or of another size (a crash between the two writes) is a miss.
    if (data.checks && statSync(sidecarPath(dir, key)).size !== data.checks.count * SIDECAR_BYTES_PER_CHECK) return null;
    return data;
  } catch {
    return null;
  }
}

export function writeCache(dir: string, key: string, data: CachedFile): void {
  writeFileAtomic(path.join(dir, `${key}.v8`), serialize(data));
}
