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
 * A copy of a period's views in a folder of its own (a published revision's, /reviews/2026-10/r1/, or the draft
 * view's, /reviews/2026-10/draft/), as the commentary shown there sees it: which of the period's addresses it has
 * a copy of (view-copy-paths.ts lists them).
 */
export interface CopyOfViews {
  /** The period copied: '2026-10'. */
  period: string;
  /** The copy's folder: '/reviews/2026-10/r1/'. */
  folder: string;
  /** The addresses below the period's folder the copy has: '' (the review page), 'services/api/', 'tickets/', 'outages.csv'. */
  paths: ReadonlySet<string>;
}

/** Files that are pages in each language, not downloads: a period's digests (/en/reviews/2026-10/digest.html). */
const LANGUAGE_FILE = /^digest\.(?:html|md)$/;

/**
 * A link written in the commentary, made to work on the page it is shown on. Analysts write site
 * links from the root of the review, as if the site had one language and no base path
 * (`/method/#tickets`, `/reviews/2026-09/outages.csv`); on the page such a link gets the base path
 * and, for a page (a path whose last part has no extension, or a digest), the reader's language folder.
 * A link that already names a language folder keeps it; external links and links within the page
 * (`#recurring`) are left as written, and so are relative links on the period's own page.
 *
 * On a copy of the period's views (`copy`: a published revision's permanent page, the draft view) a link
 * to an address of the period the copy has leads to the copy's, so the reader of r1 who follows the
 * analyst's link sees the figures the prose beside it describes, not the latest revision's. Relative links
 * there are resolved as on the period's page, where they were written, then led the same way.
 * @example commentaryHref('/method/#tickets', 'zh-CN', ['en', 'zh-CN'], '/review/') // '/review/zh-CN/method/#tickets'
 * @example commentaryHref('/reviews/2026-09/outages.csv', 'zh-CN', ['en', 'zh-CN'], '/') // '/reviews/2026-09/outages.csv'
 * @example commentaryHref('services/api/', 'en', ['en'], '/', r1Copy) // '/reviews/2026-10/r1/services/api/'
 */
export function commentaryHref(link: string, locale: Locale, locales: readonly Locale[], base: string, copy?: CopyOfViews): string {
  let written = link;
  if (!written.startsWith('/')) {
    if (copy === undefined || written.startsWith('#') || /^[a-z][a-z0-9+.-]*:/i.test(written)) return link;
    const page = hrefUnder(base)(localePath(locale, locales, reviewPath(copy.period)));
    const url = new URL(written, `http://site.invalid${page}`);
    // The addresses the pages write are not percent-encoded (a service id in Chinese): compare like with like.
    const resolved = safeDecodeUri(url.pathname) + url.search + url.hash;
    // Above the base path it is no address of the site: it leads where it led from the period's page.
    if (!url.pathname.startsWith(base)) return resolved;
    written = `/${resolved.slice(base.length)}`;
  }
  if (written.startsWith('//')) return link;
  const cut = written.search(/[?#]/);
  let sitePath = cut < 0 ? written : written.slice(0, cut);
  const rest = cut < 0 ? '' : written.slice(cut);
  const last = sitePath.slice(sitePath.lastIndexOf('/') + 1);
  const isFile = last.includes('.') && !LANGUAGE_FILE.test(last);
  if (!last.includes('.') && !sitePath.endsWith('/')) sitePath += '/';
  const first = sitePath.split('/')[1] ?? '';
  const named = isMultilingual(locales) && (locales as readonly string[]).includes(first) ? (first as Locale) : null;
  const below = named === null ? sitePath : sitePath.slice(first.length + 1);
  const led = copy === undefined ? below : intoCopy(below, copy);
  if (named !== null) return hrefUnder(base)(`/${named}${led}`) + rest;
  return hrefUnder(base)(isFile ? led : localePath(locale, locales, led)) + rest;
}

/** A site path (no language folder) led into a copy of its period's views when the copy has it; else as it is. */
function intoCopy(sitePath: string, copy: CopyOfViews): string {
  const periodFolder = reviewPath(copy.period);
  if (!sitePath.startsWith(periodFolder)) return sitePath;
  const below = sitePath.slice(periodFolder.length);
  return copy.paths.has(below) ? copy.folder + below : sitePath;
}

/** A URL's path with its percent-escapes read, or as it is when they do not read as UTF-8. */
function safeDecodeUri(p: string): string {
  try {
    return decodeURI(p);
  } catch {
    return p;
  }
}
