// @ts-check
/**
 * The shards of the site search index, as folders below dist/. The build writes one per writer
 * thread, at the same time (site-writers.ts); the first holds Pagefind's search code as well,
 * and the search page merges the others into it.
 */
export const SEARCH_BUNDLES = ['pagefind', 'pagefind-2'];
