/**
 * The notices a period's pages carry so that no page shows published figures without saying what
 * else exists: changes not yet published (with a draft view), a revision superseded by a later
 * one. Pure: pages format and link what these return.
 */
import type { PeriodStatus } from '../snapshot/period-status.ts';

type Status = Pick<PeriodStatus, 'status' | 'changes' | 'commentaryChanged' | 'revisions'>;

/** A published period whose figures or commentary changed since has a draft view (/reviews/<period>/draft/). */
export function hasDraftView(status: Status): boolean {
  return status.revisions.length > 0 && status.status === 'changed';
}

/** What is not yet published, in words: "3 figures, the commentary"; null when nothing is. */
export function unpublishedChanges(status: Status): string | null {
  if (!hasDraftView(status)) return null;
  const parts: string[] = [];
  const n = status.changes.length;
  if (n > 0) parts.push(`${n} ${n === 1 ? 'figure' : 'figures'}`);
  if (status.commentaryChanged) parts.push('the commentary');
  return parts.length > 0 ? parts.join(', ') : null;
}

export interface Supersession {
  /** The revision that replaced this one (the next). */
  by: number;
  /** Its publication date, YYYY-MM-DD (UTC). */
  date: string;
  reason: string | null;
  /** The latest revision, when it is not `by`. */
  latest: number | null;
}

/** Whether a revision was superseded, and by which: null for the latest revision. */
export function supersededBy(status: Status, revision: number): Supersession | null {
  const next = status.revisions.find((r) => r.revision === revision + 1);
  if (!next) return null;
  const latest = status.revisions[status.revisions.length - 1]?.revision ?? next.revision;
  return { by: next.revision, date: next.publishedAt.slice(0, 10), reason: next.reason, latest: latest === next.revision ? null : latest };
}
