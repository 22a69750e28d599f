/**
 * Where the site's snapshots are and which one a period shows, in plain Node (no Vite): read by
 * the pages (load-snapshots.ts) and by the threads that write the site (site-writer-worker.mjs).
 * A published period shows its latest published revision, never the draft.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { PeriodSnapshot } from '../snapshot/build-snapshots.ts';
import type { PeriodStatus } from '../snapshot/period-status.ts';
import type { PublishedRevision } from '../snapshot/revisions.ts';

/** The draft snapshots (the build command sets REVIEW_SNAPSHOT_DIR). */
export const DRAFT_DIR = process.env.REVIEW_SNAPSHOT_DIR ?? path.resolve('snapshots/draft');
/** The published revisions (the build command sets REVIEW_PUBLISHED_DIR). */
export const PUBLISHED_DIR = process.env.REVIEW_PUBLISHED_DIR ?? path.resolve('snapshots/published');

export function readJson<T>(file: string): T {
  return JSON.parse(readFileSync(file, 'utf8')) as T;
}

/** The draft snapshot file of a period. */
export function draftFile(period: string): string {
  return path.join(DRAFT_DIR, `${period}.json`);
}

/** The file of a published revision. */
export function revisionFile(period: string, revision: number): string {
  return path.join(PUBLISHED_DIR, period, `r${revision}.json`);
}

/** Every period's status (revisions included), oldest first; null when there are no snapshots. */
export function readPeriodStatuses(): PeriodStatus[] | null {
  try {
    return readJson<{ periods: PeriodStatus[] }>(path.join(DRAFT_DIR, 'index.json')).periods;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
}

/** The revision a period shows: its latest published one, or null for the draft. */
export function shownRevisionOf(status: PeriodStatus): number | null {
  return status.revisions[status.revisions.length - 1]?.revision ?? null;
}

/** What a period's pages show: its latest published revision's snapshot, else the draft. */
export function readShownSnapshot(status: PeriodStatus): PeriodSnapshot {
  const revision = shownRevisionOf(status);
  return revision === null
    ? readJson<PeriodSnapshot>(draftFile(status.id))
    : readJson<PublishedRevision>(revisionFile(status.id, revision)).snapshot;
}
