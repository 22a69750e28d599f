/**
 * Where a review's snapshots are and which one a period shows, in plain Node (no Vite): read by
 * the pages (load-snapshots.ts), and by the period downloads (period-downloads.ts), which the
 * threads that write the site write and the dev server serves. The folders are always passed in: a
 * build reads the review it was given, never a folder found through the environment.
 * A published period shows its latest published revision, never the draft.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ActionsRegisterView } from '../snapshot/actions-schema.ts';
import type { PeriodStatus } from '../snapshot/period-status.ts';

/** The two snapshot folders of a review. */
export interface SnapshotFolders {
  /** The draft snapshots, one file per period, and index.json (snapshots/draft/). */
  snapshotDir: string;
  /** The published revisions, <period>/r<n>.json (snapshots/published/). */
  publishedDir: string;
}

export function readJson<T>(file: string): T {
  return JSON.parse(readFileSync(file, 'utf8')) as T;
}

/** The draft snapshot file of a period. */
export function draftFile(folders: SnapshotFolders, period: string): string {
  return path.join(folders.snapshotDir, `${period}.json`);
}

/** The file of a published revision. */
export function revisionFile(folders: SnapshotFolders, period: string, revision: number): string {
  return path.join(folders.publishedDir, period, `r${revision}.json`);
}

/** Every period's status (revisions included), oldest first; null when there are no snapshots. */
export function readPeriodStatuses(folders: SnapshotFolders): PeriodStatus[] | null {
  try {
    return readJson<{ periods: PeriodStatus[] }>(path.join(folders.snapshotDir, 'index.json')).periods;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
}

/** The review months without data (no page; one line in the archive), oldest first; [] for snapshots written before issue #15. */
export function readEmptyMonths(folders: SnapshotFolders): string[] {
  try {
    return readJson<{ emptyMonths?: string[] }>(path.join(folders.snapshotDir, 'index.json')).emptyMonths ?? [];
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw e;
  }
}

/** The revision a period shows: its latest published one, or null for the draft. */
export function shownRevisionOf(status: PeriodStatus): number | null {
  return status.revisions[status.revisions.length - 1]?.revision ?? null;
}

/** The live actions register the build wrote (snapshots/draft/actions.json); null for a review without one. */
export function readActionsRegister(folders: SnapshotFolders): ActionsRegisterView | null {
  try {
    return readJson<ActionsRegisterView>(path.join(folders.snapshotDir, 'actions.json'));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
}
