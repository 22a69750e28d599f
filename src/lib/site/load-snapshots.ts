/**
 * Build-time access to the snapshots for Astro pages. Pages only render these; every figure
 * was computed by the pipeline before Astro runs.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { PeriodSnapshot } from '../snapshot/build-snapshots.ts';

const SNAPSHOT_DIR = process.env.REVIEW_SNAPSHOT_DIR ?? path.resolve('snapshots/draft');
let cache: PeriodSnapshot[] | null = null;

/** All period snapshots, oldest first. */
export function loadSnapshots(): PeriodSnapshot[] {
  if (cache) return cache;
  const indexFile = path.join(SNAPSHOT_DIR, 'index.json');
  if (!existsSync(indexFile)) {
    throw new Error(`no snapshots in ${SNAPSHOT_DIR}: run \`npm run build\` (it writes the snapshots before the site)`);
  }
  const index = JSON.parse(readFileSync(indexFile, 'utf8')) as { periods: Array<{ id: string }> };
  cache = index.periods.map((p) => JSON.parse(readFileSync(path.join(SNAPSHOT_DIR, `${p.id}.json`), 'utf8')) as PeriodSnapshot);
  return cache;
}

/** The snapshot of a period, or null. */
export function snapshotFor(id: string): PeriodSnapshot | null {
  return loadSnapshots().find((s) => s.period.id === id) ?? null;
}

/** The latest complete period, else the latest. */
export function latestSnapshot(): PeriodSnapshot {
  const all = loadSnapshots();
  const complete = all.filter((s) => s.period.complete);
  return (complete[complete.length - 1] ?? all[all.length - 1]) as PeriodSnapshot;
}

/** Site-relative link honouring the configured base path. */
export function href(p: string): string {
  const base = import.meta.env.BASE_URL.replace(/\/$/, '');
  return `${base}/${p.replace(/^\//, '')}`;
}
