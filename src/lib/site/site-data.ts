/**
 * What the pages, layouts and components read: the snapshots of the review being built and the
 * links under its base path. The folders and the base come from the site integration
 * (review-site-integration.ts), which serves them as the virtual module below; nothing is read
 * from the environment. Only Astro (through Vite) can load this module; tests use
 * load-snapshots.ts and site-links.ts, which take the folders and the base as arguments.
 */
import { base, contentDir, pinnedDir, publishedDir, snapshotDir } from 'virtual:service-review/site';
import type { PeriodSnapshot } from '../snapshot/build-snapshots.ts';
import { type SitePeriod, siteSnapshots } from './load-snapshots.ts';
import { homePeriod as homeOf, hrefUnder, newerDrafts as newerOf, reviewPath } from './site-links.ts';
import { readEmptyMonths, revisionFile } from './snapshot-files.ts';

export type { SitePeriod } from './load-snapshots.ts';
export { downloadsBase, reviewPath } from './site-links.ts';
/** The review's commentary folder (content/reviews/). */
/** The pinned commentary of published revisions (pinned-commentary.ts). */
export { contentDir, pinnedDir };

const snapshots = siteSnapshots({ snapshotDir, publishedDir });

export const { sitePeriods, revisionOf, snapshotDownload, draftDownload, revisionDownload, latestPeriod } = snapshots;

/** The snapshots the site shows, oldest first. */
export function loadSnapshots(): PeriodSnapshot[] {
  return sitePeriods().map((p) => p.shown);
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
