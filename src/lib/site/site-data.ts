/**
 * What the pages, layouts and components read: the snapshots of the review being built and the
 * links under its base path. The folders and the base come from the site integration
 * (review-site-integration.ts), which serves them as the virtual module below; nothing is read
 * from the environment. Only Astro (through Vite) can load this module; tests use
 * load-snapshots.ts and site-links.ts, which take the folders and the base as arguments.
 */
import { base, contentDir, locales, pinnedDir, publishedDir, snapshotDir } from 'virtual:service-review/site';
import { isLocale, type Locale } from '../model/locales.ts';
import type { PeriodSnapshot } from '../snapshot/build-snapshots.ts';
import { reviewNamesIn } from '../snapshot/review-names.ts';
import { DICTIONARIES } from './i18n/dictionaries.ts';
import { defaultLocale, isMultilingual, localePath } from './i18n/locale-path.ts';
import { type SitePeriod, siteSnapshots } from './load-snapshots.ts';
import { hasDraftView } from './period-notices.ts';
import { draftPath, homePeriod as homeOf, hrefUnder, newerDrafts as newerOf, reviewPath } from './site-links.ts';
import { readActionsRegister, readEmptyMonths, revisionFile } from './snapshot-files.ts';

export type { SitePeriod } from './load-snapshots.ts';
export { downloadsBase, reviewPath } from './site-links.ts';
/** The review's commentary folder (content/reviews/). */
/** The pinned commentary of published revisions (pinned-commentary.ts). */
export { base, contentDir, locales, pinnedDir };

const snapshots = siteSnapshots({ snapshotDir, publishedDir });

export const { sitePeriods, revisionOf, latestPeriod } = snapshots;

let shownById: Map<string, PeriodSnapshot> | null = null;

/** The snapshot a period's pages show (its latest published revision, else its draft); undefined for no such period. */
export function shownSnapshotOf(period: string): PeriodSnapshot | undefined {
  shownById ??= new Map(sitePeriods().map((p) => [p.id, p.shown]));
  return shownById.get(period);
}

/** Site-relative link honouring the base path the site is built for. */
export const href = hrefUnder(base);

/** The home page's period (see site-links.ts). */
export function homePeriod(): SitePeriod {
  return homeOf(sitePeriods(), latestPeriod());
}

/** Months newer than the home page's that exist only as drafts. */
export function newerDrafts(than: SitePeriod): SitePeriod[] {
  return newerOf(sitePeriods(), than);
}

/**
 * Every published revision of every period, oldest first, with its frozen snapshot: each has a permanent copy of
 * the period's views in its folder (/reviews/2026-10/r1/: review, services, tickets, data quality, digests).
 */
export function publishedRevisions(): { period: SitePeriod; revision: number; snap: PeriodSnapshot }[] {
  return sitePeriods().flatMap((period) =>
    period.status.revisions.map((r) => ({ period, revision: r.revision, snap: revisionOf(period.id, r.revision).snapshot })),
  );
}

/**
 * A copy of a period's views (services, tickets, data quality) in a folder of its own, built from the snapshot
 * shown there: a published revision's permanent copy (/reviews/2026-10/r1/), or the draft view's (/reviews/2026-10/draft/).
 */
export interface ViewCopy {
  period: SitePeriod;
  /** The published revision copied; null for the draft view's copy (the draft snapshot). */
  revision: number | null;
  snap: PeriodSnapshot;
  /** The folder's segment below the period's, as the [revision] routes take it: r1, draft. */
  segment: string;
  /** The folder: /reviews/2026-10/r1/, /reviews/2026-10/draft/. */
  folder: string;
}

/**
 * Every copy of a period's views: each published revision's, oldest first, then the draft view's of each period
 * that has one (period-notices.ts), so a reader who follows a link from the draft view sees the draft's figures.
 */
export function viewCopies(): ViewCopy[] {
  const revisions = publishedRevisions().map(({ period, revision, snap }) => ({
    period,
    revision,
    snap,
    segment: `r${revision}`,
    folder: reviewPath(period.id, revision),
  }));
  const drafts = sitePeriods()
    .filter((period) => hasDraftView(period.status))
    .map((period) => ({ period, revision: null, snap: period.draft, segment: 'draft', folder: draftPath(period.id) }));
  return [...revisions, ...drafts];
}

