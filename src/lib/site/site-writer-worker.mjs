// @ts-check
/**
 * One of the threads that take the rendered site off Astro's thread (see astro.config.mjs): it
 * writes the files it is sent into dist/ and builds one shard of the site search index (Pagefind)
 * from the pages among them. The build renders on one thread; writing tens of thousands of small
 * files and feeding Pagefind happen here, on the other core, while Astro renders the next pages.
 *
 * Search shards: Pagefind adds pages one at a time and then writes its index on one thread, and
 * that last write came after every page was rendered. Each writer thread has a Pagefind process
 * of its own and gets every other page, so the two halves of the index are written at once;
 * the search page merges them (Pagefind's mergeIndex). Pages are dealt out in the order Astro
 * starts them, and Pagefind takes a process's messages in the order sent, so each shard is the
 * same on every build.
 *
 * Service downloads: every service of every period has its three CSV tables (daily figures,
 * outages, maintenance): three quarters of the site's files. They are the same tables the
 * endpoint src/pages/reviews/[period]/services/[service]/[table].csv.ts serves (the dev server
 * uses it), made by the same functions from the same snapshots, but written here, each thread
 * every other period, from the start of the build: while Astro is starting up, the second core
 * has nothing else to do. The build leaves those routes out of Astro's list and checks that the
 * files written here are exactly the routes it left out.
 *
 * workerData: { shard, shards, outDir } (outDir: dist/ without the trailing slash).
 *
 * Messages in:
 * - { files: [{ file, url, start, end }], bytes }: write each file, bytes.subarray(start, end)
 *   (file: the full path, or null for a file Astro writes itself); url (a page's address below
 *   the base) adds the page to this shard; end -1 marks a page that failed to render.
 * - { index: folder }: every page has been sent; write this shard's index into folder.
 * - { finish: true }: nothing more comes; reply { pages, errors, serviceCsvs } once the files and
 *   the index are written (serviceCsvs: the service downloads written, as paths below dist/).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { parentPort, workerData } from 'node:worker_threads';
import { close, createIndex } from 'pagefind';
import { toCsv } from '../format/csv.ts';
import { SERVICE_TABLE_IDS, SERVICE_TABLES } from './csv-tables.ts';
import { readPeriodStatuses, readShownSnapshot } from './snapshot-files.ts';

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
 * the same as Pagefind makes from the whole page. A page without that <main> (the search page,
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
    .replace(/ data-chart="[^"]*"/g, '');
  return `${open}<body>${body}</body></html>`;
}

/**
 * Writes the service downloads of every `shards`-th period, starting with the `shard`-th, one
 * period at a time (between periods, the pages sent meanwhile are written and indexed).
 * @param {{ shard: number, shards: number, outDir: string, write: (file: string, bytes: string) => void }} o
 * @returns {Promise<string[]>} the files written, as paths below dist/
 */
export async function writeServiceCsvs(o) {
  /** @type {string[]} */
  const written = [];
  const statuses = readPeriodStatuses() ?? [];
  for (let i = o.shard; i < statuses.length; i += o.shards) {
    const status = /** @type {import('../snapshot/period-status.ts').PeriodStatus} */ (statuses[i]);
    const snap = readShownSnapshot(status);
    for (const service of snap.services) {
      for (const table of SERVICE_TABLE_IDS) {
        const file = `/reviews/${status.id}/services/${service.id}/${table}.csv`;
        o.write(`${o.outDir}${file}`, toCsv(SERVICE_TABLES[table].build(snap, service.id)));
        written.push(file);
      }
    }
    await nextTurn();
  }
  return written;
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
  const { shard, shards, outDir } = /** @type {{ shard: number, shards: number, outDir: string }} */ (workerData);
  /** @type {Promise<string[]>} */
  const serviceCsvs = writeServiceCsvs({ shard, shards, outDir, write }).catch((e) => {
    errors.push(`service downloads: ${e instanceof Error ? e.message : String(e)}`);
    return [];
  });
  let pages = 0;
  const created = await createIndex({ forceLanguage: 'en' });
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
