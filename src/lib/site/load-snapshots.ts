/**
 * Build-time access to a review's snapshots for the Astro pages. Pages only render these; every
 * figure was computed by the pipeline before Astro runs. A published period shows its latest
 * published revision, never the draft, so last month's review does not change under readers.
 * The folders come in as arguments (site-data.ts passes the ones the build was given).
 */
import type { PeriodSnapshot } from '../snapshot/build-snapshots.ts';
import type { PeriodStatus } from '../snapshot/period-status.ts';
import type { PublishedRevision } from '../snapshot/revisions.ts';
import { draftFile, readJson, readPeriodStatuses, revisionFile, type SnapshotFolders, shownRevisionOf } from './snapshot-files.ts';

export interface SitePeriod {
  id: string;
  status: PeriodStatus;
  /** What the period's page shows: the latest published revision, else the draft. */
  shown: PeriodSnapshot;
  /** Which revision `shown` is; null for a draft. */
  shownRevision: number | null;
  draft: PeriodSnapshot;
}

/** The snapshots of one review, each file read once per build. */
export interface SiteSnapshots {
  /** Every period, oldest first. */
  sitePeriods(): SitePeriod[];
  /** A published revision of a period (read once per build: its pages in every language use it). */
  revisionOf(period: string, revision: number): PublishedRevision;
  /** The latest complete month, else the latest month. */
  latestPeriod(): SitePeriod;
}

export function siteSnapshots(folders: SnapshotFolders): SiteSnapshots {
  let cache: SitePeriod[] | null = null;
  const revisions = new Map<string, PublishedRevision>();

  const revisionOf = (period: string, revision: number): PublishedRevision => {
    const file = revisionFile(folders, period, revision);
    let rev = revisions.get(file);
    if (!rev) {
      rev = readJson<PublishedRevision>(file);
      revisions.set(file, rev);
    }
    return rev;
  };

  const sitePeriods = (): SitePeriod[] => {
    if (cache) return cache;
    const statuses = readPeriodStatuses(folders);
    if (!statuses) {
      throw new Error(`no snapshots in ${folders.snapshotDir}: run \`npm run build\` (it writes the snapshots before the site)`);
    }
    cache = statuses.map((status) => {
      const draft = readJson<PeriodSnapshot>(draftFile(folders, status.id));
      const shownRevision = shownRevisionOf(status);
      const shown = shownRevision === null ? draft : revisionOf(status.id, shownRevision).snapshot;
      return { id: status.id, status, shown, shownRevision, draft };
    });
    return cache;
  };

  return {
    sitePeriods,
    revisionOf,
    latestPeriod: () => {
      const all = sitePeriods().filter((p) => p.shown.period.kind === 'month');
      const complete = all.filter((p) => p.shown.period.complete);
      return (complete[complete.length - 1] ?? all[all.length - 1]) as SitePeriod;
    },
  };
}
