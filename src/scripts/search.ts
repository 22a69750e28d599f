/**
 * Search over the built site with Pagefind. The index comes in shards (dist/pagefind/ with the
 * search code, and dist/pagefind-2/ with only index files; the build writes them at the same
 * time), which Pagefind merges into one list of results ranked by score. The bundle is imported
 * only when a reader first searches, so pages cost nothing until then. Results are built
 * with DOM methods and textContent: page titles and excerpts (which can hold text from exports,
 * such as ticket titles) never reach the page as HTML. Pagefind marks matches with <mark> in its
 * excerpts; those are parsed in an inert document and only their text is kept.
 */

interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
}
interface PagefindApi {
  options(o: { baseUrl?: string; excerptLength?: number }): Promise<void>;
  init(): Promise<void>;
  mergeIndex(path: string, o?: { baseUrl?: string; language?: string }): Promise<void>;
  debouncedSearch(q: string, o?: unknown, ms?: number): Promise<{ results: Array<{ data(): Promise<PagefindResultData> }> } | null>;
  search(q: string): Promise<{ results: Array<{ data(): Promise<PagefindResultData> }> }>;
}

const loaded = new Map<string, Promise<PagefindApi>>();

/**
 * Loads the Pagefind bundle once per page, with the other shards of the index merged into it.
 * @param bundles the shards' folders, the one with pagefind.js first
 * @param language the page's Pagefind language (pagefindLanguage): each shard's index of that language is merged
 */
export function loadPagefind(bundles: string[], base: string, language?: string): Promise<PagefindApi> {
  const [bundle, ...others] = bundles;
  if (!bundle) return Promise.reject(new Error('no search index'));
  let p = loaded.get(bundle);
  if (!p) {
    p = (async () => {
      const api = (await import(/* @vite-ignore */ `${bundle}pagefind.js`)) as PagefindApi;
      await api.options({ baseUrl: base, excerptLength: 24 });
      await api.init();
      for (const other of others) await api.mergeIndex(other, language === undefined ? { baseUrl: base } : { baseUrl: base, language });
      return api;
    })();
    loaded.set(bundle, p);
  }
  return p;
}

/** An excerpt as DOM nodes: text, with Pagefind's <mark> highlights kept as <mark> elements. */
export function excerptNodes(excerpt: string): Node[] {
  const doc = new DOMParser().parseFromString(`<p>${excerpt}</p>`, 'text/html');
  const out: Node[] = [];
  const walk = (node: Node) => {
    for (const child of node.childNodes) {
      if (child.nodeType === Node.TEXT_NODE) out.push(document.createTextNode(child.textContent ?? ''));
      else if (child.nodeName === 'MARK') {
        const m = document.createElement('mark');
        m.textContent = child.textContent ?? '';
        out.push(m);
      } else walk(child);
    }
  };
  walk(doc.body);
  return out;
}

/** Renders results into a list element; returns how many were found. */
export async function renderResults(api: PagefindApi, query: string, list: HTMLElement, limit: number): Promise<number | null> {
  const found = await api.debouncedSearch(query, {}, 150);
  if (found === null) return null; // superseded by a later keystroke
  const data = await Promise.all(found.results.slice(0, limit).map((r) => r.data()));
  const ol = document.createElement('ol');
  for (const d of data) {
    const li = document.createElement('li');
    const a = document.createElement('a');
    a.href = d.url;
    a.textContent = d.meta.title ?? d.url;
    const p = document.createElement('p');
    p.className = 'excerpt';
    p.append(...excerptNodes(d.excerpt));
    li.append(a, p);
    ol.append(li);
  }
  list.replaceChildren(ol);
  return found.results.length;
}
