/**
 * The digest routes (src/pages/[...locale]/reviews/[period]/digest.md.ts and digest.html.ts): one
 * digest per period and language, beside the period's review page, of the snapshot that page
 * shows. Only Astro loads this module (it reads site-data.ts and the site's virtual module).
 */
import { origin } from 'virtual:service-review/site';
import { base, locales, pageLocale, type SitePeriod, sitePeriods, withLocales } from '../site-data.ts';
import { type DigestModel, digestLinker, digestModel } from './digest-model.ts';

/** Every period in every language of the site. */
export function digestPaths() {
  return withLocales(sitePeriods().map((period) => ({ params: { period: period.id }, props: { period } })));
}

/** The digest of the period a route renders, in the route's language. */
export function digestFor(params: Record<string, string | undefined>, period: SitePeriod): DigestModel {
  const locale = pageLocale(params);
  return digestModel({
    snap: period.shown,
    revision: period.shownRevision,
    locale,
    locales,
    link: digestLinker({ origin, base, locale, locales, period: period.id }),
  });
}
