/**
 * The digest routes (src/pages/[...locale]/reviews/[period]/digest.md.ts and digest.html.ts, and
 * their permanent copies per published revision under [revision]/): one digest per period and
 * language, beside the period's review page, of the snapshot that page shows; and one per published
 * revision, in its folder, of its frozen snapshot. Only Astro loads this module (it reads
 * site-data.ts and the site's virtual module).
 */
import { origin } from 'virtual:service-review/site';
import { supersededBy } from '../period-notices.ts';
import {
  base,
  locales,
  pageLocale,
  publishedRevisions,
  reviewPath,
  revisionOf,
  type SitePeriod,
  sitePeriods,
  withLocales,
} from '../site-data.ts';
import { type DigestModel, digestLinker, digestModel } from './digest-model.ts';

/** Every period in every language of the site. */
export function digestPaths() {
  return withLocales(sitePeriods().map((period) => ({ params: { period: period.id }, props: { period } })));
}

/** Every published revision of every period, in every language: /reviews/2026-10/r1/digest.md. */
export function revisionDigestPaths() {
  return withLocales(
    publishedRevisions().map(({ period, revision }) => ({
      params: { period: period.id, revision: `r${revision}` },
      props: { period, revision },
    })),
  );
}

/** The digest a route renders, in the route's language: the period's (of what it shows now), or a published revision's copy. */
export function digestFor(params: Record<string, string | undefined>, props: { period: SitePeriod; revision?: number }): DigestModel {
  const { period, revision } = props;
  const locale = pageLocale(params);
  if (revision === undefined) {
    return digestModel({
      snap: period.shown,
      revision: period.shownRevision,
      locale,
      locales,
      link: digestLinker({ origin, base, locale, locales, period: period.id }),
    });
  }
  const folder = reviewPath(period.id, revision);
  return digestModel({
    snap: revisionOf(period.id, revision).snapshot,
    revision,
    locale,
    locales,
    folder,
    superseded: supersededBy(period.status, revision),
    link: digestLinker({ origin, base, locale, locales, period: period.id, folder }),
  });
}
