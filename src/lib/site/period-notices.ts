/**
 * The notices a period's pages carry so that no page shows published figures without saying what
 * else exists: changes not yet published (with a draft view), a revision superseded by a later
 * one. Pure: pages format and link what these return.
 */
import type { PeriodStatus } from '../snapshot/period-status.ts';
import type { SitePeriod } from './load-snapshots.ts';

type Status = Pick<PeriodStatus, 'status' | 'changes' | 'commentaryChanged' | 'revisions'>;

/** A published period whose figures or commentary changed since has a draft view (/reviews/<period>/draft/). */
export function hasDraftView(status: Status): boolean {
  return status.revisions.length > 0 && status.status === 'changed';
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

/** A month in a quarter or year whose published revision differs from the figures the exports give now. */
export interface MonthDisagreement {
  month: string;
  /** The month's latest published revision. */
  revision: number;
  /** How many figures differ, and the first few of their paths. */
  count: number;
  examples: string[];
}

type PeriodLike = { id: string; status: Status; shownRevision: number | null; months: readonly string[]; kind: string };

/** How many figure paths a notice names before "…". */
export const EXAMPLE_FIGURES = 5;

/**
 * The months of a quarter or year built from the current exports whose published revision says
 * otherwise: the quarter's page must say so, since its reader would otherwise take the two for
 * the same figures.
 */
export function monthsDiffering(period: Pick<PeriodLike, 'months' | 'kind'>, all: readonly PeriodLike[]): MonthDisagreement[] {
  if (period.kind === 'month') return [];
  return period.months.flatMap((id) => {
    const month = all.find((p) => p.id === id);
    if (!month || month.shownRevision === null || month.status.status !== 'changed' || month.status.changes.length === 0) return [];
    const changes = month.status.changes;
    return [
      { month: id, revision: month.shownRevision, count: changes.length, examples: changes.slice(0, EXAMPLE_FIGURES).map((c) => c.path) },
    ];
  });
}

/**
 * The quarters and years that include a published month and are built from the current exports
 * (they show their draft), when the month's exports changed since its revision: its page says
 * they differ from it.
 */
export function periodsBuiltFromNewer(month: PeriodLike, all: readonly PeriodLike[]): string[] {
  if (month.kind !== 'month' || month.shownRevision === null || month.status.status !== 'changed' || month.status.changes.length === 0)
    return [];
  return all.filter((p) => p.kind !== 'month' && p.shownRevision === null && p.months.includes(month.id)).map((p) => p.id);
}

/** The facts of a site period these notices read (its kind and months are the draft's: they never change). */
export function periodFacts(p: SitePeriod): PeriodLike {
  return { id: p.id, status: p.status, shownRevision: p.shownRevision, months: p.draft.period.months, kind: p.draft.period.kind };
}
