/**
 * Build-time access to a review's snapshots for the Astro pages. Pages only render these; every
 * figure was computed by the pipeline before Astro runs. A published period shows its latest
 * published revision, never the draft, so last month's review does not change under readers.
 * The folders come in as arguments (site-data.ts passes the ones the build was given).
 */
import { readFileSync } from 'node:fs';
import type { PeriodSnapshot } from '../snapshot/build-snapshots.ts';
import type { PeriodStatus } from '../snapshot/period-status.ts';
import type { PublishedRevision } from '../snapshot/revisions.ts';
import { snapshotJson } from '../snapshot/snapshot-json.ts';
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
  /** A published revision of a period (read once per build: its page, JSON and CSVs all use it). */
  revisionOf(period: string, revision: number): PublishedRevision;
  /** The JSON download of what a period page shows (see below). */
  snapshotDownload(p: SitePeriod): string | Uint8Array<ArrayBuffer>;
  /** The JSON download of a period's draft (its draft view, /reviews/<period>/draft/): its file. */
  draftDownload(p: SitePeriod): Uint8Array<ArrayBuffer>;
  /** The JSON download of a published revision: its file. */
  revisionDownload(period: string, revision: number): Uint8Array<ArrayBuffer>;
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
    /**
     * The JSON download of what a period page shows, or of a published revision: the snapshot file
     * itself. The pipeline writes every snapshot and revision as snapshotJson (JSON.stringify with a
     * two-space indent, then a newline), which is the download's format, so the file is served as it
     * is instead of being written out again from the parsed figures. A period showing a published
     * revision shows the snapshot inside that revision's file, which has to be written out on its own.
     */
    snapshotDownload: (p) => (p.shownRevision === null ? fileBytes(draftFile(folders, p.id)) : snapshotJson(p.shown)),
    draftDownload: (p) => fileBytes(draftFile(folders, p.id)),
    revisionDownload: (period, revision) => fileBytes(revisionFile(folders, period, revision)),
    latestPeriod: () => {
      const all = sitePeriods().filter((p) => p.shown.period.kind === 'month');
      const complete = all.filter((p) => p.shown.period.complete);
      return (complete[complete.length - 1] ?? all[all.length - 1]) as SitePeriod;
    },
  };
}

/** A file's bytes (readFileSync reads into an ArrayBuffer of its own, never a shared one). */
function fileBytes(file: string): Uint8Array<ArrayBuffer> {
  return readFileSync(file) as Uint8Array<ArrayBuffer>;
}
