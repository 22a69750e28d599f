/**
 * Where each period stands against its published revisions: draft, published, or changed since
 * publishing (the figures the exports give now, or the commentary now, differ from the latest
 * revision's).
 */
import type { PeriodSnapshot } from './build-snapshots.ts';
import type { FigureChange } from './diff-snapshots.ts';
import { changesSincePublished, commentaryChanged, latestRevision, type PinnedCommentary, type PublishedRevision } from './revisions.ts';

/** What the site and `status` need to know of a revision (its figures stay in its file). */
export interface RevisionSummary {
  revision: number;
  publishedAt: string;
  publishedBy: string;
  message: string;
  reason: string | null;
  /** Figures changed against the revision before. */
  changeCount: number;
  /** Whether the revision pinned any commentary. */
  hasCommentary: boolean;
  digest: string;
}

export interface PeriodStatus {
  id: string;
  complete: boolean;
  /** draft: never published; published: the draft equals the latest revision; changed: figures or commentary differ. */
  status: 'draft' | 'published' | 'changed';
  /** Figures that differ between the draft and the latest revision. */
  changes: FigureChange[];
  /** True when the commentary now differs from the latest revision's pinned commentary. */
  commentaryChanged: boolean;
  revisions: RevisionSummary[];
}

/**
 * Draft vs published, per period.
 * @param commentary the commentary of each period as it is now (period id → its files), to compare with what was pinned
 */
export function periodStatuses(
  drafts: readonly PeriodSnapshot[],
  published: Map<string, PublishedRevision[]>,
  commentary: ReadonlyMap<string, readonly PinnedCommentary[]> = new Map(),
): PeriodStatus[] {
  return drafts.map((d) => {
    const revisions = published.get(d.period.id) ?? [];
    const changes = changesSincePublished(d, revisions);
    const latest = latestRevision(revisions);
    const textChanged = latest !== null && commentaryChanged(latest.commentary, commentary.get(d.period.id) ?? []);
    return {
      id: d.period.id,
      complete: d.period.complete,
      status: revisions.length === 0 ? 'draft' : changes.length > 0 || textChanged ? 'changed' : 'published',
      changes,
      commentaryChanged: textChanged,
      revisions: revisions.map((r) => ({
        revision: r.revision,
        publishedAt: r.publishedAt,
        publishedBy: r.publishedBy,
        message: r.message,
        reason: r.reason,
        changeCount: r.changes.length,
        hasCommentary: r.commentary.length > 0,
        digest: r.digest,
      })),
    };
  });
}
