/**
 * Where each period stands against its published revisions: draft, published, or changed since
 * publishing (the figures the exports give now differ from the latest revision).
 */
import type { PeriodSnapshot } from './build-snapshots.ts';
import type { FigureChange } from './diff-snapshots.ts';
import { changesSincePublished, type PublishedRevision } from './revisions.ts';

export interface PeriodStatus {
  id: string;
  complete: boolean;
  /** draft: never published; published: the draft equals the latest revision; changed: it differs. */
  status: 'draft' | 'published' | 'changed';
  /** Figures that differ between the draft and the latest revision. */
  changes: FigureChange[];
  revisions: Array<Omit<PublishedRevision, 'snapshot' | 'changes'> & { changeCount: number }>;
}

/** Draft vs published, per period. */
export function periodStatuses(drafts: readonly PeriodSnapshot[], published: Map<string, PublishedRevision[]>): PeriodStatus[] {
  return drafts.map((d) => {
    const revisions = published.get(d.period.id) ?? [];
    const changes = changesSincePublished(d, revisions);
    return {
      id: d.period.id,
      complete: d.period.complete,
      status: revisions.length === 0 ? 'draft' : changes.length > 0 ? 'changed' : 'published',
      changes,
      revisions: revisions.map(({ snapshot: _s, changes: c, ...meta }) => ({ ...meta, changeCount: c.length })),
    };
  });
}
