/**
 * Which period the home page shows, and the addresses of pages and downloads, so every page
 * links the same way and honours the base path the site is built for (the `base` option of the
 * site integration; site-data.ts binds these to it).
 */
import type { Locale } from '../model/locales.ts';
import { isMultilingual, localePath } from './i18n/locale-path.ts';
import type { SitePeriod } from './load-snapshots.ts';

/** Links under a base path (normalized, '/' or '/review/'): hrefUnder('/review/')('/method/') is '/review/method/'. */
export function hrefUnder(base: string): (p: string) => string {
  const prefix = base.replace(/\/$/, '');
  return (p) => `${prefix}/${p.startsWith('/') ? p.slice(1) : p}`;
}

/** The base path as the site configuration takes it: a leading and a trailing slash ('/' at the root). */
export function normalizeBase(raw: string): string {
  return `/${raw.replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/');
}

/**
 * The home page's period: the latest period with a published revision (readers see what was
 * signed off), else the latest complete period as a draft, clearly marked as one.
 */
export function homePeriod(periods: readonly SitePeriod[], latest: SitePeriod): SitePeriod {
  const published = months(periods).filter((p) => p.shownRevision !== null);
  return published[published.length - 1] ?? latest;
}

/** Months newer than the home page's that exist only as drafts. */
export function newerDrafts(periods: readonly SitePeriod[], than: SitePeriod): SitePeriod[] {
  return months(periods).filter((p) => p.id > than.id && p.shownRevision === null);
}

function months(periods: readonly SitePeriod[]): SitePeriod[] {
  return periods.filter((p) => /^\d{4}-\d{2}$/.test(p.id));
}

/** Folder of a period review, or of one of its frozen revisions: /reviews/2026-10/ or /reviews/2026-10/r2/. */
export function reviewPath(period: string, revision: number | null = null): string {
  return `/reviews/${period}/${revision === null ? '' : `r${revision}/`}`;
}

/** The draft view of a published period whose figures or commentary changed since: /reviews/2026-10/draft/. */
export function draftPath(period: string): string {
  return `/reviews/${period}/draft/`;
}

/**
 * Where the downloads of what a page shows live: the period's own folder for the current view,
 * the revision's folder for a frozen revision (so a revision's CSVs never change either).
 */
export function downloadsBase(period: string, revision: number | null, frozen: boolean): string {
  return reviewPath(period, frozen ? revision : null);
}

/** The anchor of a recurring issue's row in its period's table, by rank (0-based): issue-1, issue-2, … */
export function issueAnchor(index: number): string {
  return `issue-${index + 1}`;
}

/**
 * The anchor of an incident's or a change's row, from its exported id (masked as published): an HTML
 * id holds no white space, so a run of it reads as one `_`.
 * @example recordAnchor('incident', 'INC 0012') // 'incident-INC_0012'
 */
export function recordAnchor(kind: 'incident' | 'change', id: string): string {
  return `${kind}-${id.replace(/\s+/g, '_')}`;
}

/** The anchor of a day's row in a service's day-by-day tables: day-2026-10-25. */
export function dayAnchor(date: string): string {
  return `day-${date}`;
}

/**
 * The id of a page's note that CSV column heads stay English (CsvHeadsNote.astro, said once in the
 * downloads list); the page's CSV links name it in aria-describedby.
 */
export const CSV_HEADS_ANCHOR = 'csv-heads';

/** The page of a period's tickets behind its figures (missed targets, recurring issues' tickets): /reviews/2026-10/tickets/. */
export function ticketsPath(period: string): string {
  return `/reviews/${period}/tickets/`;
}

/** Whether a period has a tickets page: its snapshot lists a missed target or a recurring issue. */
export function hasTicketsPage(snap: { drillDown?: { breached: unknown[]; recurring: unknown[] } | undefined }): boolean {
  return snap.drillDown !== undefined && (snap.drillDown.breached.length > 0 || snap.drillDown.recurring.length > 0);
}

/**
 * A link written in the commentary, made to work on the page it is shown on. Analysts write site
 * links from the root of the review, as if the site had one language and no base path
 * (`/method/#tickets`, `/reviews/2026-09/outages.csv`); on the page such a link gets the base path
 * and, for a page (a path whose last part has no extension), the reader's language folder. A link
 * that already names a language folder keeps it; relative and external links, and links within the
 * page (`#recurring`), are left as written.
 * @example commentaryHref('/method/#tickets', 'zh-CN', ['en', 'zh-CN'], '/review/') // '/review/zh-CN/method/#tickets'
 * @example commentaryHref('/reviews/2026-09/outages.csv', 'zh-CN', ['en', 'zh-CN'], '/') // '/reviews/2026-09/outages.csv'
 */
export function commentaryHref(link: string, locale: Locale, locales: readonly Locale[], base: string): string {
  if (!link.startsWith('/') || link.startsWith('//')) return link;
  const cut = link.search(/[?#]/);
  let sitePath = cut < 0 ? link : link.slice(0, cut);
  const rest = cut < 0 ? '' : link.slice(cut);
  const last = sitePath.slice(sitePath.lastIndexOf('/') + 1);
  const isFile = last.includes('.');
  if (!isFile && !sitePath.endsWith('/')) sitePath += '/';
  const first = sitePath.split('/')[1] ?? '';
  const named = isMultilingual(locales) && (locales as readonly string[]).includes(first);
  return hrefUnder(base)(isFile || named ? sitePath : localePath(locale, locales, sitePath)) + rest;
}
