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
 * of its own and gets every other page, so the two halves of the index are written at once;
 * the search page merges them (Pagefind's mergeIndex). Pages are dealt out in the order Astro
 * starts them, and Pagefind takes a process's messages in the order sent, so each shard is the
 * same on every build.
 *
 * Service downloads: every service of every period has its three CSV tables (daily figures,
 * outages, maintenance): three quarters of the site's files. service-downloads.ts makes them (it
 * is their only producer; they are not Astro routes); each thread writes those of every other
 * period, from the start of the build: while Astro is starting up, the second core has nothing
 * else to do.
 *
 * workerData: { shard, shards, outDir, snapshots, locales } (outDir: the site folder without the trailing
 * slash; snapshots: the review's snapshot folders, { snapshotDir, publishedDir }).
 *
 * Messages in:
 * - { files: [{ file, url, start, end }], bytes }: write each file, bytes.subarray(start, end)
 *   (file: the full path, or null for a file Astro writes itself); url (a page's address below
 *   the base) adds the page to this shard; end -1 marks a page that failed to render.
 * - { index: folder }: every page has been sent; write this shard's index into folder.
 * - { finish: true }: nothing more comes; reply { pages, errors, serviceCsvs } once the files and
 *   the index are written (serviceCsvs: the service downloads written, as paths below the site folder).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { close, createIndex } from 'pagefind';
import { searchIndexOptions } from './i18n/search-language.ts';
import { writeServiceDownloads } from './service-downloads.ts';

/**
 * What Pagefind is sent of a page. Its time, in adding a page and in writing the index, goes with
 * the markup it is sent (on the benchmark archive: 9.4 s of its CPU for 6.5 KB of markup a page,
 * 1.4 s for a title and a line), so it is sent only what it reads: the page's <main data-pagefind-body> (nothing
 * outside it is indexed, and no data-pagefind-meta lies outside it), without the tables marked
 * data-pagefind-ignore (day-by-day figures, error budgets, outage lists repeated from the month's
 * review: see OutagesTable.astro), without <nav> elements (Pagefind never indexes a nav; the
 * service pages' list of the other services, and the download links, are most of their markup)
 * and without the charts' data attributes (attribute values are not indexed; Astro writes a
 * double quote in a value as &quot;). Tables and navs do not nest in these pages. The index is
 * the same as Pagefind makes from the whole page, except that table cells, list items and captions
 * are kept apart by a space. A page without that <main> (the search page,
 * the 404 page: BaseLayout's searchable={false}) is not sent at all: once any page has
 * data-pagefind-body, Pagefind drops every page without it from the index anyway, after the
 * work of reading it.
 * @param {string} html
 * @returns {string | null} null: the page is not indexed
 */
export function searchMarkup(html) {
  const main = /<main\b[^>]*\bdata-pagefind-body\b[\s\S]*<\/main>/.exec(html)?.[0];
  if (!main) return null;
  const open = /<html\b[^>]*>/.exec(html)?.[0] ?? '<html>';
  const body = main
    .replace(/<table\b[^>]*\bdata-pagefind-ignore\b[^>]*>[\s\S]*?<\/table>/g, '')
    .replace(/<nav\b[^>]*>[\s\S]*?<\/nav>/g, '')
    .replace(/ data-chart="[^"]*"/g, '')
    // Table cells (and list items, captions) are written without space between them; Pagefind
    // reads the text of adjacent elements as one run, so "Sign-in (SSO)" and "2 outages" in
    // neighbouring cells became one word. A space after each keeps them apart in the index.
    .replace(/<\/(td|th|caption|li)>/g, '</$1> ');
  return `${open}<body>${body}</body></html>`;
}

if (parentPort) {
  const port = parentPort;
  const utf8 = new TextDecoder();
  /** @type {string[]} */
  const errors = [];
  /** Folders made so far: each page is a folder of its own, and most downloads share one. */
  const folders = new Set();
  /** @param {string} file @param {string | Uint8Array} bytes */
  const write = (file, bytes) => {
    const folder = file.slice(0, file.lastIndexOf('/'));
    if (!folders.has(folder)) {
      mkdirSync(folder, { recursive: true });
      folders.add(folder);
    }
    writeFileSync(file, bytes);
  };
  const { shard, shards, outDir, snapshots, locales } =
    /** @type {{ shard: number, shards: number, outDir: string, snapshots: import('./snapshot-files.ts').SnapshotFolders, locales: import('../model/locales.ts').Locale[] }} */ (
      workerData
    );
  /** @type {Promise<string[]>} */
  const serviceCsvs = writeServiceDownloads({
    folders: snapshots,
    shard,
    shards,
    write: (file, text) => write(`${outDir}${file}`, text),
  }).catch((e) => {
    errors.push(`service downloads: ${e instanceof Error ? e.message : String(e)}`);
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
          const content = searchMarkup(utf8.decode(bytes));
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
      const csvs = await serviceCsvs;
      await indexWritten;
      await close();
      port.postMessage({ pages, errors, serviceCsvs: csvs });
    },
  );
}
