/**
 * Which files a source reads, and their hashes (SHA-256 of the bytes as stored: the file's
 * provenance in the snapshot, and the parsed-file cache's key).
 *
 * A file that is parsed is opened once and read once: every reader reads through one
 * ExportFile, which hashes the bytes as they are read. A file whose stat fingerprint has not
 * changed since a run that read it is not opened at all: its hash comes from KnownHashes.
 */
import { createHash, type Hash } from 'node:crypto';
import { type BigIntStats, globSync, readFileSync, statSync } from 'node:fs';
import { type FileHandle, open } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from '../fs/atomic-write.ts';

/** Files of a source, relative to `baseDir`, in path order. */
export function sourceFiles(files: string | string[], baseDir: string): string[] {
  const patterns = Array.isArray(files) ? files : [files];
  const found = new Set<string>();
  for (const pattern of patterns) for (const f of globSync(pattern, { cwd: baseDir })) found.add(f.split(path.sep).join('/'));
  return [...found].sort();
}

/** SHA-256 and size of a file's bytes as stored. */
export interface FileHash {
  sha256: string;
  bytes: number;
}

/** What the file system says about a file, enough to tell that it changed without reading it (git's index keeps the same). */
export interface StatFingerprint {
  size: number;
  /** Modification and status-change times, nanoseconds since the epoch, as decimal strings. */
  mtimeNs: string;
  ctimeNs: string;
  ino: string;
  dev: string;
}

export function fingerprintOf(stats: BigIntStats): StatFingerprint {
  return {
    size: Number(stats.size),
    mtimeNs: stats.mtimeNs.toString(),
    ctimeNs: stats.ctimeNs.toString(),
    ino: stats.ino.toString(),
    dev: stats.dev.toString(),
  };
}

export function sameFingerprint(a: StatFingerprint, b: StatFingerprint): boolean {
  return a.size === b.size && a.mtimeNs === b.mtimeNs && a.ctimeNs === b.ctimeNs && a.ino === b.ino && a.dev === b.dev;
}

/**
 * A fingerprint proves a file unchanged only when the file was last changed clearly before it
 * was read: a file written within the file system's timestamp granularity of the read could be
 * changed again keeping its size and times ("racily clean" in git's words). Two seconds cover
 * the coarsest common granularity (FAT) and small clock differences of network file systems.
 */
export const RACY_WINDOW_NS = 2_000_000_000n;

/** Whether a fingerprint taken at `readAtNs` (wall clock) may be trusted later. */
export function settledBefore(fp: StatFingerprint, readAtNs: bigint): boolean {
  const settled = readAtNs - RACY_WINDOW_NS;
  return BigInt(fp.mtimeNs) < settled && BigInt(fp.ctimeNs) < settled;
}

/** The wall clock in nanoseconds since the epoch. */
export function wallClockNs(): bigint {
  return BigInt(Date.now()) * 1_000_000n;
}

const KNOWN_HASHES_FORMAT = 1;

interface KnownHash {
  fingerprint: StatFingerprint;
  hash: FileHash;
  /** Whether the fingerprint was settled when taken (settledBefore). */
  settled: boolean;
}

/**
 * The hashes of files read by earlier runs, by absolute path, each with the file's stat
 * fingerprint when it was read. The rule:
 * - a changed fingerprint (size, modification or status-change time, inode, device) means the
 *   file is read again; status-change time cannot be set by tools, so a rewrite that restores
 *   the old modification time is still seen;
 * - an unchanged fingerprint that was settled when taken gives the recorded hash: the file is
 *   not opened;
 * - an unchanged fingerprint taken within the racy window (the file was written just before it
 *   was read, so a rewrite in the same timestamp tick would keep it) only says "maybe": the
 *   file's bytes are hashed again and compared, as git does with racily clean entries.
 * Stored as `known-hashes.json` in the cache folder; an unreadable file is an empty index.
 */
export class KnownHashes {
  private readonly file: string;
  private readonly entries: Map<string, KnownHash>;
  private readonly seen = new Map<string, KnownHash>();
  private changed = false;

  private constructor(file: string, entries: Map<string, KnownHash>) {
    this.file = file;
    this.entries = entries;
  }

  static load(cacheDir: string): KnownHashes {
    const file = path.join(cacheDir, 'known-hashes.json');
    try {
      const data = JSON.parse(readFileSync(file, 'utf8')) as { format: number; files: Record<string, KnownHash> };
      if (data.format === KNOWN_HASHES_FORMAT) return new KnownHashes(file, new Map(Object.entries(data.files)));
    } catch {
      // Missing or unreadable: every file is read.
    }
    return new KnownHashes(file, new Map());
  }

  /** The recorded hash of a file whose fingerprint is unchanged, and whether it can be trusted unread; null when the file must be read. */
  lookup(absPath: string): { hash: FileHash; settled: boolean } | null {
    const entry = this.entries.get(absPath);
    if (entry === undefined) return null;
    let now: StatFingerprint;
    try {
      now = fingerprintOf(statSync(absPath, { bigint: true }));
    } catch {
      return null;
    }
    if (!sameFingerprint(now, entry.fingerprint)) return null;
    if (entry.settled) this.seen.set(absPath, entry);
    return { hash: entry.hash, settled: entry.settled };
  }

  /** Records the hash of a file read under `fingerprint`, taken at `readAtNs` (wall clock). */
  record(absPath: string, fingerprint: StatFingerprint, readAtNs: bigint, hash: FileHash): void {
    this.changed = true;
    this.seen.set(absPath, { fingerprint, hash, settled: settledBefore(fingerprint, readAtNs) });
  }

