// @ts-check
/**
 * The site search index (Pagefind), built in a thread of its own while Astro renders the pages.
 * The build (astro.config.mjs) posts each page's HTML here as soon as it is rendered, in the order
 * Astro started the pages; this thread cuts it down to what Pagefind reads and hands it on to
 * Pagefind's own process, which takes its messages one at a time, in the order sent, so the index
 * is the same on every build. Cutting, encoding and piping the pages happen here rather than in
 * the thread that renders them; Pagefind parses page N while Astro renders page N+1.
 *
 * Messages in: { pages: [{ url, html }] } (html: a page's bytes, or null for a page that failed),
 * then { write: folder }. Message out: { pages, errors } once the index is written.
 */
import { parentPort } from 'node:worker_threads';
import { close, createIndex } from 'pagefind';

/**
 * Not indexed: the day-by-day tables of the service pages (dates and figures, also in each
 * page's daily.csv; a search for "2026-10-14" or "99.912 %" finds nothing useful there).
 */
const SEARCH_SKIPS = ['table.daily'];

/**
 * What Pagefind is sent of a page. Its time (and the time to pipe the page to it) goes with the
 * markup it is sent, not with the text it indexes, so it is sent only what it reads: the page's
 * <main data-pagefind-body> (nothing outside it is indexed, and no data-pagefind-meta lies
 * outside it), without the skipped tables, without <nav> elements (Pagefind never indexes a nav;
 * the service pages' list of the other services is most of their markup) and without the
 * charts' data attributes (attribute values are not indexed; Astro writes a double quote in a
 * value as &quot;). Neither the tables nor the navs nest. The index is the same as Pagefind makes
 * from the whole page: checked on the sample site and on the benchmark archive. Should a cut ever
 * miss, Pagefind still leaves out what it would have; a page without that <main> is sent whole.
 * @param {string} html
 */
export function searchMarkup(html) {
  const main = /<main\b[^>]*\bdata-pagefind-body\b[\s\S]*<\/main>/.exec(html)?.[0];
  if (!main) return html;
  const open = /<html\b[^>]*>/.exec(html)?.[0] ?? '<html>';
  const body = main
    .replace(/<table class="daily"[^>]*>[\s\S]*?<\/table>/g, '')
    .replace(/<nav\b[^>]*>[\s\S]*?<\/nav>/g, '')
    .replace(/ data-chart="[^"]*"/g, '');
  return `${open}<body>${body}</body></html>`;
}

if (parentPort) {
  const port = parentPort;
  const utf8 = new TextDecoder();
  /** @type {string[]} */
  const errors = [];
  let pages = 0;
  const created = await createIndex({ forceLanguage: 'en', excludeSelectors: SEARCH_SKIPS });
  const index = created.index;
  if (!index) errors.push(...created.errors);
  /** @type {Promise<void>[]} */
  const adding = [];
  port.on('message', async (/** @type {{ pages: { url: string, html: Uint8Array | null }[] } | { write: string }} */ m) => {
    if ('pages' in m) {
      for (const page of m.pages) {
        if (!index || page.html === null) continue;
        const added = index.addHTMLFile({ url: page.url, content: searchMarkup(utf8.decode(page.html)) });
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
    await Promise.all(adding);
    if (index && !errors.length) {
      const written = await index.writeFiles({ outputPath: m.write });
      errors.push(...written.errors);
    }
    await close();
    port.postMessage({ pages, errors });
  });
}
