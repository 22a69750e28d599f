/**
 * The check store's spill file (check-store.ts): one append-only temp file for the chunks of
 * every series, unlinked as soon as it is opened so nothing is left behind however the process
 * ends, and read back a chunk at a time.
 */
import { closeSync, openSync, readSync, unlinkSync, writevSync } from 'node:fs';
import path from 'node:path';
import { ReviewError } from '../errors.ts';

/** Bytes a check takes in the spill file and in a tail: time (8), latency (4), status (1). */
export const BYTES_PER_CHECK = 13;

/** One append-only temp file for every series' chunks. */
export class SpillFile {
  private fd: number | null = null;
  private file: string | null = null;
  size = 0;
  private readonly dir: string;
  private readBuffer = new ArrayBuffer(0);

  constructor(dir: string) {
    this.dir = dir;
  }

  /** Appends the columns of a chunk; returns its offset. A full or unwritable temp folder is the user's to fix: a message. */
  append(times: Float64Array, latencies: Float32Array, statuses: Uint8Array): number {
    try {
      return this.appendOrThrow(times, latencies, statuses);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
      throw new ReviewError(`cannot keep the checks in the temp folder ${this.dir} (${code}); free space there or point TMPDIR elsewhere`);
    }
  }

  private appendOrThrow(times: Float64Array, latencies: Float32Array, statuses: Uint8Array): number {
    if (this.fd === null) {
      this.file = path.join(this.dir, `service-review-checks-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}.bin`);
      this.fd = openSync(this.file, 'w+', 0o600);
      try {
        // Open files stay readable once unlinked (POSIX): the spill is gone however the process ends.
        unlinkSync(this.file);
        this.file = null;
      } catch {
        // Windows keeps the name until close.
      }
    }
    const at = this.size;
    const parts = [
      new Uint8Array(times.buffer, times.byteOffset, times.byteLength),
      new Uint8Array(latencies.buffer, latencies.byteOffset, latencies.byteLength),
      new Uint8Array(statuses.buffer, statuses.byteOffset, statuses.byteLength),
    ];
    let written = 0;
    const want = times.byteLength + latencies.byteLength + statuses.byteLength;
    while (written < want) {
      // writev may write part of the data; continue from where it stopped.
      let skip = written;
      const rest = parts.flatMap((p) => {
        if (skip >= p.byteLength) {
          skip -= p.byteLength;
          return [];
        }
        const view = p.subarray(skip);
        skip = 0;
        return [view];
      });
      written += writevSync(this.fd, rest, at + written);
    }
    this.size += want;
    return at;
  }

  /** Reads `count` checks of the chunk at `offset` into the arrays at `into`: one read, then three copies. */
  read(offset: number, count: number, times: Float64Array, latencies: Float32Array, statuses: Uint8Array, into: number): void {
    const bytes = count * BYTES_PER_CHECK;
    if (this.readBuffer.byteLength < bytes) this.readBuffer = new ArrayBuffer(Math.max(bytes, this.readBuffer.byteLength * 2));
    const raw = this.readBuffer;
    readFully(this.fd as number, new Uint8Array(raw, 0, bytes), offset);
    // The chunk's columns start at multiples of 8 and 4 bytes (times first), so typed views fit.
    times.set(new Float64Array(raw, 0, count), into);
    latencies.set(new Float32Array(raw, count * 8, count), into);
    statuses.set(new Uint8Array(raw, count * 12, count), into);
  }

  close(): void {
    if (this.fd === null) return;
    closeSync(this.fd);
    this.fd = null;
    if (this.file !== null) {
      try {
        unlinkSync(this.file);
      } catch {
        // Already gone.
      }
    }
  }
}

function readFully(fd: number, into: Uint8Array, position: number): void {
  let done = 0;
  while (done < into.byteLength) {
    const n = readSync(fd, into, done, into.byteLength - done, position + done);
    if (n === 0) throw new Error('check spill file: unexpected end of file');
    done += n;
  }
}
