/**
 * Which period the home page shows, and the addresses of pages and downloads, so every page
 * links the same way and honours the base path (REVIEW_BASE).
 */
import { href, latestPeriod, type SitePeriod, sitePeriods } from './load-snapshots.ts';

/**
 * The home page's period: the latest period with a published revision (readers see what was
 * signed off), else the latest complete period as a draft, clearly marked as one.
 */
export function homePeriod(): SitePeriod {
  const published = months().filter((p) => p.shownRevision !== null);
  return published[published.length - 1] ?? latestPeriod();
}

/** Months newer than the home page's that exist only as drafts. */
export function newerDrafts(than: SitePeriod): SitePeriod[] {
  return months().filter((p) => p.id > than.id && p.shownRevision === null);
}

function months(): SitePeriod[] {
  return sitePeriods().filter((p) => /^\d{4}-\d{2}$/.test(p.id));
}

/** Folder of a period review, or of one of its frozen revisions: /reviews/2026-10/ or /reviews/2026-10/r2/. */
export function reviewPath(period: string, revision: number | null = null): string {
  return `/reviews/${period}/${revision === null ? '' : `r${revision}/`}`;
}

/** Link to a period review (or a frozen revision). */
export function reviewHref(period: string, revision: number | null = null): string {
  return href(reviewPath(period, revision));
}

/**
 * Where the downloads of what a page shows live: the period's own folder for the current view,
 * the revision's folder for a frozen revision (so a revision's CSVs never change either).
 */
export function downloadsBase(period: string, revision: number | null, frozen: boolean): string {
  return reviewPath(period, frozen ? revision : null);
}

/** Link to a CSV download in a folder. */
export function csvHref(folder: string, table: string): string {
  return href(`${folder}${table}.csv`);
}
