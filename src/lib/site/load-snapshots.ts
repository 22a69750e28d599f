/**
 * Build-time access to the snapshots for Astro pages. Pages only render these; every figure
 * was computed by the pipeline before Astro runs. A published period shows its latest
 * published revision, never the draft, so last month's review does not change under readers.
 */
import { readFileSync } from 'node:fs';
import type { PeriodSnapshot } from '../snapshot/build-snapshots.ts';
import type { PeriodStatus } from '../snapshot/period-status.ts';
import type { PublishedRevision } from '../snapshot/revisions.ts';
import { snapshotJson } from '../snapshot/snapshot-json.ts';
import { DRAFT_DIR, draftFile, readJson, readPeriodStatuses, revisionFile, shownRevisionOf } from './snapshot-files.ts';

export interface SitePeriod {
  id: string;
  status: PeriodStatus;
  /** What the period's page shows: the latest published revision, else the draft. */
  shown: PeriodSnapshot;
  /** Which revision `shown` is; null for a draft. */
  shownRevision: number | null;
  draft: PeriodSnapshot;
}

let cache: SitePeriod[] | null = null;

/** Every period, oldest first. */
export function sitePeriods(): SitePeriod[] {
  if (cache) return cache;
  const statuses = readPeriodStatuses();
  if (!statuses) {
    throw new Error(`no snapshots in ${DRAFT_DIR}: run \`npm run build\` (it writes the snapshots before the site)`);
  }
  cache = statuses.map((status) => {
    const draft = readJson<PeriodSnapshot>(draftFile(status.id));
    const shownRevision = shownRevisionOf(status);
    const shown = shownRevision === null ? draft : revisionOf(status.id, shownRevision).snapshot;
    return { id: status.id, status, shown, shownRevision, draft };
  });
  return cache;
}

const revisions = new Map<string, PublishedRevision>();

/** A published revision of a period (read once per build: its page, JSON and CSVs all use it). */
export function revisionOf(period: string, revision: number): PublishedRevision {
  const file = revisionFile(period, revision);
  let rev = revisions.get(file);
  if (!rev) {
    rev = readJson<PublishedRevision>(file);
    revisions.set(file, rev);
  }
  return rev;
}

/**
 * The JSON download of what a period page shows, or of a published revision: the snapshot file
 * itself. The pipeline writes every snapshot and revision as snapshotJson (JSON.stringify with a
 * two-space indent, then a newline), which is the download's format, so the file is served as it
 * is instead of being written out again from the parsed figures. A period showing a published
 * revision shows the snapshot inside that revision's file, which has to be written out on its own.
 */
export function snapshotDownload(p: SitePeriod): string | Uint8Array<ArrayBuffer> {
  return p.shownRevision === null ? fileBytes(draftFile(p.id)) : snapshotJson(p.shown);
}

/** The JSON download of a published revision: its file (see snapshotDownload). */
export function revisionDownload(period: string, revision: number): Uint8Array<ArrayBuffer> {
  return fileBytes(revisionFile(period, revision));
}

/** A file's bytes (readFileSync reads into an ArrayBuffer of its own, never a shared one). */
function fileBytes(file: string): Uint8Array<ArrayBuffer> {
  return readFileSync(file) as Uint8Array<ArrayBuffer>;
}

/** The snapshots the site shows, oldest first. */
export function loadSnapshots(): PeriodSnapshot[] {
  return sitePeriods().map((p) => p.shown);
}

/** The shown snapshot of a period, or null. */
export function snapshotFor(id: string): PeriodSnapshot | null {
  return sitePeriods().find((p) => p.id === id)?.shown ?? null;
}

/** The latest complete month, else the latest month. */
export function latestPeriod(): SitePeriod {
  const all = sitePeriods().filter((p) => p.shown.period.kind === 'month');
  const complete = all.filter((p) => p.shown.period.complete);
  return (complete[complete.length - 1] ?? all[all.length - 1]) as SitePeriod;
}

/** The configured base path without its trailing slash ('' at the root). */
const BASE = import.meta.env.BASE_URL.replace(/\/$/, '');

/** Site-relative link honouring the configured base path. */
export function href(p: string): string {
  return `${BASE}/${p.startsWith('/') ? p.slice(1) : p}`;
}