  /** Writes the files seen in this run (trusted or recorded); the others are dropped. */
  save(): void {
    if (!this.changed && this.seen.size === this.entries.size) return;
    writeFileAtomic(this.file, JSON.stringify({ format: KNOWN_HASHES_FORMAT, files: Object.fromEntries(this.seen) }));
  }
}

/**
 * An export file, opened once. Every byte read through it is hashed in file order, so the
 * file's SHA-256 comes from the same bytes the readers parse: a read that starts past the
 * bytes hashed so far first hashes the gap, and a read of bytes already hashed (a re-read after
 * a handover) is not hashed again. Reads are queued one after another.
 */
export class ExportFile {
  /** The path it was opened with. */
  readonly path: string;
  /** The file's fingerprint when it was opened, and the wall clock then. */
  readonly opened: StatFingerprint;
  readonly openedAtNs: bigint;
  /** Bytes read from the file so far, re-reads included. */
  bytesRead = 0;
  private readonly handle: FileHandle;
  private readonly hash: Hash = createHash('sha256');
  private hashed = 0;
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(filePath: string, handle: FileHandle, opened: StatFingerprint, openedAtNs: bigint) {
    this.path = filePath;
    this.handle = handle;
    this.opened = opened;
    this.openedAtNs = openedAtNs;
  }

  /** Opens a file for reading; fails with the system's error (the caller words it). `clock` gives the wall clock in nanoseconds. */
  static async open(filePath: string, clock: () => bigint = wallClockNs): Promise<ExportFile> {
    const openedAtNs = clock();
    const handle = await open(filePath, 'r');
    try {
      return new ExportFile(filePath, handle, fingerprintOf(await handle.stat({ bigint: true })), openedAtNs);
    } catch (e) {
      await handle.close();
      throw e;
    }
  }

  get size(): number {
    return this.opened.size;
  }

  /** Reads up to `length` bytes at `position` into `buf` at `offset`; the number read. */
  read(buf: Buffer, offset: number, length: number, position: number): Promise<number> {
    const next = this.queue.then(() => this.readNow(buf, offset, length, position));
    this.queue = next.catch(() => {});
    return next;
  }

  private async readNow(buf: Buffer, offset: number, length: number, position: number): Promise<number> {
    if (position > this.hashed) await this.hashGap(position);
    const { bytesRead } = await this.handle.read(buf, offset, length, position);
    this.bytesRead += bytesRead;
    const end = position + bytesRead;
    if (end > this.hashed) {
      this.hash.update(buf.subarray(offset + (this.hashed - position), offset + bytesRead));
      this.hashed = end;
    }
    return bytesRead;
  }

  /** Hashes the bytes from the hashed prefix up to `position`, or to the end of the file. */
  private async hashGap(position: number): Promise<void> {
    const scratch = Buffer.allocUnsafe(Math.min(1 << 20, Math.max(1, position - this.hashed)));
    while (this.hashed < position) {
      const { bytesRead } = await this.handle.read(scratch, 0, Math.min(scratch.length, position - this.hashed), this.hashed);
      if (bytesRead === 0) break;
      this.bytesRead += bytesRead;
      this.hash.update(scratch.subarray(0, bytesRead));
      this.hashed += bytesRead;
    }
  }

  /**
   * The file from `start` to its end, in new buffers of up to `size` bytes. From the second
   * buffer on, the next read is under way while the reader works on the current one (reads
   * from the page cache take about as long as scanning a buffer); the first is read alone, so
   * a reader that stops after it (the header, before the worker threads take over) leaves
   * nothing read ahead. When the generator ends, no read of it is in flight. The first buffer
   * may be asked smaller (`firstSize`).
   */
  async *chunks(start: number, size: number, firstSize = size): AsyncGenerator<Buffer> {
    const readAt = async (position: number, want: number): Promise<Buffer> => {
      const buf = Buffer.allocUnsafe(want);
      const n = await this.read(buf, 0, want, position);
      return n === want ? buf : buf.subarray(0, n);
    };
    let ahead: Promise<Buffer> | null = null;
    try {
      for (let position = start, first = true; ; first = false) {
        const chunk = ahead === null ? await readAt(position, first ? firstSize : size) : await ahead;
        ahead = null;
        if (chunk.length === 0) return;
        position += chunk.length;
        if (!first) {
          ahead = readAt(position, size);
          // Its failure reaches the reader at the next chunk, or nobody when the reader stops first.
          ahead.catch(() => {});
        }
        yield chunk;
      }
    } finally {
      if (ahead !== null) await ahead.catch(() => {});
    }
  }

  /** SHA-256 and size of the whole file; bytes no reader read are read (and hashed) now. */
  async digest(): Promise<FileHash> {
    const rest = this.queue.then(() => this.hashGap(Number.POSITIVE_INFINITY));
    this.queue = rest.catch(() => {});
    await rest;
    return { sha256: this.hash.copy().digest('hex'), bytes: this.hashed };
  }

  /** The file's fingerprint now, when it still is the one it was opened with; null when it changed meanwhile. */
  async unchanged(): Promise<StatFingerprint | null> {
    const now = fingerprintOf(await this.handle.stat({ bigint: true }));
    return sameFingerprint(now, this.opened) ? now : null;
  }

  async close(): Promise<void> {
    await this.handle.close();
  }
}
