/**
 * The threads that write the site and build its search index (site-writer-worker.mjs), one per
 * shard of the index, seen from Astro's thread.
 *
 * Writing: Astro writes each route's file with awaited asynchronous calls (make the folder, open,
 * write, close), one route after the other; for this site's tens of thousands of small files
 * (every service of every month has a page and three CSVs) those round trips through Node's
 * thread pool took more time than rendering. Each rendered route is handed to a writer thread,
 * which writes the file to the same place with the same bytes while Astro renders the next route.
 *
 * Search: Pagefind (its binary comes inside the npm package, nothing is downloaded) indexes every
 * page; the search box loads the index on demand. Pages go to the index as they are rendered,
 * not by reading the site again afterwards. Route N goes to thread N mod 2, each thread feeding a
 * Pagefind process of its own, so the index comes in two shards (pagefind/ and pagefind-2/) that
 * are the same on every build, each written once its last page is in (requestIndex); the search
 * page merges them.
 */

import { Worker } from 'node:worker_threads';
import type { Locale } from '../model/locales.ts';
import { SEARCH_BUNDLES } from './search-bundles.mjs';
import type { SnapshotFolders } from './snapshot-files.ts';

/** A file for a writer: its full path (null: Astro writes it), its bytes, and a page's address below the base (null: not a page to index). */
export interface WriterFile {
  file: string | null;
  bytes: Uint8Array | null;
  url: string | null;
}

export interface WritersResult {
  /** Pages in the search index. */
  pages: number;
  /** What went wrong (files not written, Pagefind's errors); empty when all went well. */
  errors: string[];
  /** The period downloads the threads wrote (period-downloads.ts), as paths below the site folder. */
  downloads: string[];
}

/** Routes are posted a few dozen at a time: waking a thread, and moving a buffer, cost more than copying a page. */
const BATCH = 32;

export class SiteWriters {
  readonly #outDir: string;
  #workers: Worker[];
  #failure: unknown = null;
  readonly #batches: WriterFile[][];
  #handedOn = 0;
  readonly #indexRequested = new Set<number>();

  /**
   * Starts one thread per search shard; they begin writing the period downloads at once.
   * @param outDir the site folder, without a trailing slash
   */
  constructor(outDir: string, folders: SnapshotFolders & { locales?: readonly Locale[] | undefined }) {
    this.#outDir = outDir;
    const shards = SEARCH_BUNDLES.length;
    this.#batches = Array.from({ length: shards }, () => []);
    this.#workers = Array.from({ length: shards }, (_, shard) => {
      const w = new Worker(new URL('./site-writer-worker.mjs', import.meta.url), {
        workerData: {
          shard,
          shards,
          outDir,
          snapshots: { snapshotDir: folders.snapshotDir, publishedDir: folders.publishedDir },
          locales: folders.locales ?? ['en'],
        },
      });
      // Until the end of the build, the threads alone must not keep a failed build's process alive.
      w.unref();
      w.on('error', (e) => {
        this.#failure = e;
      });
      return w;
    });
  }

  /** The number of threads, and of shards of the search index. */
  get shards(): number {
    return this.#batches.length;
  }

  /** The thread, and shard of the index, that the place-th file goes to: N mod the number of threads, so both shards have pages even on a small site. */
  shardOf(place: number): number {
    return place % this.#batches.length;
  }

  /**
   * Hands on one file, to thread shardOf(place).
   * @param place where the file is dealt as if it were the place-th (a page's place in Astro's order); default: the next in turn
   */
  handOn(f: WriterFile, place?: number): void {
    const k = this.shardOf(place ?? this.#handedOn);
    this.#handedOn++;
    const batch = this.#batches[k] as WriterFile[];
    batch.push(f);
    if (batch.length >= BATCH) this.#flush(k);
  }

  /**
   * Every page of a shard has been handed on (of every shard, without one): its thread writes that shard of the index
   * while Astro renders the rest. A shard's index is requested once; later requests are ignored.
   */
  requestIndex(shard?: number): void {
    for (const k of shard === undefined ? this.#workers.keys() : [shard]) {
      const worker = this.#workers[k];
      if (!worker || this.#indexRequested.has(k)) continue;
      this.#indexRequested.add(k);
      this.#flush(k);
      worker.postMessage({ index: `${this.#outDir}/${SEARCH_BUNDLES[k]}` });
    }
  }

  /** Waits for every file and both shards of the index to be written, then ends the threads. */
  async finish(): Promise<WritersResult> {
    this.requestIndex();
    this.#flushAll();
    const results = await Promise.all(
      this.#workers.map(
        (w) =>
          new Promise<WritersResult>((resolve, reject) => {
            if (this.#failure) reject(this.#failure);
            w.ref();
            w.once('message', resolve);
            w.once('error', reject);
            w.postMessage({ finish: true });
          }),
      ),
    ).finally(() => this.stop());
    return {
      pages: results.reduce((a, r) => a + r.pages, 0),
      errors: results.flatMap((r) => r.errors),
      downloads: results.flatMap((r) => r.downloads),
    };
  }

  /** Ends the threads at once, whatever they were doing (a failed build, before its folder is deleted). */
  async stop(): Promise<void> {
    const all = this.#workers;
    this.#workers = [];
    await Promise.all(all.map((w) => w.terminate()));
  }

  /** Posts a thread its batch: the bytes copied into one buffer that is moved, not copied, to the thread. */
  #flush(k: number): void {
    const batch = this.#batches[k] as WriterFile[];
    const worker = this.#workers[k];
    if (!batch.length || !worker) return;
    const bytes = new Uint8Array(batch.reduce((a, f) => a + (f.bytes?.length ?? 0), 0));
    let at = 0;
    const files = batch.map((f) => {
      const start = at;
      if (f.bytes) {
        bytes.set(f.bytes, at);
        at += f.bytes.length;
      }
      return { file: f.file, url: f.url, start, end: f.bytes ? at : -1 };
    });
    worker.postMessage({ files, bytes }, [bytes.buffer]);
    this.#batches[k] = [];
  }

  #flushAll(): void {
    for (let k = 0; k < this.#batches.length; k++) this.#flush(k);
  }
}
