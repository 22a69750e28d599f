/**
 * Search per language (issue #16). Pagefind splits its index by each page's `<html lang>` and
 * the search page's pagefind.js loads the index of its own `<html lang>`, so each language
 * searches its own pages; its extended binary (the one the npm package runs) segments Chinese
 * text into words for `zh-*` pages, so 登录 is found inside 无法登录客户门户. Forcing English on
 * every page (what the index did before #16) indexes Chinese runs as one long word each.
 */
import type { Locale } from '../../model/locales.ts';

/** The key Pagefind gives a language's index (pagefind-entry.json): the lang attribute in lower case. */
export function pagefindLanguage(locale: Locale): string {
  return locale.toLowerCase();
}

/**
 * Options for Pagefind's createIndex: one locale forces it (every page, even one without its
 * lang, goes to that index; a forced "zh-cn" segments Chinese as a page's lang would), written
 * as Pagefind keys a page's lang, since a forced language is kept as spelled ("zh-CN" would
 * name the index differently from the pages' "zh-cn"); two let each page's `<html lang>`
 * choose, one index per language.
 */
export function searchIndexOptions(locales: readonly Locale[]): { forceLanguage?: string } {
  return locales.length === 1 && locales[0] !== undefined ? { forceLanguage: pagefindLanguage(locales[0]) } : {};
}
