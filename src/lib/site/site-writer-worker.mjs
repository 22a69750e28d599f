// @ts-check
/**
 * One of the threads that take the rendered site off Astro's thread (see site-writers.ts): it
 * writes the files it is sent into the site folder and builds one shard of the site search index
 * (Pagefind) from the pages among them. The build renders on one thread; writing tens of thousands
 * of small files and feeding Pagefind happen here, on the other core, while Astro renders the next
 * pages.
 *
 * Search shards: Pagefind adds pages one at a time and then writes its index on one thread, and
 * that last write came after every page was rendered. Each writer thread has a Pagefind process
 * of its own and gets every other page (by Astro's order); the pages are rendered shard by shard,
 * so the first shard's index is written while the second's pages are rendered, and only the
 * second's is left after the last page; the search page merges them (Pagefind's mergeIndex).
 * Pagefind takes a process's messages in the order sent, and a shard's pages come in the same
 * order on every build, so each shard is the same on every build.
 *
 * Period downloads: every period's data files (its snapshot, the CSV of each of its tables, its
 * revisions', and the daily, outages and maintenance CSV of every service: three quarters of the
 * site's files). period-downloads.ts makes them (it is their only producer; they are not Astro
 * routes); each thread writes those of every other period, from the start of the build: while
 * Astro is starting up and bundling, the second core has little else to do.
 *
 * workerData: { shard, shards, outDir, snapshots, locales } (outDir: the site folder without the trailing
 * slash; snapshots: the review's snapshot folders, { snapshotDir, publishedDir }).
 *
 * Messages in:
 * - { files: [{ file, url, start, end }], bytes }: write each file, bytes.subarray(start, end)
 *   (file: the full path, or null for a file Astro writes itself); url (a page's address below
 *   the base) adds the page to this shard; end -1 marks a page that failed to render.
 * - { index: folder }: every page has been sent; write this shard's index into folder.
 * - { finish: true }: nothing more comes; reply { pages, errors, downloads } once the files and
 *   the index are written (downloads: the period downloads written, as paths below the site folder).
 */
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { close, createIndex } from 'pagefind';
import { lowerThreadPriority } from '../util/lower-thread-priority.ts';
import { searchIndexOptions } from './i18n/search-language.ts';
import { writePeriodDownloads } from './period-downloads.ts';
import { searchMarkupOfBytes } from './search-markup.ts';

if (parentPort) {
  // Astro renders every page on one thread, and that thread is the build's critical path: these threads,
  // and the Pagefind process each starts (a child takes its thread's priority), run at the lowest priority,
  // so on a machine of two cores they take what the rendering leaves and finish the index after the last
  // page (docs/benchmarks.md: about a tenth off the site half on the benchmark archive).
  lowerThreadPriority(19);
  const port = parentPort;
  /** @type {string[]} */
  const errors = [];
  /** Folders made so far: each page is a folder of its own, and most downloads share one. */
  const folders = new Set();
  /** @param {string} file */
  const folderFor = (file) => {
    const folder = file.slice(0, file.lastIndexOf('/'));
    if (!folders.has(folder)) {
      mkdirSync(folder, { recursive: true });
      folders.add(folder);
    }
  };
  /** @param {string} file @param {string | Uint8Array} bytes */
  const write = (file, bytes) => {
    folderFor(file);
    writeFileSync(file, bytes);
  };
  const { shard, shards, outDir, snapshots, locales } =
    /** @type {{ shard: number, shards: number, outDir: string, snapshots: import('./snapshot-files.ts').SnapshotFolders, locales: import('../model/locales.ts').Locale[] }} */ (
      workerData
    );
  /** @type {Promise<string[]>} */
  const downloads = writePeriodDownloads({
    folders: snapshots,
    shard,
    shards,
    write: (file, text) => write(`${outDir}${file}`, text),
    copy: (file, from) => {
      folderFor(`${outDir}${file}`);
      copyFileSync(from, `${outDir}${file}`);
    },
  }).catch((e) => {
    errors.push(`period downloads: ${e instanceof Error ? e.message : String(e)}`);
    return [];
  });
  let pages = 0;
  const created = await createIndex(searchIndexOptions(locales));
  const index = created.index;
  if (!index) errors.push(...created.errors);
  /** @type {Promise<void>[]} */
  const adding = [];
  /** @type {Promise<void> | null} */
  let indexWritten = null;
  port.on(
    'message',
    async (
      /** @type {{ files: { file: string | null, url: string | null, start: number, end: number }[], bytes: Uint8Array } | { index: string } | { finish: true }} */ m,
    ) => {
      if ('files' in m) {
        for (const f of m.files) {
          if (f.end < 0) continue;
          const bytes = m.bytes.subarray(f.start, f.end);
          if (f.file !== null) {
            try {
              write(f.file, bytes);
            } catch (e) {
              // The build stops at its end, naming the first 20 files that could not be written (a full disk fails many).
              if (errors.length < 20) errors.push(`could not write ${f.file}: ${/** @type {Error} */ (e).message}`);
            }
          }
          if (f.url === null || !index) continue;
          // Only what Pagefind indexes, decoded from the page's bytes (search-markup.ts).
          const content = searchMarkupOfBytes(bytes);
          if (content === null) continue;
          const added = index.addHTMLFile({ url: f.url, content });
          adding.push(
            added.then(
              (r) => {
                if (r.errors.length) errors.push(...r.errors);
                else pages++;
              },
              (e) => {
                errors.push(String(e));
              },
            ),
          );
        }
        return;
      }
      if ('index' in m) {
        const folder = m.index;
        indexWritten = Promise.all(adding).then(async () => {
          if (index && !errors.length) {
            const written = await index.writeFiles({ outputPath: folder });
            errors.push(...written.errors);
          }
        });
        return;
      }
      const written = await downloads;
      await indexWritten;
      await close();
      port.postMessage({ pages, errors, downloads: written });
    },
  );
}
