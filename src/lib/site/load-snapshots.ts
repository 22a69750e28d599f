/**
 * Build-time access to the snapshots for Astro pages. Pages only render these; every figure
 * was computed by the pipeline before Astro runs. A published period shows its latest
 * published revision, never the draft, so last month's review does not change under readers.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { PeriodStatus } from '../pipeline/build-review-data.ts';
import type { PeriodSnapshot } from '../snapshot/build-snapshots.ts';
import type { PublishedRevision } from '../snapshot/revisions.ts';

const DRAFT_DIR = process.env.REVIEW_SNAPSHOT_DIR ?? path.resolve('snapshots/draft');
const PUBLISHED_DIR = process.env.REVIEW_PUBLISHED_DIR ?? path.resolve('snapshots/published');

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

function readJson<T>(file: string): T {
  return JSON.parse(readFileSync(file, 'utf8')) as T;
}

/** Every period, oldest first. */
export function sitePeriods(): SitePeriod[] {
  if (cache) return cache;
  const indexFile = path.join(DRAFT_DIR, 'index.json');
  if (!existsSync(indexFile)) {
    throw new Error(`no snapshots in ${DRAFT_DIR}: run \`npm run build\` (it writes the snapshots before the site)`);
  }
  const index = readJson<{ periods: PeriodStatus[] }>(indexFile);
  cache = index.periods.map((status) => {
    const draft = readJson<PeriodSnapshot>(path.join(DRAFT_DIR, `${status.id}.json`));
    const latest = status.revisions[status.revisions.length - 1];
    const shown = latest ? revisionOf(status.id, latest.revision).snapshot : draft;
    return { id: status.id, status, shown, shownRevision: latest?.revision ?? null, draft };
  });
  return cache;
}

/** A published revision of a period. */
export function revisionOf(period: string, revision: number): PublishedRevision {
  return readJson<PublishedRevision>(path.join(PUBLISHED_DIR, period, `r${revision}.json`));
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

/** Site-relative link honouring the configured base path. */
export function href(p: string): string {
  const base = import.meta.env.BASE_URL.replace(/\/$/, '');
  return `${base}/${p.replace(/^\//, '')}`;
}