/** Link to a period review (or a frozen revision). */
export function reviewHref(period: string, revision: number | null = null): string {
  return href(reviewPath(period, revision));
}

/** The file of a published revision, for messages. */
export function revisionPath(period: string, revision: number): string {
  return revisionFile({ snapshotDir, publishedDir }, period, revision);
}

/** Link to a CSV download in a folder. */
export function csvHref(folder: string, table: string): string {
  return href(`${folder}${table}.csv`);
}

/** The review months no source covers (no page; one line in the archive), ascending. */
export function emptyMonths(): string[] {
  return readEmptyMonths({ snapshotDir, publishedDir });
}

let actionsCache: { register: ReturnType<typeof readActionsRegister> } | null = null;

/** The live actions register (the actions page, the navigation's link to it); null for a review without one. Read once per build. */
export function actionsRegister(): ReturnType<typeof readActionsRegister> {
  actionsCache ??= { register: readActionsRegister({ snapshotDir, publishedDir }) };
  return actionsCache.register;
}

/**
 * The locale segment of every page's getStaticPaths: one language builds at the root (no segment,
 * exactly the addresses of an English-only site), two under /en/ and /zh-CN/.
 */
export function localeParams(): { locale: string | undefined; pageLocale: Locale }[] {
  return isMultilingual(locales)
    ? locales.map((l) => ({ locale: l, pageLocale: l }))
    : [{ locale: undefined, pageLocale: defaultLocale(locales) }];
}

/** The language of the page being rendered, from its `locale` route parameter (none: the default). */
export function pageLocale(params: Record<string, string | undefined>): Locale {
  const l = params.locale;
  return isLocale(l) && locales.includes(l) ? l : defaultLocale(locales);
}

/**
 * Links from a page in one language: pages (addresses ending in '/') stay in that language,
 * files (CSV, JSON, the icon) are the same for every language and keep their one address.
 */
export function linksIn(locale: Locale): { href: (p: string) => string; reviewHref: (period: string, revision?: number | null) => string } {
  const inLocale = (p: string) => (p.endsWith('/') ? href(localePath(locale, locales, p)) : href(p));
  return { href: inLocale, reviewHref: (period, revision = null) => inLocale(reviewPath(period, revision)) };
}

/** A page's static paths in every language of the site: each path once per locale segment (localeParams). */
export function withLocales<P extends { params: Record<string, string | undefined> }>(paths: readonly P[]): P[] {
  return localeParams().flatMap(({ locale }) => paths.map((p) => ({ ...p, params: { ...p.params, locale } })));
}

/**
 * With two languages the root is no page of its own: a small page in the default language that
 * leads there at once (meta refresh, no script) and links every language.
 */
export function rootPaths(): { params: { locale: undefined }; props: { root: true } }[] {
  return isMultilingual(locales) ? [{ params: { locale: undefined }, props: { root: true } }] : [];
}

/** The root's page: the default language's home, linked in each language. */
export function rootPage(review: PeriodSnapshot['review'] | undefined): Response {
  const first = defaultLocale(locales);
  const title = review ? reviewNamesIn(review, first).name : 'Service review';
  const to = href(localePath(first, locales, '/'));
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
  const links = locales.map(
    (l) =>
      `<li><a href="${esc(href(localePath(l, locales, '/')))}" hreflang="${l}" lang="${l}">${esc(DICTIONARIES[l].language[l])}</a></li>`,
  );
  const html = `<!doctype html><html lang="${first}"><head><meta charset="utf-8"><meta http-equiv="refresh" content="0; url=${esc(to)}"><link rel="canonical" href="${esc(to)}"><title>${esc(title)}</title></head><body><main><h1>${esc(title)}</h1><ul>${links.join('')}</ul></main></body></html>\n`;
  return new Response(html, { headers: { 'content-type': 'text/html; charset=utf-8' } });
}
