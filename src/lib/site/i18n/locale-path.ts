/**
 * Where each language's pages live (issue #16). One locale: the site at the root, as before
 * (no `/en/` appears in a one-language site's links). Two: every page under its locale's folder,
 * `/zh-CN/reviews/2026-10/` and `/en/reviews/2026-10/`. Paths here are site paths before the base
 * (site-links.ts hrefUnder adds it after).
 */
import { isLocale, type Locale } from '../../model/locales.ts';

/** The language a page is built in when none is asked for: the first configured locale. */
export function defaultLocale(locales: readonly Locale[]): Locale {
  const first = locales[0];
  if (first === undefined) throw new Error('review.locales is empty; the config schema requires at least one');
  return first;
}

/** Whether the site is built in more than one language, so pages live under a locale folder. */
export function isMultilingual(locales: readonly Locale[]): boolean {
  return locales.length > 1;
}

/**
 * A page's path in one language: localePath('zh-CN', ['zh-CN', 'en'], '/reviews/2026-10/') is
 * '/zh-CN/reviews/2026-10/'; with one locale the path is unchanged.
 * @example localePath('en', ['en'], '/method/') // '/method/'
 */
export function localePath(locale: Locale, locales: readonly Locale[], path: string): string {
  if (!locales.includes(locale)) throw new Error(`locale ${locale} is not one of the review's locales (${locales.join(', ')})`);
  const p = path.startsWith('/') ? path : `/${path}`;
  return isMultilingual(locales) ? `/${locale}${p}` : p;
}

/**
 * The inverse of localePath: which language a site path is in and the page's path without the
 * locale folder. A path outside every locale folder (a download, the root's language chooser)
 * is in the default locale.
 * @example splitLocalePath('/en/reviews/2026-10/', ['zh-CN', 'en']) // { locale: 'en', path: '/reviews/2026-10/' }
 */
export function splitLocalePath(sitePath: string, locales: readonly Locale[]): { locale: Locale; path: string } {
  const p = sitePath.startsWith('/') ? sitePath : `/${sitePath}`;
  if (isMultilingual(locales)) {
    const m = /^\/([^/?#]+)(.*)$/.exec(p);
    const head = m?.[1];
    if (isLocale(head) && locales.includes(head)) {
      const rest = m?.[2] ?? '';
      return { locale: head, path: rest === '' || !rest.startsWith('/') ? `/${rest}` : rest };
    }
  }
  return { locale: defaultLocale(locales), path: p };
}

/**
 * The language switch: the same page in another language.
 * @example switchLocalePath('/zh-CN/services/api/', 'en', ['zh-CN', 'en']) // '/en/services/api/'
 */
export function switchLocalePath(sitePath: string, to: Locale, locales: readonly Locale[]): string {
  return localePath(to, locales, splitLocalePath(sitePath, locales).path);
}

/** The other languages a page links to from its switch, in the configured order. */
export function otherLocales(current: Locale, locales: readonly Locale[]): Locale[] {
  return locales.filter((l) => l !== current);
}
