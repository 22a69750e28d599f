/**
 * Published revisions on disk: snapshots/published/<period>/r<N>.json, committed to the
 * repository. A revision file is written once and never replaced.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ReviewError } from '../errors.ts';
import { writeFileAtomic } from '../fs/atomic-write.ts';
import type { PublishedRevision } from './revisions.ts';
import { snapshotJson } from './snapshot-json.ts';

const REVISION_FILE = /^r(\d+)\.json$/;

/** Every published revision, by period, in revision order. */
export function readPublished(dir: string): Map<string, PublishedRevision[]> {
  const out = new Map<string, PublishedRevision[]>();
  if (!existsSync(dir)) return out;
  for (const period of readdirSync(dir).sort()) {
    const periodDir = path.join(dir, period);
    const revisions: PublishedRevision[] = [];
    for (const f of readdirSync(periodDir).sort()) {
      const m = REVISION_FILE.exec(f);
      if (!m) continue;
      const file = path.join(periodDir, f);
      let rev: PublishedRevision;
      try {
        rev = JSON.parse(readFileSync(file, 'utf8')) as PublishedRevision;
      } catch (e) {
        throw new ReviewError(`${file}: not valid JSON (${(e as Error).message}); published revisions must not be edited by hand`);
      }
      if (rev.period !== period || rev.revision !== Number(m[1]))
        throw new ReviewError(`${file}: says period ${rev.period} revision ${rev.revision}, but its path says ${period} r${m[1]}`);
      revisions.push(rev);
    }
    revisions.sort((a, b) => a.revision - b.revision);
    if (revisions.length) out.set(period, revisions);
  }
  return out;
}

/** Path of a revision file. */
export function revisionPath(dir: string, period: string, revision: number): string {
  return path.join(dir, period, `r${revision}.json`);
}

/** Writes a new revision; refuses to replace an existing one. */
export function writeRevision(dir: string, rev: PublishedRevision): string {
  const file = revisionPath(dir, rev.period, rev.revision);
  if (existsSync(file)) throw new ReviewError(`${file} already exists; a published revision never changes`);
  writeFileAtomic(file, snapshotJson(rev));
  return file;
}
