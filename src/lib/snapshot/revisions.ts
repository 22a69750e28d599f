/**
 * Published revisions: a period is a draft until published; publishing freezes the current
 * snapshot as revision 1, and a later revision needs a reason and carries a per-figure diff
 * against the one before. Pure: the clock and the files come in from the caller.
 */
import { ReviewError } from '../errors.ts';
import type { PeriodSnapshot } from './build-snapshots.ts';
import { diffSnapshots, type FigureChange } from './diff-snapshots.ts';

export const REVISION_SCHEMA_VERSION = 1;

export interface PublishedRevision {
  schemaVersion: number;
  /** Period id, e.g. 2026-10. */
  period: string;
  /** 1, 2, … */
  revision: number;
  /** When it was published (ISO 8601, UTC); the only wall-clock time in the project's outputs. */
  publishedAt: string;
  /** Who published it. */
  publishedBy: string;
  /** Free-text message. */
  message: string;
  /** Why a revision after the first was needed; null for revision 1. */
  reason: string | null;
  /** Figures changed against the previous revision; empty for revision 1. */
  changes: FigureChange[];
  /** The frozen snapshot. */
  snapshot: PeriodSnapshot;
}

export interface PublishRequest {
  period: string;
  draft: PeriodSnapshot;
  /** Existing revisions of this period, any order. */
  existing: readonly PublishedRevision[];
  by: string;
  at: Date;
  message: string;
  /** Reason for a new revision; required when the period is already published. */
  revise: string | null;
}

/** Latest revision of a list, or null. */
export function latestRevision(revisions: readonly PublishedRevision[]): PublishedRevision | null {
  return revisions.reduce<PublishedRevision | null>((a, r) => (a === null || r.revision > a.revision ? r : a), null);
}

/** Figures in the draft that differ from the latest published revision. */
export function changesSincePublished(draft: PeriodSnapshot, revisions: readonly PublishedRevision[]): FigureChange[] {
  const latest = latestRevision(revisions);
  return latest ? diffSnapshots(latest.snapshot, draft) : [];
}

/** The next revision, or a ReviewError saying why it cannot be published. */
export function nextRevision(req: PublishRequest): PublishedRevision {
  const latest = latestRevision(req.existing);
  if (latest && req.revise === null) {
    throw new ReviewError(
      `${req.period} is already published as revision ${latest.revision}; a published revision never changes. ` +
        `To record a new one, run: publish ${req.period} --revise "why the figures changed"`,
    );
  }
  if (!latest && req.revise !== null) {
    throw new ReviewError(`${req.period} has not been published yet: publish it without --revise first`);
  }
  const changes = latest ? diffSnapshots(latest.snapshot, req.draft) : [];
  if (latest && changes.length === 0) {
    throw new ReviewError(`${req.period}: the figures are the same as revision ${latest.revision}; nothing to revise`);
  }
  if (req.revise !== null && req.revise.trim() === '') throw new ReviewError('--revise needs a reason');
  return {
    schemaVersion: REVISION_SCHEMA_VERSION,
    period: req.period,
    revision: latest ? latest.revision + 1 : 1,
    publishedAt: req.at.toISOString(),
    publishedBy: req.by,
    message: req.message,
    reason: req.revise,
    changes,
    snapshot: req.draft,
  };
}
